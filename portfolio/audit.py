"""Writing the audit trail. Like every service, it adds to the session and never commits."""

from __future__ import annotations

from typing import Any

from portfolio.extensions import db
from portfolio.models import AuditEvent, User


def record(
    action: str,
    *,
    user: User | None,
    organisation_id: int | None,
    summary: str = "",
    target: Any = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    portfolio_id: int | None = None,
    project_id: int | None = None,
) -> AuditEvent:
    """Add one AuditEvent. ``target`` is any model instance with an ``id`` (its class name is the type)."""
    event = AuditEvent(
        organisation_id=organisation_id,
        user_id=user.id if user else None,
        actor=user.email if user else "system",
        action=action,
        target_type=type(target).__name__.lower() if target is not None else None,
        target_id=getattr(target, "id", None),
        portfolio_id=portfolio_id,
        project_id=project_id,
        summary=summary[:500],
        before=before,
        after=after,
    )
    db.session.add(event)
    return event

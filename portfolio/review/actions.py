"""Actions on a project: who owns them (a member of the organisation), when they are due, where they stand.
Like every service: adds and flushes, never commits; takes the acting user; raises errors in plain words."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm.exc import StaleDataError

from portfolio import audit
from portfolio.extensions import db
from portfolio.models import Action, Membership, Project, User
from portfolio.models.columns import utcnow
from portfolio.review.service import ActionRefused, ReviewConflict
from portfolio.review.workflow import ACTION_STATUSES


def _owner(organisation_id: int, owner_id: int | None) -> User | None:
    if owner_id is None:
        return None
    owner = db.session.scalar(
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(
            User.id == owner_id, Membership.organisation_id == organisation_id, Membership.active.is_(True)
        )
    )
    if owner is None:
        raise ActionRefused("Choose an owner who is a member of this organisation.")
    return owner


def _action_view(action: Action) -> dict[str, Any]:
    return {
        "title": action.title,
        "owner": action.owner_name,
        "owner_id": action.owner_id,
        "due_date": action.due_date.isoformat() if action.due_date else None,
        "status": action.status,
    }


def add_action(project: Project, title: str, owner_id: int | None, due: date | None, user: User) -> Action:
    """Add an action on the project. Raises ActionRefused when the owner is not a member of the
    organisation."""
    if not title.strip():
        raise ActionRefused("Say what needs to be done.")
    owner = _owner(project.organisation_id, owner_id)
    action = Action(
        organisation_id=project.organisation_id,
        project_id=project.id,
        title=title.strip(),
        owner_id=owner.id if owner else None,
        owner_name=owner.name if owner else "",
        due_date=due,
        status="open",
        created_by_id=user.id,
        created_at=utcnow(),
        updated_at=utcnow(),
    )
    db.session.add(action)
    db.session.flush()
    audit.record(
        "action_created",
        user=user,
        organisation_id=project.organisation_id,
        target=action,
        portfolio_id=project.portfolio_id,
        project_id=project.id,
        summary=f"Action on {project.title}: {action.title}"[:500],
        after=_action_view(action),
    )
    return action


def update_action(
    action: Action,
    status: str,
    owner_id: int | None,
    due: date | None,
    drawn_version: int,
    user: User,
    role: str,
) -> Action:
    """Change an action's status, owner or due date. Board members and administrators may change any action;
    others only the actions they own. Raises ActionRefused or ReviewConflict (the action changed since the
    form was drawn)."""
    if role not in ("board", "admin") and action.owner_id != user.id:
        raise ActionRefused("Only the action's owner, a board member or an administrator can update it.")
    if status not in ACTION_STATUSES:
        raise ActionRefused("Choose a status for the action.")
    if action.lock_version != drawn_version:
        raise ReviewConflict("Someone else changed this action after you opened the page.")
    before = _action_view(action)
    owner = _owner(action.organisation_id, owner_id)
    action.status, action.due_date, action.updated_at = status, due, utcnow()
    action.owner_id, action.owner_name = (owner.id, owner.name) if owner else (None, "")
    try:
        db.session.flush()
    except StaleDataError as stale:
        raise ReviewConflict("Someone else changed this action while you were saving yours.") from stale
    project = db.session.get(Project, action.project_id)
    audit.record(
        "action_updated",
        user=user,
        organisation_id=action.organisation_id,
        target=action,
        portfolio_id=project.portfolio_id if project else None,
        project_id=action.project_id,
        summary=f"Action updated: {action.title}"[:500],
        before=before,
        after=_action_view(action),
    )
    return action


def my_actions_query(user: User, organisation_id: int) -> Select[Action]:
    """The user's actions in the organisation: open ones first, soonest due first."""
    closed = Action.status.in_(("done", "cancelled"))
    return (
        select(Action)
        .where(Action.organisation_id == organisation_id, Action.owner_id == user.id)
        .order_by(closed, Action.due_date.is_(None), Action.due_date, Action.id)
    )


def project_titles(project_ids: list[int]) -> dict[int, str]:
    """Titles of these projects, in one query (for a page of actions)."""
    if not project_ids:
        return {}
    return dict(
        db.session.execute(select(Project.id, Project.title).where(Project.id.in_(project_ids))).all()
    )

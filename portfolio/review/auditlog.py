"""Reading the audit trail of a project or a portfolio: scoped to the organisation, filtered, newest first."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select

from portfolio.extensions import db
from portfolio.models import AuditEvent, Portfolio, Project


@dataclass(frozen=True)
class AuditFilters:
    action: str = ""
    user: str = ""
    date_from: date | None = None
    date_to: date | None = None


def project_scope(project: Project) -> ColumnElement[bool]:
    return (AuditEvent.organisation_id == project.organisation_id) & (AuditEvent.project_id == project.id)


def portfolio_scope(portfolio: Portfolio) -> ColumnElement[bool]:
    """Events on the portfolio itself (imports, edits) and on any of its projects."""
    projects = select(Project.id).where(Project.portfolio_id == portfolio.id)
    return (AuditEvent.organisation_id == portfolio.organisation_id) & or_(
        AuditEvent.portfolio_id == portfolio.id, AuditEvent.project_id.in_(projects)
    )


def events(scope: ColumnElement[bool], filters: AuditFilters) -> Select[AuditEvent]:
    """The events in ``scope`` matching ``filters``, newest first."""
    query = select(AuditEvent).where(scope)
    if filters.action:
        query = query.where(AuditEvent.action == filters.action)
    if filters.user:
        query = query.where(AuditEvent.actor == filters.user)
    if filters.date_from:
        query = query.where(AuditEvent.at >= datetime.combine(filters.date_from, time(), UTC))
    if filters.date_to:
        query = query.where(
            AuditEvent.at < datetime.combine(filters.date_to + timedelta(days=1), time(), UTC)
        )
    return query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())


def choices(scope: ColumnElement[bool]) -> tuple[list[str], list[str]]:
    """The actions and the people that occur in ``scope`` (for the filter lists): two queries."""
    actions = db.session.scalars(
        select(AuditEvent.action).where(scope).distinct().order_by(AuditEvent.action)
    )
    actors = db.session.scalars(select(AuditEvent.actor).where(scope).distinct().order_by(AuditEvent.actor))
    return list(actions), list(actors)


def as_row(event: AuditEvent) -> tuple[Any, ...]:
    """One event in the CSV's column order (auditcsv.HEADER)."""
    return (
        event.at.isoformat(timespec="seconds"),
        event.actor,
        event.action,
        event.summary,
        event.target_type or "",
        event.target_id or "",
        event.project_id or "",
        json.dumps(event.before, ensure_ascii=False, sort_keys=True) if event.before is not None else "",
        json.dumps(event.after, ensure_ascii=False, sort_keys=True) if event.after is not None else "",
    )


def all_rows(query: Select[AuditEvent]) -> list[tuple[Any, ...]]:
    return [as_row(e) for e in db.session.scalars(query.execution_options(yield_per=1000))]

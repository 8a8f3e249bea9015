"""Tagging results in the app: reviewers' overrides and the project list (heatmap) queries (rubric edits and
re-tagging: ``rubric_service``). Runs queries and changes data; adds and flushes, never commits.

The pure tagger (``portfolio.tagging.rules.tag_project``) and the portfolio judgement (``portfolio.pipeline``)
do the work; this module converts between their results and the ORM.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, case, distinct, exists, func, or_, select
from sqlalchemy.orm import load_only

from portfolio import audit
from portfolio.extensions import db
from portfolio.models import (
    PRINCIPLE_COLUMNS,
    Override,
    Project,
    ProjectFlag,
    ProjectVersion,
    Upload,
    User,
)
from portfolio.principles import Principle, Status

STATUSES = tuple(s.value for s in Status)
#: Sort keys a user may choose, and the column each sorts by (never a column name from the request).
SORT_COLUMNS: Mapping[str, Any] = {
    "title": ProjectVersion.title,
    "ref": ProjectVersion.ref,
    "score": ProjectVersion.score,
    "flags": ProjectVersion.flag_count,
    "budget": ProjectVersion.budget,
}
UNLINKED = "__none__"  # the objective filter value for projects linked to no objective


class OverrideRefused(ValueError):
    """An override that cannot be made (unknown principle or status, no reason, nothing to clear)."""


# --- Overrides ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OverrideView:
    """An active override as pages show it: the reviewer's status beside the automatic one."""

    principle: str
    status: str
    reason: str
    by: str
    at: datetime


def overrides_for(project_ids: Sequence[int]) -> dict[int, dict[str, OverrideView]]:
    """Active overrides of these projects, {project id: {principle: OverrideView}}, in one query."""
    if not project_ids:
        return {}
    rows = db.session.execute(
        select(Override, User.name)
        .outerjoin(User, User.id == Override.user_id)
        .where(Override.project_id.in_(set(project_ids)), Override.active.is_(True))
        .order_by(Override.id)
    ).all()
    found: dict[int, dict[str, OverrideView]] = {}
    for override, name in rows:  # newest last, so it wins
        found.setdefault(override.project_id, {})[override.principle] = OverrideView(
            override.principle, override.status, override.reason, name or "a former user", override.created_at
        )
    return found


def _automatic_status(project: Project, principle: str) -> str | None:
    column = getattr(ProjectVersion, principle)
    return db.session.scalar(
        select(column)
        .join(Upload, Upload.id == ProjectVersion.upload_id)
        .where(ProjectVersion.project_id == project.id)
        .order_by(Upload.version.desc())
        .limit(1)
    )


def _active(project: Project, principle: str) -> list[Override]:
    return list(
        db.session.scalars(
            select(Override).where(
                Override.project_id == project.id, Override.principle == principle, Override.active.is_(True)
            )
        )
    )


def set_override(
    project: Project, principle: str, status: str | None, reason: str, user: User
) -> Override | None:
    """Set (``status`` one of evident/partial/missing) or clear (``status`` None) a reviewer's status for one
    principle of ``project``. It applies to every version and survives re-tagging. Audited with the status
    before and after and the automatic result. Raises OverrideRefused for an unknown principle or status, a
    blank reason, or clearing when there is no override. Returns the new Override (None when cleared)."""
    reason = (reason or "").strip()
    if principle not in set(Principle):
        raise OverrideRefused("Choose one of the eight principles.")
    if status is not None and status not in STATUSES:
        raise OverrideRefused("Choose evident, partial or missing.")
    if not reason:
        raise OverrideRefused("Give the reason for the override.")
    current = _active(project, principle)
    if status is None and not current:
        raise OverrideRefused("There is no override to clear for this principle.")
    automatic = _automatic_status(project, principle)
    before = {"status": current[-1].status, "reason": current[-1].reason} if current else None
    for row in current:
        row.active = False
    override = None
    if status is not None:
        override = Override(
            organisation_id=project.organisation_id,
            project_id=project.id,
            principle=principle,
            status=status,
            reason=reason,
            user_id=user.id,
        )
        db.session.add(override)
    db.session.flush()
    audit.record(
        "override_set" if status else "override_cleared",
        user=user,
        organisation_id=project.organisation_id,
        target=override or project,
        portfolio_id=project.portfolio_id,
        project_id=project.id,
        summary=(
            f"{'Set' if status else 'Cleared'} the {principle} override on {project.title[:200]}"
            + (f" to {status}" if status else "")
            + f": {reason[:200]}"
        ),
        before={"principle": principle, "automatic": automatic, "override": before},
        after={
            "principle": principle,
            "automatic": automatic,
            "override": {"status": status, "reason": reason} if status else None,
            "reason": reason,
        },
    )
    return override


def version_numbers(project: Project) -> list[int]:
    """The portfolio versions that hold this project, oldest first."""
    return list(
        db.session.scalars(
            select(Upload.version)
            .join(ProjectVersion, ProjectVersion.upload_id == Upload.id)
            .where(ProjectVersion.project_id == project.id)
            .order_by(Upload.version)
        )
    )


# --- The project list (heatmap) ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ListQuery:
    """What the user asked the project list for; every value was checked against its choices by the form."""

    principle: str | None = None
    status: str | None = None
    flag: str | None = None
    objective: str | None = None
    text: str | None = None
    sort: str = "ref"
    descending: bool = False


LIST_COLUMNS = (
    ProjectVersion.id,
    ProjectVersion.project_id,
    ProjectVersion.upload_id,
    ProjectVersion.row,
    ProjectVersion.ref,
    ProjectVersion.title,
    ProjectVersion.score,
    ProjectVersion.flag_count,
    ProjectVersion.budget,
    ProjectVersion.objective,
    *(getattr(ProjectVersion, p) for p in PRINCIPLE_COLUMNS),
)


def project_list(upload: Upload, query: ListQuery) -> Select[tuple[ProjectVersion]]:
    """The versions of ``upload`` matching ``query``, sorted; a principle filter uses the status in force
    (a reviewer's override, else the automatic one). Build the page with ``portfolio.pagination.paginate``."""
    stmt = (
        select(ProjectVersion).options(load_only(*LIST_COLUMNS)).where(ProjectVersion.upload_id == upload.id)
    )
    if query.principle in PRINCIPLE_COLUMNS and query.status in STATUSES:
        override = (
            select(Override.status)
            .where(
                Override.project_id == ProjectVersion.project_id,
                Override.principle == query.principle,
                Override.active.is_(True),
            )
            .order_by(Override.id.desc())
            .limit(1)
            .scalar_subquery()
        )
        stmt = stmt.where(func.coalesce(override, getattr(ProjectVersion, query.principle)) == query.status)
    if query.flag:
        stmt = stmt.where(
            exists().where(
                ProjectFlag.project_version_id == ProjectVersion.id, ProjectFlag.flag == query.flag
            )
        )
    if query.objective == UNLINKED:
        stmt = stmt.where(or_(ProjectVersion.objective.is_(None), ProjectVersion.objective == ""))
    elif query.objective:
        stmt = stmt.where(ProjectVersion.objective == query.objective)
    if query.text:
        stmt = stmt.where(
            or_(
                ProjectVersion.title.icontains(query.text, autoescape=True),
                ProjectVersion.ref.icontains(query.text, autoescape=True),
                ProjectVersion.fields["description"].as_string().icontains(query.text, autoescape=True),
            )
        )
    column = SORT_COLUMNS.get(query.sort, ProjectVersion.ref)
    order = column.desc() if query.descending else column.asc()
    return stmt.order_by(order.nulls_last(), ProjectVersion.row)


def status_counts(upload: Upload) -> dict[str, dict[str, int]]:
    """{principle: {status: number of projects}} for the version's automatic results, in one query."""
    columns = [
        func.sum(case((getattr(ProjectVersion, p) == s, 1), else_=0)).label(f"{p}.{s}")
        for p in PRINCIPLE_COLUMNS
        for s in STATUSES
    ]
    row = db.session.execute(select(*columns).where(ProjectVersion.upload_id == upload.id)).one()
    counts: dict[str, dict[str, int]] = {p: {} for p in PRINCIPLE_COLUMNS}
    for key, value in row._mapping.items():
        principle, status = key.split(".")
        counts[principle][status] = int(value or 0)
    return counts


def flag_counts(upload: Upload) -> dict[str, int]:
    """{flag id: number of projects raising it} for the version, in one GROUP BY query."""
    rows = db.session.execute(
        select(ProjectFlag.flag, func.count(distinct(ProjectFlag.project_version_id)))
        .where(ProjectFlag.upload_id == upload.id)
        .group_by(ProjectFlag.flag)
    ).all()
    return {flag: int(count) for flag, count in rows}


def objectives_in(upload: Upload) -> list[str]:
    """The objectives the version's projects are linked to, for the filter."""
    return list(
        db.session.scalars(
            select(ProjectVersion.objective)
            .distinct()
            .where(
                ProjectVersion.upload_id == upload.id,
                ProjectVersion.objective.is_not(None),
                ProjectVersion.objective != "",
            )
            .order_by(ProjectVersion.objective)
        )
    )

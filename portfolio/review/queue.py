"""The review queue of a portfolio version and the board pack's project list, built in SQL: filters, ordering
by severity and budget, counts per filter value. A page costs the same number of queries whatever the size of
the portfolio (no per-row queries)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import ColumnElement, Select, case, exists, func, select
from sqlalchemy.orm import joinedload

from portfolio.extensions import db
from portfolio.labels import FLAG_LABELS, STATUS_LABELS
from portfolio.models import (
    PRINCIPLE_COLUMNS,
    Decision,
    Project,
    ProjectFlag,
    ProjectVersion,
    ReviewState,
    Upload,
)
from portfolio.review.workflow import STATUS_LABELS as DECISION_LABELS
from portfolio.review.workflow import Status

NONE = "__none__"  # filter value for "not recorded" (no owner, no objective)
OWNER_FACET_LIMIT = 40
PRINCIPLE_STATUSES = ("missing", "partial", "evident")
AnySelect = Select[*tuple[Any, ...]]


@dataclass(frozen=True)
class QueueFilters:
    """The queue's filters as read from the query string; unknown values are dropped, never trusted."""

    flag: str = ""
    principle: str = ""  # "<principle id>:<status>", e.g. "user_needs:missing"
    decision: str = ""
    owner: str = ""
    objective: str = ""

    @classmethod
    def from_args(cls, args: Any) -> QueueFilters:
        values = {f.name: (args.get(f.name) or "").strip()[:300] for f in fields(cls)}
        if values["flag"] not in FLAG_LABELS:
            values["flag"] = ""
        pid, _, status = values["principle"].partition(":")
        if pid not in PRINCIPLE_COLUMNS or status not in STATUS_LABELS:
            values["principle"] = ""
        if values["decision"] not in DECISION_LABELS:
            values["decision"] = ""
        return cls(**values)

    def active(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


def owner_expr() -> ColumnElement[Any]:
    return ProjectVersion.fields["owner"].as_string()


def objective_expr() -> ColumnElement[Any]:
    return func.coalesce(Project.objective_override, ProjectVersion.objective)


def decision_expr() -> ColumnElement[Any]:
    return func.coalesce(ReviewState.status, Status.NOT_REVIEWED.value)


def _base(query: AnySelect, upload_id: int) -> AnySelect:
    return (
        query.select_from(ProjectVersion)
        .join(Project, Project.id == ProjectVersion.project_id)
        .outerjoin(ReviewState, ReviewState.project_id == ProjectVersion.project_id)
        .where(ProjectVersion.upload_id == upload_id)
    )


def _text_filter(expr: ColumnElement[Any], value: str) -> ColumnElement[bool]:
    return (expr.is_(None) | (expr == "")) if value == NONE else (expr == value)


def _filtered(query: AnySelect, filters: QueueFilters, skip: str = "") -> AnySelect:
    if filters.flag and skip != "flag":
        query = query.where(
            exists().where(
                ProjectFlag.project_version_id == ProjectVersion.id, ProjectFlag.flag == filters.flag
            )
        )
    if filters.principle and skip != "principle":
        pid, _, status = filters.principle.partition(":")
        query = query.where(getattr(ProjectVersion, pid) == status)
    if filters.decision and skip != "decision":
        query = query.where(decision_expr() == filters.decision)
    if filters.owner and skip != "owner":
        query = query.where(_text_filter(owner_expr(), filters.owner))
    if filters.objective and skip != "objective":
        query = query.where(_text_filter(objective_expr(), filters.objective))
    return query


def severity_order() -> tuple[Any, ...]:
    """Most flags first, then lowest score, then biggest budget (unknown budgets last), then title."""
    return (
        ProjectVersion.flag_count.desc(),
        ProjectVersion.score,
        ProjectVersion.budget.is_(None),
        ProjectVersion.budget.desc(),
        ProjectVersion.title,
        ProjectVersion.id,
    )


def queue_query(upload_id: int, filters: QueueFilters) -> Select[ProjectVersion]:
    """The queue's rows (ProjectVersions), filtered and in severity order, ready to paginate."""
    return _filtered(_base(select(ProjectVersion), upload_id), filters).order_by(*severity_order())


def facet_counts(upload_id: int, filters: QueueFilters) -> dict[str, list[tuple[str, str, int]]]:
    """Counts per filter value, each facet counted with the other filters applied:
    {facet: [(value, label, n)]}.
    Five queries, whatever the portfolio's size."""
    count = func.count(func.distinct(ProjectVersion.id))
    flags = db.session.execute(
        _filtered(_base(select(ProjectFlag.flag, count), upload_id), filters, "flag")
        .join(ProjectFlag, ProjectFlag.project_version_id == ProjectVersion.id)
        .group_by(ProjectFlag.flag)
        .order_by(count.desc(), ProjectFlag.flag)
    ).all()
    sums = [
        func.sum(case((getattr(ProjectVersion, p) == s, 1), else_=0))
        for p in PRINCIPLE_COLUMNS
        for s in PRINCIPLE_STATUSES
    ]
    principle_row = db.session.execute(_filtered(_base(select(*sums), upload_id), filters, "principle")).one()
    facets: dict[str, list[tuple[str, str, int]]] = {
        "flag": [(str(row[0]), FLAG_LABELS.get(row[0]) or str(row[0]), int(row[1])) for row in flags],
        "principle": [
            (f"{p}:{s}", f"{p}:{s}", int(principle_row[i * 3 + j] or 0))
            for i, p in enumerate(PRINCIPLE_COLUMNS)
            for j, s in enumerate(PRINCIPLE_STATUSES)
        ],
    }
    for name, expr, limit in (
        ("decision", decision_expr(), None),
        ("owner", owner_expr(), OWNER_FACET_LIMIT),
        ("objective", objective_expr(), OWNER_FACET_LIMIT),
    ):
        query = _filtered(_base(select(expr, count), upload_id), filters, name).group_by(expr)
        rows = db.session.execute(query.order_by(count.desc(), expr).limit(limit)).all()
        facets[name] = _labelled(name, rows)
    return facets


def _labelled(name: str, rows: Any) -> list[tuple[str, str, int]]:
    merged: dict[str, int] = {}
    for value, n in rows:
        key = value if value else NONE
        merged[key] = merged.get(key, 0) + n
    if name == "decision":
        return [(v, DECISION_LABELS.get(v, v), n) for v, n in merged.items()]
    blank = "No owner recorded" if name == "owner" else "No objective linked"
    return [(v, blank if v == NONE else v, n) for v, n in merged.items()]


def states_for(project_ids: list[int]) -> dict[int, tuple[ReviewState, Decision | None]]:
    """Review states and their latest decisions for these projects, in one query."""
    if not project_ids:
        return {}
    rows = db.session.execute(
        select(ReviewState, Decision)
        .outerjoin(Decision, Decision.id == ReviewState.decision_id)
        .options(joinedload(Decision.user))
        .where(ReviewState.project_id.in_(project_ids))
    ).all()
    return {state.project_id: (state, decision) for state, decision in rows}


def flagged_versions(upload: Upload, limit: int) -> tuple[list[ProjectVersion], int]:
    """The version's ``limit`` most pressing flagged projects in severity order (the board pack's list), and
    how many projects are flagged in all."""
    flagged = (ProjectVersion.upload_id == upload.id) & (ProjectVersion.flag_count > 0)
    total = db.session.scalar(select(func.count()).select_from(ProjectVersion).where(flagged)) or 0
    rows = db.session.scalars(select(ProjectVersion).where(flagged).order_by(*severity_order()).limit(limit))
    return list(rows.all()), total


def status_counts(upload: Upload) -> dict[str, int]:
    """How many of the version's projects stand at each review status (one GROUP BY)."""
    expr = decision_expr()
    rows = db.session.execute(_base(select(expr, func.count()), upload.id).group_by(expr)).all()
    return {status: n for status, n in rows}

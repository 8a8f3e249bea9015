"""The dashboard of one portfolio version, and linking a project to an objective by hand. Never commits.

Everything a dashboard shows comes from what the import stored (``Upload.signals``, ``Upload.analysis``) plus
aggregates run in SQL over the version's rows, so the number of queries does not grow with the portfolio.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import defer

from portfolio import audit
from portfolio.dashboard import cards, charts
from portfolio.extensions import db
from portfolio.labels import FLAG_LABELS, VERDICT_LABELS
from portfolio.models import PRINCIPLE_COLUMNS, Portfolio, Project, ProjectFlag, ProjectVersion, Upload, User
from portfolio.rubrics import current_rubric
from portfolio.versions import latest_upload

STATUSES = ("evident", "partial", "missing")
SHOWN_UNLINKED = 25  # projects named under "serve no objective"; the project list has the rest
SHOWN_GROUPS = 30
#: The objective a project serves: the one a person chose, else the automatic link from its text.
LINKED_OBJECTIVE = func.coalesce(Project.objective_override, ProjectVersion.objective)


class ObjectiveRefused(Exception):
    """The objective asked for is not one of the portfolio's."""


@dataclass(frozen=True)
class PrincipleCoverage:
    id: str
    name: str
    evident: int
    partial: int
    missing: int


@dataclass(frozen=True)
class Tally:
    """A row of a breakdown: how many projects and how much budget (None when no project gave one)."""

    key: str
    label: str
    projects: int
    budget: float | None


@dataclass(frozen=True)
class UnlinkedProject:
    project_id: int
    key: str
    title: str


@dataclass(frozen=True)
class TrendRow:
    version: int
    uploaded_at: datetime
    score: int | None
    verdict: str
    red: int
    current: bool


@dataclass(frozen=True)
class Capacity:
    active: int
    fte: float | None
    teams: int | None

    @property
    def per_fte(self) -> float | None:
        return round(self.active / self.fte, 2) if self.fte else None

    @property
    def per_team(self) -> float | None:
        return round(self.active / self.teams, 2) if self.teams else None


@dataclass(frozen=True)
class Dashboard:
    upload: Upload
    verdict_label: str
    reasons: tuple[str, ...]
    cards: tuple[cards.SignalCard, ...]
    coverage: tuple[PrincipleCoverage, ...]
    flags: tuple[Tally, ...]
    objectives: tuple[Tally, ...]  # per objective, then the active projects that serve none (key "")
    unserved: tuple[str, ...]
    unlinked: tuple[UnlinkedProject, ...]  # the first SHOWN_UNLINKED of them
    unlinked_count: int
    duplicate_groups: tuple[Mapping[str, Any], ...]
    duplicate_count: int
    trend: tuple[TrendRow, ...]
    changes: tuple[str, ...]
    previous_version: int | None
    capacity: Capacity
    charts: Mapping[str, charts.BarChart | charts.LineChart]


def find_version(portfolio: Portfolio, version: int | None) -> Upload | None:
    """Version ``version`` of ``portfolio`` (the latest when None), without the columns the dashboard never
    shows (the file, its column list and problems, which can be large); None when there is no such version."""
    query = (
        select(Upload)
        .options(defer(Upload.columns), defer(Upload.problems), defer(Upload.notes))
        .where(Upload.portfolio_id == portfolio.id)
    )
    if version is not None:
        query = query.where(Upload.version == version)
    return db.session.scalar(query.order_by(Upload.version.desc()).limit(1))


def build_dashboard(portfolio: Portfolio, upload: Upload) -> Dashboard:
    """The dashboard of ``upload`` (a version of ``portfolio``, both already scoped to the user's
    organisation). Runs a fixed number of queries whatever the size of the portfolio."""
    rubric, thresholds = current_rubric(portfolio.organisation_id)
    analysis = upload.analysis or {}
    active = analysis.get("links") or {}
    coverage = _coverage(upload, {str(p): r.name for p, r in rubric.principles.items()})
    flags = _flags(upload)
    overrides = _overrides(upload)
    objectives, unserved = _objectives(upload, list(analysis.get("objectives") or []), overrides)
    unlinked, unlinked_budget = _unlinked(upload, active, overrides)
    objectives += (Tally("", "Serves no objective", len(unlinked), unlinked_budget),)
    trend, changes, previous = _trend(portfolio, upload)
    groups = list(analysis.get("duplicate_groups") or [])
    return Dashboard(
        upload=upload,
        verdict_label=VERDICT_LABELS.get(upload.verdict or "", "Not judged"),
        reasons=tuple(cards.plain_reason(r) for r in analysis.get("reasons") or ()),
        cards=cards.signal_cards(upload.signals or [], thresholds),
        coverage=coverage,
        flags=flags,
        objectives=objectives,
        unserved=unserved,
        unlinked=tuple(unlinked[:SHOWN_UNLINKED]),
        unlinked_count=len(unlinked),
        duplicate_groups=tuple(groups[:SHOWN_GROUPS]),
        duplicate_count=len(groups),
        trend=trend,
        changes=changes,
        previous_version=previous,
        capacity=Capacity(len(active), analysis.get("in_house_fte"), analysis.get("in_house_teams")),
        charts={
            "coverage": charts.bar_chart([(c.name, (c.evident, c.partial, c.missing)) for c in coverage],
                                         STATUSES),
            "flags": charts.bar_chart([(f.label, (f.projects,)) for f in flags]),
            "flag_budget": charts.bar_chart([(f.label, (f.budget or 0,)) for f in flags], fmt="money"),
            "objectives": charts.bar_chart([(o.label, (o.projects,)) for o in objectives]),
            "objective_budget": charts.bar_chart([(o.label, (o.budget or 0,)) for o in objectives],
                                                 fmt="money"),
            "trend": charts.line_chart([(f"Version {t.version}", t.score) for t in trend]),
        },
    )


def _coverage(upload: Upload, names: Mapping[str, str]) -> tuple[PrincipleCoverage, ...]:
    """Evident/partial/missing counts per principle: one GROUP BY over the eight status columns together
    (one pass over the rows; at most 3^8 small groups come back, however large the portfolio), summed per
    column."""
    columns = [getattr(ProjectVersion, column) for column in PRINCIPLE_COLUMNS]
    groups = db.session.execute(
        select(*columns, func.count()).where(ProjectVersion.upload_id == upload.id).group_by(*columns)
    ).all()
    counts: dict[tuple[str, str], int] = {}
    for *statuses, n in groups:
        for column, status in zip(PRINCIPLE_COLUMNS, statuses, strict=True):
            counts[column, status] = counts.get((column, status), 0) + n
    return tuple(
        PrincipleCoverage(column, names.get(column, column), *(counts.get((column, s), 0) for s in STATUSES))
        for column in PRINCIPLE_COLUMNS
    )


def _flags(upload: Upload) -> tuple[Tally, ...]:
    """Projects and budget per flag, most common first. The version's rows drive the join (filtered on
    ProjectVersion.upload_id), which reads each row once rather than once per flag."""
    rows = db.session.execute(
        select(ProjectFlag.flag, func.count(func.distinct(ProjectFlag.project_version_id)),
               func.sum(ProjectVersion.budget))
        .select_from(ProjectVersion)
        .join(ProjectFlag, ProjectFlag.project_version_id == ProjectVersion.id)
        .where(ProjectVersion.upload_id == upload.id)
        .group_by(ProjectFlag.flag)
    ).all()
    order = list(FLAG_LABELS)
    rows = sorted(rows, key=lambda r: (-r[1], order.index(r[0]) if r[0] in order else len(order), r[0]))
    return tuple(Tally(flag, FLAG_LABELS.get(flag, flag), count, budget) for flag, count, budget in rows)


def _overrides(upload: Upload) -> dict[int, tuple[str, str | None, float | None]]:
    """Projects of this version a person linked by hand: {project id: (chosen, automatic, budget)}. Few rows:
    people link a handful of projects, so the big aggregates below need no join to Project."""
    rows = db.session.execute(
        select(Project.id, Project.objective_override, ProjectVersion.objective, ProjectVersion.budget)
        .join(ProjectVersion,
              (ProjectVersion.project_id == Project.id) & (ProjectVersion.upload_id == upload.id))
        .where(Project.portfolio_id == upload.portfolio_id, Project.objective_override.is_not(None))
    ).all()
    return {project_id: (chosen, automatic, budget) for project_id, chosen, automatic, budget in rows}


def _add(tallies: dict[str, list[Any]], objective: str, count: int, budget: float | None) -> None:
    entry = tallies.setdefault(objective, [0, None])
    entry[0] += count
    if budget is not None:
        entry[1] = (entry[1] or 0) + budget


def _objectives(
    upload: Upload, objectives: list[str], overrides: Mapping[int, tuple[str, str | None, float | None]]
) -> tuple[tuple[Tally, ...], tuple[str, ...]]:
    """Projects and budget per objective (a person's choice wins over the automatic link), in the strategy's
    order; and the objectives no project serves."""
    rows = db.session.execute(
        select(ProjectVersion.objective, func.count(), func.sum(ProjectVersion.budget))
        .where(ProjectVersion.upload_id == upload.id, ProjectVersion.objective.is_not(None))
        .group_by(ProjectVersion.objective)
    ).all()
    found: dict[str, list[Any]] = {}
    for objective, count, budget in rows:
        _add(found, objective, count, budget)
    for chosen, automatic, budget in overrides.values():
        if automatic is not None:
            _add(found, automatic, -1, -budget if budget is not None else None)
        _add(found, chosen, 1, budget)
    found = {name: entry for name, entry in found.items() if entry[0] > 0}
    names = objectives + sorted(set(found) - set(objectives))
    tallies = tuple(Tally(name, name, *found.get(name, (0, None))) for name in names)
    return tallies, tuple(name for name in objectives if name not in found)


def _unlinked(
    upload: Upload, active: Mapping[str, Any], overrides: Mapping[int, Any]
) -> tuple[list[UnlinkedProject], float | None]:
    """Active projects linked to no objective, neither automatically nor by hand, and their total budget."""
    rows = db.session.execute(
        select(ProjectVersion.project_id, ProjectVersion.ref, ProjectVersion.title, ProjectVersion.row,
               ProjectVersion.budget)
        .where(ProjectVersion.upload_id == upload.id, ProjectVersion.objective.is_(None))
        .order_by(ProjectVersion.row)
    ).all()
    found, budget = [], None
    for project_id, ref, title, row, amount in rows:
        key = ref or title or f"row {row}"  # as the analysis names projects (ProjectFacts.key)
        # closed and stopped projects serve no objective by design; linked by hand, a project serves one
        if key in active and project_id not in overrides:
            found.append(UnlinkedProject(project_id, key, title))
            budget = (budget or 0) + amount if amount is not None else budget
    return found, budget


def _trend(portfolio: Portfolio, upload: Upload) -> tuple[tuple[TrendRow, ...], tuple[str, ...], int | None]:
    rows = db.session.execute(
        select(Upload.version, Upload.uploaded_at, Upload.score, Upload.verdict, Upload.signals)
        .where(Upload.portfolio_id == portfolio.id)
        .order_by(Upload.version)
    ).all()
    trend = tuple(
        TrendRow(version, at, score, VERDICT_LABELS.get(verdict or "", "Not judged"),
                 len(cards.red_signals(signals or [])), version == upload.version)
        for version, at, score, verdict, signals in rows
    )
    earlier = [r for r in rows if r[0] < upload.version]
    if not earlier:
        return trend, (), None
    old = earlier[-1]
    changes = cards.changes_since(
        cards.StoredVersion(old[0], old[3], old[2], old[4] or []),
        cards.StoredVersion(upload.version, upload.verdict, upload.score, upload.signals or []),
    )
    return trend, changes, old[0]


def objective_choices(portfolio: Portfolio) -> list[str]:
    """The objectives a project can be linked to: the portfolio's own, else those read from its latest
    file."""
    if portfolio.objectives:
        return list(portfolio.objectives)
    latest = latest_upload(portfolio.id)
    return list((latest.analysis or {}).get("objectives") or []) if latest else []


def link_objective(project: Project, objective: str | None, choices: Sequence[str], user: User) -> bool:
    """Set (or with None, clear) the objective a person says ``project`` serves; audited. Returns whether
    anything changed. Raises ObjectiveRefused when ``objective`` is not one of ``choices``."""
    objective = objective or None
    if objective is not None and objective not in choices:
        raise ObjectiveRefused("Choose one of the portfolio's strategic objectives.")
    before = project.objective_override
    if before == objective:
        return False
    project.objective_override = objective
    audit.record(
        "objective_linked" if objective else "objective_link_cleared",
        user=user,
        organisation_id=project.organisation_id,
        target=project,
        portfolio_id=project.portfolio_id,
        project_id=project.id,
        summary=(f"Linked {project.ref or project.title} to the objective {objective}" if objective
                 else f"{project.ref or project.title} now uses its automatic objective link")[:500],
        before={"objective_override": before},
        after={"objective_override": objective},
    )
    db.session.flush()
    return True


def automatic_objective(project: Project) -> str | None:
    """The objective the newest version of ``project`` was linked to from its own text."""
    return db.session.scalar(
        select(ProjectVersion.objective).join(Upload).where(ProjectVersion.project_id == project.id)
        .order_by(Upload.version.desc()).limit(1)
    )


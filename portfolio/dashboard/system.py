"""The system (ICS) view: the latest version of every portfolio of the organisations a user belongs to in one
system, side by side, and work that looks duplicated across those organisations. Never commits.

Only organisations the user is an active member of are read: the ids come from their memberships, never from
the request, and nothing from any other organisation of the system is queried.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, select

from portfolio.analysis.overlap import OverlapItem, find_overlaps
from portfolio.dashboard import cards
from portfolio.dashboard.service import LINKED_OBJECTIVE
from portfolio.extensions import db
from portfolio.labels import VERDICT_LABELS
from portfolio.models import Membership, Organisation, Portfolio, Project, ProjectVersion, Upload
from portfolio.rubrics import current_rubric

SHOWN_GROUPS = 50


@dataclass(frozen=True)
class LatestVersion:
    organisation: str
    organisation_id: int
    portfolio: str
    portfolio_id: int
    version: int
    uploaded_at: datetime
    verdict: str
    score: int | None
    projects: int
    red: tuple[str, ...]


@dataclass(frozen=True)
class SharedWork:
    """A group of projects in two or more organisations that look like the same work."""

    members: tuple[tuple[str, str], ...]  # (organisation, project)
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class SystemView:
    system: Organisation | None
    organisations: tuple[Organisation, ...]
    versions: tuple[LatestVersion, ...]
    shared: tuple[SharedWork, ...]
    shared_count: int


def system_memberships(memberships: Sequence[Membership], current: Membership) -> list[Membership]:
    """The user's active memberships of organisations in the same system as ``current`` (none: no system)."""
    system_id = current.organisation.system_id
    if system_id is None:
        return []
    return [m for m in memberships if m.active and m.organisation.system_id == system_id]


def build_system_view(memberships: Sequence[Membership], current: Membership) -> SystemView:
    """The system view for a user whose active memberships are ``memberships`` (current: ``current``)."""
    mine = system_memberships(memberships, current)
    organisations = tuple(m.organisation for m in mine)
    if not organisations:
        return SystemView(None, (), (), (), 0)
    names = {o.id: o.name for o in organisations}
    versions, uploads = _latest_versions(names)
    shared: list[SharedWork] = []
    if len({v.organisation_id for v in versions}) > 1:
        cosine = current_rubric(current.organisation_id)[1].params["overlap_cosine"]
        shared = _shared_work(uploads, names, cosine)
    return SystemView(current.organisation.system, organisations, tuple(versions),
                      tuple(shared[:SHOWN_GROUPS]), len(shared))


def _latest_versions(names: dict[int, str]) -> tuple[list[LatestVersion], dict[int, tuple[int, set[str]]]]:
    """Each portfolio's latest version in these organisations; and per upload id (organisation, active
    keys)."""
    org_ids = list(names)
    newest = (
        select(Upload.portfolio_id, func.max(Upload.version).label("version"))
        .where(Upload.organisation_id.in_(org_ids))
        .group_by(Upload.portfolio_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Upload.id, Upload.organisation_id, Portfolio.name, Portfolio.id, Upload.version,
               Upload.uploaded_at, Upload.verdict, Upload.score, Upload.project_count, Upload.signals,
               Upload.analysis)
        .join(newest, and_(Upload.portfolio_id == newest.c.portfolio_id, Upload.version == newest.c.version))
        .join(Portfolio, Portfolio.id == Upload.portfolio_id)
        .where(Upload.organisation_id.in_(org_ids))
    ).all()
    versions, uploads = [], {}
    for upload_id, org_id, name, portfolio_id, version, at, verdict, score, count, signals, analysis in rows:
        versions.append(LatestVersion(names[org_id], org_id, name, portfolio_id, version, at,
                                      VERDICT_LABELS.get(verdict or "", "Not judged"), score, count,
                                      cards.red_signals(signals or [])))
        uploads[upload_id] = (org_id, set((analysis or {}).get("links") or {}))
    versions.sort(key=lambda v: (v.organisation.lower(), v.portfolio.lower()))
    return versions, uploads


def _shared_work(
    uploads: dict[int, tuple[int, set[str]]], names: dict[int, str], cosine: float
) -> list[SharedWork]:
    """Overlap groups (analysis.overlap) over the active projects of these versions, keeping only the groups
    that span more than one organisation."""
    if not uploads:
        return []
    rows = db.session.execute(
        select(ProjectVersion.upload_id, ProjectVersion.ref, ProjectVersion.title, ProjectVersion.row,
               ProjectVersion.fields, LINKED_OBJECTIVE)
        .join(Project, Project.id == ProjectVersion.project_id)
        .where(ProjectVersion.upload_id.in_(list(uploads)))
        .order_by(ProjectVersion.upload_id, ProjectVersion.row)
    ).all()
    items, owners = [], {}
    for upload_id, ref, title, row, fields, objective in rows:
        org_id, active = uploads[upload_id]
        key = ref or title or f"row {row}"
        if key not in active:
            continue
        named = f"{names[org_id]}: {key}"
        owners[named] = (names[org_id], key if key == title else f"{key} {title}")
        items.append(OverlapItem(key=named, title=title, description=(fields or {}).get("description", ""),
                                 objective=objective, organisation=names[org_id]))
    groups = find_overlaps(items, cosine)
    return [
        SharedWork(tuple(owners[m] for m in group.members), group.reasons)
        for group in groups
        if len({owners[m][0] for m in group.members}) > 1
    ]

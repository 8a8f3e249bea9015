"""Taking back decisions made offline: a board secretary edits decisions, rationales and comments in an
export and uploads it. The changes are previewed, conflicts with newer changes in the app are shown and
never applied, and the rest is applied through the review services (so the workflow rules and the audit
trail hold). Adds and flushes, never commits."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from portfolio import audit
from portfolio.exporting.model import ReturnedWorkbook
from portfolio.exporting.returned import read_returned_workbook
from portfolio.extensions import db
from portfolio.models import (
    Comment,
    PendingImport,
    Portfolio,
    Project,
    ProjectVersion,
    ReviewState,
    Upload,
    User,
)
from portfolio.review.service import add_comment, record_decision
from portfolio.review.workflow import TransitionNotAllowed

MOVES = {
    "endorse": "endorse",
    "challenge": "challenge",
    "pause": "pause",
    "stop": "stop",
    "refer back": "refer_back",
    "refer_back": "refer_back",
}


class ReturnRefused(Exception):
    """The file is not a review workbook of this portfolio; the message says what to do instead."""


@dataclass(frozen=True)
class ReturnedChange:
    project: Project
    field: str  # "decision", "rationale" or "comment"
    value: str
    conflict: str | None  # why it cannot be applied, in words; None when it can


def read_return(portfolio: Portfolio, data: bytes) -> tuple[ReturnedWorkbook, Upload]:
    """Recognise the app's own export of this portfolio; ReturnRefused otherwise."""
    returned = read_returned_workbook(data)
    if returned is None:
        raise ReturnRefused(
            "This is not a review workbook downloaded from this service. To import a new version "
            "of the project list, use 'Upload a new version' instead."
        )
    parts = returned.version_id.split(":")
    upload = None
    if len(parts) == 3 and parts[0] == str(portfolio.id) and parts[2].isdigit():
        upload = db.session.scalar(
            select(Upload).where(Upload.id == int(parts[2]), Upload.portfolio_id == portfolio.id)
        )
    if upload is None:
        raise ReturnRefused(
            "This review workbook was downloaded for a different portfolio or version that no "
            "longer exists here. Download the review again and record the decisions in that copy."
        )
    return returned, upload


def start_return(portfolio: Portfolio, filename: str, data: bytes, user: User) -> PendingImport:
    read_return(portfolio, data)
    pending = PendingImport(
        organisation_id=portfolio.organisation_id,
        portfolio_id=portfolio.id,
        user_id=user.id,
        filename=filename[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        content=data,
        kind="returned",
        mapping={},
    )
    db.session.add(pending)
    db.session.flush()
    return pending


def returned_changes(pending: PendingImport) -> list[ReturnedChange]:
    """Every edited decision, rationale and comment in the file, each with its conflict (if any)."""
    returned, upload = read_return(pending.portfolio, pending.content)
    exported_at = datetime.fromisoformat(returned.exported_at)
    rows = {
        v.row: v.project_id
        for v in db.session.scalars(select(ProjectVersion).where(ProjectVersion.upload_id == upload.id))
    }
    edited = [r for r in returned.rows if r.changed and r.row in rows]
    projects = {
        p.id: p
        for p in db.session.scalars(select(Project).where(Project.id.in_([rows[r.row] for r in edited])))
    }
    states = {
        s.project_id: s
        for s in db.session.scalars(select(ReviewState).where(ReviewState.project_id.in_(list(projects))))
    }
    commented = dict(
        db.session.execute(
            select(Comment.project_id, func.max(Comment.created_at))
            .where(Comment.project_id.in_(list(projects)))
            .group_by(Comment.project_id)
        ).all()
    )
    changes = []
    for row in edited:
        project = projects[rows[row.row]]
        state = states.get(project.id)
        decided_since = state is not None and _after(state.updated_at, exported_at)
        for field in ("decision", "rationale", "comment"):
            if field not in row.changed:
                continue
            value = (row.values.get(field) or "").strip()
            conflict = None
            if field in ("decision", "rationale") and decided_since:
                conflict = "The decision was changed in the app after this workbook was downloaded."
            elif field == "decision" and value.lower() not in MOVES:
                conflict = f"'{value}' is not a decision: use endorse, challenge, pause, stop or refer back."
            elif (
                field == "comment" and project.id in commented and _after(commented[project.id], exported_at)
            ):
                conflict = "Someone commented in the app after this workbook was downloaded: read it first."
            changes.append(ReturnedChange(project, field, value, conflict))
    return changes


def _after(moment: datetime, exported_at: datetime) -> bool:
    return moment > (exported_at if exported_at.tzinfo else exported_at.replace(tzinfo=moment.tzinfo))


def apply_return(pending: PendingImport, user: User, role: str) -> tuple[int, int]:
    """Apply every change without a conflict; returns (applied, skipped). TransitionNotAllowed propagates as a
    skipped change with the reason written to the audit trail."""
    _, upload = read_return(pending.portfolio, pending.content)
    changes = returned_changes(pending)
    applied = skipped = 0
    by_project: dict[int, dict[str, ReturnedChange]] = {}
    for change in changes:
        by_project.setdefault(change.project.id, {})[change.field] = change
    for fields in by_project.values():
        for change in fields.values():
            if change.conflict:
                skipped += 1
                continue
            try:
                _apply(change, fields, upload, user, role)
                applied += 1
            except TransitionNotAllowed:
                skipped += 1
    audit.record(
        "returned_workbook_applied",
        user=user,
        organisation_id=pending.organisation_id,
        portfolio_id=pending.portfolio_id,
        summary=f"Applied {applied} offline changes from {pending.filename}",
        after={"applied": applied, "skipped": skipped, "sha256": pending.sha256},
    )
    db.session.delete(pending)
    return applied, skipped


def _apply(
    change: ReturnedChange, fields: dict[str, ReturnedChange], upload: Upload, user: User, role: str
) -> None:
    project = change.project
    if change.field == "decision":
        state = db.session.scalar(select(ReviewState).where(ReviewState.project_id == project.id))
        rationale = (
            fields["rationale"].value if "rationale" in fields else "Recorded offline in the review workbook."
        )
        record_decision(
            project,
            upload,
            MOVES[change.value.lower()],
            rationale,
            state.lock_version if state else 0,
            user,
            role,
        )
    elif change.field == "rationale" and "decision" not in fields:
        add_comment(project, upload, f"Decision rationale updated offline: {change.value}", user)
    elif change.field == "comment" and change.value:
        add_comment(project, upload, change.value, user)

"""Finding portfolio versions and a project's record in one, always within the current organisation's scope
(callers pass objects already fetched through ``portfolio.access``)."""

from __future__ import annotations

from flask import abort
from sqlalchemy import select

from portfolio.extensions import db
from portfolio.models import Portfolio, Project, ProjectVersion, Upload
from portfolio.records import BudgetLine, ProjectRecord


def latest_upload(portfolio_id: int) -> Upload | None:
    return db.session.scalar(
        select(Upload).where(Upload.portfolio_id == portfolio_id).order_by(Upload.version.desc()).limit(1)
    )


def upload_or_404(portfolio: Portfolio, version: int | None) -> Upload:
    """Version ``version`` of the portfolio (the latest when None); 404 when there is none."""
    if version is None:
        upload = latest_upload(portfolio.id)
    else:
        upload = db.session.scalar(
            select(Upload).where(Upload.portfolio_id == portfolio.id, Upload.version == version)
        )
    if upload is None:
        abort(404)
    return upload


def project_version_or_404(project: Project, version: int | None = None) -> ProjectVersion:
    """The project as version ``version`` recorded it (default: the newest version that has it)."""
    query = select(ProjectVersion).join(Upload).where(ProjectVersion.project_id == project.id)
    if version is not None:
        query = query.where(Upload.version == version)
    found = db.session.scalar(query.order_by(Upload.version.desc()).limit(1))
    if found is None:
        abort(404)
    return found


def version_records(upload_id: int) -> list[ProjectRecord]:
    rows = db.session.scalars(
        select(ProjectVersion).where(ProjectVersion.upload_id == upload_id).order_by(ProjectVersion.row)
    ).all()
    return [to_record(v) for v in rows]


def to_record(v: ProjectVersion) -> ProjectRecord:
    return ProjectRecord(
        row=v.row,
        title=v.title,
        ref=v.ref,
        text=dict(v.fields),
        extras=dict(v.extras),
        budget=v.budget,
        budget_lines=tuple(BudgetLine(**b) for b in v.budget_lines),
        start_date=v.start_date,
        end_date=v.end_date,
        rag=v.rag,
        priority=v.priority,
    )

"""Uploads (portfolio versions), projects with a stable identity across versions, and what each version says.

An ``Upload`` keeps the original file (the export needs it) and how it was read. A ``Project`` is the same
piece of work from one version to the next (matched by ref, else normalised title), so overrides, decisions and
comments carry over; a ``ProjectVersion`` is the project as one upload recorded it, with the tagger's results.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Date,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from portfolio.extensions import db
from portfolio.models.columns import JsonText, JsonType, UtcDateTime, utcnow
from portfolio.models.portfolios import Portfolio
from portfolio.tagging.stored import full_document

PRINCIPLE_COLUMNS = ("user_needs", "clear_goals", "measure_learn", "deliver_incrementally", "in_house_team",
                     "supplier_value", "build_trust", "adapt_plan")


class PendingImport(db.Model):
    """An uploaded file waiting for the user to check its columns and confirm. Nothing else is written until then.
    Kept in the database, not on local disk, so any app server can carry on the next step."""

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    portfolio_id: Mapped[int] = mapped_column(ForeignKey("portfolio.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    sheet: Mapped[str | None] = mapped_column(String(255))
    header_row: Mapped[int | None]
    mapping: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    # "workbook": a new version of the project list; "returned": the app's own export, edited offline.
    kind: Mapped[str] = mapped_column(String(20), default="workbook", server_default="workbook")

    portfolio: Mapped[Portfolio] = relationship()


class Upload(db.Model):
    """One confirmed import: a version of a portfolio."""

    __table_args__ = (
        UniqueConstraint("portfolio_id", "version"),
        UniqueConstraint("id", "organisation_id"),  # what a version's (upload, organisation) key refers to
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    portfolio_id: Mapped[int] = mapped_column(ForeignKey("portfolio.id", ondelete="CASCADE"), index=True)
    version: Mapped[int]
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    filename: Mapped[str] = mapped_column(String(255))
    file_format: Mapped[str] = mapped_column(String(10))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    sheet: Mapped[str] = mapped_column(String(255))
    header_row: Mapped[int]
    columns: Mapped[list[dict[str, Any]]] = mapped_column(JsonType, default=list)
    problems: Mapped[list[dict[str, Any]]] = mapped_column(JsonType, default=list)
    notes: Mapped[list[str]] = mapped_column(JsonType, default=list)
    rows_read: Mapped[int] = mapped_column(default=0)
    project_count: Mapped[int] = mapped_column(default=0)
    rubric_version: Mapped[str] = mapped_column(String(80), default="")
    verdict: Mapped[str | None] = mapped_column(String(20))
    score: Mapped[int | None]
    signals: Mapped[list[dict[str, Any]]] = mapped_column(JsonType, default=list)
    analysis: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)

    portfolio: Mapped[Portfolio] = relationship()


class Project(db.Model):
    __table_args__ = (
        UniqueConstraint("portfolio_id", "key"),
        # Finds the few projects a person linked by hand without reading every project of the portfolio.
        Index("ix_project_portfolio_override", "portfolio_id", "objective_override"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    portfolio_id: Mapped[int] = mapped_column(ForeignKey("portfolio.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(300))
    ref: Mapped[str | None] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # The objective a user linked the project to, when the automatic link from its text was wrong or missing.
    objective_override: Mapped[str | None] = mapped_column(Text)


class ProjectVersion(db.Model):
    """A project as one upload recorded it, with the automatic assessment of that record."""

    __table_args__ = (
        UniqueConstraint("upload_id", "project_id"),
        Index("ix_project_version_upload_row", "upload_id", "row"),
        # Covers the per-principle counts and filters, so they never read the wide assessment JSON.
        Index("ix_project_version_upload_statuses", "upload_id", *PRINCIPLE_COLUMNS),
        # Covers the dashboard's budget per objective and per flag (objectives are at most 300 characters).
        Index("ix_project_version_upload_totals", "upload_id", "objective", "budget", "id"),
        # A version belongs to its upload's organisation, whatever writes it: one key checked per row, where
        # separate keys to upload and organisation were two checks and did not tie them together.
        ForeignKeyConstraint(
            ["upload_id", "organisation_id"], ["upload.id", "upload.organisation_id"], ondelete="CASCADE"
        ),
        UniqueConstraint("id", "upload_id", "organisation_id"),  # what a flag's (version, upload, org) key refers to
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(index=True)
    upload_id: Mapped[int]
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    row: Mapped[int]
    ref: Mapped[str | None] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(Text)
    fields: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)
    extras: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)
    budget: Mapped[float | None] = mapped_column(Float)
    budget_lines: Mapped[list[dict[str, Any]]] = mapped_column(JsonText, default=list)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    rag: Mapped[str | None] = mapped_column(String(20))
    priority: Mapped[str | None] = mapped_column(String(20))
    objective: Mapped[str | None] = mapped_column(Text)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    flag_count: Mapped[int] = mapped_column(default=0, index=True)
    flags: Mapped[list[dict[str, Any]]] = mapped_column(JsonText, default=list)
    assessment: Mapped[dict[str, Any]] = mapped_column(JsonText, default=dict)
    # One status per principle, as columns so that filters, sorts and counts run in SQL.
    user_needs: Mapped[str] = mapped_column(String(10), default="missing")
    clear_goals: Mapped[str] = mapped_column(String(10), default="missing")
    measure_learn: Mapped[str] = mapped_column(String(10), default="missing")
    deliver_incrementally: Mapped[str] = mapped_column(String(10), default="missing")
    in_house_team: Mapped[str] = mapped_column(String(10), default="missing")
    supplier_value: Mapped[str] = mapped_column(String(10), default="missing")
    build_trust: Mapped[str] = mapped_column(String(10), default="missing")
    adapt_plan: Mapped[str] = mapped_column(String(10), default="missing")

    project: Mapped[Project] = relationship()
    # By the upload's primary key alone, so a version's upload comes from the session when already loaded (the
    # database key also carries the organisation, which the writer sets and the database checks).
    upload: Mapped[Upload] = relationship(
        primaryjoin="ProjectVersion.upload_id == Upload.id", foreign_keys="ProjectVersion.upload_id"
    )

    @property
    def assessment_view(self) -> dict[str, Any]:
        """The assessment in full (``portfolio.tagging.stored``: evidence with its words, flag reasons), with
        each partial or missing principle's board questions filled in.

        The questions come from the rubric, not the project, so an upload stores them once (in its
        ``analysis``) rather than in every project's row; rows written before that carry their own."""
        doc = full_document(self.assessment or {}, self.fields or {}, self.extras or {}, self.flags or [])
        questions = (self.upload.analysis or {}).get("questions") if doc else None
        if not questions:
            return doc
        principles = {
            pid: result
            if "questions" in result
            else {**result, "questions": [] if result.get("status") == "evident" else questions.get(pid, [])}
            for pid, result in doc.get("principles", {}).items()
        }
        return {**doc, "principles": principles}


class ProjectFlag(db.Model):
    """One flag raised on a project version: a row each, so flag filters and counts run in SQL."""

    __table_args__ = (
        Index("ix_project_flag_upload_flag", "upload_id", "flag"),
        # A flag belongs to its version's upload and organisation: one key checked per row (an import writes
        # tens of thousands), where three separate keys were three checks and did not tie them together.
        ForeignKeyConstraint(
            ["project_version_id", "upload_id", "organisation_id"],
            ["project_version.id", "project_version.upload_id", "project_version.organisation_id"],
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(index=True)
    upload_id: Mapped[int]
    project_version_id: Mapped[int] = mapped_column(index=True)
    flag: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text, default="")


class Override(db.Model):
    """A reviewer's status for one principle of a project; it outlives versions and re-tagging. The newest
    active row per (project, principle) counts; the automatic result stays on the ProjectVersion beside it."""

    __table_args__ = (Index("ix_override_project_principle", "project_id", "principle"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    principle: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    active: Mapped[bool] = mapped_column(default=True)


class MappingMemory(db.Model):
    """The column mapping a user confirmed for a set of headers, reused when the same headers come again."""

    __table_args__ = (UniqueConstraint("organisation_id", "signature"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    signature: Mapped[str] = mapped_column(String(64))
    mapping: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class RubricVersion(db.Model):
    """An organisation's edited rubric (cues, questions, thresholds); the newest applies. None: the packaged one."""

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    version: Mapped[str] = mapped_column(String(80))
    data: Mapped[dict[str, Any]] = mapped_column(JsonType)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

"""Writing a confirmed import as a portfolio version: Upload, Projects matched across versions,
ProjectVersions with their assessment, flags; a fixed number of statements whatever the portfolio's size.
The many rows go through ``bulkwrite`` (one driver call per table). Flushes, never commits.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.orm import load_only

from portfolio import audit
from portfolio.bulkwrite import insert_rows
from portfolio.collector import collector_paused
from portfolio.extensions import db
from portfolio.importing.diff import diff_records, normalise_title
from portfolio.importing.plan import ImportPlan
from portfolio.models import Portfolio, Project, ProjectFlag, ProjectVersion, Upload, User
from portfolio.models.columns import utcnow
from portfolio.models.imports import PRINCIPLE_COLUMNS
from portfolio.pipeline import Judgement
from portfolio.principles import Principle
from portfolio.records import ProjectRecord
from portfolio.tagging.stored import stored_document
from portfolio.versions import latest_upload, to_record

_PROJECT_COLUMNS = ("organisation_id", "portfolio_id", "key", "ref", "title", "created_at")
_VERSION_COLUMNS = (
    "organisation_id", "upload_id", "project_id", "row", "ref", "title", "fields", "extras", "budget",
    "budget_lines", "start_date", "end_date", "rag", "priority", "objective", "score", "flag_count", "flags",
    "assessment", *PRINCIPLE_COLUMNS,
)  # fmt: skip
_STATUS_COLUMNS = tuple(Principle(name) for name in PRINCIPLE_COLUMNS)  # a missing one stores the default
_FLAG_COLUMNS = ("organisation_id", "upload_id", "project_version_id", "flag", "reason")
# What ``to_record`` reads from an earlier version, and the project it belongs to.
_RECORD_COLUMNS = (
    "project_id", "row", "title", "ref", "fields", "extras", "budget", "budget_lines", "start_date",
    "end_date", "rag", "priority",
)  # fmt: skip


def write_version(
    portfolio: Portfolio,
    plan: ImportPlan,
    data: bytes,
    user: User | None,
    judgement: Judgement,
    rubric_version: str,
) -> Upload:
    """Write Upload, Projects (matched to earlier versions), ProjectVersions with their assessment and
    flags, in a fixed number of statements whatever the portfolio's size. Adds and flushes; never commits."""
    previous = latest_upload(portfolio.id)
    upload = Upload(
        organisation_id=portfolio.organisation_id,
        portfolio_id=portfolio.id,
        version=(previous.version + 1) if previous else 1,
        uploaded_by_id=user.id if user else None,
        filename=plan.filename[:255],
        file_format=plan.file_format,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        content=data,
        sheet=plan.sheet,
        header_row=plan.header_row,
        columns=[
            {
                "header": c.header,
                "index": c.index,
                "field": c.field,
                "how": c.how,
                "confidence": round(c.confidence, 2),
            }
            for c in plan.columns
        ],
        problems=[
            {"sheet": p.sheet, "row": p.row, "column": p.column, "message": p.message, "severity": p.severity}
            for p in plan.problems
        ],
        notes=list(plan.notes),
        rows_read=plan.rows_read,
        project_count=len(plan.records),
        rubric_version=rubric_version,
    )
    store_judgement(upload, judgement)
    db.session.add(upload)
    db.session.flush()
    with collector_paused():  # many row tuples and JSON texts, no cycles (see portfolio.collector)
        project_ids = _match_projects(portfolio, plan.records, previous)
        _write_versions(upload, judgement, project_ids)
    audit.record(
        "import",
        user=user,
        organisation_id=portfolio.organisation_id,
        target=upload,
        portfolio_id=portfolio.id,
        summary=f"Imported version {upload.version} of {portfolio.name}: "
        f"{len(plan.records)} projects from {upload.filename}",
        after={
            "version": upload.version,
            "projects": len(plan.records),
            "sha256": upload.sha256,
            "sheet": plan.sheet,
            "header_row": plan.header_row,
            "verdict": upload.verdict,
        },
    )
    return upload


def store_judgement(upload: Upload, judgement: Judgement) -> None:
    from portfolio.analysis.contract import portfolio_to_json

    doc = portfolio_to_json(judgement.portfolio)
    result = judgement.portfolio
    upload.verdict, upload.score = doc["verdict"], doc["score"]
    upload.signals = [
        {
            "id": s.id.value,
            "value": s.value,
            "level": s.level.value,
            "explanation": s.explanation,
            "amber": s.threshold.amber if s.threshold else None,
            "red": s.threshold.red if s.threshold else None,
            "metrics": dict(s.metrics),
        }
        for s in result.signals
    ]
    upload.analysis = {
        "reasons": list(result.reasons),
        "duplicate_groups": [
            {"members": list(g.members), "reasons": list(g.reasons)} for g in result.duplicate_groups
        ],
        "unserved_objectives": list(result.unserved_objectives),
        "unlinked_projects": list(result.unlinked_projects),
        "objectives": list(judgement.context.objectives),
        "in_house_fte": judgement.context.in_house_fte,
        "in_house_teams": judgement.context.in_house_teams,
        "links": dict(zip(result.active_keys, result.links, strict=True)),
        "questions": board_questions(judgement),
    }


def board_questions(judgement: Judgement) -> dict[str, list[str]]:
    """{principle: the rubric's board questions} as the assessments carry them (only where some project is
    partial or missing): stored once per upload instead of in every project's assessment."""
    found: dict[str, list[str]] = {}
    for assessment in judgement.assessments:
        for principle, result in assessment.principles.items():
            if result.questions and str(principle) not in found:
                found[str(principle)] = list(result.questions)
        if len(found) == len(assessment.principles):
            break
    return found


def _identity(record: ProjectRecord) -> str:
    ref = " ".join((record.ref or "").strip().lower().split())
    return f"ref:{ref}"[:300] if ref else f"title:{normalise_title(record.title)}"[:300]


def _match_projects(
    portfolio: Portfolio, records: Sequence[ProjectRecord], previous: Upload | None
) -> list[int]:
    """The Project id of every record: the earlier version's project where the diff pairs them, else new."""
    by_row: dict[int, int] = {}
    if previous is not None:
        old_versions = _previous_versions(previous.id)
        old_rows = {v.row: v.project_id for v in old_versions}
        old_records = [to_record(v) for v in old_versions]
        diff = diff_records(old_records, records)
        for change in diff.changed:
            by_row[change.new.row] = old_rows[change.old.row]
        old_by_key = {_identity(r): old_rows[r.row] for r in old_records}
        for record in diff.unchanged:
            by_row[record.row] = old_by_key.get(_identity(record)) or _find_by_title(old_by_key, record)
    existing = _project_ids(portfolio.id)
    used = set(by_row.values())
    keys: list[str | None] = []  # None where the record already has its project
    new_rows: list[tuple[Any, ...]] = []
    created_at = utcnow()  # one import, one moment (the model's default would read the clock per row)
    for record in records:
        key = _identity(record)
        if by_row.get(record.row) is None and key in existing and existing[key] not in used:
            by_row[record.row] = existing[key]  # a project that left the list and came back
        if by_row.get(record.row) is not None:
            used.add(by_row[record.row])
            keys.append(None)
            continue
        while key in existing:
            key = f"{key[:280]}#{record.row}"
        existing[key] = -1
        keys.append(key)
        new_rows.append((portfolio.organisation_id, portfolio.id, key, record.ref, record.title, created_at))
    if new_rows:  # one bulk insert, then the new ids read back by key (executemany and COPY return nothing)
        insert_rows(Project.__table__, _PROJECT_COLUMNS, new_rows)
        existing = _project_ids(portfolio.id)
    return [
        by_row[record.row] if key is None else existing[key]
        for record, key in zip(records, keys, strict=True)
    ]


def _previous_versions(upload_id: int) -> Sequence[ProjectVersion]:
    """The earlier version's rows, in row order, with only what matching needs (not the wide assessment)."""
    return db.session.scalars(
        select(ProjectVersion)
        .options(load_only(*(getattr(ProjectVersion, name) for name in _RECORD_COLUMNS)))
        .where(ProjectVersion.upload_id == upload_id)
        .order_by(ProjectVersion.row)
    ).all()


def _project_ids(portfolio_id: int) -> dict[str, int]:
    return dict(
        db.session.execute(select(Project.key, Project.id).where(Project.portfolio_id == portfolio_id)).all()
    )


def _find_by_title(old_by_key: dict[str, int], record: ProjectRecord) -> int | None:
    return old_by_key.get(f"title:{normalise_title(record.title)}")


def _write_versions(upload: Upload, judgement: Judgement, project_ids: list[int]) -> None:
    """Bulk-insert the versions, then their flags: one driver call each, whatever the size of the portfolio.

    Rows are built in one pass as tuples with their JSON serialised once here (see ``bulkwrite``)."""
    links = upload.analysis.get("links", {})
    organisation_id, upload_id = upload.organisation_id, upload.id
    rows: list[tuple[Any, ...]] = []
    for record, assessment, project_id in zip(
        judgement.records, judgement.assessments, project_ids, strict=True
    ):
        principles = assessment.principles
        statuses = tuple(str(r.status) if (r := principles.get(p)) else "missing" for p in _STATUS_COLUMNS)
        rows.append(
            (
                organisation_id,
                upload_id,
                project_id,
                record.row,
                record.ref,
                record.title,
                _dumps(dict(record.text)),
                _dumps(dict(record.extras)),
                record.budget,
                _dumps(record.budget_lines),  # BudgetLine's fields are the stored keys, in order
                record.start_date,
                record.end_date,
                record.rag,
                record.priority,
                links.get(record.ref or record.title or f"row {record.row}"),
                round(sum(r.score for r in principles.values()) / max(len(principles), 1), 4),
                len(assessment.flags),
                _dumps([{"id": f.flag, "reason": f.reason} for f in assessment.flags]),
                _dumps(stored_document(assessment, record.text, record.extras)),
                *statuses,
            )
        )
    insert_rows(ProjectVersion.__table__, _VERSION_COLUMNS, rows)
    version_ids = dict(
        db.session.execute(
            select(ProjectVersion.row, ProjectVersion.id).where(ProjectVersion.upload_id == upload_id)
        ).all()
    )
    flag_rows = [
        (organisation_id, upload_id, version_ids[record.row], str(f.flag), f.reason)
        for record, assessment in zip(judgement.records, judgement.assessments, strict=True)
        for f in assessment.flags
    ]
    insert_rows(ProjectFlag.__table__, _FLAG_COLUMNS, flag_rows)


def _dumps(value: Any) -> str:
    # As the engine's serializer (portfolio.config): orjson; enums, tuples and dataclasses written natively.
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()

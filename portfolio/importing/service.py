"""Importing a portfolio version: pending uploads, previews and the all-or-nothing import. Never commits.

The pure core reads the file (``parse_workbook``) and judges it (``portfolio.pipeline.judge``); this module
converts between those dataclasses and the ORM, and writes a confirmed import in one transaction.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import current_app
from sqlalchemy import delete, func, select

from portfolio.extensions import db
from portfolio.importing.diff import ReimportDiff, diff_records
from portfolio.importing.errors import ImportRejected
from portfolio.importing.isolation import parse_workbook_isolated
from portfolio.importing.parser import parse_workbook
from portfolio.importing.plan import ImportPlan
from portfolio.importing.version_service import store_judgement, write_version
from portfolio.models import (
    MappingMemory,
    PendingImport,
    Portfolio,
    Upload,
    User,
)
from portfolio.models.columns import utcnow
from portfolio.pipeline import judge, merge_context
from portfolio.rubrics import current_rubric
from portfolio.versions import latest_upload, to_record, version_records

__all__ = [
    "to_record",
    "version_records",
    "store_judgement",
    "write_version",
    "ImportRejected",
    "Preview",
    "confirm_import",
    "import_file",
    "read_pending",
    "start_import",
]


@dataclass(frozen=True)
class Preview:
    plan: ImportPlan
    diff: ReimportDiff | None  # None for a first version
    previous: Upload | None


def read_file(
    data: bytes,
    filename: str,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    mapping: Mapping[str, str | None] | None = None,
) -> ImportPlan:
    """Parse uploaded bytes; in a child process with memory and time caps when PARSE_IN_CHILD is set."""
    if current_app.config.get("PARSE_IN_CHILD", True):
        return parse_workbook_isolated(data, filename, sheet=sheet, header_row=header_row, mapping=mapping)
    return parse_workbook(data, filename, sheet=sheet, header_row=header_row, mapping=mapping)


def header_signature(plan: ImportPlan) -> str:
    """The identity of a set of headers, for remembering the mapping a user confirmed for them."""
    headers = sorted(" ".join(c.header.lower().split()) for c in plan.columns)
    return hashlib.sha256(json.dumps(headers).encode()).hexdigest()


def start_import(portfolio: Portfolio, filename: str, data: bytes, user: User) -> PendingImport:
    """Check the file reads (ImportRejected if not); keep it, with any remembered mapping, until confirmed."""
    if not data:
        raise ImportRejected("The file is empty. Choose the workbook again and upload it.")
    plan = read_file(data, filename)
    memory = db.session.scalar(
        select(MappingMemory).where(
            MappingMemory.organisation_id == portfolio.organisation_id,
            MappingMemory.signature == header_signature(plan),
        )
    )
    pending = PendingImport(
        organisation_id=portfolio.organisation_id,
        portfolio_id=portfolio.id,
        user_id=user.id,
        filename=filename[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        content=data,
        sheet=plan.sheet,
        header_row=plan.header_row,
        mapping=dict(memory.mapping) if memory else {},
    )
    db.session.add(pending)
    db.session.flush()
    return pending


def read_pending(pending: PendingImport) -> ImportPlan:
    return read_file(
        pending.content,
        pending.filename,
        sheet=pending.sheet,
        header_row=pending.header_row,
        mapping=pending.mapping or None,
    )


def preview(pending: PendingImport) -> Preview:
    plan = read_pending(pending)
    previous = latest_upload(pending.portfolio_id)
    diff = diff_records(version_records(previous.id), plan.records) if previous else None
    return Preview(plan, diff, previous)


def confirm_import(pending: PendingImport, user: User) -> Upload:
    """Import the pending file as the portfolio's next version, in the caller's transaction."""
    plan = read_pending(pending)
    upload = import_plan(pending.portfolio, plan, pending.content, user)
    memory = db.session.scalar(
        select(MappingMemory).where(
            MappingMemory.organisation_id == pending.organisation_id,
            MappingMemory.signature == header_signature(plan),
        )
    )
    if memory is None:
        memory = MappingMemory(organisation_id=pending.organisation_id, signature=header_signature(plan))
        db.session.add(memory)
    memory.mapping, memory.updated_at = {c.header: c.field for c in plan.columns}, utcnow()
    db.session.delete(pending)
    return upload


def import_file(
    portfolio: Portfolio, filename: str, data: bytes, user: User | None, *, sheet: str | None = None
) -> tuple[Upload, ImportPlan]:
    """Read and import in one go (the CLI)."""
    plan = read_file(data, filename, sheet=sheet)
    return import_plan(portfolio, plan, data, user), plan


def import_plan(portfolio: Portfolio, plan: ImportPlan, data: bytes, user: User | None) -> Upload:
    """Judge a read file and write it as the portfolio's next version (see ``write_version``). Raises
    ImportRejected, with nothing written, when the file holds no projects."""
    if not plan.records:
        raise ImportRejected(
            f"No projects were found on sheet '{plan.sheet}'. Check the sheet and header row."
        )
    rubric, thresholds = current_rubric(portfolio.organisation_id)
    context = merge_context(
        plan.context,
        objectives=portfolio.objectives,
        in_house_fte=portfolio.in_house_fte,
        in_house_teams=portfolio.in_house_teams,
    )
    return write_version(
        portfolio, plan, data, user, judge(plan.records, context, rubric, thresholds), rubric.version
    )


def discard_stale_pending(hours: int = 24) -> int:
    """Remove uploads nobody confirmed within ``hours``."""
    from datetime import timedelta

    result = db.session.execute(
        delete(PendingImport).where(PendingImport.created_at < utcnow() - timedelta(hours=hours))
    )
    return result.rowcount or 0


def upload_count(portfolio_id: int) -> int:
    return (
        db.session.scalar(select(func.count()).select_from(Upload).where(Upload.portfolio_id == portfolio_id))
        or 0
    )


def choose_reading(pending: PendingImport, plan: ImportPlan, choices: Mapping[str, Any]) -> None:
    """Keep the user's sheet, header row and column choices; a new sheet or header row starts afresh."""
    sheet, header_row = choices.get("sheet") or plan.sheet, choices.get("header_row") or plan.header_row
    if sheet != pending.sheet or header_row != pending.header_row:
        pending.sheet, pending.header_row, pending.mapping = sheet, header_row, {}
        return
    pending.mapping = {c.header: (choices.get(f"col_{c.index}") or None) for c in plan.columns}

"""Building the exports of a portfolio version from the database: gathers the annotations (statuses, flags,
objective links, decisions, actions, comments) in a fixed number of queries and hands them to the pure writers
in this package. Reads only; the view records the audit event and commits."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select

from portfolio.exporting.model import AnnotationColumn, CellValue, ExportMeta, ExtraSheet, SheetAnnotations
from portfolio.exporting.newbook import build_workbook
from portfolio.exporting.tabular import table_to_csv, table_to_json
from portfolio.exporting.workbook import annotate_workbook
from portfolio.extensions import db
from portfolio.importing.diff import diff_records
from portfolio.labels import FLAG_LABELS, LEVEL_LABELS, SIGNAL_LABELS, STATUS_LABELS, VERDICT_LABELS
from portfolio.models import Action, Comment, Decision, Project, ProjectVersion, ReviewState, Upload
from portfolio.principles import Principle
from portfolio.rubrics import current_rubric
from portfolio.versions import version_records

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
}
#: Decision outcomes as the workbook's dropdown words them.
DECISION_WORDS = {
    "endorse": "endorse",
    "challenge": "challenge",
    "pause": "pause",
    "stop": "stop",
    "refer_back": "refer back",
}


@dataclass(frozen=True)
class ExportFile:
    data: bytes
    extension: str
    mimetype: str


def export_version(upload: Upload, fmt: str, link_for: Callable[[int], str]) -> ExportFile:
    """The annotated export of ``upload`` in ``fmt`` ("xlsx": the trust's own workbook annotated, or a new one
    for csv/xls/xlsb/ods uploads; "csv"; "json"). ``link_for(project_id)`` gives the project page's URL.
    Raises ExportFailed (portfolio.exporting.model) when the stored original cannot be annotated."""
    versions = db.session.scalars(
        select(ProjectVersion).where(ProjectVersion.upload_id == upload.id).order_by(ProjectVersion.row)
    ).all()
    annotations = build_annotations(upload, versions, link_for)
    header, rows = original_table(upload, versions)
    if fmt in ("csv", "json"):
        writer = table_to_csv if fmt == "csv" else table_to_json
        return ExportFile(writer(header, rows, annotations), fmt, FORMATS[fmt])
    meta = ExportMeta(
        version_id=f"{upload.portfolio_id}:{upload.version}:{upload.id}",
        portfolio_name=upload.portfolio.name,
        exported_at=datetime.now(UTC),
    )
    sheets = summary_sheets(upload, versions)
    if upload.file_format in ("xlsx", "xlsm"):
        data = annotate_workbook(upload.content, annotations, sheets, meta)
        return ExportFile(data, upload.file_format, FORMATS[upload.file_format])
    return ExportFile(build_workbook(header, rows, annotations, sheets, meta), "xlsx", FORMATS["xlsx"])


def build_annotations(
    upload: Upload, versions: list[ProjectVersion], link_for: Callable[[int], str]
) -> SheetAnnotations:
    rubric, _ = current_rubric(upload.organisation_id)
    review = _review_facts([v.project_id for v in versions])
    objective = dict(
        db.session.execute(
            select(Project.id, Project.objective_override).where(Project.portfolio_id == upload.portfolio_id)
        ).all()
    )
    columns = (
        *(AnnotationColumn(f"Review: {rubric.principles[p].name}", "status") for p in Principle),
        AnnotationColumn("Review: score (0-1)", "number"),
        AnnotationColumn("Review: flags", "text", width=40),
        AnnotationColumn("Review: strategic objective", "text", width=30),
        AnnotationColumn("Board decision", "decision", key="decision"),
        AnnotationColumn("Decision rationale", "text", key="rationale", width=40),
        AnnotationColumn("Open actions", "text", width=40),
        AnnotationColumn("Latest comment", "text", key="comment", width=40),
        AnnotationColumn("Link to project page", "link", width=30),
    )
    rows: dict[int, tuple[CellValue, ...]] = {}
    for v in versions:
        facts = review.get(v.project_id, {})
        rows[v.row] = (
            *(getattr(v, p.value) for p in Principle),
            round(v.score, 2),
            "; ".join(FLAG_LABELS.get(f["id"], f["id"]) for f in v.flags),
            objective.get(v.project_id) or v.objective or "",
            facts.get("decision", ""),
            facts.get("rationale", ""),
            facts.get("actions", ""),
            facts.get("comment", ""),
            link_for(v.project_id),
        )
    return SheetAnnotations(
        sheet=upload.sheet, header_row=max(upload.header_row, 1), columns=columns, rows=rows
    )


def _review_facts(project_ids: list[int]) -> dict[int, dict[str, str]]:
    """Latest decision, open actions and latest comment per project: three queries for any number."""
    facts: dict[int, dict[str, str]] = defaultdict(dict)
    decisions = db.session.execute(
        select(ReviewState.project_id, Decision.outcome, Decision.rationale)
        .join(Decision, Decision.id == ReviewState.decision_id)
        .where(ReviewState.project_id.in_(project_ids))
    )
    for project_id, outcome, rationale in decisions:
        facts[project_id].update(decision=DECISION_WORDS.get(outcome, ""), rationale=rationale or "")
    actions = db.session.execute(
        select(Action.project_id, Action.title, Action.owner_name, Action.due_date)
        .where(Action.project_id.in_(project_ids), Action.status == "open")
        .order_by(Action.due_date)
    )
    for project_id, title, owner, due in actions:
        line = f"{title} ({owner or 'no owner'}{', due ' + due.isoformat() if due else ''})"
        facts[project_id]["actions"] = "; ".join(filter(None, [facts[project_id].get("actions"), line]))
    newest = (
        select(Comment.project_id, func.max(Comment.id).label("id"))
        .where(Comment.project_id.in_(project_ids))
        .group_by(Comment.project_id)
        .subquery()
    )
    for project_id, body in db.session.execute(
        select(Comment.project_id, Comment.body).join(newest, Comment.id == newest.c.id)
    ):
        facts[project_id]["comment"] = body
    return facts


def original_table(upload: Upload, versions: list[ProjectVersion]) -> tuple[list[str], list[list[CellValue]]]:
    """The trust's columns in their order and each project's values as written, for a new workbook or CSV.
    Row i of the result is sheet row header_row + 1 + i (rows that held no project stay blank)."""
    columns = sorted(upload.columns, key=lambda c: c["index"])
    header = [c["header"] for c in columns]
    by_row = {v.row: v for v in versions}
    first = max(upload.header_row, 1) + 1
    last = max(by_row, default=first - 1)
    rows: list[list[CellValue]] = []
    for number in range(first, last + 1):
        v = by_row.get(number)
        rows.append(
            []
            if v is None
            else [
                (v.fields.get(c["field"], "") if c["field"] else v.extras.get(c["header"], ""))
                for c in columns
            ]
        )
    return header, rows


def summary_sheets(upload: Upload, versions: list[ProjectVersion]) -> list[ExtraSheet]:
    rubric, _ = current_rubric(upload.organisation_id)
    summary: list[list[CellValue]] = [
        ["Portfolio review", upload.portfolio.name],
        ["Version", upload.version],
        ["File", upload.filename],
        ["Verdict", VERDICT_LABELS.get(upload.verdict or "", "")],
        ["Coherence score (0-100)", upload.score],
        ["Projects", len(versions)],
        [],
        ["Signal", "Level", "Value", "What it means"],
        *(
            [
                SIGNAL_LABELS.get(s["id"], s["id"]),
                LEVEL_LABELS.get(s["level"], s["level"]),
                s["value"],
                s["explanation"],
            ]
            for s in upload.signals
        ),
        [],
        ["Principle", "Evident", "Partial", "Missing"],
        *(
            [
                rubric.principles[p].name,
                *(sum(1 for v in versions if getattr(v, p.value) == status) for status in STATUS_LABELS),
            ]
            for p in Principle
        ),
    ]
    questions: list[list[CellValue]] = [["Ref", "Project", "Principle", "Status", "Question for the board"]]
    for v in versions:
        for pid, result in v.assessment_view.get("principles", {}).items():
            for question in result.get("questions", []):
                questions.append(
                    [
                        v.ref or "",
                        v.title,
                        rubric.principles[Principle(pid)].name,
                        STATUS_LABELS.get(result["status"], ""),
                        question,
                    ]
                )
    duplicates: list[list[CellValue]] = [["Group", "Projects", "Why they look alike"]]
    for number, group in enumerate(upload.analysis.get("duplicate_groups", []), start=1):
        duplicates.append([number, "; ".join(group["members"]), " ".join(group.get("reasons", []))])
    return [
        ExtraSheet("Summary", summary, (34, 16, 12, 90)),
        ExtraSheet("Board questions", questions, (12, 40, 28, 12, 90)),
        ExtraSheet("Duplicates", duplicates, (8, 60, 90)),
        ExtraSheet("Changes since last version", _changes(upload), (12, 40, 24, 50, 50)),
    ]


def _changes(upload: Upload) -> list[list[CellValue]]:
    rows: list[list[CellValue]] = [["Ref", "Project", "Change", "Was", "Now"]]
    previous = db.session.scalar(
        select(Upload)
        .where(Upload.portfolio_id == upload.portfolio_id, Upload.version < upload.version)
        .order_by(Upload.version.desc())
        .limit(1)
    )
    if previous is None:
        return rows + [["", "This is the first version: nothing to compare with.", "", "", ""]]
    diff = diff_records(version_records(previous.id), version_records(upload.id))
    rows += [[r.ref or "", r.title, "New project", "", ""] for r in diff.new]
    rows += [[r.ref or "", r.title, "No longer in the list", "", ""] for r in diff.gone]
    rows += [
        [c.new.ref or "", c.new.title, f"Changed: {f.field}", f.old, f.new]
        for c in diff.changed
        for f in c.changes
    ]
    return rows

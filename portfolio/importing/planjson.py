"""ImportPlan <-> JSON-ready dicts, so a plan can cross a process boundary without pickle.

Why not pickle: the child process parses hostile files; if one ever took control of it, unpickling its
output would hand that control to the parent. JSON carries data only. Records are converted field by field
(not with dataclasses.asdict, which deep-copies and is many times slower on 100,000 records).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from portfolio.importing.plan import ColumnMapping, ImportPlan, RowProblem, SheetInfo
from portfolio.records import BudgetLine, PortfolioContext, ProjectRecord


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _record_to_dict(r: ProjectRecord) -> dict[str, Any]:
    return {
        "row": r.row,
        "title": r.title,
        "ref": r.ref,
        "sheet": r.sheet,
        "text": dict(r.text),
        "extras": dict(r.extras),
        "budget": r.budget,
        "budget_lines": [[b.header, b.amount, b.kind] for b in r.budget_lines],
        "start_date": _iso(r.start_date),
        "end_date": _iso(r.end_date),
        "rag": r.rag,
        "priority": r.priority,
    }


def plan_to_dict(plan: ImportPlan) -> dict[str, Any]:
    """A plan as plain JSON types (dates as ISO strings, tuples as lists)."""
    ctx = plan.context
    return {
        "filename": plan.filename,
        "file_format": plan.file_format,
        "sheet": plan.sheet,
        "header_row": plan.header_row,
        "rows_read": plan.rows_read,
        "notes": list(plan.notes),
        "sheets": [dataclasses.astuple(s) for s in plan.sheets],
        "columns": [
            [c.header, c.index, c.field, c.confidence, list(c.samples), c.how, c.label] for c in plan.columns
        ],
        "records": [_record_to_dict(r) for r in plan.records],
        "problems": [[p.sheet, p.row, p.column, p.message, p.severity] for p in plan.problems],
        "context": {
            "objectives": list(ctx.objectives),
            "in_house_fte": ctx.in_house_fte,
            "in_house_teams": ctx.in_house_teams,
            "as_of": _iso(ctx.as_of),
        },
    }


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _record(d: dict[str, Any]) -> ProjectRecord:
    return ProjectRecord(
        row=d["row"],
        title=d["title"],
        ref=d["ref"],
        sheet=d["sheet"],
        text=d["text"],
        extras=d["extras"],
        budget=d["budget"],
        budget_lines=tuple(BudgetLine(*b) for b in d["budget_lines"]),
        start_date=_date(d["start_date"]),
        end_date=_date(d["end_date"]),
        rag=d["rag"],
        priority=d["priority"],
    )


def plan_from_dict(d: dict[str, Any]) -> ImportPlan:
    """The inverse of ``plan_to_dict``. Raises KeyError/TypeError/ValueError on a malformed dict."""
    ctx = d["context"]
    return ImportPlan(
        filename=d["filename"],
        file_format=d["file_format"],
        sheet=d["sheet"],
        header_row=d["header_row"],
        sheets=tuple(SheetInfo(*s) for s in d["sheets"]),
        columns=tuple(
            ColumnMapping(h, i, f, c, tuple(s), how, label) for h, i, f, c, s, how, label in d["columns"]
        ),
        records=tuple(_record(r) for r in d["records"]),
        problems=tuple(RowProblem(*p) for p in d["problems"]),
        notes=tuple(d["notes"]),
        rows_read=d["rows_read"],
        context=PortfolioContext(
            objectives=tuple(ctx["objectives"]),
            in_house_fte=ctx["in_house_fte"],
            in_house_teams=ctx["in_house_teams"],
            as_of=_date(ctx["as_of"]),
        ),
    )

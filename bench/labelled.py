"""A small reader for the labelled development workbooks (shared/labelled/), used by the tagging benchmarks.

It is not the app's importer: it trusts each ``NAME.labels.json`` for the sheet, the header row and the column
mapping, and builds one ``ProjectRecord`` per labelled row with python-calamine. Fields mapped to ``other`` go
into ``extras`` under their header; budget columns become ``BudgetLine``s (kind from the header); real dates
become ``date``, text dates stay text only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import python_calamine

from portfolio.records import BudgetLine, ProjectRecord

LABELLED_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "labelled"

#: The one workbook kept out of all tuning and training. Chosen before any of its records was read.
HELD_OUT = "wyvern_coast_digital_tracker_2025-26"

_RAG = {
    "g": "green",
    "green": "green",
    "a": "amber",
    "amber": "amber",
    "r": "red",
    "red": "red",
    "a/r": "amber_red",
    "amber/red": "amber_red",
    "a/g": "amber_green",
    "amber/green": "amber_green",
}
_PRIORITY = {
    "critical": "critical",
    "p1": "high",
    "1": "high",
    "high": "high",
    "p2": "medium",
    "2": "medium",
    "medium": "medium",
    "p3": "low",
    "3": "low",
    "low": "low",
}
_MONEY = re.compile(r"£?\s*(\d+(?:[.,]\d+)*)\s*([km]?)", re.IGNORECASE)


@dataclass(frozen=True)
class LabelledProject:
    """One labelled project: the record as read and the annotator's labels for it."""

    record: ProjectRecord
    principles: Mapping[str, str]
    flags: tuple[str, ...]


def workbook_names(directory: Path = LABELLED_DIR) -> list[str]:
    """The stems of every labelled workbook in ``directory`` (default ``LABELLED_DIR``), sorted."""
    return sorted(p.name.removesuffix(".labels.json") for p in directory.glob("*.labels.json"))


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _budget_line(header: str, value: object) -> BudgetLine:
    low = header.lower()
    kind = "capital" if "capital" in low else "revenue" if "revenue" in low else None
    scale = 1000.0 if "£k" in low else 1.0
    amount: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        amount = float(value) * scale
    elif isinstance(value, str) and (m := _MONEY.search(value)):
        unit = {"k": 1e3, "m": 1e6}.get(m.group(2).lower(), scale)
        amount = float(m.group(1).replace(",", "")) * unit
    return BudgetLine(header=header, amount=amount, kind=kind)


def _record(
    row_no: int, cells: list[object], header: list[str], columns: Mapping[str, str], sheet: str
) -> ProjectRecord:
    text: dict[str, str] = {}
    extras: dict[str, str] = {}
    lines: list[BudgetLine] = []
    typed: dict[str, object] = {}
    for i, head in enumerate(header):
        field = columns.get(head)
        value = cells[i] if i < len(cells) else None
        shown = _cell_text(value)
        if field is None:
            continue
        if field == "other":
            extras[head] = shown  # kept even when blank: a blank "Next review" is itself evidence
            continue
        if field == "budget":
            lines.append(_budget_line(head, value))
        typed.setdefault(field, value)
        if shown:
            text[field] = f"{text[field]}; {shown}" if field in text else shown
    amounts = [b.amount for b in lines if b.amount is not None]
    return ProjectRecord(
        row=row_no,
        title=text.get("title", ""),
        ref=text.get("ref"),
        sheet=sheet,
        text=text,
        extras=extras,
        budget=sum(amounts) if amounts else None,
        budget_lines=tuple(lines),
        start_date=_as_date(typed.get("start_date")),
        end_date=_as_date(typed.get("end_date")),
        rag=_RAG.get(text.get("rag", "").strip().lower()),
        priority=_PRIORITY.get(text.get("priority", "").strip().lower()),
    )


def load_workbook(stem: str, directory: Path = LABELLED_DIR) -> list[LabelledProject]:
    """Read labelled workbook ``stem`` (e.g. ``HELD_OUT``) from ``directory``: every labelled project, in
    sheet order.

    Raises FileNotFoundError when the workbook or its labels file is absent, KeyError when a labelled row has
    no cells.
    """
    labels = json.loads((directory / f"{stem}.labels.json").read_text(encoding="utf-8"))
    book = python_calamine.CalamineWorkbook.from_path(str(directory / labels["workbook"]))
    rows = book.get_sheet_by_name(labels["sheet"]).to_python(skip_empty_area=False)
    header = [_cell_text(h) for h in rows[labels["header_row"] - 1]]
    out = []
    for _ref, lab in sorted(labels["projects"].items(), key=lambda kv: kv[1]["row"]):
        record = _record(lab["row"], list(rows[lab["row"] - 1]), header, labels["columns"], labels["sheet"])
        out.append(LabelledProject(record=record, principles=lab["principles"], flags=tuple(lab["flags"])))
    return out

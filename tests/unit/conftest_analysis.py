"""Test helpers for the portfolio analysis: the labelled portfolios read into ``ProjectFacts``, and small
portfolios built in code. Imported explicitly by tests/unit/test_analysis_*.py (not a pytest conftest).

The loader is deliberately small: it reads each workbook with python-calamine using the labels' sheet, header
row and column mapping, and takes flags and principle statuses from the labels (the ground truth).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from portfolio.analysis import ProjectFacts
from portfolio.principles import FlagId, Principle, Status
from portfolio.records import PortfolioContext, ProjectRecord

LABELLED = Path(__file__).resolve().parents[2].parent / "shared" / "labelled"
LABEL_FILES = sorted(LABELLED.glob("*.labels.json"))


@dataclass(frozen=True)
class LabelledPortfolio:
    name: str
    verdict: str
    projects: tuple[ProjectFacts, ...]
    context: PortfolioContext


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _money(value: Any, header: str) -> float | None:
    """Pounds from a number or text such as '£1.2m', '£450k'; headers in £k scale numbers by 1000."""
    scale = 1000.0 if "£k" in header else 1.0
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value) * scale
    found = re.search(r"£?\s*([\d.,]+)\s*([mk])?", _text(value).lower())
    if not found:
        return None
    amount = float(found.group(1).replace(",", ""))
    return amount * {"m": 1e6, "k": 1e3}.get(found.group(2) or "", scale)


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _record(
    row: list[Any], row_number: int, header: list[Any], columns: dict[str, str], sheet: str
) -> ProjectRecord:
    text: dict[str, str] = {}
    extras: dict[str, str] = {}
    budgets: list[float] = []
    dates: dict[str, date | None] = {}
    for index, heading in enumerate(header):
        field_name = columns.get(_text(heading))
        value = row[index] if index < len(row) else None
        if field_name is None:
            continue
        if field_name == "other":
            extras[_text(heading)] = _text(value)
            continue
        text[field_name] = " ".join(part for part in (text.get(field_name, ""), _text(value)) if part)
        if field_name == "budget" and (amount := _money(value, _text(heading))) is not None:
            budgets.append(amount)
        if field_name in ("start_date", "end_date"):
            dates[field_name] = _date(value)
    return ProjectRecord(
        row=row_number,
        title=text.get("title", ""),
        ref=text.get("ref") or None,
        sheet=sheet,
        text=text,
        extras=extras,
        budget=sum(budgets) if budgets else None,
        start_date=dates.get("start_date"),
        end_date=dates.get("end_date"),
    )


def load_labelled(path: Path) -> LabelledPortfolio:
    """One labelled portfolio: records from the workbook, flags and statuses from the labels."""
    labels = json.loads(path.read_text(encoding="utf-8"))
    book = CalamineWorkbook.from_path(str(path.parent / labels["workbook"]))
    rows = book.get_sheet_by_name(labels["sheet"]).to_python(skip_empty_area=False)
    header = rows[labels["header_row"] - 1]
    projects = []
    for item in labels["projects"].values():
        record = _record(rows[item["row"] - 1], item["row"], header, labels["columns"], labels["sheet"])
        projects.append(
            ProjectFacts(
                record=record,
                flags=frozenset(FlagId(flag) for flag in item["flags"]),
                statuses={Principle(key): Status(value) for key, value in item["principles"].items()},
            )
        )
    portfolio = labels["portfolio"]
    context = PortfolioContext(
        objectives=tuple(portfolio["strategic_objectives"]), in_house_fte=float(portfolio["in_house_fte"])
    )
    return LabelledPortfolio(
        path.name.removesuffix(".labels.json"), portfolio["verdict"], tuple(projects), context
    )


def make_facts(ref: str, title: str, flags: tuple[str, ...] = (), **fields: str) -> ProjectFacts:
    """A project built in code: canonical fields as keyword arguments (stage, priority, description ...)."""
    budget = fields.pop("budget_pounds", None)
    record = ProjectRecord(
        row=1, title=title, ref=ref, text={"title": title, **fields}, budget=float(budget) if budget else None
    )
    return ProjectFacts(record=record, flags=frozenset(FlagId(flag) for flag in flags))

"""Plain records passed between the pure stages of the pipeline (import -> tagging -> analysis -> export).

Pure: no Flask, no ORM. Everything is frozen so a stage can never change what an earlier one produced.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class BudgetLine:
    """One money column of a project, in pounds: e.g. ``BudgetLine("Capital (£k)", 120000.0, "capital")``."""

    header: str
    amount: float | None
    kind: str | None = None  # "capital", "revenue" or None when the header does not say


@dataclass(frozen=True)
class ProjectRecord:
    """One project row as the importer understood it.

    ``text`` holds every mapped canonical field as the text the trust wrote (dates and money included, so
    "TBC" and "Ongoing" stay visible); ``extras`` holds every unmapped column, keyed by its header as written.
    Typed values sit beside the text: ``budget`` is the total in pounds of all budget columns.
    """

    row: int
    title: str
    ref: str | None = None
    sheet: str | None = None
    text: Mapping[str, str] = field(default_factory=dict)
    extras: Mapping[str, str] = field(default_factory=dict)
    budget: float | None = None
    budget_lines: tuple[BudgetLine, ...] = ()
    start_date: date | None = None
    end_date: date | None = None
    rag: str | None = None  # "red", "amber_red", "amber", "amber_green", "green"
    priority: str | None = None  # "critical", "high", "medium", "low"

    def field_text(self, name: str) -> str:
        """The text of canonical field ``name``, or "" when the column is absent or blank."""
        return self.text.get(name, "") or ""


@dataclass(frozen=True)
class PortfolioContext:
    """What the importer found about the portfolio as a whole (strategy sheet, notes rows) or a user entered."""

    objectives: tuple[str, ...] = ()
    in_house_fte: float | None = None
    in_house_teams: int | None = None
    as_of: date | None = None

"""Plain records passed between the pure stages of the pipeline (import -> tagging -> analysis -> export).

Pure: no Flask, no ORM. Everything is frozen so a stage can never change what an earlier one produced.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final

# The importer builds a record per row (100,000 in a large sheet), and a frozen dataclass's constructor (an
# ``object.__setattr__`` per field) cost more than reading the row. So these are dataclasses (equality, repr)
# with a plain constructor and ``Final`` fields: compiled (setup.py), as the app runs, assigning to one raises
# AttributeError, as a frozen dataclass's would.


@dataclass(init=False, unsafe_hash=True)
class BudgetLine:
    """One money column of a project, in pounds: e.g. ``BudgetLine("Capital (£k)", 120000.0, "capital")``."""

    header: Final[str]
    amount: Final[float | None]
    kind: Final[str | None]  # "capital", "revenue" or None when the header does not say

    def __init__(self, header: str, amount: float | None, kind: str | None = None) -> None:
        self.header = header
        self.amount = amount
        self.kind = kind


@dataclass(init=False, unsafe_hash=True)
class ProjectRecord:
    """One project row as the importer understood it.

    ``text`` holds every mapped canonical field as the text the trust wrote (dates and money included, so
    "TBC" and "Ongoing" stay visible); ``extras`` holds every unmapped column, keyed by its header as written.
    Typed values sit beside the text: ``budget`` is the total in pounds of all budget columns.
    """

    row: Final[int]
    title: Final[str]
    ref: Final[str | None]
    sheet: Final[str | None]
    text: Final[Mapping[str, str]]
    extras: Final[Mapping[str, str]]
    budget: Final[float | None]
    budget_lines: Final[tuple[BudgetLine, ...]]
    start_date: Final[date | None]
    end_date: Final[date | None]
    rag: Final[str | None]  # "red", "amber_red", "amber", "amber_green", "green"
    priority: Final[str | None]  # "critical", "high", "medium", "low"

    def __init__(
        self,
        row: int,
        title: str,
        ref: str | None = None,
        sheet: str | None = None,
        text: Mapping[str, str] | None = None,
        extras: Mapping[str, str] | None = None,
        budget: float | None = None,
        budget_lines: tuple[BudgetLine, ...] = (),
        start_date: date | None = None,
        end_date: date | None = None,
        rag: str | None = None,
        priority: str | None = None,
    ) -> None:
        self.row = row
        self.title = title
        self.ref = ref
        self.sheet = sheet
        self.text = {} if text is None else text
        self.extras = {} if extras is None else extras
        self.budget = budget
        self.budget_lines = budget_lines
        self.start_date = start_date
        self.end_date = end_date
        self.rag = rag
        self.priority = priority

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

"""The records the export takes and returns, and its one error type.

Pure: no Flask, no ORM. Every record is frozen so a caller can build it once and export it several ways
(annotated workbook, fresh workbook, CSV, JSON) without one writer changing what another sees.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

#: A value the export writes into one cell. Dates are written as ISO text so no number format is needed.
CellValue = str | int | float | bool | date | datetime | None

ColumnKind = Literal["status", "text", "number", "link", "decision"]

#: The choices of the decision dropdown (DESIGN.md: endorse, challenge, pause, stop, refer back).
DECISIONS: tuple[str, ...] = ("endorse", "challenge", "pause", "stop", "refer back")


class ExportFailed(Exception):
    """The original cannot be annotated (not a zip, no such sheet, damaged XML); ``message`` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class AnnotationColumn:
    """One column the export adds after the trust's own columns.

    ``kind`` decides how cells are written: "status" (evident/partial/missing get a coloured fill), "text",
    "number", "link" (an http(s) URL becomes a clickable HYPERLINK) or "decision" (a dropdown of DECISIONS).
    ``key`` names a column the board may edit offline (e.g. "decision", "rationale", "comment"):
    ``read_returned_workbook`` reports those columns' values when the workbook comes back.
    """

    header: str
    kind: ColumnKind = "text"
    key: str | None = None
    width: float | None = None  # None: a width chosen for the kind


@dataclass(frozen=True)
class SheetAnnotations:
    """What to add to one sheet: ``rows`` maps a 1-based sheet row to one value per column, in column order.

    ``header_row`` is the 1-based row holding the trust's headers; the annotation headers go there.
    """

    sheet: str
    header_row: int
    columns: tuple[AnnotationColumn, ...]
    rows: Mapping[int, Sequence[CellValue]]


def rows_in_order(rows: Mapping[int, object]) -> Iterable[int]:
    """The keys of ``rows`` ascending. Callers usually build the mapping in row order, so the keys are then
    used as they are rather than copied into a sorted list (memory stays flat for very large sheets)."""
    previous = None
    for number in rows:
        if previous is not None and number <= previous:
            return sorted(rows)
        previous = number
    return rows.keys()


@dataclass(frozen=True)
class ExtraSheet:
    """A new sheet (Summary, Board questions ...): the first row is written as a bold header."""

    name: str
    rows: Sequence[Sequence[CellValue]]
    column_widths: Sequence[float] = ()


@dataclass(frozen=True)
class ExportMeta:
    """Who the export is for: recorded in the hidden sheet so the app can recognise its own export."""

    version_id: str
    portfolio_name: str
    exported_at: datetime


@dataclass(frozen=True)
class ReturnedRow:
    """One project row of a returned workbook.

    ``row`` is the row the project was exported at (the key of ``SheetAnnotations.rows``), ``current_row``
    where it is now (rows may have been sorted), ``values`` the editable cells by column key and ``changed``
    the keys whose value differs from what was exported.
    """

    row: int
    current_row: int | None
    values: Mapping[str, str | None]
    changed: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class ReturnedWorkbook:
    """An export of this app that came back; ``annotations_intact`` is False if any annotation changed."""

    version_id: str
    sheet: str
    exported_at: str
    annotations_intact: bool
    rows: tuple[ReturnedRow, ...]

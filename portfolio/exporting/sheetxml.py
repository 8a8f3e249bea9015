"""Second pass over the data sheet: the same bytes, with annotation cells appended to the rows.

Pure. Rows are copied as they are; an annotated row gets its new cells before ``</row>`` (its ``spans`` hint
is
dropped because it no longer covers the row), rows that do not exist in the XML (blank rows) are created in
order, and every row written gets an explicit ``r`` so inserted rows never shift rows numbered by position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from portfolio.exporting.cells import CellStyles, column_letters, link_cell, text_cell, value_cell
from portfolio.exporting.model import AnnotationColumn, CellValue, rows_in_order
from portfolio.exporting.sheetscan import Row, SheetStream
from portfolio.exporting.sheettail import TailEdit, edit_tail

_SPANS = re.compile(rb'\sspans="[^"]*"')
_DIMENSION = re.compile(rb'(<(?:\w+:)?dimension\s+ref=")([A-Z]{1,3}\d+)(?::[A-Z]{1,3}\d+)?(")')
_COL_MAX = re.compile(rb'<(?:\w+:)?col\s[^>]*?\bmax="(\d+)"')
KIND_WIDTHS = {"status": 11.0, "text": 36.0, "number": 9.0, "link": 40.0, "decision": 14.0}


@dataclass(frozen=True)
class SheetPlan:
    """Where and how the annotation columns go: ``first_column`` is 1-based."""

    prefix: str
    header_row: int
    first_column: int
    columns: tuple[AnnotationColumn, ...]
    rows: Mapping[int, Sequence[CellValue]]
    styles: CellStyles

    @property
    def letters(self) -> list[str]:
        return [column_letters(self.first_column + i) for i in range(len(self.columns))]

    @property
    def last_column(self) -> int:
        return self.first_column + len(self.columns) - 1

    @property
    def last_row(self) -> int:
        return max(self.header_row, max(self.rows, default=0))


def annotation_cells(plan: SheetPlan, letters: Sequence[str], number: int) -> str:
    """The new cells of sheet row ``number`` ("" when the row gets none)."""
    if number == plan.header_row:
        return "".join(
            text_cell(f"{letter}{number}", column.header, plan.styles.header, plan.styles)
            for letter, column in zip(letters, plan.columns, strict=True)
        )
    values = plan.rows.get(number)
    if not values:
        return ""
    cells = []
    for letter, column, value in zip(letters, plan.columns, values, strict=False):
        ref = f"{letter}{number}"
        if column.kind == "status" and isinstance(value, str):
            cells.append(text_cell(ref, value, plan.styles.status.get(value.strip().lower()), plan.styles))
        elif column.kind == "link":
            cells.append(link_cell(ref, value, plan.styles))
        elif column.kind == "number" and isinstance(value, float):
            cells.append(value_cell(ref, value, plan.styles, plan.styles.decimal))
        else:
            cells.append(value_cell(ref, value, plan.styles))
    return "".join(cells)


def rewrite_rows(rows: Iterable[Row], plan: SheetPlan) -> Iterator[bytes]:
    """The sheetData content with annotations: original rows in order, missing annotated rows created."""
    letters = plan.letters
    pending = iter(_numbers_in_order(plan))
    next_number = next(pending, None)
    row_tag = f"<{plan.prefix}row".encode()
    row_close = f"</{plan.prefix}row>".encode()
    for row in rows:
        while next_number is not None and next_number < row.number:
            yield _new_row(plan, letters, next_number)
            next_number = next(pending, None)
        cells = ""
        if next_number == row.number:
            cells = annotation_cells(plan, letters, row.number)
            next_number = next(pending, None)
        attrs = row.attrs if row.has_number else f' r="{row.number}"'.encode() + row.attrs
        if cells:
            attrs = _SPANS.sub(b"", attrs)
            yield row_tag + attrs + b">" + (row.body or b"") + cells.encode() + row_close
        elif row.body is None:
            yield row_tag + attrs + b"/>"
        else:
            yield row_tag + attrs + b">" + row.body + row_close
    while next_number is not None:
        yield _new_row(plan, letters, next_number)
        next_number = next(pending, None)


def _numbers_in_order(plan: SheetPlan) -> Iterator[int]:
    """The header row and the annotated rows, ascending, without copying them when already in order."""
    header_done = False
    for number in rows_in_order(plan.rows):
        if not header_done and number >= plan.header_row:
            if number != plan.header_row:
                yield plan.header_row
            header_done = True
        yield number
    if not header_done:
        yield plan.header_row


def _new_row(plan: SheetPlan, letters: Sequence[str], number: int) -> bytes:
    cells = annotation_cells(plan, letters, number)
    return f'<{plan.prefix}row r="{number}">{cells}</{plan.prefix}row>'.encode() if cells else b""


def rewrite_prologue(prologue: bytes, plan: SheetPlan, last_row: int) -> bytes:
    """Widen ``<dimension>`` to the annotations and give the new columns widths in ``<cols>``."""

    def widen(match: re.Match[bytes]) -> bytes:
        return (
            match.group(1)
            + match.group(2)
            + f":{column_letters(plan.last_column)}{last_row}".encode()
            + match.group(3)
        )

    prologue = _DIMENSION.sub(widen, prologue, count=1)
    if any(int(m) >= plan.first_column for m in _COL_MAX.findall(prologue)):
        return prologue  # existing <col> ranges reach our columns: overlapping ranges would need a repair
    p = plan.prefix
    cols = "".join(
        f'<{p}col min="{plan.first_column + i}" max="{plan.first_column + i}" '
        f'width="{column.width or KIND_WIDTHS[column.kind]}" customWidth="1"/>'
        for i, column in enumerate(plan.columns)
    ).encode()
    close = f"</{p}cols>".encode()
    if close in prologue:
        at = prologue.rindex(close)
        return prologue[:at] + cols + prologue[at:]
    at = prologue.rindex(f"<{p}sheetData".encode())  # <cols> comes right before <sheetData>
    return prologue[:at] + f"<{p}cols>".encode() + cols + close + prologue[at:]


def rewrite_sheet(
    chunks: Iterable[bytes], plan: SheetPlan, write: TailEdit, last_row: int
) -> Iterator[bytes]:
    """The whole annotated worksheet, as chunks of bytes (for a streamed zip entry); ``last_row`` is the
    sheet's last row, for ``<dimension>``."""
    stream = SheetStream(chunks, plan.prefix)
    yield rewrite_prologue(stream.prologue, plan, last_row)
    batch: list[bytes] = []
    for piece in rewrite_rows(stream.rows(), plan):
        batch.append(piece)
        if len(batch) >= 512:  # fewer, larger writes keep the zip stream fast
            yield b"".join(batch)
            batch = []
    yield b"".join(batch)
    yield edit_tail(stream.tail, plan.prefix, write)

"""The hidden sheet that lets the app recognise its own export, and the checksum of the annotations.

Pure. The marker records the portfolio version, where the annotation columns are, and for each annotated row
a short hash of every editable (keyed) cell as exported, so a returned workbook can say what the board changed
without the app keeping a copy of the export.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence

from portfolio.exporting.cells import as_text, clean_text
from portfolio.exporting.model import ExportMeta, SheetAnnotations, rows_in_order

MARKER_SHEET = "_portfolio_review"
MARKER_TITLE = "Portfolio review export"
MARKER_FORMAT = 1


def normalised(value: object) -> str:
    """A cell value as text, the same whether it comes from our writer or back from a reader (3 == 3.0)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(as_text(value))  # type: ignore[arg-type]


def short_hash(value: object) -> str:
    return hashlib.sha256(normalised(value).encode()).hexdigest()[:16]


def annotations_checksum(headers: Sequence[str], rows: Iterable[tuple[int, Sequence[object]]]) -> str:
    """sha256 over the annotation headers and every annotation cell, row by row (``rows`` in row order)."""
    digest = hashlib.sha256("\x1f".join(normalised(h) for h in headers).encode())
    for number, values in rows:  # callers pass rows in row order
        digest.update(f"\x1e{number}\x1d".encode() + "\x1f".join(normalised(v) for v in values).encode())
    return digest.hexdigest()


def marker_rows(
    annotations: SheetAnnotations, meta: ExportMeta, first_column: int, row_offset: int = 0
) -> Iterator[list[object]]:
    """The hidden sheet's rows (see the module docstring), generated lazily so a 100,000-row export does not
    hold them all. ``row_offset`` is added to a sheet row to give the row the caller knows the project by
    (non-zero when a fresh workbook moved the header to row 1)."""
    columns = annotations.columns
    numbers = rows_in_order(annotations.rows)
    keyed = [i for i, column in enumerate(columns) if column.key]
    link = next((i for i, column in enumerate(columns) if column.kind == "link"), None)
    checksum = annotations_checksum([c.header for c in columns], _padded(annotations, numbers))
    head: list[list[object]] = [
        [MARKER_TITLE, "Do not edit: this sheet lets Portfolio review recognise its own export."],
        ["format", MARKER_FORMAT],
        ["version_id", meta.version_id],
        ["portfolio", meta.portfolio_name],
        ["exported_at", meta.exported_at.isoformat()],
        ["sheet", annotations.sheet],
        ["header_row", annotations.header_row],
        ["first_column", first_column],
        ["row_offset", row_offset],
        ["columns", json.dumps([[c.header, c.kind, c.key] for c in columns])],
        ["checksum", checksum],
        [],
        ["row", "link", *(columns[i].key for i in keyed)],
    ]
    yield from head
    for number, values in _padded(annotations, numbers):
        yield [
            number,
            normalised(values[link]) if link is not None else "",
            *(short_hash(values[i]) for i in keyed),
        ]


def _padded(annotations: SheetAnnotations, numbers: Iterable[int]) -> Iterator[tuple[int, Sequence[object]]]:
    """Rows in order, each cut or padded to one value per column."""
    width = len(annotations.columns)
    for number in numbers:
        values = tuple(annotations.rows[number])[:width]
        yield number, values + (None,) * (width - len(values))

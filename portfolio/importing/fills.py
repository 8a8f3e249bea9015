"""RAG held only as a cell's fill colour, read with openpyxl (calamine does not read formatting).

Only consulted when a column is mapped to rag and most of its cells are blank, in an xlsx/xlsm: then the
fill colours of that column are the rating. openpyxl runs read-only, so only the one sheet is streamed.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence

from portfolio.importing.plan import ColumnMapping

_COLOURS = {"red": (255, 0, 0), "amber": (255, 192, 0), "green": (0, 176, 80)}
_MAX_DISTANCE = 140
_MAX_ROWS = 20_000  # a colour-coded RAG column is a human-kept list, never a national extract


def _nearest(rgb: str) -> str | None:
    try:
        r, g, b = int(rgb[-6:-4], 16), int(rgb[-4:-2], 16), int(rgb[-2:], 16)
    except ValueError:
        return None
    if abs(r - g) < 20 and abs(g - b) < 20:
        return None  # white, greys, black: no rating
    name, distance = min(
        (
            (n, sum((x - y) ** 2 for x, y in zip((r, g, b), c, strict=True)) ** 0.5)
            for n, c in _COLOURS.items()
        ),
        key=lambda pair: pair[1],
    )
    return name if distance <= _MAX_DISTANCE else None


def rag_fills(
    data: bytes,
    file_format: str,
    sheet: str,
    columns: Sequence[ColumnMapping],
    samples: Sequence[Sequence[str]],
) -> dict[tuple[int, int], str]:
    """(1-based row, 0-based column) -> "red"/"amber"/"green" for filled cells of a mostly blank RAG column.

    Returns {} when not applicable or when openpyxl cannot read the file (the text is then all we have).
    """
    rag = [c for c in columns if c.field == "rag"]
    if file_format not in ("xlsx", "xlsm") or not rag or len(samples[rag[0].index]) > 2:
        return {}
    col = rag[0].index
    try:
        import openpyxl  # type: ignore[import-untyped]  # imported only when a RAG column is all colour

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            return _read_column(book[sheet], col)
        finally:
            book.close()
    except Exception:  # noqa: BLE001 - formatting is a bonus; any failure leaves the text reading
        return {}


def _read_column(ws: object, col: int) -> dict[tuple[int, int], str]:
    out: dict[tuple[int, int], str] = {}
    ws.reset_dimensions()  # type: ignore[attr-defined]  # read-only mode trusts <dimension>; don't
    for row in ws.iter_rows(min_col=col + 1, max_col=col + 1, max_row=_MAX_ROWS):  # type: ignore[attr-defined]
        cell = row[0] if row else None
        fill = getattr(cell, "fill", None)
        colour = getattr(getattr(fill, "fgColor", None), "rgb", None)
        if isinstance(colour, str) and getattr(fill, "fill_type", None) == "solid":
            found = _nearest(colour)
            if found and getattr(cell, "row", None):
                out[(cell.row, col)] = found  # type: ignore[union-attr]
    return out

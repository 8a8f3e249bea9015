"""Reading back an exported workbook that the board edited offline: ``read_returned_workbook``.

Pure. The hidden marker sheet says which portfolio version the export came from, where the annotation
columns were and a hash of each editable cell as exported. Rows are matched by the project link when there is
one (the secretary may have sorted the sheet), else by row number; columns by their header text (they may have
been moved), else by position. Values are read with python-calamine, which also reads what Excel re-saves.
"""

from __future__ import annotations

import io
import json

from python_calamine import CalamineWorkbook

from portfolio.exporting.marker import (
    MARKER_FORMAT,
    MARKER_SHEET,
    MARKER_TITLE,
    annotations_checksum,
    normalised,
    short_hash,
)
from portfolio.exporting.model import ReturnedRow, ReturnedWorkbook

Grid = list[list[object]]


def read_returned_workbook(data: bytes) -> ReturnedWorkbook | None:
    """The decisions, rationales and comments (every keyed annotation column) in ``data``, per project row.

    Returns None when ``data`` is not an export of this app (no marker sheet, or not a readable workbook at
    all): the caller then treats the file as a new upload. Never raises for bad input.
    """
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        marker_name = next(
            (
                n
                for n in book.sheet_names
                if n.lower().startswith(MARKER_SHEET) and _cell(_grid(book, n), 1, 1) == MARKER_TITLE
            ),
            None,
        )
        if marker_name is None:
            return None
        meta, entries = _read_marker(_grid(book, marker_name))
        if meta.get("format") != str(MARKER_FORMAT) or meta.get("sheet") not in book.sheet_names:
            return None
        return _read_rows(meta, entries, _grid(book, meta["sheet"]))
    except Exception:  # any unreadable file is simply "not our export"
        return None


def _grid(book: CalamineWorkbook, name: str) -> Grid:
    """The sheet as rows of values, padded so grid[r-1][c-1] is Excel's row r, column c."""
    sheet = book.get_sheet_by_name(name)
    top, left = sheet.start or (0, 0)
    rows: Grid = [[] for _ in range(top)]
    rows += [[""] * left + list(row) for row in sheet.to_python(skip_empty_area=False)]
    return rows


def _cell(grid: Grid, row: int, column: int) -> object:
    if 0 < row <= len(grid) and 0 < column <= len(grid[row - 1]):
        return grid[row - 1][column - 1]
    return ""


def _read_marker(grid: Grid) -> tuple[dict[str, str], list[list[object]]]:
    meta, at = {}, 1
    while at <= len(grid) and normalised(_cell(grid, at, 1)) != "row":
        meta[normalised(_cell(grid, at, 1))] = normalised(_cell(grid, at, 2))
        at += 1
    return meta, grid[at:]


def _locate_columns(meta: dict[str, str], grid: Grid) -> list[int]:
    """The current column of each annotation column: found by header text, else where it was exported."""
    columns = json.loads(meta["columns"])
    header_row, first = int(meta["header_row"]), int(meta["first_column"])
    headers = [normalised(v) for v in (grid[header_row - 1] if header_row <= len(grid) else [])]
    found = []
    for i, (title, _kind, _key) in enumerate(columns):
        matches = [c + 1 for c, text in enumerate(headers) if text == normalised(title)]
        found.append(matches[0] if len(matches) == 1 else first + i)
    return found


def _read_rows(meta: dict[str, str], entries: list[list[object]], grid: Grid) -> ReturnedWorkbook:
    columns = json.loads(meta["columns"])
    where = _locate_columns(meta, grid)
    keys = [(key, where[i]) for i, (_t, _k, key) in enumerate(columns) if key]
    link = next((where[i] for i, (_t, kind, _k) in enumerate(columns) if kind == "link"), None)
    header_row, offset = int(meta["header_row"]), int(meta.get("row_offset", "0") or 0)
    by_link: dict[str, int] = {}
    if link is not None:
        for number in range(header_row + 1, len(grid) + 1):
            by_link.setdefault(normalised(_cell(grid, number, link)), number)
    links_readable = any(by_link)
    rows, current_values = [], []
    for entry in entries:
        if not entry or normalised(entry[0]) == "":
            continue
        number, exported_link, hashes = int(float(str(entry[0]))), normalised(entry[1]), entry[2:]
        # A file saved by a tool that drops formula results (openpyxl) has no link text: match by row then.
        current = by_link.get(exported_link) if exported_link and links_readable else number
        values = {key: _text(_cell(grid, current, column)) if current else None for key, column in keys}
        changed = frozenset(
            key
            for (key, _c), old in zip(keys, hashes, strict=False)
            if current and short_hash(values[key] or "") != normalised(old)
        )
        rows.append(ReturnedRow(number + offset, current + offset if current else None, values, changed))
        current_values.append((number, [_cell(grid, current, c) if current else "" for c in where]))
    checksum = annotations_checksum([t for t, _k, _key in columns], current_values)
    return ReturnedWorkbook(
        meta.get("version_id", ""),
        meta["sheet"],
        meta.get("exported_at", ""),
        checksum == meta.get("checksum"),
        tuple(rows),
    )


def _text(value: object) -> str | None:
    text = normalised(value)
    return text or None

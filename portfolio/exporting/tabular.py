"""The annotated table as CSV and JSON: the trust's columns followed by the annotation columns.

Pure. CSV is UTF-8 with a byte-order mark (so Excel reads the £ sign), every field quoted, and text that a
spreadsheet could run as a formula prefixed with ' (OWASP CSV injection advice). JSON keeps types.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Sequence
from datetime import date, datetime

from portfolio.exporting.cells import as_text, clean_text, looks_like_formula
from portfolio.exporting.model import CellValue, SheetAnnotations


def annotated_table(
    header: Sequence[str], rows: Sequence[Sequence[CellValue]], annotations: SheetAnnotations
) -> tuple[list[str], list[tuple[int, list[CellValue]]]]:
    """Header and rows with the annotation values appended; ``rows[i]`` is sheet row header_row + 1 + i.

    Returns (header, [(sheet row, values)]); short rows are padded so every row has every column."""
    width = len(header)
    columns = [column.header for column in annotations.columns]
    table = []
    for i, values in enumerate(rows):
        number = annotations.header_row + 1 + i
        own = list(values)[:width] + [None] * (width - len(values))
        extra = list(annotations.rows.get(number, ()))[: len(columns)]
        table.append((number, own + extra + [None] * (len(columns) - len(extra))))
    return [*header, *columns], table


def csv_field(value: CellValue) -> str:
    """One CSV field: numbers as written, text cleaned and defused (a leading ' before = + - @ tab CR LF)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        text = clean_text(as_text(value))
        return "'" + text if looks_like_formula(text) else text
    return as_text(value) if math.isfinite(value) else ""


def table_to_csv(
    header: Sequence[str], rows: Sequence[Sequence[CellValue]], annotations: SheetAnnotations
) -> bytes:
    """The annotated table as CSV bytes (UTF-8 with BOM, CRLF line ends, every field quoted)."""
    columns, table = annotated_table(header, rows, annotations)
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow([csv_field(h) for h in columns])
    writer.writerows([csv_field(v) for v in values] for _, values in table)
    return out.getvalue().encode("utf-8-sig")


def _json_value(value: CellValue) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return clean_text(value) if isinstance(value, str) else value


def table_to_json(
    header: Sequence[str], rows: Sequence[Sequence[CellValue]], annotations: SheetAnnotations
) -> bytes:
    """The annotated table as UTF-8 JSON: {"sheet", "header_row", "columns": [...],
    "rows": [{"row": n, "values": [...]}]}; values keep their types (dates as ISO text)."""
    columns, table = annotated_table(header, rows, annotations)
    document = {
        "sheet": annotations.sheet,
        "header_row": annotations.header_row,
        "columns": columns,
        "rows": [{"row": n, "values": [_json_value(v) for v in values]} for n, values in table],
    }
    return json.dumps(document, ensure_ascii=False).encode()

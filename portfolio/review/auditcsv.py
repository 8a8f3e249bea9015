"""The audit trail as CSV bytes: pure (no Flask, no database), formula-safe and readable by Excel.

Any cell starting with = + - @ tab, CR or LF gets a leading apostrophe, so a spreadsheet shows it as text and
never runs it as a formula; every field is quoted (quotes doubled); UTF-8 with a byte-order mark so Excel
reads accents.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
HEADER = ("When (UTC)", "Who", "Action", "Summary", "Target", "Target id", "Project id", "Before", "After")


def safe_cell(value: object) -> str:
    """The value as text, with a leading apostrophe when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def audit_csv(rows: Iterable[Sequence[object]]) -> bytes:
    """CSV bytes for ``rows`` (each in HEADER's order) under the header."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")

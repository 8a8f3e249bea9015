"""Finding the header row below title and notes rows, and two-row headers with a group row above.

Why scoring rather than "row 1": trusts put titles, "last updated" notes, blank rows and group headings
above the real header. The header is the early row with the most short text cells, weighted by how many
of them are headers we know, and with data beneath it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from portfolio.importing.columns import header_score
from portfolio.importing.values import cell_text

SCAN_ROWS = 30
_NUMBERISH = re.compile(r"[£$€]?\s*-?[\d,]+(?:\.\d+)?\s*[kmb%]?", re.IGNORECASE)
Merge = tuple[tuple[int, int], tuple[int, int]]


@dataclass(frozen=True)
class HeaderGuess:
    """``row`` is the 0-based index of the header row (-1: the sheet has no header row); ``texts`` its
    cells as written (blank cells ''); ``labels`` the same with any group heading above ("Finance / Capital
    £k"); ``group_row`` the 0-based index of that group row or None."""

    row: int
    texts: tuple[str, ...]
    labels: tuple[str, ...]
    group_row: int | None = None


def _filled(value: Any) -> bool:
    return value is not None and value != "" and not (isinstance(value, str) and value.isspace())


def _is_text(value: Any) -> bool:
    if isinstance(value, (int, float, date, datetime, time)) or (isinstance(value, str) and len(value) > 400):
        return False
    text = cell_text(value)
    return bool(text) and len(text) <= 80 and not text.replace(",", "").replace(".", "").isdigit()


def _row_score(row: Sequence[Any], below: Sequence[Sequence[Any]]) -> float:
    texts = [cell_text(v) for v in row if _is_text(v)]
    filled = sum(1 for v in row if _filled(v))
    if filled < 2:
        return 0.0
    known = sum(header_score(t) for t in texts)
    numbers = filled - len(texts)
    support = sum(1 for r in below if sum(1 for v in r if _filled(v)) >= max(2, filled // 3))
    return known * 3 + len(texts) - numbers * 2 + min(support, 3) * 0.5


def detect_header(rows: Sequence[Sequence[Any]], merges: Sequence[Merge] = ()) -> HeaderGuess:
    """Pick the header row among the first SCAN_ROWS ``rows`` (lists of cell values) and build its labels.

    Returns row 0 with its cells when nothing scores (a sheet with no header still imports, by values).
    """
    best, best_score = 0, 0.0
    for i, row in enumerate(rows[:SCAN_ROWS]):
        score = _row_score(row, rows[i + 1 : i + 4])
        if score > best_score + 0.01:
            best, best_score = i, score
    if best < len(rows) and _is_data_row(rows[best], rows[best + 1 : best + 3]):
        width = max((len(r) for r in rows[:SCAN_ROWS]), default=0)
        return HeaderGuess(-1, ("",) * width, ("",) * width)
    return header_at(rows, best, merges)


def _is_data_row(row: Sequence[Any], below: Sequence[Sequence[Any]]) -> bool:
    """A sheet with no header at all: the best row names no known field, and it holds numbers or amounts
    (as values or text such as "$26.538") in the same columns as the rows under it."""
    if not below or any(header_score(cell_text(v)) for v in row if _is_text(v)):
        return False
    numeric = [i for i, v in enumerate(row) if _numberish(v)]
    return bool(numeric) and all(all(i < len(r) and _numberish(r[i]) for i in numeric) for r in below)


def _numberish(value: Any) -> bool:
    if isinstance(value, (int, float, date, datetime)) and not isinstance(value, bool):
        return True
    return isinstance(value, str) and bool(_NUMBERISH.fullmatch(value.strip()))


def header_at(rows: Sequence[Sequence[Any]], index: int, merges: Sequence[Merge] = ()) -> HeaderGuess:
    """The header at a known 0-based row ``index`` (the caller's choice, or the detected one)."""
    texts = [cell_text(v) for v in rows[index]] if index < len(rows) else []
    while texts and not texts[-1]:
        texts.pop()
    group = _group_row(rows, index, len(texts))
    if group is None:
        return HeaderGuess(index, tuple(texts), tuple(texts))
    spans = _group_spans(rows[index - 1], len(texts), index - 1, merges)
    labels = []
    for col, text in enumerate(texts):
        above = spans[col]
        if not text:
            texts[col] = (
                above if cell_text(rows[index - 1][col] if col < len(rows[index - 1]) else "") else ""
            )
            labels.append(texts[col])
        elif above and above.lower() != text.lower():
            labels.append(f"{above} / {text}")
        else:
            labels.append(text)
    return HeaderGuess(index, tuple(texts), tuple(labels), index - 1)


def _group_row(rows: Sequence[Sequence[Any]], index: int, width: int) -> int | None:
    if index == 0 or width < 2:
        return None
    above = [cell_text(v) for v in rows[index - 1][:width]]
    filled = [t for t in above if t]
    if not filled or len(filled) >= sum(1 for v in rows[index][:width] if _filled(v)):
        return None
    if len(filled) == 1 and above[0]:
        return None  # one cell in column A is a title, not a group heading
    if any(len(t) > 40 or not _is_text(t) for t in filled):
        return None
    return index - 1


def _group_spans(row: Sequence[Any], width: int, row_index: int, merges: Sequence[Merge]) -> list[str]:
    """The group heading over each column: a merged range's text over its columns, otherwise the last
    heading to the left (forward fill), which is how an unmerged group row reads."""
    spans = [""] * width
    merged_cols: set[int] = set()
    for (r0, c0), (r1, c1) in merges:
        if r0 <= row_index <= r1 and c0 < width:
            text = cell_text(row[c0]) if c0 < len(row) else ""
            for col in range(c0, min(c1, width - 1) + 1):
                spans[col] = text
                merged_cols.add(col)
    current = ""
    for col in range(width):
        text = cell_text(row[col]) if col < len(row) else ""
        if col in merged_cols:
            current = ""
            continue
        current = text or current
        spans[col] = current
    return spans


def looks_transposed(rows: Sequence[Sequence[Any]]) -> bool:
    """True when the first column, not any row, reads as the header: field names down column A and
    projects across (at least four known field names down column A, at most two along any row)."""
    if not rows or max(len(r) for r in rows) < 3:
        return False

    def exact(value: Any) -> int:  # keyword hits are no use here: project names say "Programme"
        return int(_is_text(value) and header_score(cell_text(value)) >= 0.95)

    down = sum(exact(r[0]) for r in rows if r)
    across = max(sum(exact(v) for v in r) for r in rows[:SCAN_ROWS])
    return down >= 4 and across <= 2

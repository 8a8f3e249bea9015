"""Choosing the sheet that holds the project list, and reading the first rows of every sheet once.

A sheet scores by how many distinct canonical fields its detected header names, plus a little for having
rows of data; hidden sheets are not pre-selected. Loaded sheets other than the chosen one are released so
a workbook of many large sheets does not hold them all.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import islice
from typing import Any

from portfolio.importing.columns import header_fields
from portfolio.importing.context import CONTEXT_SHEET
from portfolio.importing.errors import ImportRejected
from portfolio.importing.header import detect_header
from portfolio.importing.plan import SheetInfo
from portfolio.importing.reader import Workbook

HEAD_ROWS = 40
_MAX_PEEKED_SHEETS = 60  # beyond this, sheets are listed by row count only (e.g. 1,024 empty sheets)


def choose_sheet(
    workbook: Workbook, wanted: str | None
) -> tuple[tuple[SheetInfo, ...], str, dict[str, list[list[Any]]]]:
    """(sheets with ``looks_like_projects`` set on the best one, the sheet to read, first rows by sheet).

    Raises ImportRejected if ``wanted`` is not a sheet of the workbook or every sheet is empty.
    """
    names = [s.name for s in workbook.sheets]
    if wanted is not None and wanted not in names:
        raise ImportRejected(
            f"There is no sheet called '{wanted}' in this workbook; its sheets are: "
            + ", ".join(f"'{n}'" for n in names[:20])
            + "."
        )
    heads: dict[str, list[list[Any]]] = {}
    scores: dict[str, float] = {}
    refused: ImportRejected | None = None  # why an unreadable sheet was skipped, if none can be read
    for info in workbook.sheets[:_MAX_PEEKED_SHEETS]:
        if info.rows == 0:
            continue
        try:
            heads[info.name] = list(islice(workbook.iter_rows(info.name), HEAD_ROWS))
        except ImportRejected as exc:
            if info.name == wanted:
                raise
            refused = refused or exc
            continue
        scores[info.name] = _score(info, heads[info.name])
    if not scores and wanted is None:
        raise refused or ImportRejected(_all_empty(workbook))
    best = max(scores, key=lambda n: scores[n]) if scores else None
    chosen = wanted or best or names[0]
    for name in list(heads):
        if name != chosen and not CONTEXT_SHEET.search(name):
            workbook.release(name)
    sheets = tuple(replace(s, looks_like_projects=s.name == best) for s in workbook.sheets)
    return sheets, chosen, heads


def _score(info: SheetInfo, head: list[list[Any]]) -> float:
    guess = detect_header(head)
    fields = header_fields(guess.texts)
    score = len(fields) * 2 + min(info.rows, 50) / 10
    if "title" in fields:
        score += 3
    if info.hidden:
        score -= 10
    if CONTEXT_SHEET.search(info.name):
        score -= 3
    return score


def _all_empty(workbook: Workbook) -> str:
    if len(workbook.sheets) == 1:
        return "The workbook's only sheet is empty: check you uploaded the right file."
    return "Every sheet in this workbook is empty: check you uploaded the right file."

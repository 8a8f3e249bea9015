"""The importer's entry point: upload bytes -> ImportPlan (sheets, header, columns, records, problems).

    plan = parse_workbook(data, "portfolio.xlsx")
    plan = parse_workbook(data, "portfolio.xlsx", sheet="Tracker", header_row=4,
                          mapping={"Cost": "budget", "Comments": None})

Pure: no Flask, no database. Rows are read once, streaming after the first few hundred (which are kept to
choose the header and sample each column), so a 100,000-row sheet is never held as Python lists twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from itertools import chain, islice, zip_longest
from typing import Any

from portfolio.collector import collector_paused
from portfolio.importing.columns import map_columns
from portfolio.importing.context import CONTEXT_SHEET, build_context
from portfolio.importing.errors import ImportRejected
from portfolio.importing.fills import rag_fills
from portfolio.importing.header import HeaderGuess, detect_header, header_at, looks_transposed
from portfolio.importing.plan import DEFAULT_LIMITS, ColumnMapping, ImportPlan, Limits, RowProblem, SheetInfo
from portfolio.importing.projects import RowContext, RowOutcome, build_records, column_letter
from portfolio.importing.reader import Workbook, open_workbook
from portfolio.importing.scan import column_number
from portfolio.importing.sheets import choose_sheet
from portfolio.importing.values import cell_text

HEAD_ROWS = 40
SAMPLE_ROWS = 300
SAMPLES_PER_COLUMN = 50


def parse_workbook(
    data: bytes,
    filename: str,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    mapping: Mapping[str, str | None] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ImportPlan:
    """Read an uploaded workbook or CSV into an ImportPlan.

    ``sheet`` (default: the sheet that looks most like a project list), ``header_row`` (1-based; default:
    detected; the plan says 0 when the sheet has no header row) and ``mapping`` (header as written ->
    canonical field or None; default: detected) let the user correct what was guessed. Raises
    ImportRejected, with one plain sentence, for any file that cannot
    be read: empty, damaged, encrypted, oversized, hostile, of the wrong type, or with an empty sheet.
    """
    workbook = open_workbook(data, filename, limits)
    sheets, chosen, heads = choose_sheet(workbook, sheet)
    head, rows, transposed = _sheet_rows(workbook, chosen, heads)
    guess = _header(workbook, chosen, head, header_row)
    headers = _unique(guess.texts)
    numbered = chain(
        enumerate(head[guess.row + 1 :], start=guess.row + 2), enumerate(rows, start=len(head) + 1)
    )
    buffered = list(islice(numbered, SAMPLE_ROWS))  # kept to sample each column, then read like the rest
    samples = _samples(buffered, len(headers))
    columns = map_columns(headers, _labels(guess, headers), samples, mapping)
    columns = tuple(replace(c, index=i) for i, c in enumerate(columns))
    ctx = RowContext(chosen, columns, limits, rag_fills(data, workbook.file_format, chosen, columns, samples))
    with collector_paused():  # a record per row, no cycles (see portfolio.collector)
        outcome = build_records(chain(buffered, numbered), ctx)
    context = build_context(
        _context_rows(workbook, sheets, chosen, heads),
        [head[i] for i in range(guess.row) if i != guess.group_row],
    )
    return ImportPlan(
        filename=filename,
        file_format=workbook.file_format,
        sheets=sheets,
        sheet=chosen,
        header_row=guess.row + 1,
        columns=tuple(c for c in columns if not c.header.startswith("Column ") or c.samples or c.field),
        records=tuple(outcome.records),
        problems=tuple(_sheet_problems(workbook, ctx, _not_imported(guess, outcome, transposed)) + outcome.problems),
        notes=tuple(_notes(workbook, chosen, guess, transposed) + outcome.notes),
        context=context,
        rows_read=outcome.rows_read,
    )


def _sheet_rows(
    workbook: Workbook, chosen: str, heads: Mapping[str, list[list[Any]]]
) -> tuple[list[list[Any]], Iterator[list[Any]], bool]:
    """The first rows (for header detection), an iterator over the rest, and whether the sheet was turned
    round because it lists projects across columns (as the GMPP 2014 and 2017 files do)."""
    rows = workbook.iter_rows(chosen)
    head = heads.get(chosen) or list(islice(rows, HEAD_ROWS))
    rows = islice(rows, len(head), None) if chosen in heads else rows
    if not any(v not in ("", None) and cell_text(v) for row in head for v in row):
        raise ImportRejected(_empty_message(workbook, chosen))
    if len(head) < HEAD_ROWS and looks_transposed(head):
        turned = [list(col) for col in zip_longest(*head, fillvalue="")]
        return turned[:HEAD_ROWS], iter(turned[HEAD_ROWS:]), True
    return head, rows, False


def _empty_message(workbook: Workbook, chosen: str) -> str:
    if len(workbook.sheets) == 1:
        return "The workbook's only sheet is empty: check you uploaded the right file."
    return f"The sheet '{chosen}' is empty: choose the sheet that holds the project list."


def _header(workbook: Workbook, sheet: str, head: list[list[Any]], header_row: int | None) -> HeaderGuess:
    merges = workbook.merged(sheet)
    if header_row is None:
        return detect_header(head, merges)
    if not 1 <= header_row <= len(head):
        raise ImportRejected(
            f"Row {header_row} cannot be the header: choose one of the first {len(head)} "
            f"rows of the sheet '{sheet}'."
        )
    return header_at(head, header_row - 1, merges)


def _unique(texts: Sequence[str]) -> list[str]:
    """Header texts as written, blank ones named by column letter, repeats numbered ("colour_rating (2)")."""
    seen: dict[str, int] = {}
    out = []
    for i, text in enumerate(texts):
        name = text or f"Column {column_letter(i)}"
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def _labels(guess: HeaderGuess, headers: Sequence[str]) -> list[str]:
    return [
        label if text else header
        for label, text, header in zip(guess.labels, guess.texts, headers, strict=True)
    ]


def _samples(buffered: Sequence[tuple[int, Sequence[Any]]], width: int) -> list[list[str]]:
    samples: list[list[str]] = [[] for _ in range(width)]
    for _, cells in buffered:
        for i in range(min(width, len(cells))):
            if len(samples[i]) < SAMPLES_PER_COLUMN:
                value = cells[i]
                text = cell_text(value[:400] if isinstance(value, str) else value)
                if text:
                    samples[i].append(text[:200])
    return samples


def _not_imported(guess: HeaderGuess, outcome: RowOutcome, transposed: bool) -> Callable[[int], bool]:
    """Whether a sheet row is one the import leaves out whatever it holds: the title and notes rows above the
    header, and rows read as totals, headings or notes. (A sheet turned round has its projects in columns.)"""
    if transposed:
        return lambda row: False
    first, left_out = guess.row + 1, outcome.left_out
    return lambda row: row < first or row in left_out


def _sheet_problems(workbook: Workbook, ctx: RowContext, not_imported: Callable[[int], bool]) -> list[RowProblem]:
    """Problems about the sheet as a whole: no title column, formulas saved without values in the rows
    that are imported (a totals row's =SUM() without a value is no loss: the row is left out)."""
    out = [p for p in _formula_problems(workbook, ctx.sheet, ctx.columns) if not not_imported(p.row or 0)]
    if not ctx.has_title:
        message = (
            "No column was recognised as the project title: choose the title column in the column mapping."
        )
        out.insert(0, RowProblem(ctx.sheet, None, None, message, "error"))
    return out


def _formula_problems(workbook: Workbook, sheet: str, columns: Sequence[ColumnMapping]) -> list[RowProblem]:
    out = []
    for ref in workbook.orphan_formulas(sheet):
        letters = ref.rstrip("0123456789")
        index = column_number(letters) - 1
        header = columns[index].header if index < len(columns) else None
        out.append(
            RowProblem(
                sheet,
                int(ref[len(letters) :]),
                header,
                f"{ref} is a formula with no saved value: open the workbook in Excel, "
                "save it, and upload it again to import the calculated value.",
            )
        )
    return out


def _notes(workbook: Workbook, sheet: str, guess: HeaderGuess, transposed: bool) -> list[str]:
    notes = []
    if transposed:
        notes.append(
            "This sheet lists one project per column, so it was read turned round: each "
            "record's row number is its column number in the sheet."
        )
    if guess.row < 0:
        notes.append(
            "No header row was found, so the columns are named by their letters (header row 0); "
            "choose the header row if the sheet has one."
        )
    if guess.row > 0:
        notes.append(
            f"The header was found in row {guess.row + 1}; the rows above it were read as titles or notes."
        )
    if guess.group_row is not None:
        notes.append(
            f"Row {guess.group_row + 1} groups the columns under headings; each column's group is "
            "shown with its name."
        )
    if workbook.encoding and workbook.encoding not in ("utf-8", "utf-8-sig"):
        notes.append(f"The CSV file was read as {workbook.encoding} text.")
    return notes


def _context_rows(
    workbook: Workbook, sheets: Sequence[SheetInfo], chosen: str, heads: Mapping[str, list[list[Any]]]
) -> list[list[list[Any]]]:
    out = []
    for info in sheets:
        if info.name != chosen and CONTEXT_SHEET.search(info.name) and info.name in heads:
            out.append(heads[info.name])
    return out

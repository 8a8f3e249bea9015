"""Turning the data rows under the header into ProjectRecords, with a problem for every value not understood.

Rows that are not projects (blank rows, section headings, totals rows, source notes) are left out with a
note. Typed values (dates, money, RAG, priority) sit beside the text as written; what cannot be parsed stays
as text and is listed as a problem, never guessed.

This is the importer's hot loop (once per row of a sheet of up to 200,000 rows), so the per-column facts
are worked out once in RowContext and the parsers cache their answers for repeated values.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Final

from portfolio.importing.errors import ImportRejected
from portfolio.importing.plan import ColumnMapping, Limits, RowProblem
from portfolio.importing.values import (
    budget_kind,
    cell_text,
    header_multiplier,
    parse_date,
    parse_money,
    parse_priority,
    parse_rag,
)
from portfolio.records import BudgetLine, ProjectRecord

_TOTAL = re.compile(r"^\s*(grand\s+|sub[\s-]?)?totals?\b|^\s*sum\s*$", re.IGNORECASE)
_TOTAL_STARTS = frozenset("TtGgSs \t")  # a cheap look before the regular expression
MAX_PROBLEMS = 2000
_CACHE_SIZE = 50_000  # distinct values remembered per typed column
_TYPED_FIELDS = frozenset(("budget", "start_date", "end_date", "rag", "priority"))


def column_letter(index: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 27 -> AB)."""
    letters, n = "", index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass
class RowOutcome:
    """What building the records produced; mutable while rows stream through, then frozen into the plan."""

    records: list[ProjectRecord] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rows_read: int = 0
    blank_rows: int = 0
    dropped_problems: int = 0
    left_out: set[int] = field(default_factory=set)  # rows read as totals, headings or notes, not projects

    def problem(self, problem: RowProblem) -> None:
        """Keep the problem, or only count it once MAX_PROBLEMS are kept (a 100,000-row sheet of TBCs)."""
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
        else:
            self.dropped_problems += 1


_Parser = Callable[[str], tuple[Any, str | None]]
# Per typed column: (index, field, header, parser, its cache, budget kind).
_TypedColumn = tuple[int, str, str, _Parser, dict[str, tuple[Any, str | None]], str | None]


class RowContext:
    """The fixed facts every row is read against, worked out once before the first row."""

    sheet: Final[str]
    columns: Final[tuple[ColumnMapping, ...]]
    limits: Final[Limits]
    fills: Final[dict[tuple[int, int], str]]  # (row, col) -> rag from fill colour
    has_title: Final[bool]  # whether any column is mapped to title
    title_col: Final[int | None]  # 0-based index of the title column, or None
    keys: Final[tuple[tuple[str | None, str], ...]]  # per column: (field or None, header), where its text goes
    shared_fields: Final[tuple[tuple[str, tuple[tuple[int, str], ...]], ...]]  # fields several columns map to
    typed_plan: Final[tuple[_TypedColumn, ...]]  # the columns whose text is also parsed

    def __init__(
        self,
        sheet: str,
        columns: tuple[ColumnMapping, ...],
        limits: Limits,
        fills: dict[tuple[int, int], str] | None = None,
    ) -> None:
        self.sheet = sheet
        self.columns = columns
        self.limits = limits
        self.fills = fills or {}
        self.has_title = any(c.field == "title" for c in columns)
        self.title_col = next((c.index for c in columns if c.field == "title"), None)
        self.keys = tuple((c.field, c.header) for c in columns)
        by_field: dict[str, list[tuple[int, str]]] = {}
        for c in columns:
            if c.field:
                by_field.setdefault(c.field, []).append((c.index, c.header))
        self.shared_fields = tuple((f, tuple(cols)) for f, cols in by_field.items() if len(cols) > 1)
        self.typed_plan = tuple(_typed_column(c) for c in columns if c.field in _TYPED_FIELDS)


def _typed_column(c: ColumnMapping) -> _TypedColumn:
    """The parser of one typed column and a cache of its answers: trusts repeat values ("Green", "Mar-26",
    "TBC") down a column, and a dict lookup is the cheapest way to parse each distinct value once."""
    name = c.field or ""
    parse: _Parser
    if name == "budget":
        parse = partial(parse_money, multiplier=header_multiplier(c.header))
    elif name in ("start_date", "end_date"):
        parse = partial(parse_date, end=name == "end_date")
    else:
        parse = parse_rag if name == "rag" else parse_priority
    return (c.index, name, c.header, parse, {}, budget_kind(c.header))


def build_records(rows: Iterable[tuple[int, Sequence[Any]]], ctx: RowContext) -> RowOutcome:
    """Read each (1-based sheet row number, cells) pair into a record or a note.

    Raises ImportRejected once more than ``ctx.limits.max_rows`` non-blank rows have been read.
    """
    out = RowOutcome()
    cap = ctx.limits.max_cell_chars
    title_col = ctx.title_col
    for number, cells in rows:
        # Fast path: strip every text cell, then check the whole row at once (two C calls, not two per
        # cell); only a row holding control characters or _x000D_ escapes is cleaned cell by cell.
        texts = [v.strip() if type(v) is str else cell_text(v) for v in cells]
        joined = "".join(texts)
        if not joined.isprintable() or "_x" in joined:
            texts = [cell_text(v) for v in cells]
        if not joined:
            out.blank_rows += 1
            continue
        out.rows_read += 1
        if out.rows_read > ctx.limits.max_rows:
            raise ImportRejected(
                f"The sheet '{ctx.sheet}' has more than {ctx.limits.max_rows:,} rows of "
                "projects, the most one import can take: split the list and upload each part."
            )
        if max(map(len, texts)) > cap:
            texts = _cut_long_cells(number, texts, ctx, out)
        if (
            len(texts) - texts.count("") < 3
            or any(t[:1] in _TOTAL_STARTS for t in texts[:4])
            or (title_col is not None and title_col < len(texts) and texts[title_col][:1] in _TOTAL_STARTS)
        ):
            skipped = _not_a_project(number, texts, ctx)  # only rows that could be one pay for the check
            if skipped:
                out.notes.append(skipped)
                out.left_out.add(number)
                continue
        out.records.append(_record(number, texts, ctx, out))
    if out.blank_rows:
        out.notes.append(f"{out.blank_rows:,} blank row{'s were' if out.blank_rows > 1 else ' was'} skipped.")
    if out.dropped_problems:
        out.notes.append(
            f"{out.dropped_problems:,} further problems were not listed (only the first "
            f"{MAX_PROBLEMS:,} are shown)."
        )
    return out


def _cut_long_cells(number: int, texts: list[str], ctx: RowContext, out: RowOutcome) -> list[str]:
    cap = ctx.limits.max_cell_chars
    for i, text in enumerate(texts):
        if len(text) > cap:
            out.problem(
                RowProblem(
                    ctx.sheet,
                    number,
                    _header(ctx, i),
                    f"This cell holds {len(text):,} characters; only the first {cap:,} were kept.",
                )
            )
            texts[i] = text[:cap]
    return texts


def _header(ctx: RowContext, index: int) -> str:
    return ctx.columns[index].header if index < len(ctx.columns) else f"Column {column_letter(index)}"


def _not_a_project(number: int, texts: Sequence[str], ctx: RowContext) -> str | None:
    """The note to make when a row is a totals row, a section heading or a source note; else None."""
    filled = [i for i in range(min(len(texts), 4)) if texts[i]]
    title_col = ctx.title_col
    candidates = [texts[i] for i in filled[:3]]
    if title_col is not None and title_col < len(texts):
        candidates.append(texts[title_col])
    if any(t[:1] in _TOTAL_STARTS and _TOTAL.match(t) for t in candidates):
        return f"Row {number} looks like a totals row and was left out."
    nonblank = [i for i, t in enumerate(texts) if t] if len(filled) <= 1 else filled
    if len(nonblank) == 1 and nonblank[0] != title_col and len(ctx.columns) > 2:
        return (
            f"Row {number} ('{_snippet(texts[nonblank[0]])}') looks like a heading or note, "
            "not a project, and was left out."
        )
    return None


def _snippet(text: str, limit: int = 60) -> str:
    """The start of ``text`` for a message, cut at a word with an ellipsis when it is longer than ``limit``."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:.") + "…"


def _record(number: int, texts: Sequence[str], ctx: RowContext, out: RowOutcome) -> ProjectRecord:
    keys = ctx.keys
    text = {name: value for (name, _), value in zip(keys, texts, strict=False) if value and name}
    extras = {header: value for (name, header), value in zip(keys, texts, strict=False) if value and not name}
    for name, columns in ctx.shared_fields:  # several columns, one field (capital + revenue budget)
        parts = [f"{header}: {texts[i]}" for i, header in columns if i < len(texts) and texts[i]]
        if parts:
            text[name] = "; ".join(parts)
    if len(texts) > len(keys):
        _beyond_header(number, texts, ctx, extras, out)
    typed = _typed(number, texts, ctx, out)
    title = text.get("title") or text.get("ref") or ""
    if not title and not ctx.has_title:
        title = next((t for t in texts if t), "")[:200]  # the whole sheet lacks a title column: said once
    elif not title:
        title = f"(untitled, row {number})"
        message = "This row has no project title; give it one, or delete the row if it is not a project."
        out.problem(RowProblem(ctx.sheet, number, None, message))
    return ProjectRecord(
        row=number, title=title, ref=text.get("ref"), sheet=ctx.sheet, text=text, extras=extras, **typed
    )


def _beyond_header(
    number: int, texts: Sequence[str], ctx: RowContext, extras: dict[str, str], out: RowOutcome
) -> None:
    """Cells right of the last header are kept, named by column letter, and noted."""
    for i in range(len(ctx.keys), len(texts)):
        if texts[i]:
            name = f"Column {column_letter(i)}"
            extras[name] = texts[i]
            message = f"This row has a value beyond the last column header; it was kept as '{name}'."
            out.problem(RowProblem(ctx.sheet, number, name, message, "note"))


def _typed(number: int, texts: Sequence[str], ctx: RowContext, out: RowOutcome) -> dict[str, Any]:
    found: dict[str, Any] = {"budget_lines": ()}
    lines: list[BudgetLine] = []
    size = len(texts)
    for index, name, header, parse, cache, kind in ctx.typed_plan:
        raw = texts[index] if index < size else ""
        hit = cache.get(raw)
        if hit is None:
            if len(cache) > _CACHE_SIZE:
                cache.clear()
            hit = cache[raw] = parse(raw)
        value, problem = hit
        if name == "budget":
            lines.append(BudgetLine(header, value, kind))
        elif raw:
            found[name] = value
        elif name == "rag" and ctx.fills:
            found["rag"] = ctx.fills.get((number, index))
        if problem:
            _value_problem(number, header, problem, ctx, out)
    if lines:
        amounts = [b.amount for b in lines if b.amount is not None]
        found["budget"] = sum(amounts) if amounts else None
        found["budget_lines"] = tuple(lines)
    return found


def _value_problem(number: int, header: str, problem: str, ctx: RowContext, out: RowOutcome) -> None:
    if len(out.problems) >= MAX_PROBLEMS:
        out.dropped_problems += 1
        return
    severity = "note" if "means no" in problem else "warning"
    out.problems.append(
        RowProblem(ctx.sheet, number, header, problem[0].upper() + problem[1:] + ".", severity)
    )

"""Reading what a workbook says about the portfolio as a whole: strategic objectives and in-house capacity.

Trusts put these on a 'Strategy', 'Guidance', 'Lookups' or 'Notes' sheet, or in a notes row above the
header ("In-house digital team: 7 FTE"). A list of objectives sits under a heading cell that mentions
objectives or strategic aims, one per row, until a blank row.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any

from portfolio.importing.values import cell_text
from portfolio.records import PortfolioContext

CONTEXT_SHEET = re.compile(
    r"strateg|guidance|lookup|notes|objective|\baims?\b|\bkey\b|read ?me|about|cover|intro"
    r"|\blists?\b|drop-?downs?|reference"  # the sheet a register's drop-down lists come from
    r"|\bplan\b|on a page|overview|goals",  # "Our digital plan", "Plan on a page", "Goals & team"
    re.I,
)
_HEADING = re.compile(
    r"\bobjectives?\b|\bstrategic (aims?|priorit\w*|goals?|themes?|ambitions?|pillars?)\b"
    r"|\b(our|trust|digital|corporate)( \w+)? (aims|goals|missions|ambitions|priorities|pillars)\b",  # "Our four aims"
    re.I,
)
# A list written on one line after its heading: "Strategy 2025-28 goals: Goal 1 Right response | Goal 2 ..."
# (Not a bare "Priorities:", which is as often a key to the priority column: "1 = do first; 2 = next".)
_INLINE = re.compile(r"\b(?:objectives|goals|aims|missions|themes|strategic priorities)\s*:\s*(.+)", re.I | re.S)
_INLINE_SEPARATOR = re.compile(r"\s*[|;]\s*")
_NUMBERING = re.compile(r"^\(?\d{1,2}[.)]?$|^[a-z][.)]$", re.I)
_CODE = re.compile(r"^[A-Z]{1,4}\s?\d{1,2}$")
_FTE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:fte|wte)\b", re.I)
# The unit before the number, as a label cell beside its value: "Digital staff (WTE) 9.0",
# "FTE (establishment): 6"
_FTE_LABEL = re.compile(r"\b(?:fte|wte)\b\)?(?:\s*\([^)]{0,30}\))?\s*[:=]?\s*(\d+(?:\.\d+)?)\s*$", re.I)
_TEAMS = re.compile(r"(\d+)\s+(?:[\w-]+\s+){0,2}teams\b", re.I)
_TEAM_WORDS = re.compile(
    r"in-house|in house|digital team|our team|delivery team|it team|im&t|establishment|on (our|the trust) payroll"
    r"|\b(digital|ict|it|im&t) (directorate|department|services)\b|\bdigital (&|and) data\b",
    re.I,
)
_MAX_HEADING_CHARS = 120  # "Strategic aims (Trust Strategy 2025-30) - every scheme must map to one"
_SENTENCES = re.compile(r"\.\s+['\"]?[A-Z]")
_MAX_OBJECTIVES = 30
_MAX_OBJECTIVE_CHARS = 300  # as the portfolio form allows: an objective is a name, not a paragraph


def find_objectives(rows: Sequence[Sequence[Any]]) -> tuple[str, ...]:
    """The objectives listed under the first objectives heading of a strategy-like sheet, or ()."""
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            text = cell_text(value)
            if ":" in text and (inline := _inline_list(text)):
                return inline
            if text and len(text) <= _MAX_HEADING_CHARS and _HEADING.search(text):
                found = _list_below(rows, r, c)
                if found:
                    return found
    return ()


def _inline_list(text: str) -> tuple[str, ...]:
    """The items of a list written after its heading on one line, to the end of that sentence: two or more,
    each short enough to be a name; else ()."""
    found = _INLINE.search(text)
    if not found:
        return ()
    body = _SENTENCES.split(found.group(1), maxsplit=1)[0].strip().rstrip(".")
    items = [item for item in _INLINE_SEPARATOR.split(body) if item]
    if len(items) < 2 or any(len(item) > _MAX_HEADING_CHARS for item in items):
        return ()
    return tuple(items[:_MAX_OBJECTIVES])


def _list_below(rows: Sequence[Sequence[Any]], r: int, c: int) -> tuple[str, ...]:
    heading = rows[r]
    if c + 1 < len(heading) and cell_text(heading[c + 1]):
        # Another list's heading beside this one (a drop-down sheet: "Strategic theme" | "RAG" | "Stage"):
        # each column is its own list, read down to its first blank cell.
        column = [cell_text(row[c]) if c < len(row) else "" for row in rows[r + 1 : r + 1 + _MAX_OBJECTIVES]]
        return tuple(item[:_MAX_OBJECTIVE_CHARS] for item in itertools.takewhile(bool, column))
    items: list[str] = []
    for row in rows[r + 1 : r + 1 + _MAX_OBJECTIVES]:
        first = cell_text(row[c]) if c < len(row) else ""
        second = cell_text(row[c + 1]) if c + 1 < len(row) else ""
        left = cell_text(row[c - 1]) if 0 < c <= len(row) else ""
        if not first and not second:
            break
        if _SENTENCES.search(first or second):
            break  # a note of two sentences under the list ("Refresh planned for 2027. Aims are free text.")
        if first and _CODE.match(left) and not _CODE.match(first):
            items.append(f"{left} {first}")  # "Ref" | "Trust objective" heading over "O1" | "Elective ..."
        elif first and second and _NUMBERING.match(first):
            items.append(second)  # "1." | "Excellent patient care"
        elif first and second and _CODE.match(first):
            items.append(f"{first} {second}")  # "SO1" | "Recover planned care ..."
        elif first and not second:
            items.append(first)
        elif second and not first:
            items.append(second)
        else:
            break  # two unrelated cells: the list has ended
    return tuple(item[:_MAX_OBJECTIVE_CHARS] for item in items)


def find_capacity(texts: Sequence[str]) -> tuple[float | None, int | None]:
    """(in-house FTE, number of teams) from free text such as "In-house digital team: 22 FTE (3 product
    teams ...)". Only sentences about the in-house team count, so "CNIO 0.6 WTE" is not the team size."""
    fte: float | None = None
    teams: int | None = None
    about_team = [text for text in texts if _TEAM_WORDS.search(text)]
    # A label with its unit and number ("Digital directorate (WTE) | 52") says the size; a sentence may
    # mention a part of it first ("Service desk (14 WTE) is not a delivery team").
    for pattern in (_FTE_LABEL, _FTE):
        for text in about_team:
            if fte is None and (m := pattern.search(text)):
                fte = float(m.group(1))
    for text in about_team:
        if teams is None and (m := _TEAMS.search(text)):
            teams = int(m.group(1))
    return fte, teams


def build_context(
    context_sheets: Sequence[Sequence[Sequence[Any]]], notes_rows: Sequence[Sequence[Any]]
) -> PortfolioContext:
    """Objectives from the first strategy-like sheet that lists them; capacity from those sheets and from
    the notes rows above the header of the project sheet."""
    objectives: tuple[str, ...] = ()
    for rows in (*context_sheets, notes_rows):
        objectives = find_objectives(rows)
        if objectives:
            break
    rows = [*notes_rows, *(row for sheet in context_sheets for row in sheet)]
    texts = [cell_text(v) for row in rows for v in row if cell_text(v)]
    # A label, its number and its unit in cells side by side: "Digital Services in-house" | 14 | "FTE: ..."
    texts += [
        " ".join(cells) for row in rows if len(cells := [cell_text(v) for v in row if cell_text(v)]) > 1
    ]
    fte, teams = find_capacity(texts)
    return PortfolioContext(objectives=objectives, in_house_fte=fte, in_house_teams=teams)

"""What a column's sample values say its field is, for columns whose header said nothing we could use.

Called by ``columns.map_columns`` after headers are read and conflicts settled: a typed field from values
that mostly parse (RAG, priority, dates, amounts written with a currency sign), an owner or clinical lead
from a column of people's roles, and a title when no header named one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from portfolio.importing.plan import ColumnMapping
from portfolio.importing.roles import role_kind
from portfolio.importing.values import parse_date, parse_money, parse_priority, parse_rag


def fill_by_values(guesses: list[ColumnMapping], samples: Sequence[Sequence[str]]) -> list[ColumnMapping]:
    """Give each column still unmapped (and not named as no field) the field its values show, if that field
    is free; then make sure some column is the title. ``samples`` are parallel to ``guesses``."""
    taken = {g.field for g in guesses if g.field}
    out = list(guesses)
    for i, g in enumerate(guesses):
        if g.field or g.how.startswith(("user", "header")) or len(samples[i]) < 2:
            continue
        field = _field_from_values(samples[i], taken)
        if field:
            taken.add(field)
            out[i] = replace(g, field=field, confidence=0.6, how="values")
    if "title" not in taken:
        out = _short_description_as_title(out, samples) or _pick_title(out, samples)
    return out


def _field_from_values(values: Sequence[str], taken: set[str]) -> str | None:
    def share(test: Callable[[str], bool]) -> float:
        return sum(test(v) for v in values) / len(values)

    checks: tuple[tuple[str, Callable[[str], bool]], ...] = (
        ("rag", lambda v: parse_rag(v)[0] is not None),
        ("priority", lambda v: not v.replace(".", "").isdigit() and parse_priority(v)[0] is not None),
        ("start_date", lambda v: parse_date(v)[0] is not None and not v.replace(".", "").isdigit()),
        ("end_date", lambda v: parse_date(v)[0] is not None and not v.replace(".", "").isdigit()),
        ("budget", lambda v: bool(re.match(r"^\(?[£$€]", v)) and parse_money(v)[0] is not None),
    )
    for field, test in checks:
        if field not in taken and share(test) >= 0.8:
            return field
    kind = role_kind(values)
    wanted = ("clinical_lead", "owner") if kind == "clinical" else ("owner",) if kind else ()
    return next((f for f in wanted if f not in taken), None)


def _short_description_as_title(
    guesses: list[ColumnMapping], samples: Sequence[Sequence[str]]
) -> list[ColumnMapping] | None:
    """No title header, but a description of short lines ("FY24 BATHROOM UPGRADES"): it is the title."""
    for i, g in enumerate(guesses):
        values = samples[i]
        if g.field == "description" and g.how != "user" and values:
            if sum(len(v) for v in values) / len(values) <= 80:
                guesses[i] = replace(g, field="title", confidence=0.6, how="values (short descriptions)")
                return guesses
    return None


def _pick_title(guesses: list[ColumnMapping], samples: Sequence[Sequence[str]]) -> list[ColumnMapping]:
    """No title header: take the unmapped column of short, mostly distinct, wordy text."""
    best, best_score = None, 0.0
    for i, g in enumerate(guesses):
        values = samples[i]
        if g.field or g.how == "user" or len(values) < 2:
            continue
        lengths = [len(v) for v in values]
        mean = sum(lengths) / len(lengths)
        wordy = sum(1 for v in values if " " in v and not v.replace(",", "").replace(".", "").isdigit())
        if 8 <= mean <= 150 and wordy >= len(values) * 0.6:
            score = len(set(values)) / len(values) - mean / 1000
            if score > best_score:
                best, best_score = i, score
    if best is not None:
        guesses[best] = replace(guesses[best], field="title", confidence=0.5, how="values")
    return guesses

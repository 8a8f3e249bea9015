"""Mapping each column to a canonical field (DESIGN.md) from its header, then its values.

Order of evidence, strongest first: an exact synonym of the whole header (SYNONYMS, NOT_MAPPED), what the
header means by its words (meaning.py: head word, question, units), a fuzzy match for typos (rapidfuzz),
and for columns the header says nothing about, what the values look like (samples.py). A typed field
(dates, money, RAG, priority) whose sample values mostly fail to parse loses confidence, so a header such
as "Costs through end of phase" does not become an end date; where the header allows two readings
("Trust priority") the values choose. Each field is used once, except budget,
which may take several columns only when they are a capital/revenue split (their total is the budget).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from portfolio.importing.errors import ImportRejected
from portfolio.importing.meaning import Reading, one_year_amount, read_header
from portfolio.importing.plan import ColumnMapping
from portfolio.importing.roles import role_kind
from portfolio.importing.samples import fill_by_values
from portfolio.importing.synonyms import LOOKUP, NOT_MAPPED, variants
from portfolio.importing.values import (
    budget_kind,
    header_multiplier,
    parse_date,
    parse_money,
    parse_priority,
    parse_rag,
)
from portfolio.principles import CANONICAL_FIELDS

_OVERALL = {  # prefer these when two columns claim the same field with the same confidence
    "budget": re.compile(r"whole.life|total|overall|planned", re.I),
    "rag": re.compile(r"overall|delivery", re.I),
}
_FUZZY_CHOICES = list(LOOKUP) + list(NOT_MAPPED)
_TYPED: dict[str, Callable[[str, str], bool]] = {
    "start_date": lambda v, h: parse_date(v)[0] is not None,
    "end_date": lambda v, h: parse_date(v)[0] is not None,
    "budget": lambda v, h: parse_money(v, header_multiplier(h))[0] is not None,
    "rag": lambda v, h: parse_rag(v)[0] is not None,
    "priority": lambda v, h: parse_priority(v)[0] is not None,
}
_TEXT_ONLY = {"benefits", "kpis", "description", "title", "strategic_objective"}
_DISTINCT = {"ref", "title"}  # columns naming projects: the more distinct values, the likelier


def header_score(text: str) -> float:
    """How much a cell's text looks like a column header we know (1 exact, 0.55-0.9 by meaning, 0 none)."""
    found = _from_header(text)
    return found.confidence if found.field is not None or found.confidence >= 0.99 else 0.0


def header_fields(headers: Sequence[str]) -> set[str]:
    """The distinct fields a row of header texts names by header alone (used to rank sheets)."""
    return {f for f in (_from_header(h).field for h in headers if h) if f}


@lru_cache(maxsize=8192)  # header detection asks about the same cells many times
def _from_header(header: str) -> Reading:
    """Exact synonym of the whole header, else its meaning (meaning.py), else a fuzzy match (typos)."""
    for form in variants(header)[:2]:  # the header, with and without brackets
        if form in NOT_MAPPED:
            return Reading(None, 1.0, "header")
        if form in LOOKUP:
            return Reading(LOOKUP[form], 1.0, "header")
    found = read_header(header)
    if found.field or found.blocked:
        return found
    forms = variants(header)
    if forms and len(forms[0]) >= 4:
        form = forms[0]
        hit = process.extractOne(form, _FUZZY_CHOICES, scorer=fuzz.ratio, score_cutoff=85)
        if hit:
            return Reading(LOOKUP.get(hit[0]), hit[1] / 100 * 0.85, "fuzzy")
    return found


def map_columns(
    headers: Sequence[str],
    labels: Sequence[str],
    samples: Sequence[Sequence[str]],
    override: Mapping[str, str | None] | None = None,
) -> tuple[ColumnMapping, ...]:
    """Decide the field of every column.

    ``headers`` are the header cells as written (unique; blank ones already named "Column C"), ``labels``
    the same with any group heading ("Finance / Capital £k"), ``samples`` up to ~50 non-empty values per
    column. ``override`` (header -> field or None) wins over everything. Raises ImportRejected if an
    override names a field that does not exist.
    """
    guesses = [_guess(h, lab, s) for h, lab, s in zip(headers, labels, samples, strict=True)]
    guesses = [_apply_override(g, override) for g in guesses]
    guesses = _resolve_conflicts(guesses, samples)
    return tuple(fill_by_values(_year_amount_as_budget(_status_as_rag(guesses, samples), samples), samples))


def _year_amount_as_budget(
    guesses: list[ColumnMapping], samples: Sequence[Sequence[str]]
) -> list[ColumnMapping]:
    """A year's amount ("26/27 cost £k") of money values is the budget when no column gives the whole cost."""
    if any(g.field == "budget" for g in guesses):
        return guesses
    for i, g in enumerate(guesses):
        if g.field is None and g.how != "user" and samples[i] and one_year_amount(g.header):
            if _share("budget", samples[i], g.header) >= 0.8:
                guesses[i] = replace(
                    g, field="budget", confidence=0.7, how="header (the only amount: one year's)"
                )
                return guesses
    return guesses


def _status_as_rag(guesses: list[ColumnMapping], samples: Sequence[Sequence[str]]) -> list[ColumnMapping]:
    """A 'Status' column of Red / Amber / Green is the RAG rating when no other column is."""
    if any(g.field == "rag" for g in guesses):
        return guesses
    for i, g in enumerate(guesses):
        if g.field == "stage" and g.how != "user" and len(samples[i]) >= 2:
            if _share("rag", samples[i], "") >= 0.8:
                guesses[i] = replace(g, field="rag", how=f"{g.how} (values are RAG ratings)")
                return guesses
    return guesses


def _guess(header: str, label: str, samples: Sequence[str]) -> ColumnMapping:
    index_free = ColumnMapping(header, 0, None, 0.0, tuple(samples[:3]), "unmapped", label)
    found = _from_header(header)
    if found.field is None and not found.blocked and label != header:
        found = _from_header(label)
        found = found._replace(confidence=found.confidence * 0.9)
    field, confidence, how = found.field, found.confidence, found.how
    if field in _TEXT_ONLY and header_multiplier(header) != 1.0:
        field, confidence, how = None, 0.9, "header"  # "Benefits (£m)" is money, not the benefits text
    if found.alt and samples and _share(found.alt, samples, header) >= 0.8:
        field = found.alt  # "Trust priority" over High / Medium / Low is a priority level
    elif field in _TYPED and samples and (confidence < 0.99 or len(samples) >= 5):
        if _share(field, samples, header) < (0.5 if confidence < 0.99 else 0.2):
            confidence *= 0.4
            how += " (values disagree)"
    elif field == "ref" and confidence < 0.99 and len(samples) >= 5:
        if len(set(samples)) < 0.8 * len(samples):  # "Project Building Identifier": shared by projects
            confidence *= 0.4
            how += " (values repeat)"
    if field is not None and confidence < 0.5:
        field = None
    if field is None:
        how = "header" if how == "header" and confidence >= 0.9 else "unmapped"
    return replace(index_free, field=field, confidence=round(confidence, 2), how=how)


def _share(field: str, samples: Sequence[str], header: str) -> float:
    return sum(_TYPED[field](v, header) for v in samples) / len(samples)


def _apply_override(guess: ColumnMapping, override: Mapping[str, str | None] | None) -> ColumnMapping:
    if not override or guess.header not in override:
        return guess
    field = override[guess.header]
    if field is not None and field not in CANONICAL_FIELDS:
        raise ImportRejected(
            f"'{field}' is not a field a column can be mapped to; choose one of: "
            + ", ".join(CANONICAL_FIELDS)
            + "."
        )
    return replace(guess, field=field, confidence=1.0, how="user")


def _resolve_conflicts(guesses: list[ColumnMapping], samples: Sequence[Sequence[str]]) -> list[ColumnMapping]:
    """One column per field (budget excepted for a capital/revenue split). The keeper: the user's choice,
    then the surest header, then (for titles and refs) the most distinct values, then a header saying
    overall or whole-life, then the leftmost. A second owner whose values are clinical roles is the
    clinical lead when no column is."""
    out = [replace(g, index=i) for i, g in enumerate(guesses)]
    by_field: dict[str, list[int]] = {}
    for i, g in enumerate(out):
        if g.field:
            by_field.setdefault(g.field, []).append(i)
    for field, idxs in list(by_field.items()):
        if len(idxs) < 2:
            continue
        if field == "budget" and all(budget_kind(out[i].header) for i in idxs):
            continue  # a capital/revenue split: every column counts towards the budget
        overall = _OVERALL.get(field)
        keep = max(
            idxs,
            key=lambda i: (
                out[i].how == "user",
                out[i].confidence,
                _distinct(samples[i]) if field in _DISTINCT else 0.0,
                bool(overall and overall.search(out[i].header)),
                -i,
            ),
        )
        for i in idxs:
            if i == keep or out[i].how == "user":
                continue
            if field == "owner" and "clinical_lead" not in by_field and role_kind(samples[i]) == "clinical":
                out[i] = replace(out[i], field="clinical_lead", how=f"{out[i].how} (clinical roles)")
                by_field["clinical_lead"] = [i]
            else:
                out[i] = replace(out[i], field=None, how=f"unmapped (another column is {field})")
    return out


def _distinct(values: Sequence[str]) -> float:
    return len(set(values)) / len(values) if values else 0.0

"""A record's prose fields, each scanned once and scored once per principle, then shared by every record.

Pure. ``record_fields`` turns a record into ``FieldText``s. A field is analysed when first seen (its cue hits,
each read for negation, and each principle's ``Part``: best facet and red-flag weights with the words as
evidence) and cached per (column, text), so a register's repeated cells (stages, owners, suppliers,
placeholders) cost one dictionary lookup. Offsets are into the field's own text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from typing import Final

from portfolio.records import ProjectRecord
from portfolio.tagging.matching import Hit, windows_of
from portfolio.tagging.results import Evidence
from portfolio.tagging.rubric import PrincipleRubric, Rubric

#: Canonical fields that are not prose (money, dates, codes): never scanned for cues.
NOT_PROSE = frozenset({"ref", "budget", "start_date", "end_date", "rag", "priority", "trust"})
#: "TBC (Radiology)" is a placeholder; "TBC - market engagement in Jan ..." says more.
PLACEHOLDER_TAIL_WORDS = 3
#: Cue sets the flag rules read: the flag lists and P1's facets (a user problem clears F1 and F11).
FLAG_SET_PREFIXES = ("flag:", "user_needs:for:")

#: One field's contribution to one principle: best weight per facet, per red flag, and the words.
Part = tuple[tuple[float, ...], tuple[float, ...], tuple[Evidence, ...]]
Grouped = Mapping[str, tuple[Hit, ...]]
_SERIALS = itertools.count(1)
_SAYS_MORE = re.compile(r"\s*[;,.]\s*\w")


class FieldText:
    """One text field of a record: ``key`` is what the rubric weighs (canonical name or header meaning),
    ``label`` is what evidence shows (the canonical name, or the header as the trust wrote it).

    ``hits`` groups the field's cue hits by cue set; ``parts`` holds each principle's ``Part`` in rubric
    order (None when the field gives that principle no words); ``flag_hits`` the hits flag rules read, by
    cue list name ("tech_frame", "user_needs:for:research").
    Compared by identity: equal cells share one cached object. Read-only once compiled (setup.py).
    """

    def __init__(
        self,
        key: str,
        label: str,
        text: str,
        placeholder: bool,
        serial: int = 0,
        hits: Grouped | None = None,
        parts: tuple[Part | None, ...] = (),
        flag_hits: tuple[tuple[str, tuple[Hit, ...]], ...] = (),
    ) -> None:
        self.key: Final = key
        self.label: Final = label
        self.text: Final = text
        self.placeholder: Final = placeholder
        self.serial: Final = serial
        self.hits: Final = hits
        self.parts: Final = parts
        self.flag_hits: Final = flag_hits

    def __repr__(self) -> str:
        return f"FieldText(key={self.key!r}, label={self.label!r}, text={self.text!r})"

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _field_part(rule: PrincipleRubric, key: str, label: str, text: str, hits: Grouped) -> Part | None:
    """Best weighted hit per facet and per red flag, with the words as evidence (negated or deferred cues
    against; a negated red flag, "no big bang", not at all). None when the field gives no words."""
    weight = rule.fields.get(key, 0.0)
    if weight <= 0:
        return None
    bests, reds, found = [], [], []
    for facet in rule.facets:
        best = 0.0
        cue_hits = hits.get(facet.cue_set)
        if cue_hits and (not facet.only_fields or key in facet.only_fields):
            for hit in cue_hits:
                plain = hit.reading == "plain" or (facet.deferred_counts and hit.reading == "deferred")
                if plain:
                    best = facet.weight * weight
                polarity = "for" if plain else "against"
                found.append(
                    Evidence(label, text[hit.start : hit.end], hit.start, hit.end, polarity, facet.id)
                )
        bests.append(best)
    for facet in rule.red_flags:
        best = 0.0
        cue_hits = hits.get(facet.cue_set)
        if cue_hits and (not facet.only_fields or key in facet.only_fields):
            for hit in cue_hits:
                if hit.reading != "negated":
                    best = facet.weight * weight
                    found.append(
                        Evidence(
                            label, text[hit.start : hit.end], hit.start, hit.end, "against", facet.id
                        )
                    )
        reds.append(best)
    return (tuple(bests), tuple(reds), tuple(found)) if found else None


def analyse_field(rubric: Rubric, key: str, label: str, text: str) -> FieldText:
    """Scan ``text`` once and work out everything later stages read from it (see ``FieldText``)."""
    m = rubric.placeholder.match(text)
    tail = text[m.end() :] if m else ""
    # "TBC (Radiology)" is a placeholder; "n/a; DPIA done" goes on to say something after its separator.
    placeholder = m is not None and len(tail.split()) <= PLACEHOLDER_TAIL_WORDS and not _SAYS_MORE.match(tail)
    grouped: dict[str, list[Hit]] = {}
    if text:
        for hit in rubric.cues.hits(text, windows_of(rubric)):
            grouped.setdefault(hit.cue_set, []).append(hit)
    hits = {k: tuple(v) for k, v in grouped.items()}
    parts: tuple[Part | None, ...] = ()
    if hits and not placeholder:
        parts = tuple(
            [
                _field_part(rule, key, label, text, hits) if not rule.cue_sets.isdisjoint(hits) else None
                for rule in rubric.principles.values()
            ]
        )
    # Flag cue lists under their own names ("flag:tech_frame" as "tech_frame"), as the flag rules ask for them.
    flag_hits = tuple(
        [(n[5:] if n.startswith("flag:") else n, h) for n, h in hits.items() if n.startswith(FLAG_SET_PREFIXES)]
    )
    none = (None,) * len(rubric.principles)
    return FieldText(key, label, text, placeholder, next(_SERIALS), hits, parts or none, flag_hits)


def _extra_key(rubric: Rubric, header: str) -> str:
    return next((alias for alias, rx in rubric.field_aliases if rx.search(header)), "other")


def record_fields(record: ProjectRecord, rubric: Rubric) -> list[FieldText]:
    """The prose fields of ``record``: canonical text fields, then extras keyed by what their header means.

    A header matching none of the rubric's ``field_aliases`` is kept under key "other"; blank extras are
    kept (a blank "Next review" is itself evidence), blank canonical fields are not.
    """
    memo = rubric.cues.memo
    out = []
    for name, value in record.text.items():
        if name in NOT_PROSE or not value or value.isspace():
            continue
        found = memo.get(("field", name, value))
        if found is None:
            found = rubric.cues.store(("field", name, value), analyse_field(rubric, name, name, value))
        out.append(found)
    for header, value in record.extras.items():
        text = value or ""
        found = memo.get(("extra", header, text))
        if found is None:
            key = memo.get(("alias", header))
            if not isinstance(key, str):
                key = rubric.cues.store(("alias", header), _extra_key(rubric, header))
            found = rubric.cues.store(("extra", header, text), analyse_field(rubric, key, header, text))
        out.append(found)
    return out  # type: ignore[return-value]  # the memo holds FieldTexts under these keys


def field_hits(field: FieldText, rubric: Rubric) -> Grouped:
    """The hits of one field grouped by cue set."""
    return field.hits or {}

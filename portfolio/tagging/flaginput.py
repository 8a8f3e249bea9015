"""What a flag rule reads about one project: its fields, the flag cues found in them, grouped by cue set, and
its principle results. Pure; built once per project by ``flag_input`` and shared by every rule in ``flags``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from portfolio.principles import Principle
from portfolio.records import ProjectRecord
from portfolio.tagging.fields import FieldText
from portfolio.tagging.matching import Hit
from portfolio.tagging.results import Evidence, PrincipleResult
from portfolio.tagging.rubric import Rubric

Grouped = Mapping[str, list[tuple[FieldText, tuple[Hit, ...]]]]
#: The rubric's "T": the fields a project's framing is read from.
FRAMING = frozenset({"title", "description", "strategic_objective", "benefits", "kpis", "delivery_approach"})
NOTES = frozenset({"decision_log", "stage"})


class Found:
    """A cue hit a flag rule found; turned into ``Evidence`` only for the flags actually raised."""

    def __init__(self, field: FieldText, hit: Hit, cues: str) -> None:
        self.field: Final = field
        self.hit: Final = hit
        self.cues: Final = cues

    @property
    def text(self) -> str:
        return self.field.text[self.hit.start : self.hit.end]

    def evidence(self) -> Evidence:
        return Evidence(self.field.label, self.text, self.hit.start, self.hit.end, "for", self.cues)


def evidence_of(found: Sequence[Found]) -> tuple[Evidence, ...]:
    return tuple(f.evidence() for f in found)


@dataclass(frozen=True)
class FlagInput:
    """Everything a flag rule reads about one project."""

    record: ProjectRecord
    fields: Sequence[FieldText]
    grouped: Grouped  # cue list name -> the fields it was found in, with their hits
    principles: Mapping[Principle, PrincipleResult]
    rubric: Rubric
    by_key: Mapping[str, FieldText]  # the first non-blank field of each key

    def field(self, key: str) -> FieldText | None:
        return self.by_key.get(key)

    def filled(self, key: str) -> bool:
        found = self.field(key)
        return found is not None and not found.placeholder

    def find(
        self, cues: str, keys: Iterable[str] | None = None, readings: tuple[str, ...] = ("plain",)
    ) -> list[Found]:
        """Hits of flag cue list ``cues`` in fields ``keys`` (all fields when None) read as ``readings``."""
        found = []
        for field, hits in self.grouped.get(cues, ()):
            if keys is None or field.key in keys:
                found += [Found(field, h, cues) for h in hits if h.reading in readings]
        return found

    def has(
        self, cues: str, keys: Iterable[str] | None = None, readings: tuple[str, ...] = ("plain",)
    ) -> bool:
        """Whether ``find`` would find anything (without building the list)."""
        for field, hits in self.grouped.get(cues, ()):
            if (keys is None or field.key in keys) and any(h.reading in readings for h in hits):
                return True
        return False


def quote(found: Sequence[Found], limit: int = 2) -> str:
    return ", ".join(f"'{f.text}' ({f.field.label})" for f in found[:limit])


def flag_input(
    record: ProjectRecord,
    fields: Sequence[FieldText],
    principles: Mapping[Principle, PrincipleResult],
    rubric: Rubric,
) -> FlagInput:
    """The record's flag cue hits grouped by cue set, and its first non-blank field of each key."""
    grouped: dict[str, list[tuple[FieldText, tuple[Hit, ...]]]] = {}
    for field in fields:
        for name, hits in field.flag_hits:
            if name in grouped:
                grouped[name].append((field, hits))
            else:
                grouped[name] = [(field, hits)]
    by_key: dict[str, FieldText] = {}
    for field in fields:
        if field.key not in by_key and not field.blank:
            by_key[field.key] = field
    return FlagInput(record, fields, grouped, principles, rubric, by_key)

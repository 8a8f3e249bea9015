"""What the tagger returns: frozen results with the words behind every tag, and their JSON form.

Pure. ``assessment_to_json`` gives the per-project part of the DESIGN.md ``assess`` contract.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from portfolio.principles import FlagId, Principle, Status

#: Whether this module runs compiled by mypyc (setup.py) rather than from its source.
COMPILED: Final = not __file__.endswith(".py")


@dataclass(frozen=True)
class Evidence:
    """Words that counted: ``text == field_text[start:end]`` of field ``field`` (canonical name or header).

    ``polarity`` is "for" or "against" the principle or flag; ``facet`` says what kind of evidence it is
    (e.g. "research", "baseline", "lock_in") so a page can explain it.
    """

    field: str
    text: str
    start: int
    end: int
    polarity: str
    facet: str = ""


def make_evidence(field: str, text: str, start: int, end: int, polarity: str, facet: str = "") -> Evidence:
    """``Evidence(field, text, start, end, polarity, facet)``, one per cue hit. Compiled (setup.py), the class
    is native and its constructor is the fast way; run from source, the object is built without the frozen
    dataclass's per-attribute ``object.__setattr__`` calls (a quarter of the cost), and is equal, hashes the
    same and stays read-only to ordinary assignment."""
    if COMPILED:
        return Evidence(field, text, start, end, polarity, facet)
    evidence = object.__new__(Evidence)
    evidence.__dict__.update(field=field, text=text, start=start, end=end, polarity=polarity, facet=facet)
    return evidence


@dataclass(frozen=True)
class PrincipleResult:
    principle: Principle
    status: Status
    score: float
    evidence: tuple[Evidence, ...]
    questions: tuple[str, ...]  # the rubric's board questions, only when partial or missing

    @property
    def evidence_for(self) -> tuple[Evidence, ...]:
        return tuple(e for e in self.evidence if e.polarity == "for")

    @property
    def evidence_against(self) -> tuple[Evidence, ...]:
        return tuple(e for e in self.evidence if e.polarity == "against")


@dataclass(frozen=True)
class FlagResult:
    flag: FlagId
    reason: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class ProjectAssessment:
    """All eight principles (in rubric order), the raised flags (in FlagId order) and the rubric version."""

    principles: Mapping[Principle, PrincipleResult]
    flags: tuple[FlagResult, ...]
    rubric_version: str

    @property
    def flag_ids(self) -> tuple[FlagId, ...]:
        return tuple(f.flag for f in self.flags)


def assessment_to_json(assessment: ProjectAssessment) -> dict[str, Any]:
    """The ``principles`` and ``flags`` keys of one project in the ``assess`` JSON contract.

    Evidence lists only the words that counted for the principle, as ``{"field", "text"}``; scores are
    rounded to 3 places. The caller adds row, ref and title.
    """
    return {
        "principles": {
            str(p): {
                "status": str(r.status),
                "score": round(r.score, 3),
                "evidence": [{"field": e.field, "text": e.text} for e in r.evidence_for],
            }
            for p, r in assessment.principles.items()
        },
        "flags": [{"id": str(f.flag), "reason": f.reason} for f in assessment.flags],
    }

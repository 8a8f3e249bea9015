"""What the tagger returns: results with the words behind every tag, and their JSON form.

Pure. ``assessment_to_json`` gives the per-project part of the DESIGN.md ``assess`` contract.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from portfolio.principles import FlagId, Principle, Status

# The tagger builds these by the hundred thousand, and a frozen dataclass's constructor (an
# ``object.__setattr__`` per field) cost several times a plain one. So each is a dataclass (equality, hashing,
# repr, and orjson writes it natively in the store) with a plain constructor and ``Final`` fields: compiled
# (setup.py), as the app runs, assigning to one raises AttributeError, as a frozen dataclass's would.


@dataclass(init=False, unsafe_hash=True)
class Evidence:
    """Words that counted: ``text == field_text[start:end]`` of field ``field`` (canonical name or header).

    ``polarity`` is "for" or "against" the principle or flag; ``facet`` says what kind of evidence it is
    (e.g. "research", "baseline", "lock_in") so a page can explain it.
    """

    field: Final[str]
    text: Final[str]
    start: Final[int]
    end: Final[int]
    polarity: Final[str]
    facet: Final[str]

    def __init__(self, field: str, text: str, start: int, end: int, polarity: str, facet: str = "") -> None:
        self.field = field
        self.text = text
        self.start = start
        self.end = end
        self.polarity = polarity
        self.facet = facet


@dataclass(init=False, unsafe_hash=True)
class PrincipleResult:
    """One principle's status, score and evidence; ``questions`` are the rubric's board questions, only when
    the principle is partial or missing."""

    principle: Final[Principle]
    status: Final[Status]
    score: Final[float]
    evidence: Final[tuple[Evidence, ...]]
    questions: Final[tuple[str, ...]]

    def __init__(
        self,
        principle: Principle,
        status: Status,
        score: float,
        evidence: tuple[Evidence, ...],
        questions: tuple[str, ...],
    ) -> None:
        self.principle = principle
        self.status = status
        self.score = score
        self.evidence = evidence
        self.questions = questions

    @property
    def evidence_for(self) -> tuple[Evidence, ...]:
        return tuple(e for e in self.evidence if e.polarity == "for")

    @property
    def evidence_against(self) -> tuple[Evidence, ...]:
        return tuple(e for e in self.evidence if e.polarity == "against")


@dataclass(init=False, unsafe_hash=True)
class FlagResult:
    flag: Final[FlagId]
    reason: Final[str]
    evidence: Final[tuple[Evidence, ...]]

    def __init__(self, flag: FlagId, reason: str, evidence: tuple[Evidence, ...] = ()) -> None:
        self.flag = flag
        self.reason = reason
        self.evidence = evidence


@dataclass(init=False, unsafe_hash=True)
class ProjectAssessment:
    """All eight principles (in rubric order), the raised flags (in FlagId order) and the rubric version."""

    principles: Final[Mapping[Principle, PrincipleResult]]
    flags: Final[tuple[FlagResult, ...]]
    rubric_version: Final[str]

    def __init__(
        self, principles: Mapping[Principle, PrincipleResult], flags: tuple[FlagResult, ...], rubric_version: str
    ) -> None:
        self.principles = principles
        self.flags = flags
        self.rubric_version = rubric_version

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

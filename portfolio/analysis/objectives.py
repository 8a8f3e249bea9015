"""Line of sight: link each project's cited objective to one of the portfolio's strategic objectives.

Pure: no Flask, no ORM. Registers cite objectives loosely ("SO1 Planned care" for "SO1 Recover planned care:
shorter waits ..."), so matching is by code first, then by how many of the cited words the objective holds
(rapidfuzz per word, so "Diagnosis & treatment" finds "Faster diagnosis and treatment").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

_STOPWORDS = frozenset("a an and the of for to with in on our at by from into our".split())
# Citations that name a department or a theme, never a trust objective. A trust whose objective really is
# called "Digital" still matches, because an exact match is tried before this list.
_GENERIC = frozenset(
    "it ict imt im t digital technology tech efficiency efficiencies innovation enabler enablers "
    "infrastructure bau business as usual other various misc miscellaneous general n a na tbc tbd none "
    "all corporate mandatory compliance national".split()
)
_CODE = re.compile(r"^\s*([a-z]{1,10})\s*[-.]?\s*(\d{1,2})(?![\d.])")
_WORD_SCORE = 80  # rapidfuzz ratio at which two words count as one ("organisation"/"organization", "saftey")


@dataclass(frozen=True)
class ObjectiveLinks:
    """Which objective each project serves (aligned with the input), which objectives nobody serves and
    which projects serve none (their indexes in the input)."""

    links: tuple[str | None, ...]
    unserved: tuple[str, ...]
    unlinked: tuple[int, ...]


def _normalise(text: str) -> str:
    text = text.lower().replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _code(text: str) -> tuple[str, int] | None:
    found = _CODE.match(text.lower())
    return (found.group(1), int(found.group(2))) if found else None


def _content_words(normalised: str, code: tuple[str, int] | None) -> list[str]:
    words = normalised.split()
    if code and len(words) >= 1:
        # Drop the code itself, written as "so1" or "so 1".
        words = (
            words[2:] if len(words) > 1 and words[0] == code[0] and words[1] == str(code[1]) else words[1:]
        )
    return [word for word in words if word not in _STOPWORDS]


def _coverage(cited: Sequence[str], objective: Sequence[str]) -> float:
    """Share of the cited words that the objective holds (each word fuzzily, or as a prefix of 4+ letters)."""
    if not cited:
        return 0.0
    found = 0
    for word in cited:
        prefix = len(word) >= 4 and any(
            other.startswith(word) or word.startswith(other) for other in objective if len(other) >= 4
        )
        if prefix or process.extractOne(word, objective, scorer=fuzz.ratio, score_cutoff=_WORD_SCORE):
            found += 1
    return 100.0 * found / len(cited)


@lru_cache(maxsize=4096)
def _link_one(cited: str, objectives: tuple[str, ...], min_score: float) -> str | None:
    normalised = _normalise(cited)
    if not normalised:
        return None
    for objective in objectives:
        if _normalise(objective) == normalised:
            return objective
    code = _code(cited)
    if code:
        coded = [objective for objective in objectives if _code(objective) == code]
        if len(coded) == 1:
            return coded[0]
    # A bracketed note qualifies the citation ("Financial sustainability (CIP)"); it does not name the aim.
    unbracketed = _normalise(re.sub(r"\([^)]*\)", " ", cited))
    words = _content_words(unbracketed or normalised, code)
    if not words or all(word in _GENERIC for word in words):
        return None
    scored = sorted(
        (
            (
                _coverage(words, _content_words(_normalise(o), _code(o))),
                fuzz.WRatio(normalised, _normalise(o)),
                o,
            )
            for o in objectives
        ),
        key=lambda item: (item[0], item[1]),
        reverse=True,
    )
    best = scored[0]
    if best[0] < min_score:
        return None
    if len(scored) > 1 and scored[1][:2] == best[:2]:
        return None  # "Care" fits two objectives equally: guessing would hide the missing link
    return best[2]


def link_objective(cited: str, objectives: Sequence[str], min_score: float = 80) -> str | None:
    """The objective (as written in ``objectives``) that the cited text refers to, or None.

    ``min_score`` (0-100) is the share of the cited words the objective must hold. Blank citations and
    themes such as "IT", "Digital" or "Enabler" link to nothing. Never raises.
    """
    if not objectives or not cited:
        return None
    return _link_one(cited, tuple(objectives), float(min_score))


def link_objectives(cited: Sequence[str], objectives: Sequence[str], min_score: float = 80) -> ObjectiveLinks:
    """Link every citation in ``cited`` (one per project) to ``objectives``; see ``link_objective``."""
    links = tuple(link_objective(text, objectives, min_score) for text in cited)
    served = set(links)
    return ObjectiveLinks(
        links=links,
        unserved=tuple(objective for objective in objectives if objective not in served),
        unlinked=tuple(index for index, link in enumerate(links) if link is None),
    )

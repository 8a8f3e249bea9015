"""What trusts (and the GMPP data, RUBRIC.md) call each canonical field: the lookup table, the word
families ``meaning`` reads headers with, and the normalisation and tokenisation headers go through.

The phrases and word families are data, in ``synonyms.json`` beside this module, so they can be extended
without touching code; ``columns`` looks whole headers up here first, then reads their meaning
(``meaning.py``), then tries a fuzzy match for typos.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

_DATA = json.loads((Path(__file__).with_name("synonyms.json")).read_text(encoding="utf-8"))

SYNONYMS: dict[str, tuple[str, ...]] = {field: tuple(phrases) for field, phrases in _DATA["fields"].items()}

#: Headers that look like a field but are not it (a project manager is not the accountable owner; a yearly
#: budget would double-count against whole-life cost). They stay extras.
NOT_MAPPED: frozenset[str] = frozenset(_DATA["not_mapped"])

#: The word families ``meaning`` reads headers with (heads, modifiers, question frames ...).
LEXICON: dict[str, Any] = _DATA["meaning"]

LOOKUP: dict[str, str] = {phrase: name for name, phrases in SYNONYMS.items() for phrase in phrases}

_ABBREVIATIONS: dict[str, str] = LEXICON["abbreviations"]
_TERMS = {tuple(t.split()): t.replace(" ", "_") for t in LEXICON["terms"]}

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_UNITS = re.compile(r"£\s*(?:k|m|bn|000)?|\$\s*m?|€|%")


def normalise(header: str) -> str:
    """Lower-case words only: camelCase and snake_case split; '#' read as 'no'; units, punctuation and
    symbols gone."""
    text = _CAMEL.sub(" ", header.replace("#", " no "))
    text = _UNITS.sub(" ", text.lower())
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def variants(header: str) -> list[str]:
    """The header and its plausible cores: without bracketed parts, and each side of '/', ':' or ' - '."""
    out = [normalise(header)]
    bare = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", header)
    out.append(normalise(bare))
    for part in re.split(r"/|:| - |\n", bare):
        out.append(normalise(part))
    return [v for i, v in enumerate(out) if v and v not in out[:i]]


_CONTRACTION = re.compile(r"(?<=[a-z])['’`](?:s|re|ll|ve|d|m|t)\b", re.I)
_CAMEL_WORD = re.compile(r"^[a-z]+(?:[A-Z][a-z]+)+$|^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")
_UNIT_WORDS = frozenset(
    "k m bn mn pa gbp million millions thousand thousands mmm yy yyyy mm dd s 000 000s".split()
)


def tokens(text: str) -> list[str]:
    """Lower-case words of ``text``: camelCase and snake_case split, '&' as 'and', '#' as 'number',
    contractions dropped ("who's" -> "who"), money and date-format units dropped ("£k", "p.a.", "mmm-yy")."""
    text = _CONTRACTION.sub("", text.replace("&", " and ").replace("#", " number "))
    text = re.sub(r"\bp\.\s?a\.?", " ", text, flags=re.I)
    words = []
    for raw in re.split(r"[^A-Za-z0-9]+", text):
        if _CAMEL_WORD.match(raw):
            words += re.sub(r"(?<=[a-z])(?=[A-Z])", " ", raw).split()
        elif raw:
            words.append(raw)
    return [w.lower() for w in words if w.lower() not in _UNIT_WORDS and not w.isdigit()]


def _stem(word: str) -> str:
    word = _ABBREVIATIONS.get(word, word)
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return _ABBREVIATIONS.get(word, word)


def words_of(text: str) -> list[str]:
    """``tokens`` stemmed, abbreviations expanded and set terms joined ("go live" -> "go_live")."""
    words = [_stem(w) for w in tokens(text)]
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in (4, 3, 2):
            term = _TERMS.get(tuple(words[i : i + size]))
            if term:
                out.append(_ABBREVIATIONS.get(term, term))
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return out

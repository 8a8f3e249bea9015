"""Reading a header for what it means: its words, its head word, its question, its units.

A header is a short noun phrase ("Trust goal", "Clinical lead name", "Measure of success") or a question
("How will we know it worked?"). The head (the last content word before any "of"/"to"/"for") says what the
column is; the words before it only say whose or which ("trust" in "Trust goal" says whose goal). Some heads
say only the kind of value ("name", "date", "rating", "summary"), so the field comes from the words they
qualify. The word families are data (synonyms.json, "meaning"), so a wording no file has used still maps.

Contract: ``read_header(text) -> Reading``. ``Reading.field`` is a canonical field or None; ``confidence``
is 0..1; a None field with ``confidence`` >= 0.9 means the header names something that is no field
(comments, risks, a project manager), so the column stays an extra even if its values look typed.
``alt`` is a typed field the values may show the column to be instead ("Trust priority": High/Low).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from portfolio.importing.synonyms import LEXICON, LOOKUP, NOT_MAPPED, normalise, words_of


class Reading(NamedTuple):
    """What a header was read as, how sure, and why ("header", "meaning", "question", "unmapped")."""

    field: str | None
    confidence: float
    how: str
    alt: str | None = None

    @property
    def blocked(self) -> bool:
        """The header names something that is no field: keep it an extra whatever its values."""
        return self.field is None and self.confidence >= 0.9


NOTHING = Reading(None, 0.0, "unmapped")
NOT_A_FIELD = Reading(None, 0.9, "header")
MAX_WORDS = 8  # longer headers are sentences or notes ("The IPA Annual Report publishes ..."), not names
TEXT_FIELDS = frozenset(("description", "benefits", "kpis", "strategic_objective", "delivery_approach"))
TYPED_FIELDS = frozenset(("budget", "start_date", "end_date", "rag", "priority"))

_WORDS: dict[str, str] = {w: f for f, words in LEXICON["fields"].items() for w in words}
_WEAK_TITLE = frozenset(LEXICON["weak_title"])
_LIGHT: dict[str, str | None] = LEXICON["light"]
_TEXT_HEADS: dict[str, str | None] = LEXICON["text_heads"]
_DATE_HEADS = frozenset(LEXICON["date_heads"])
_DATE_WORDS = {w: f for f, words in LEXICON["date_words"].items() for w in words}
_NONE = frozenset(LEXICON["none"])
_VETOES = frozenset(LEXICON["vetoes"])
_NOT_BUDGET = frozenset(LEXICON["not_budget"])
_STRONG: dict[str, str] = LEXICON["strong"]
_CLINICAL = frozenset(LEXICON["clinical"])
_PEOPLE = frozenset(LEXICON["people"])
_COMPOUNDS = [
    (frozenset(c["modifiers"]), c["head"], frozenset(c.get("words", ())), c["field"], c.get("alt"))
    for c in LEXICON["compounds"]
]
_SKIP = frozenset(LEXICON["stopwords"]) | frozenset(LEXICON["descriptors"])
_PREPOSITIONS = frozenset(LEXICON["prepositions"])
_QUESTIONS: dict[str, dict[str, list[str]]] = LEXICON["questions"]
_QUESTION_DEFAULTS: dict[str, str] = LEXICON["question_defaults"]
_MONEY = re.compile(r"[£$€]|\bp\.?\s?a\b|\bper annum\b|\bgbp\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b|\bfy\s?\d{2}\b|\b\d{2}\s?[/-]\s?\d{2}\b", re.I)
_ARTICLES = frozenset(("the", "a", "an"))
_VERBS = frozenset(("is", "are", "was", "were", "has", "have", "had", "been"))
_ALTERNATIVES = re.compile(r"/|\||&|,|;|\band\b", re.I)


@lru_cache(maxsize=8192)
def read_header(header: str) -> Reading:
    """What ``header`` means (see the module docstring for the contract)."""
    first = next((line for line in header.splitlines() if line.strip()), "")
    main = re.sub(r"\([^)]*\)?|\[[^\]]*\]?", " ", first)
    inner = " ".join(a or b for a, b in re.findall(r"\(([^)]*)\)|\[([^\]]*)\]", first))
    words = words_of(main)
    clause = _relative_clause(words)
    if clause:
        return clause
    if len(_content([w for w in words if w not in _PREPOSITIONS])) > MAX_WORDS or _sentence(words):
        return NOTHING
    found = _question(main) or _segments(main)
    if not found.blocked:
        found = _bracketed(found, inner)
    return _money(found, first)


_SUBJECTS = frozenset(("we", "you", "they", "i"))


def _relative_clause(words: list[str]) -> Reading | None:
    """'Problem we're solving', 'Benefits we expect': the noun before the clause names the field."""
    if not words or words[0] in _QUESTIONS:
        return None
    at = next((i for i, w in enumerate(words) if w in _SUBJECTS), 0)
    if not 0 < at <= 3:
        return None
    found = read_header(" ".join(words[:at]))
    return found._replace(confidence=round(found.confidence * 0.9, 2)) if found.field else None


def _sentence(words: list[str]) -> bool:
    """A cell value, not a name: it opens with an article ("The Tate Modern Project") or states something
    ("Programme has now completed"). Questions ("What are we solving?") are headers."""
    if not words or words[0] in _QUESTIONS:
        return False
    return (words[0] in _ARTICLES and len(words) > 3) or any(w in _VERBS for w in words)


def _segments(main: str) -> Reading:
    """'Project - End date' is qualified (the last part says most); 'Supplier / partner' lists alternatives
    (the first part that names a field wins). 'R/A/G' is one word spelt out."""
    if re.fullmatch(r"\s*[A-Za-z](\s*/\s*[A-Za-z])+\s*", main):
        main = re.sub(r"[\s/]", "", main)
    whole = words_of(main)
    if len(whole) == 1 and whole[0] in _WORDS:  # "Red/Amber/Green" is one term
        return Reading(_WORDS[whole[0]], 0.8, "meaning")
    blocked = False
    for part in reversed(re.split(r"\s[-–]\s|:|\s[-–]$", main)):
        pieces = _ALTERNATIVES.split(part)
        for piece in pieces:
            found = _lookup(_shared_head(piece, pieces[-1]))
            if found.field:
                return found
            blocked = blocked or found.blocked
    return NOT_A_FIELD if blocked else NOTHING


def _shared_head(piece: str, last: str) -> str:
    """'Clinical/nursing lead', 'Programme/Project ID': a lone modifier shares the last piece's head."""
    mine, theirs = piece.split(), last.split()
    if len(mine) == 1 and len(theirs) > 1 and piece is not last:
        alone = _lookup(piece)
        if not alone.blocked and alone.confidence < 0.6:
            return f"{piece} {theirs[-1]}"
    return piece


def _lookup(piece: str) -> Reading:
    form = normalise(piece)
    if not form:
        return NOTHING
    if form in NOT_MAPPED:
        return NOT_A_FIELD
    if form in LOOKUP:
        return Reading(LOOKUP[form], 0.9, "header")
    words = words_of(piece)
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS), len(words))
    after = words[cut + 1 :]
    cut_again = next((i for i, w in enumerate(after) if w in _PREPOSITIONS), len(after))
    head, complement = _content(words[:cut]), _content(after[:cut_again])
    if not head:
        head, complement = complement, []
    return _phrase(head, complement)


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w not in _SKIP]


def _phrase(words: list[str], complement: list[str]) -> Reading:
    """The field of a noun phrase ``words`` (head last), qualified by ``complement`` ("of success")."""
    if not words:
        return NOTHING
    head, mods = words[-1], words[:-1]
    if any(w in _VETOES for w in mods + complement) or head in _NONE:
        return NOT_A_FIELD
    if head in _DATE_HEADS:  # "Go live date"; "RAG this period" is a RAG
        return _date(mods + complement) or _unknown_head(mods, [])
    if head in _LIGHT:
        return _light(head, mods, complement)
    if head in _TEXT_HEADS:
        inner = _phrase(mods, []) if mods else _phrase(complement, [])
        if inner.field in TEXT_FIELDS:
            return inner
        default = _TEXT_HEADS[head]
        if inner.blocked or inner.field in TYPED_FIELDS or inner.field in ("stage", "rag") or not default:
            return NOT_A_FIELD  # "RAG comment", "Schedule narrative": notes about something, kept as extras
        return Reading(default, 0.75, "meaning")
    field = _WORDS.get(head) or ("title" if head in _WEAK_TITLE else None)
    if field is None and head in _PEOPLE:
        field = "person"
    if field is None:
        return _unknown_head(mods, complement)
    return _qualified(field, head, mods)


def _qualified(field: str, head: str, mods: list[str]) -> Reading:
    alt = None
    for modifiers, on, heads, becomes, maybe in _COMPOUNDS:
        if on == field and modifiers.intersection(mods) and (not heads or head in heads):
            if becomes is None:
                return NOT_A_FIELD
            field, alt = becomes, maybe
    if field in ("owner", "person") and _CLINICAL.intersection(mods):
        field = "clinical_lead"
    if field == "person":
        return NOTHING  # a contact or an adviser: which one, the values may say
    if field == "stage":
        field = next((_STRONG[m] for m in mods if _STRONG.get(m) == "rag"), field)  # "RAG status"
    return Reading(field, 0.55 if head in _WEAK_TITLE else 0.8, "meaning", alt)


def _light(head: str, mods: list[str], complement: list[str]) -> Reading:
    """'X name', 'X ref', 'X rating', 'X link': the field of X; else of the complement; else the default."""
    default = _LIGHT[head]
    for words in (mods, complement):
        if not words:
            continue
        inner = _phrase(words, [])
        if inner.blocked:
            return NOT_A_FIELD
        if inner.field == "title" and default in ("title", "ref"):  # "Project name", "Project ID"
            return Reading(default, min(0.7, inner.confidence), "meaning")
        if (
            inner.field
            and not (default == "title" and inner.field in TYPED_FIELDS)
            and inner.field != "title"
        ):
            return inner
    if default == "none":
        return NOT_A_FIELD  # "Project type", "Environmental assessment category"
    return Reading(default, 0.7, "meaning") if default else NOTHING


def _date(words: list[str]) -> Reading | None:
    """'Go live date', 'Date of commencement', 'Start month': the start or end word says which."""
    field = next((_DATE_WORDS[w] for w in words if w in _DATE_WORDS), None)
    return Reading(field, 0.8, "meaning") if field else None


def _unknown_head(mods: list[str], complement: list[str]) -> Reading:
    """A head we do not know ("Strategic fit", "Order of priority"): a strong modifier, else the
    complement."""
    strong = next((_STRONG[m] for m in reversed(mods) if m in _STRONG), None)
    if strong:
        return Reading(strong, 0.7, "meaning")
    if complement:
        inner = _phrase(complement, [])
        return inner._replace(confidence=min(inner.confidence, 0.65)) if inner.field else inner
    return NOTHING


def _question(main: str) -> Reading | None:
    """'How will we know it worked?', 'Who's it for?', 'What & why': the question word and its verb."""
    words = words_of(main)
    if not words or (words[0] not in _QUESTIONS and words[0] != "about"):
        return None
    if words[0] == "about":
        return Reading("description", 0.75, "question")
    frames = _QUESTIONS[words[0]]
    if any(w in _TEXT_HEADS and not _TEXT_HEADS[w] for w in words):
        return NOT_A_FIELD  # "Why this rating? Enter an explanation": a note about another column
    for word in words[1:]:
        for field, cues in frames.items():
            if word in cues:
                return NOT_A_FIELD if field == "none" else Reading(field, 0.75, "question")
    rest = _content(words[1:])
    found = _phrase(rest, []) if rest else NOTHING
    if found.field and found.field != "title":  # "Which strategic aim?"; "What's the project?" is not a title
        return found._replace(how="question")
    named = next((_WORDS.get(w) or _STRONG.get(w) for w in rest if w in _WORDS or w in _STRONG), None)
    if named and named != "title":
        return Reading(named, 0.7, "question")
    default = _QUESTION_DEFAULTS.get(words[0])
    return Reading(default, 0.7, "question") if default else NOTHING


def _bracketed(found: Reading, inner: str) -> Reading:
    """'Status (RAG)': a strong word in brackets names the field; otherwise brackets only fill a gap."""
    words = _content(words_of(inner))
    strong = next((_STRONG[w] for w in words if w in _STRONG and _STRONG[w] == "rag"), None)
    if strong and found.field != strong:
        return Reading(strong, 0.75, "meaning")
    if found.field is None and words and len(words) <= 3:
        inner_reading = _phrase(words, [])
        if inner_reading.field:
            return inner_reading._replace(confidence=0.6)
    return found


def one_year_amount(header: str) -> bool:
    """True for the money one year holds ("26/27 cost £k", "Budget 2025/26"): not spend, forecast or variance.

    Such a column is kept apart from the budget while another column gives the whole cost; where it is the
    only amount a register has, it is the budget that register records.
    """
    words = set(words_of(header))
    if not _YEAR.search(header) or words & _NOT_BUDGET:
        return False
    return bool(_MONEY.search(header) or words & {"cost", "costs", "budget", "funding", "allocation"})


def _money(found: Reading, header: str) -> Reading:
    """A money unit makes an unnamed column the budget; money that is spent, forecast or yearly is not."""
    words = set(words_of(header))
    if found.field in TEXT_FIELDS and _MONEY.search(header):
        return NOT_A_FIELD  # "Savings £", "Benefits (£m)": amounts, not the benefits text
    if found.field == "budget" or (
        found.field is None and not found.blocked and words and _MONEY.search(header)
    ):
        if words & _NOT_BUDGET or _YEAR.search(header):  # weak evidence (a complement) leaves it to values
            return NOT_A_FIELD if found.field is None or found.confidence >= 0.7 else NOTHING
        if found.field is None:
            return Reading("budget", 0.7, "meaning")
    return found

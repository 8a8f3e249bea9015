"""Finding rubric cues in a record's text: one pass per field, reading negation and deferral around each hit.

Pure. Matching every cue regex against every field would cost seconds per thousand records, so cues are
indexed by the first letters of their literal prefix (``cue_trigger``): a field is split into word tokens once
and only the cues a token can start are tried, anchored at that token. Offsets are into the field's own text,
so a page can highlight exactly the words that counted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, NamedTuple, TypeVar

if TYPE_CHECKING:  # pragma: no cover - only for type names
    from portfolio.tagging.rubric import Rubric

T = TypeVar("T")
_TOKEN = re.compile(r"£|\w+")
CLAUSE_END = re.compile(r"[.;\n]")  # what ends a clause (flags read it too)
# A comma and a linking word start a new clause: the "no" of "found no fall in waits, so the wave was
# cancelled" does not negate what follows.
_CLAUSE_LINK = re.compile(r",\s+(?:so|but|yet|then|and so|which is why)\b", re.IGNORECASE)


def _top_level_alternation(pattern: str) -> bool:
    depth, escaped, in_class = 0, False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            return True
    return False


def cue_trigger(pattern: str) -> str | None:
    """The index key of a cue: up to 3 lowercase letters of its literal start, '#' for digits, '£' for money.

    Returns None when no token can start the cue (it opens with a group or symbol, or has a top-level '|'),
    which ``validate_rubric`` reports as an error.
    """
    if _top_level_alternation(pattern):
        return None
    text = pattern
    while text.startswith(("^", r"\b")):
        text = text[1:] if text.startswith("^") else text[2:]
    if text.startswith("£"):
        return "£"
    if text.startswith(r"\d") or text[:1].isdigit() or re.match(r"\[[0-9]-?[0-9]?\]", text):
        return "#"
    literal = ""
    for ch in text:
        if not (ch.isascii() and ch.isalnum()):
            break
        literal += ch.lower()
    if literal and text[len(literal) : len(literal) + 1] in ("?", "*", "{"):
        literal = literal[:-1]  # the quantifier makes the last letter optional
    return literal[:3] or None


_EXACT_NEXT = re.compile(r"(\\b|\\s\+?|[ /&'.,:;-])(?![?*{])")


def exact_token(pattern: str) -> str | None:
    """The whole first token of a cue when its literal start must end there ("in place" -> "in",
    "ai\\b" -> "ai"), so only that token need try it; None when the first token may run on."""
    text = pattern.lstrip("^")
    literal = ""
    for ch in text:
        if not (ch.isascii() and ch.isalnum()):
            break
        literal += ch.lower()
    if not literal or _top_level_alternation(pattern):
        return None
    return literal if _EXACT_NEXT.match(text, len(literal)) else None


@dataclass(frozen=True)
class _Cue:
    pattern: re.Pattern[str]
    cue_sets: tuple[str, ...]


@dataclass(frozen=True)
class _Probe:
    """Every cue one token can start, tried in a single match call.

    Each cue sits in its own optional capturing lookahead (``(?:(?=(cue))|)``), so one ``match`` at the
    token says which cues match there and where each ends: the same first match ``cue.match(text, pos)``
    would give. ``slots`` pairs each cue's group number with its cue sets, in scan order.
    """

    pattern: re.Pattern[str] | None
    slots: tuple[tuple[int, tuple[str, ...]], ...]
    cues: tuple[_Cue, ...]  # used one by one when the combined pattern cannot be compiled

    @classmethod
    def of(cls, cues: tuple[_Cue, ...]) -> _Probe:
        parts, slots, group = [], [], 1
        for cue in cues:
            parts.append(f"(?:(?=({cue.pattern.pattern}))|)")
            slots.append((group, cue.cue_sets))
            group += 1 + cue.pattern.groups
        try:
            combined: re.Pattern[str] | None = re.compile("".join(parts), re.IGNORECASE)
        except re.error:  # e.g. two cues with the same group name: try each cue
            combined = None
        return cls(combined, tuple(slots), cues)

    def match_each(self, text: str, pos: int, found: list[tuple[str, int, int]]) -> None:
        """Without a combined pattern: append ``(cue set, pos, end)`` for every cue matching ``text`` at
        ``pos`` with some length, trying the cues one by one (``CueIndex.scan`` reads the combined one)."""
        for cue in self.cues:
            m = cue.pattern.match(text, pos)
            if m and m.end() > pos:
                found.extend((name, pos, m.end()) for name in cue.cue_sets)


class Hit:
    """One cue match: which cue set, where in the field text, and how its clause reads it: "plain",
    "negated" ("no baseline", "KPIs TBC") or "deferred" ("hazard log to be opened"). Read-only once compiled."""

    def __init__(self, cue_set: str, start: int, end: int, reading: str) -> None:
        self.cue_set: Final = cue_set
        self.start: Final = start
        self.end: Final = end
        self.reading: Final = reading

    def __repr__(self) -> str:
        return f"Hit({self.cue_set!r}, {self.start}, {self.end}, {self.reading!r})"


class Windows(NamedTuple):
    """Characters around a cue where negating or deferring words count (``Negation`` in the rubric)."""

    before: int
    after: int
    deferred_before: int


#: The cue sets of negating and deferring words: marks that change how a nearby cue reads, never hits.
NEGATION_MARKS = frozenset({"neg:before", "neg:after", "neg:deferred_after", "neg:deferred_before"})


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(".", 0, start), text.rfind(";", 0, start), text.rfind("\n", 0, start)) + 1
    if "," in text[left:start]:
        for link in _CLAUSE_LINK.finditer(text, left, end):
            if link.start() < start:
                left = link.start() + 1  # just after the comma: the linking word may start the cue
    stop = CLAUSE_END.search(text, end)
    return left, stop.start() if stop else len(text)


def _reading(text: str, start: int, end: int, marks: list[tuple[str, int, int]], win: Windows) -> str:
    """Read a cue at ``text[start:end]`` against the negation marks found in the same text."""
    left, right = _clause(text, start, end)
    deferred = False
    for kind, m_start, m_end in marks:
        if kind == "neg:before" and max(left, start - win.before) <= m_start and m_end <= start:
            return "negated"
        if kind == "neg:after" and end <= m_start < min(right, end + win.after):
            return "negated"
        if kind == "neg:deferred_after" and end <= m_start < min(right, end + win.after):
            deferred = True
        elif kind == "neg:deferred_before" and max(left, start - win.deferred_before) <= m_end <= start:
            deferred = True
    return "deferred" if deferred else "plain"


def _near(marks: list[tuple[str, int, int]], start: int, end: int, win: Windows) -> bool:
    """Whether any mark lies close enough to ``text[start:end]`` to change how it reads (a cheap pre-check:
    most hits have no negating word within their windows)."""
    low, high = start - max(win.before, win.deferred_before), end + win.after
    return any(m_end >= low and m_start <= high for _, m_start, m_end in marks)


class CueIndex:
    """Every cue of a rubric, compiled once and indexed by trigger; ``hits`` finds and reads them in a text.

    Results are cached per distinct text (bounded): registers repeat many cells ("TBC", stages, suppliers,
    owners), and a text's hits depend on nothing else.
    """

    CACHE_SIZE = 50_000

    def __init__(self, by_key: Mapping[int, Mapping[str, tuple[_Cue, ...]]], sets: frozenset[str]) -> None:
        self._by_key = by_key
        self.sets = sets
        self._memo: dict[str, _Probe | None] = {}
        self._probes: dict[tuple[_Cue, ...], _Probe] = {}
        self._by_signature: dict[tuple[str, str], _Probe | None] = {}
        self._cache: dict[tuple[str, Windows], tuple[Hit, ...]] = {}
        self.memo: dict[object, object] = {}  # per-text results of later stages (see ``remember``)

    def remember(self, key: object, compute: Callable[[], T]) -> T:
        """``compute()``, cached under ``key`` (bounded). Only for results that depend on ``key`` alone."""
        try:
            return self.memo[key]  # type: ignore[return-value]
        except KeyError:
            if len(self.memo) >= 4 * self.CACHE_SIZE:
                self.memo.clear()
            value = self.memo[key] = compute()
            return value

    def store(self, key: object, value: T) -> T:
        """Cache ``value`` under ``key`` (bounded, as ``remember``) and return it."""
        if len(self.memo) >= 4 * self.CACHE_SIZE:
            self.memo.clear()
        self.memo[key] = value
        return value

    @classmethod
    def build(cls, cue_sets: Mapping[str, list[str]]) -> CueIndex:
        """Compile ``{cue set name: [regex, ...]}``; a regex shared by several sets is compiled once."""
        owners: dict[str, list[str]] = {}
        for name, patterns in cue_sets.items():
            for pattern in patterns:
                owners.setdefault(pattern, []).append(name)
        # 0: the whole token must equal the key; 1-3: the token starts with the key.
        by_key: dict[int, dict[str, list[_Cue]]] = {0: {}, 1: {}, 2: {}, 3: {}}
        for pattern, names in owners.items():
            key = cue_trigger(pattern)
            if key is None:
                raise ValueError(f"cue '{pattern}' has no literal start")
            exact = exact_token(pattern)
            size = 0 if exact else 1 if key in ("#", "£") else len(key)
            cue = _Cue(re.compile(pattern, re.IGNORECASE), tuple(dict.fromkeys(names)))
            by_key[size].setdefault(exact or key, []).append(cue)
        frozen = {n: {k: tuple(v) for k, v in d.items()} for n, d in by_key.items()}
        return cls(frozen, frozenset(cue_sets))

    def _probe(self, token: str) -> _Probe | None:
        """The cues ``token`` can start (whole-token keys first, then 1-, 2- and 3-letter prefixes).

        They depend only on the token's first three letters and on whether the whole token is a key, so
        tokens alike in those (the numbers of a register's titles, say) share one lookup."""
        low = token.lower()
        signature = (low if low in self._by_key[0] else "", low[:3])
        try:
            return self._by_signature[signature]
        except KeyError:
            probe = self._probe_for(low)
            if len(self._by_signature) < self.CACHE_SIZE:
                self._by_signature[signature] = probe
            return probe

    def _probe_for(self, low: str) -> _Probe | None:
        first = "#" if low[0].isdigit() else low[0]
        keys = ((0, low), (1, first), (2, low[:2]), (3, low[:3]))
        cues = tuple(c for size, key in keys for c in self._by_key[size].get(key, ()))
        if not cues:
            return None
        probe = self._probes.get(cues)
        if probe is None:
            probe = self._probes[cues] = _Probe.of(cues)
        return probe

    def scan(self, text: str) -> list[tuple[str, int, int]]:
        """Every ``(cue set, start, end)`` whose cue matches ``text`` at the start of a word token."""
        found: list[tuple[str, int, int]] = []
        memo = self._memo
        for token in _TOKEN.finditer(text):
            word = token.group()
            try:
                probe = memo[word]
            except KeyError:
                probe = self._probe(word)
                if len(memo) < self.CACHE_SIZE:
                    memo[word] = probe
            if probe is None:
                continue
            pos = token.start()
            if probe.pattern is None:
                probe.match_each(text, pos, found)
                continue
            match = probe.pattern.match(text, pos)  # all-optional: always matches
            for group, names in probe.slots:
                end = match.end(group)  # type: ignore[union-attr]
                if end > pos:
                    for name in names:
                        found.append((name, pos, end))
        return found

    def hits(self, text: str, windows: Windows) -> tuple[Hit, ...]:
        """The cue hits of ``text`` (negation marks excluded), each read for negation or deferral."""
        key = (text, windows)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        found = self.scan(text)
        marks = [f for f in found if f[0] in NEGATION_MARKS]
        if marks:
            result = tuple(
                Hit(
                    name,
                    s,
                    e,
                    _reading(text, s, e, marks, windows) if _near(marks, s, e, windows) else "plain",
                )
                for name, s, e in found
                if name not in NEGATION_MARKS
            )
        else:
            result = tuple(Hit(name, s, e, "plain") for name, s, e in found)
        if len(self._cache) >= self.CACHE_SIZE:
            self._cache.clear()  # crude but bounded; a national run still reuses most repeated cells
        self._cache[key] = result
        return result


def read_hit(rubric: Rubric, text: str, start: int, end: int) -> str:
    """How the clause around ``text[start:end]`` reads it: "negated", "deferred" or "plain"."""
    marks = [f for f in rubric.cues.scan(text) if f[0] in NEGATION_MARKS]
    return _reading(text, start, end, marks, windows_of(rubric))


def windows_of(rubric: Rubric) -> Windows:
    neg = rubric.negation
    return Windows(neg.window, neg.after_window, neg.before_window)

"""The rubric as versioned data: principles, their cues and board questions, flag cue lists, thresholds.

Pure: reads ``rubric.json`` shipped beside this module (or a dict an admin edited) into a frozen ``Rubric``
with every regular expression compiled once, so tagging never compiles per record. ``validate_rubric`` lists
problems in plain words; ``load_rubric`` raises ``RubricError`` carrying that list.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from portfolio.principles import Principle
from portfolio.tagging.matching import CueIndex, cue_trigger

RUBRIC_PATH = Path(__file__).with_name("rubric.json")

#: Flag cue lists the flag rules read; an edited rubric must keep every one of them.
FLAG_CUE_KEYS: tuple[str, ...] = (
    "tech_frame",
    "quantity",
    "outcome",
    "output",
    "big_bang",
    "increment",
    "clinical",
    "non_clinical",
    "clinical_lead_cue",
    "safety",
    "stopped",
    "supplier_led",
    "in_house",
    "lock_terms",
    "exit_terms",
    "contract_years",
    "capital",
    "revenue",
    "funding_stops",
    "stuck",
    "hype",
    "owner_team",
)
THRESHOLD_RANGES: Mapping[str, tuple[float, float]] = MappingProxyType(
    {
        "evident": (0.0, 1.0),
        "partial": (0.0, 1.0),
        "red_cap": (0.0, 1.0),
        "description_min_words": (0, 200),
        "long_project_months": (1, 240),
        "early_milestone_months": (1, 120),
        "long_contract_years": (1, 50),
    }
)


class RubricError(ValueError):
    """Raised by ``load_rubric`` when the data is not a usable rubric; ``problems`` lists every reason."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Facet:
    """One kind of evidence for (or, in ``red_flags``, against) a principle, e.g. 'researched problem'."""

    id: str
    label: str
    weight: float
    cue_set: str  # key of this facet's cues in the rubric's CueIndex
    present_fields: tuple[str, ...] = ()  # fields whose mere (non-placeholder) presence counts
    only_fields: frozenset[str] = frozenset()  # when set, cues count only in these fields
    deferred_counts: bool = False  # a planned cue counts ("a stop/go decision will be taken at week 12")


@dataclass(frozen=True)
class PrincipleRubric:
    principle: Principle
    name: str
    description: str
    fields: Mapping[str, float]
    facets: tuple[Facet, ...]
    red_flags: tuple[Facet, ...]
    questions: tuple[str, ...]
    evident_requires: tuple[str, ...]
    present_keys: frozenset[str] = frozenset()  # fields whose mere presence is evidence for a facet
    cue_sets: frozenset[str] = frozenset()  # the CueIndex sets its facets and red flags read


@dataclass(frozen=True)
class Negation:
    """How far around a cue to look for negating or deferring words (their cue lists sit in the CueIndex
    as the sets ``neg:before``, ``neg:after``, ``neg:deferred_after`` and ``neg:deferred_before``)."""

    window: int  # characters before a cue, within its clause, where "no", "not", "without" negate it
    after_window: int  # characters after a cue, within its clause, where "TBC", "awaited" negate it
    before_window: int  # characters before a cue where "to be", "will" defer it


NEGATION_SETS: tuple[str, ...] = ("before", "after", "deferred_after", "deferred_before")


@dataclass(frozen=True)
class Rubric:
    """A loaded, compiled rubric; ``version`` (``<declared version>+<content hash>``) goes on every result."""

    version: str
    principles: Mapping[Principle, PrincipleRubric]
    thresholds: Mapping[str, float]
    placeholder: re.Pattern[str]
    negation: Negation
    field_aliases: tuple[tuple[str, re.Pattern[str]], ...]
    cues: CueIndex
    signals: Mapping[str, Mapping[str, float]]
    data: Mapping[str, Any]


def _compile_errors(pattern: object, where: str) -> list[str]:
    if not isinstance(pattern, str):
        return [f"{where}: expected a regular expression as text"]
    try:
        re.compile(pattern)
    except re.error as exc:
        return [f"{where}: '{pattern}' is not a valid regular expression ({exc})"]
    return []


def _cue_errors(cues: object, where: str) -> list[str]:
    if not isinstance(cues, list):
        return [f"{where}: cues must be a list"]
    errors: list[str] = []
    for cue in cues:
        found = _compile_errors(cue, where)
        if not found and cue_trigger(cue) is None:
            found = [
                f"{where}: cue '{cue}' must start with a letter, a digit or '£' (not a group or symbol), "
                f"with no top-level '|'"
            ]
        errors += found
    return errors


def _facet_errors(facets: object, where: str) -> list[str]:
    if not isinstance(facets, list):
        return [f"{where}: must be a list"]
    errors: list[str] = []
    for n, facet in enumerate(facets):
        label = f"{where} {facet.get('id', n) if isinstance(facet, dict) else n}"
        if not isinstance(facet, dict) or not isinstance(facet.get("id"), str):
            errors.append(f"{label}: each facet needs an id")
            continue
        weight = facet.get("weight")
        if not isinstance(weight, int | float) or not 0 <= weight <= 1:
            errors.append(f"{label}: weight must be a number from 0 to 1")
        errors += _cue_errors(facet.get("cues", []), label)
        if not isinstance(facet.get("deferred_counts", False), bool):
            errors.append(f"{label}: deferred_counts must be true or false")
        for key in ("fields", "present_fields"):
            value = facet.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                errors.append(f"{label}: {key} must be a list of field names")
    return errors


def _principle_errors(data: Mapping[str, Any]) -> list[str]:
    items = data.get("principles")
    if not isinstance(items, list):
        return ["'principles' must be a list of the eight principles"]
    errors: list[str] = []
    seen: set[str] = set()
    for item in items:
        pid = item.get("id") if isinstance(item, dict) else None
        if pid not in set(Principle):
            errors.append(f"unknown principle id '{pid}'")
            continue
        seen.add(pid)
        errors += _facet_errors(item.get("facets"), f"{pid} facets")
        errors += _facet_errors(item.get("red_flags", []), f"{pid} red flags")
        if not item.get("questions"):
            errors.append(f"{pid}: needs at least one board question")
        facet_ids = {f.get("id") for f in item.get("facets") or [] if isinstance(f, dict)}
        errors += [
            f"{pid}: evident_requires names unknown facet '{r}'"
            for r in item.get("evident_requires", [])
            if r not in facet_ids
        ]
    errors += [f"missing principle '{p}'" for p in Principle if p not in seen]
    return errors


def _threshold_errors(data: Mapping[str, Any]) -> list[str]:
    values = data.get("thresholds")
    if not isinstance(values, dict):
        return ["'thresholds' must be a mapping of name to number"]
    errors = [f"unknown threshold '{k}'" for k in values if k not in THRESHOLD_RANGES]
    for name, (low, high) in THRESHOLD_RANGES.items():
        value = values.get(name)
        if not isinstance(value, int | float) or isinstance(value, bool):
            errors.append(f"threshold '{name}' is missing or not a number")
        elif not low <= value <= high:
            errors.append(f"threshold '{name}' is {value}, outside {low}..{high}")
    if not errors and values["partial"] > values["evident"]:
        errors.append("threshold 'partial' must not be above 'evident'")
    return errors


def validate_rubric(data: object) -> list[str]:
    """Check rubric data (the JSON as a dict); return plain error messages, [] when it is usable.

    Reports bad regular expressions, cues no word can trigger, unknown or missing principle ids, missing
    flag cue lists and thresholds that are absent or out of range. Never raises.
    """
    if not isinstance(data, dict):
        return ["the rubric must be a JSON object"]
    errors = _principle_errors(data) + _threshold_errors(data)
    errors += _compile_errors(data.get("placeholder"), "placeholder")
    negation: dict[str, Any] = data["negation"] if isinstance(data.get("negation"), dict) else {}
    for key in NEGATION_SETS:
        errors += _cue_errors(negation.get(key), f"negation {key}")
    for key in ("window", "after_window", "before_window"):
        if not isinstance(negation.get(key), int) or not 0 <= negation[key] <= 200:
            errors.append(f"negation {key} must be a whole number of characters from 0 to 200")
    aliases = data.get("field_aliases", {})
    for name, pattern in aliases.items() if isinstance(aliases, dict) else []:
        errors += _compile_errors(pattern, f"field alias {name}")
    flags = data.get("flags")
    if not isinstance(flags, dict):
        return errors + ["'flags' must be a mapping of cue list name to cues"]
    errors += [f"flag cue list '{key}' is missing" for key in FLAG_CUE_KEYS if key not in flags]
    for key, cues in flags.items():
        errors += _cue_errors(cues, f"flag cues {key}")
    signals = data.get("signals", {})
    if not isinstance(signals, dict) or not all(
        isinstance(v, dict)
        and all(isinstance(x, int | float) and not isinstance(x, bool) for x in v.values())
        for v in signals.values()
    ):
        errors.append("'signals' must map each signal id to a mapping of threshold name to number")
    return errors


def _facets(
    pid: str, kind: str, items: list[dict[str, Any]], index: dict[str, list[str]]
) -> tuple[Facet, ...]:
    out = []
    for item in items:
        cue_set = f"{pid}:{kind}:{item['id']}"
        index[cue_set] = list(item.get("cues", []))
        out.append(
            Facet(
                id=item["id"],
                label=item.get("label", item["id"]),
                weight=float(item["weight"]),
                cue_set=cue_set,
                present_fields=tuple(item.get("present_fields", ())),
                only_fields=frozenset(item.get("fields", ())),
                deferred_counts=bool(item.get("deferred_counts", False)),
            )
        )
    return tuple(out)


def content_hash(data: Mapping[str, Any]) -> str:
    """A short, stable hash of rubric data (key order does not matter)."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def load_rubric(data: dict[str, Any] | None = None) -> Rubric:
    """Build a compiled ``Rubric`` from ``data`` (default: the packaged ``rubric.json``).

    Raises ``RubricError`` (a ValueError) listing every problem ``validate_rubric`` finds.
    """
    if data is None:
        data = json.loads(RUBRIC_PATH.read_text(encoding="utf-8"))
    problems = validate_rubric(data)
    if problems:
        raise RubricError(problems)
    neg = data["negation"]
    cue_sets: dict[str, list[str]] = {f"flag:{k}": list(v) for k, v in data["flags"].items()}
    cue_sets.update({f"neg:{k}": list(neg[k]) for k in NEGATION_SETS})
    principles = {}
    for item in data["principles"]:
        pid = Principle(item["id"])
        facets = _facets(pid, "for", item["facets"], cue_sets)
        red_flags = _facets(pid, "against", item.get("red_flags", []), cue_sets)
        principles[pid] = PrincipleRubric(
            principle=pid,
            name=item["name"],
            description=item.get("description", ""),
            fields=MappingProxyType(dict(item.get("fields", {}))),
            facets=facets,
            red_flags=red_flags,
            questions=tuple(item["questions"]),
            evident_requires=tuple(item.get("evident_requires", ())),
            present_keys=frozenset(k for f in item["facets"] for k in f.get("present_fields", ())),
            cue_sets=frozenset(f.cue_set for f in facets + red_flags),
        )
    return Rubric(
        version=f"{data.get('version', 'unversioned')}+{content_hash(data)}",
        principles=MappingProxyType({p: principles[p] for p in Principle}),
        thresholds=MappingProxyType({k: float(v) for k, v in data["thresholds"].items()}),
        placeholder=re.compile(data["placeholder"], re.IGNORECASE),
        negation=Negation(
            window=neg["window"], after_window=neg["after_window"], before_window=neg["before_window"]
        ),
        field_aliases=tuple(
            (k, re.compile(v, re.IGNORECASE)) for k, v in data.get("field_aliases", {}).items()
        ),
        cues=CueIndex.build(cue_sets),
        signals=MappingProxyType(
            {
                k: MappingProxyType({n: float(x) for n, x in v.items()})
                for k, v in data.get("signals", {}).items()
            }
        ),
        data=MappingProxyType(data),
    )

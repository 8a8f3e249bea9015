"""The shopping-list thresholds as data (``signals.json``), so an admin can tune them without a release.

Pure: no Flask, no ORM. ``validate_thresholds`` lists every problem in plain words; ``load_thresholds`` turns
checked data into frozen ``Thresholds`` and refuses data with problems.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, TypeGuard

from portfolio.principles import Level, SignalId

_PARAM_RANGES: dict[str, tuple[float, float]] = {
    "min_active_projects": (1, 1000),
    "objective_match_min_score": (50, 100),
    "overlap_cosine": (0.1, 1.0),
    "nothing_stops_min_projects": (1, 10000),
    "early_release_months": (1, 60),
}
_COMPOSITE_KEYS = {"core", "core_red_needed", "anchor", "others_red_needed"}
_SIGNAL_IDS = {signal.value for signal in SignalId}
#: The metrics the analysis reads for each signal; the data must define each one (extra ones are kept).
REQUIRED_METRICS: dict[str, tuple[str, ...]] = {
    "no_line_of_sight": ("unlinked_pct",),
    "no_focus": ("single_project_objectives_pct", "hhi"),
    "over_capacity": ("projects_per_team", "projects_per_fte"),
    "priority_inflation": ("top_priority_pct", "low_priority_pct"),
    "tech_centred_share": ("tech_centred_pct",),
    "unmeasurable_share": ("unmeasurable_pct",),
    "no_owners": ("no_owner_pct", "clinical_without_lead_pct"),
    "duplication": ("overlap_groups", "projects_in_overlap_pct"),
    "nothing_stops": ("stopped_pct",),
    "supplier_concentration": ("top_supplier_budget_pct", "lock_in_projects"),
    "late_value": ("late_budget_pct", "median_duration_months"),
    "hype_share": ("hype_pct",),
    "no_switch_off": ("switch_off_pct",),
}


@dataclass(frozen=True)
class MetricThreshold:
    """When one metric turns amber or red. ``worse`` is "above" or "below"; None means no such level."""

    amber: float | None
    red: float | None
    worse: str = "above"

    def level(self, value: float) -> Level:
        """The level of ``value``: red, amber or ok (strict: a value on the line is not worse)."""

        def beyond(limit: float | None) -> bool:
            if limit is None:
                return False
            return value > limit if self.worse == "above" else value < limit

        if beyond(self.red):
            return Level.RED
        return Level.AMBER if beyond(self.amber) else Level.OK


@dataclass(frozen=True)
class CompositeRule:
    """RUBRIC composite: shopping list when ``core_red_needed`` core signals are red, or the anchor is red
    together with ``others_red_needed`` other signals."""

    core: tuple[SignalId, ...]
    core_red_needed: int
    anchor: SignalId
    others_red_needed: int


@dataclass(frozen=True)
class Thresholds:
    """Checked thresholds: per signal, per metric; plus the tuning parameters and the composite rule."""

    version: int
    signals: Mapping[SignalId, Mapping[str, MetricThreshold]]
    params: Mapping[str, float]
    composite: CompositeRule
    advice: Mapping[SignalId, str]  # what a board can do when the signal is amber or red

    def metric(self, signal: SignalId, name: str) -> MetricThreshold:
        """The threshold for one metric of a signal (KeyError if the data does not define it)."""
        return self.signals[signal][name]


def _default_data() -> dict[str, Any]:
    text = resources.files("portfolio.analysis").joinpath("signals.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _number(value: Any) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _metric_problems(where: str, spec: Any) -> list[str]:
    if not isinstance(spec, Mapping):
        return [f"{where} must be an object with amber, red and worse."]
    problems = [
        f"{where} has an unknown key '{key}'." for key in spec if key not in {"amber", "red", "worse"}
    ]
    if spec.get("worse") not in ("above", "below"):
        problems.append(f"{where}.worse must be 'above' or 'below'.")
    for name in ("amber", "red"):
        if name not in spec or not (spec[name] is None or _number(spec[name])):
            problems.append(f"{where}.{name} must be a number or null.")
    amber, red = spec.get("amber"), spec.get("red")
    if not problems and amber is not None and red is not None:
        if (spec["worse"] == "above" and amber > red) or (spec["worse"] == "below" and amber < red):
            problems.append(f"{where}: the amber threshold must come before the red one.")
    return problems


def _keyed_by_signal(section: str, value: Any) -> tuple[dict[str, Any], list[str]]:
    """The entries of ``section`` whose key is a signal id, and the problems: not an object, ids missing or
    unknown."""
    if not isinstance(value, Mapping):
        return {}, [f"'{section}' must be an object keyed by signal id."]
    problems = [f"'{section}' has no entry for {sid}." for sid in sorted(_SIGNAL_IDS - set(value))]
    problems.extend(
        f"{section}: '{sid}' is not a signal id (see RUBRIC.md section c)."
        for sid in value
        if sid not in _SIGNAL_IDS
    )
    return {sid: entry for sid, entry in value.items() if sid in _SIGNAL_IDS}, problems


def _signal_problems(signals: Any) -> list[str]:
    known, problems = _keyed_by_signal("signals", signals)
    for sid, metrics in known.items():
        if not isinstance(metrics, Mapping) or not metrics:
            problems.append(f"signals.{sid} must be an object of metrics.")
            continue
        problems.extend(
            f"signals.{sid} has no metric '{name}'." for name in REQUIRED_METRICS[sid] if name not in metrics
        )
        for name, spec in metrics.items():
            problems.extend(_metric_problems(f"signals.{sid}.{name}", spec))
    return problems


def _param_problems(params: Any) -> list[str]:
    if not isinstance(params, Mapping):
        return ["'params' must be an object."]
    problems = []
    for name, (low, high) in _PARAM_RANGES.items():
        value = params.get(name)
        if not _number(value) or not low <= value <= high:
            problems.append(f"params.{name} must be a number from {low:g} to {high:g}.")
    problems.extend(f"params has an unknown key '{key}'." for key in params if key not in _PARAM_RANGES)
    return problems


def _composite_problems(composite: Any) -> list[str]:
    if not isinstance(composite, Mapping) or set(composite) != _COMPOSITE_KEYS:
        return [f"'composite' must have exactly the keys {', '.join(sorted(_COMPOSITE_KEYS))}."]
    core = composite["core"]
    problems = []
    if not isinstance(core, list) or not core or any(sid not in _SIGNAL_IDS for sid in core):
        problems.append("composite.core must be a list of signal ids.")
    if composite["anchor"] not in _SIGNAL_IDS:
        problems.append("composite.anchor must be a signal id.")
    for name in ("core_red_needed", "others_red_needed"):
        if not isinstance(composite[name], int) or isinstance(composite[name], bool) or composite[name] < 1:
            problems.append(f"composite.{name} must be a whole number of at least 1.")
    return problems


def _advice_problems(advice: Any) -> list[str]:
    """Advice is optional per signal: thresholds saved before it existed still load with packaged text."""
    if advice is None:
        return []
    known, problems = _keyed_by_signal("advice", advice)
    problems = [problem for problem in problems if "has no entry" not in problem]
    problems.extend(
        f"advice.{sid} must be a sentence of 1 to 500 characters."
        for sid, text in known.items()
        if not isinstance(text, str) or not text.strip() or len(text) > 500
    )
    return problems


def validate_thresholds(data: Any) -> list[str]:
    """Every problem with threshold data, one plain sentence each; [] when it can be loaded.

    Checks the version, that every signal id has metrics with numeric (or null) amber/red thresholds in a
    sensible order, the tuning parameters' ranges, the composite rule and the advice. Never raises.
    """
    if not isinstance(data, Mapping):
        return ["Threshold data must be a JSON object."]
    problems = []
    if (
        not isinstance(data.get("version"), int)
        or isinstance(data.get("version"), bool)
        or data["version"] < 1
    ):
        problems.append("'version' must be a whole number of at least 1.")
    problems.extend(_signal_problems(data.get("signals")))
    problems.extend(_param_problems(data.get("params")))
    problems.extend(_composite_problems(data.get("composite")))
    problems.extend(_advice_problems(data.get("advice")))
    return problems


def load_thresholds(data: Mapping[str, Any] | None = None) -> Thresholds:
    """Build ``Thresholds`` from ``data`` (a parsed signals.json), or from the packaged signals.json if None.

    Raises ValueError listing every problem when the data does not validate.
    """
    data = _default_data() if data is None else data
    problems = validate_thresholds(data)
    if problems:
        raise ValueError("The signal thresholds are not valid: " + " ".join(problems))
    signals = {
        SignalId(sid): {
            name: MetricThreshold(spec["amber"], spec["red"], spec["worse"]) for name, spec in metrics.items()
        }
        for sid, metrics in data["signals"].items()
    }
    composite = data["composite"]
    rule = CompositeRule(
        core=tuple(SignalId(sid) for sid in composite["core"]),
        core_red_needed=composite["core_red_needed"],
        anchor=SignalId(composite["anchor"]),
        others_red_needed=composite["others_red_needed"],
    )
    params = {name: float(data["params"][name]) for name in _PARAM_RANGES}
    given = data.get("advice") or {}
    packaged = _default_data()["advice"]
    advice = {SignalId(sid): str(given.get(sid) or packaged[sid]).strip() for sid in _SIGNAL_IDS}
    return Thresholds(version=data["version"], signals=signals, params=params, composite=rule, advice=advice)

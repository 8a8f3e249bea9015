"""What the dashboard says about a stored portfolio version, in plain words: signal cards, the verdict's
reasons, and what changed since the previous version.

Pure: no Flask, no ORM. Input is the JSON stored on ``Upload`` (signals, analysis) plus the thresholds; output
is frozen dataclasses and sentences. Changes between versions reuse ``portfolio.analysis.trends``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from portfolio.analysis.assess import PortfolioResult
from portfolio.analysis.measure import Signal
from portfolio.analysis.thresholds import MetricThreshold, Thresholds
from portfolio.analysis.trends import compare_results
from portfolio.labels import LEVEL_LABELS, SIGNAL_LABELS, VERDICT_LABELS
from portfolio.principles import Level, SignalId, Verdict

#: S1..S13, the codes RUBRIC.md and the verdict's reasons use.
SIGNAL_CODES: dict[str, str] = {signal.value: f"S{number}" for number, signal in enumerate(SignalId, 1)}
_SIGNAL_ID = re.compile(r"\b(" + "|".join(sorted(SIGNAL_LABELS, key=len, reverse=True)) + r")\b")
_PERCENT = re.compile(r"_pct$")
#: What a headline value counts, for the metrics that are not percentages.
UNITS = {"projects_per_fte": "projects per FTE", "projects_per_team": "projects per team",
         "median_duration_months": "months", "overlap_groups": "groups", "lock_in_projects": "projects",
         "hhi": "(HHI, 0 to 1)"}


@dataclass(frozen=True)
class SignalCard:
    """One signal as a card: ``level`` is ok/amber/red/unknown and always shown with ``level_label`` words."""

    id: str
    code: str
    label: str
    level: str
    level_label: str
    value_text: str
    threshold_text: str
    sentence: str
    advice: str


@dataclass(frozen=True)
class StoredVersion:
    """The parts of a stored version that trends compare."""

    version: int
    verdict: str | None
    score: int | None
    signals: Sequence[Mapping[str, Any]]


def _headline_metric(stored: Mapping[str, Any], spec: Mapping[str, MetricThreshold]) -> str | None:
    """Which metric the stored headline value and thresholds belong to (JSONB does not keep key order)."""
    metrics = stored.get("metrics") or {}
    for name, threshold in spec.items():
        if (
            name in metrics
            and metrics[name] == stored.get("value")
            and (threshold.amber, threshold.red) == (stored.get("amber"), stored.get("red"))
        ):
            return name
    return next(iter(spec), None)


def _number(value: float, metric: str | None) -> str:
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text}%" if metric and _PERCENT.search(metric) else text


def threshold_text(amber: float | None, red: float | None, worse: str, metric: str | None) -> str:
    """"Amber above 20%, red above 40%" (either part left out when that level has no line)."""
    side = "above" if worse == "above" else "below"
    parts = [f"{name} {side} {_number(limit, metric)}" for name, limit in (("amber", amber), ("red", red))
             if limit is not None]
    if not parts:
        return "No fixed line: shown for information."
    return (", ".join(parts) + ".").capitalize()


def signal_card(stored: Mapping[str, Any], thresholds: Thresholds) -> SignalCard:
    """A card for one stored signal ({id, value, level, explanation, amber, red, metrics})."""
    signal_id = str(stored.get("id", ""))
    try:
        spec: Mapping[str, MetricThreshold] = thresholds.signals[SignalId(signal_id)]
        advice = thresholds.advice.get(SignalId(signal_id), "")
    except ValueError:
        spec, advice = {}, ""
    metric = _headline_metric(stored, spec)
    worse = spec[metric].worse if metric in spec else "above"
    level = str(stored.get("level") or Level.UNKNOWN.value)
    value = stored.get("value")
    known = level != Level.UNKNOWN.value and value is not None
    return SignalCard(
        id=signal_id,
        code=SIGNAL_CODES.get(signal_id, ""),
        label=SIGNAL_LABELS.get(signal_id, signal_id.replace("_", " ").capitalize()),
        level=level if level in LEVEL_LABELS else Level.UNKNOWN.value,
        level_label=LEVEL_LABELS.get(level, LEVEL_LABELS["unknown"]),
        value_text=" ".join(filter(None, (_number(value, metric), UNITS.get(metric or ""))))
        if known else "Not enough data",
        threshold_text=threshold_text(stored.get("amber"), stored.get("red"), worse, metric),
        sentence=str(stored.get("explanation") or ""),
        advice=advice if level in (Level.AMBER.value, Level.RED.value) else "",
    )


def signal_cards(signals: Sequence[Mapping[str, Any]], thresholds: Thresholds) -> tuple[SignalCard, ...]:
    return tuple(signal_card(stored, thresholds) for stored in signals)


def plain_reason(reason: str) -> str:
    """A stored reason with every signal id replaced by its name ("no_focus is red" -> "Focus is red")."""
    return _SIGNAL_ID.sub(lambda found: SIGNAL_LABELS[found.group(1)], reason)


def red_signals(signals: Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    """The names of the red signals, in rubric order."""
    return tuple(SIGNAL_LABELS.get(s.get("id", ""), str(s.get("id")))
                 for s in signals if s.get("level") == "red")


def _result(version: StoredVersion) -> PortfolioResult:
    """Just enough of a PortfolioResult for ``compare_results``: verdict, score and signal levels."""
    signals = []
    for stored in version.signals:
        try:
            signal_id, level = SignalId(stored.get("id")), Level(stored.get("level"))
        except ValueError:
            continue  # a signal this release does not know: nothing to compare it with
        explanation = str(stored.get("explanation", ""))
        signals.append(Signal(signal_id, stored.get("value"), None, level, explanation))
    return PortfolioResult(
        verdict=Verdict(version.verdict or Verdict.COHERENT.value), score=int(version.score or 0),
        signals=tuple(signals), reasons=(), provisional=False, next_steps=(), duplicate_groups=(),
        active_keys=(), links=(), unserved_objectives=(), thresholds_version=0,
    )


def changes_since(old: StoredVersion, new: StoredVersion) -> tuple[str, ...]:
    """One plain sentence per change from ``old`` to ``new``: verdict, score, each signal whose level
    moved."""
    change = compare_results(_result(old), _result(new))
    said = []
    if change.verdict_changed:
        said.append(f"The verdict changed from {VERDICT_LABELS[change.old_verdict]} to "
                    f"{VERDICT_LABELS[change.new_verdict]}.")
    if change.score_change:
        how = "rose" if change.score_change > 0 else "fell"
        said.append(f"The coherence score {how} from {old.score or 0} "
                    f"to {new.score or 0} ({change.score_change:+d}).")
    for moved in change.signals:
        how = {"worse": " (worse)", "better": " (better)"}.get(moved.direction, "")
        said.append(f"{SIGNAL_LABELS[moved.id]} moved from {LEVEL_LABELS[moved.old_level]} to "
                    f"{LEVEL_LABELS[moved.new_level]}{how}.")
    return tuple(said) or ("Nothing changed: the same verdict, score and signal levels.",)

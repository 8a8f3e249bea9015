"""A portfolio signal, the prepared view the signal functions read, and how measured values become levels.

Pure: no Flask, no ORM.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from portfolio.analysis.facts import ProjectFacts
from portfolio.analysis.objectives import ObjectiveLinks
from portfolio.analysis.overlap import OverlapGroup
from portfolio.analysis.thresholds import MetricThreshold, Thresholds
from portfolio.principles import FlagId, Level, SignalId
from portfolio.records import PortfolioContext

_RANK = {Level.UNKNOWN: -1, Level.OK: 0, Level.AMBER: 1, Level.RED: 2}


@dataclass(frozen=True)
class Signal:
    """One shopping-list signal: its headline value and threshold, its level and one plain sentence.

    ``level`` is unknown (and ``value`` None) when the register does not hold enough to judge. ``metrics``
    holds every value measured for the signal, headline first, so exports can show the numbers. ``advice``
    says what a board can do, and is set only when the level is amber or red.
    """

    id: SignalId
    value: float | None
    threshold: MetricThreshold | None
    level: Level
    explanation: str
    metrics: Mapping[str, float | None] = field(default_factory=dict)
    advice: str = ""  # what the board can do about it; only when amber or red


@dataclass(frozen=True)
class PortfolioView:
    """Everything the signal functions share, worked out once: active projects and their objective links."""

    projects: tuple[ProjectFacts, ...]
    active: tuple[ProjectFacts, ...]
    links: ObjectiveLinks  # aligned with ``active``
    overlaps: tuple[OverlapGroup, ...]
    context: PortfolioContext
    thresholds: Thresholds

    @property
    def enough(self) -> bool:
        """Whether there are enough active projects for shares to mean anything."""
        return len(self.active) >= self.thresholds.params["min_active_projects"]

    def flagged(self, flag: FlagId) -> list[ProjectFacts]:
        """The active projects that carry ``flag``."""
        return [facts for facts in self.active if flag in facts.flags]


def worst(levels: list[Level]) -> Level:
    """The most serious of ``levels`` (unknown only when there is nothing else)."""
    return max(levels, key=_RANK.__getitem__, default=Level.UNKNOWN)


def pct(part: int | float, whole: int | float) -> float:
    """``part`` as a percentage of ``whole``, rounded to one decimal place (0 when ``whole`` is 0)."""
    return round(100.0 * part / whole, 1) if whole else 0.0


def judged(
    view: PortfolioView, signal: SignalId, metrics: Mapping[str, float | None], explanation: str
) -> Signal:
    """A signal whose level is the worst level of its measured metrics; the first metric is the headline."""
    spec = view.thresholds.signals[signal]
    levels = [
        spec[name].level(value) for name, value in metrics.items() if value is not None and name in spec
    ]
    headline = next(iter(metrics))
    return Signal(
        id=signal,
        value=metrics[headline],
        threshold=spec.get(headline),
        level=worst(levels),
        explanation=explanation,
        metrics=dict(metrics),
    )


def unknown(view: PortfolioView, signal: SignalId, explanation: str) -> Signal:
    """A signal the data cannot support: no value, level unknown, and a sentence saying what is missing."""
    spec = view.thresholds.signals[signal]
    return Signal(
        id=signal,
        value=None,
        threshold=next(iter(spec.values()), None),
        level=Level.UNKNOWN,
        explanation=explanation,
    )


def too_few(view: PortfolioView, signal: SignalId) -> Signal:
    """The unknown signal for a portfolio with too few active projects to take shares of."""
    return unknown(view, signal, f"Only {len(view.active)} active project(s): too few to judge.")


def share_of_flag(view: PortfolioView, signal: SignalId, metric: str, flag: FlagId, what: str) -> Signal:
    """A signal that is the share of active projects carrying ``flag``; ``what`` describes them in words."""
    if not view.enough:
        return too_few(view, signal)
    hits = view.flagged(flag)
    value = pct(len(hits), len(view.active))
    examples = ", ".join(facts.key for facts in hits[:5])
    sentence = f"{len(hits)} of {len(view.active)} active projects ({value:g}%) are {what}"
    sentence += f", e.g. {examples}." if hits else "."
    return judged(view, signal, {metric: value}, sentence)

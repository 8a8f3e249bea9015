"""What changed between two assessments of a portfolio (last quarter's upload against this one's).

Pure: no Flask, no ORM.
"""

from __future__ import annotations

from dataclasses import dataclass

from portfolio.analysis.assess import PortfolioResult
from portfolio.principles import Level, SignalId, Verdict

_RANK = {Level.OK: 0, Level.AMBER: 1, Level.RED: 2}


@dataclass(frozen=True)
class SignalChange:
    """One signal whose level moved. ``direction`` is "worse", "better" or "unknown" (one side unjudged)."""

    id: SignalId
    old_level: Level
    new_level: Level
    old_value: float | None
    new_value: float | None
    direction: str


@dataclass(frozen=True)
class PortfolioChange:
    """The difference between two results, with one plain sentence per change in ``summary``."""

    old_verdict: Verdict
    new_verdict: Verdict
    score_change: int
    signals: tuple[SignalChange, ...]
    summary: tuple[str, ...]

    @property
    def verdict_changed(self) -> bool:
        return self.old_verdict != self.new_verdict


def _direction(old: Level, new: Level) -> str:
    if old not in _RANK or new not in _RANK:
        return "unknown"
    return "worse" if _RANK[new] > _RANK[old] else "better"


def compare_results(old: PortfolioResult, new: PortfolioResult) -> PortfolioChange:
    """What moved from ``old`` to ``new``: the verdict, the score and every signal whose level changed.

    Signals are matched by id; a signal missing on one side is treated as unknown there. Never raises.
    """
    old_signals = {signal.id: signal for signal in old.signals}
    changes = []
    for signal in new.signals:
        before = old_signals.get(signal.id)
        old_level = before.level if before else Level.UNKNOWN
        if old_level != signal.level:
            changes.append(
                SignalChange(
                    signal.id,
                    old_level,
                    signal.level,
                    before.value if before else None,
                    signal.value,
                    _direction(old_level, signal.level),
                )
            )
    summary = []
    if old.verdict != new.verdict:
        summary.append(f"The verdict changed from {old.verdict.value} to {new.verdict.value}.")
    if new.score != old.score:
        summary.append(
            f"The coherence score {'rose' if new.score > old.score else 'fell'} from {old.score} "
            f"to {new.score}."
        )
    for change in changes:
        summary.append(
            f"{change.id.value} moved from {change.old_level.value} to {change.new_level.value}"
            + (f" ({change.direction})." if change.direction != "unknown" else ".")
        )
    if not summary:
        summary.append("Nothing changed: same verdict, score and signal levels.")
    return PortfolioChange(old.verdict, new.verdict, new.score - old.score, tuple(changes), tuple(summary))

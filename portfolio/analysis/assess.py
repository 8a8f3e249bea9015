"""Judge a portfolio as a whole: coherent, or a shopping list, with the signals and reasons that say why.

Pure: no Flask, no ORM. ``assess_portfolio`` works out the shared view once (active projects, objective
links, overlaps), computes every signal S1-S13 of RUBRIC.md section (c), then applies the composite rule.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from portfolio.analysis import delivery, focus
from portfolio.analysis.facts import ProjectFacts, is_active
from portfolio.analysis.measure import PortfolioView, Signal
from portfolio.analysis.objectives import link_objectives
from portfolio.analysis.overlap import OverlapGroup, OverlapItem, find_overlaps
from portfolio.analysis.thresholds import Thresholds
from portfolio.principles import Level, SignalId, Verdict
from portfolio.records import PortfolioContext

#: One function per signal, in rubric order.
SIGNAL_FUNCTIONS: tuple[Callable[[PortfolioView], Signal], ...] = (
    focus.line_of_sight,
    focus.focus,
    focus.capacity,
    focus.priority_inflation,
    delivery.tech_centred_share,
    delivery.unmeasurable_share,
    delivery.owners,
    focus.duplication,
    focus.nothing_stops,
    delivery.supplier_concentration,
    delivery.late_value,
    delivery.hype_share,
    delivery.switch_off,
)
_CREDIT = {Level.OK: 1.0, Level.AMBER: 0.5, Level.RED: 0.0}


@dataclass(frozen=True)
class PortfolioResult:
    """The portfolio's verdict, a 0-100 coherence score, the signals in rubric order, the reasons that
    decided the verdict, what to do next (most pressing first), the duplicate groups and the objective links
    (``links`` aligned with ``active_keys``).
    """

    verdict: Verdict
    score: int
    signals: tuple[Signal, ...]
    reasons: tuple[str, ...]
    provisional: bool  # some core signals could not be judged: the verdict rests on part of the evidence
    next_steps: tuple[str, ...]
    duplicate_groups: tuple[OverlapGroup, ...]
    active_keys: tuple[str, ...]
    links: tuple[str | None, ...]
    unserved_objectives: tuple[str, ...]
    thresholds_version: int

    def signal(self, signal_id: SignalId) -> Signal:
        """The signal with id ``signal_id`` (KeyError if absent)."""
        for signal in self.signals:
            if signal.id == signal_id:
                return signal
        raise KeyError(signal_id)

    @property
    def unlinked_projects(self) -> tuple[str, ...]:
        """Active projects that serve none of the portfolio's objectives."""
        return tuple(key for key, link in zip(self.active_keys, self.links, strict=True) if link is None)


def _view(
    projects: Sequence[ProjectFacts], context: PortfolioContext, thresholds: Thresholds
) -> PortfolioView:
    active = tuple(facts for facts in projects if is_active(facts))
    cited = [facts.record.field_text("strategic_objective") for facts in active]
    links = link_objectives(cited, context.objectives, thresholds.params["objective_match_min_score"])
    items = [
        OverlapItem(
            key=facts.key,
            title=facts.record.title,
            description=facts.record.field_text("description"),
            objective=link if context.objectives else (cited[index].strip().lower() or None),
            organisation=facts.organisation,
        )
        for index, (facts, link) in enumerate(zip(active, links.links, strict=True))
    ]
    overlaps = tuple(find_overlaps(items, thresholds.params["overlap_cosine"]))
    return PortfolioView(tuple(projects), active, links, overlaps, context, thresholds)


def coherence_score(signals: Sequence[Signal], thresholds: Thresholds) -> int:
    """0-100: the weighted share of judged signals that are fine (amber counts half, red nothing).

    The core signals of the composite weigh double, as they decide the verdict. Unknown signals are left out;
    with none judged the score is 50 (no evidence either way).
    """
    weights = [
        (2.0 if signal.id in thresholds.composite.core else 1.0, _CREDIT[signal.level])
        for signal in signals
        if signal.level != Level.UNKNOWN
    ]
    total = sum(weight for weight, _ in weights)
    return round(100 * sum(weight * credit for weight, credit in weights) / total) if total else 50


def _headline(red: Sequence[Signal], thresholds: Thresholds) -> tuple[Verdict, str]:
    rule = thresholds.composite
    core_red = sum(1 for signal in red if signal.id in rule.core)
    anchor_red = any(signal.id == rule.anchor for signal in red)
    others_red = sum(1 for signal in red if signal.id != rule.anchor)
    core = f"{core_red} of the {len(rule.core)} core signals (S1-S6) are red"
    if core_red >= rule.core_red_needed:
        return Verdict.SHOPPING_LIST, f"Shopping list: {core} ({rule.core_red_needed} or more make one)."
    if anchor_red and others_red >= rule.others_red_needed:
        return Verdict.SHOPPING_LIST, (
            f"Shopping list: {rule.anchor.value} is red, with {others_red} other red signal(s)."
        )
    if anchor_red:
        return (
            Verdict.COHERENT,
            f"Coherent: {core}; {rule.anchor.value} is red, but only {others_red} other is.",
        )
    return Verdict.COHERENT, f"Coherent: {core}, fewer than {rule.core_red_needed}, and line of sight holds."


def _judged_core(signals: Sequence[Signal], thresholds: Thresholds) -> int:
    core = thresholds.composite.core
    return sum(1 for signal in signals if signal.id in core and signal.level != Level.UNKNOWN)


def decide_verdict(signals: Sequence[Signal], thresholds: Thresholds) -> tuple[Verdict, tuple[str, ...]]:
    """The composite rule of RUBRIC.md (c): a shopping list when enough core signals are red, or the anchor
    signal (line of sight) is red together with enough others.

    Returns the verdict and its reasons: the rule that decided, a "Provisional" warning when core signals
    could not be judged, then each red signal's sentence.
    """
    rule = thresholds.composite
    red = [signal for signal in signals if signal.level == Level.RED]
    verdict, headline = _headline(red, thresholds)
    reasons = [headline, *(f"{signal.id.value} is red: {signal.explanation}" for signal in red)]
    judged_core = _judged_core(signals, thresholds)
    if judged_core < len(rule.core):
        # Unknown core signals can never be red, so the verdict leans to coherent: say so up front.
        reasons.insert(
            1,
            f"Provisional: only {judged_core} of the {len(rule.core)} core signals could be judged from this "
            "data; add the missing objectives, capacity or priorities to firm it up.",
        )
    return verdict, tuple(reasons)


def _advised(signal: Signal, thresholds: Thresholds) -> Signal:
    if signal.level not in (Level.AMBER, Level.RED):
        return signal
    return dataclasses.replace(signal, advice=thresholds.advice.get(signal.id, ""))


def next_steps(signals: Sequence[Signal], thresholds: Thresholds) -> tuple[str, ...]:
    """What to do, most pressing first: red before amber, core signals before the others."""
    order = {Level.RED: 0, Level.AMBER: 1}
    pressing = sorted(
        (signal for signal in signals if signal.level in order and signal.advice),
        key=lambda signal: (order[signal.level], signal.id not in thresholds.composite.core),
    )
    return tuple(signal.advice for signal in pressing)


def assess_portfolio(
    projects: Sequence[ProjectFacts], context: PortfolioContext, thresholds: Thresholds
) -> PortfolioResult:
    """Judge a portfolio: every signal S1-S13 the data allows, a 0-100 coherence score and the verdict.

    ``projects`` is the whole register (closed, stopped, completed and paused projects included: they count
    for S9 and are left out of the rest); ``context`` gives the objectives and in-house capacity. Signals the
    data cannot support have level unknown. Never raises on sparse or empty data.
    """
    view = _view(projects, context, thresholds)
    signals = tuple(_advised(function(view), thresholds) for function in SIGNAL_FUNCTIONS)
    verdict, reasons = decide_verdict(signals, thresholds)
    return PortfolioResult(
        verdict=verdict,
        score=coherence_score(signals, thresholds),
        signals=signals,
        reasons=reasons,
        provisional=_judged_core(signals, thresholds) < len(thresholds.composite.core),
        next_steps=next_steps(signals, thresholds),
        duplicate_groups=view.overlaps,
        active_keys=tuple(facts.key for facts in view.active),
        links=view.links.links,
        unserved_objectives=view.links.unserved,
        thresholds_version=thresholds.version,
    )

"""Signals about the work itself: technology-centred (S5), unmeasurable (S6), owners (S7), supplier
concentration (S10), late value (S11), hype (S12) and switch-off (S13). RUBRIC.md section (c).

Pure: no Flask, no ORM. Per-project judgements come from the tagger's flags and principle statuses in
``ProjectFacts``; this module only counts them and reads a few plain fields.
"""

from __future__ import annotations

import re
from collections import defaultdict
from statistics import median

from portfolio.analysis.facts import ProjectFacts, all_text
from portfolio.analysis.measure import PortfolioView, Signal, judged, pct, share_of_flag, too_few, unknown
from portfolio.principles import FlagId, Principle, SignalId, Status

# RUBRIC F5's clinical test: used to find the clinical projects that S7 expects to have a clinical lead.
_CLINICAL = re.compile(
    r"\b(patient\w*|clinic\w*|ward|prescrib\w*|epr|ehr|diagnos\w*|theatre\w*|nurs\w*|"
    r"medic\w*|radiolog\w*|patholog\w*|pacs|e-?obs)\b"
)
_SWITCH_OFF = re.compile(
    r"\b(decommission\w*|switch(ed|ing)?[- ]off|turn(ed|ing)?[- ]off|retir(e|ed|es|ing)|"
    r"consolidat\w*|sunset\w*|shut(ting)? down|rationalis\w*|one platform|single platform)\b"
)
# Plain substring tests are far cheaper than the pattern on long texts; the pattern runs only on a hit.
_SWITCH_OFF_HINTS = (
    "decommission",
    "switch",
    "turn",
    "retir",
    "consolidat",
    "sunset",
    "shut",
    "rationalis",
    "platform",
)
# Supplier cells say more than the name: "Stratanet (direct award, 7yr)" and "Allcare Systems - variation".
_SUPPLIER_DETAIL = re.compile(r"\s+(?:-|\u2013|via|on|under)\s+|[(;,/+]")
_NOT_A_SUPPLIER = re.compile(r"^(tbc|tbd|n/?a|none|various|in[- ]house|internal|existing|unknown|-)?$")


def tech_centred_share(view: PortfolioView) -> Signal:
    """S5: share of active projects flagged technology-centred (F1)."""
    return share_of_flag(
        view,
        SignalId.TECH_CENTRED_SHARE,
        "tech_centred_pct",
        FlagId.TECH_CENTRED,
        "framed around a technology with no user problem",
    )


def unmeasurable_share(view: PortfolioView) -> Signal:
    """S6: share of active projects with no measurable goal (F2)."""
    return share_of_flag(
        view,
        SignalId.UNMEASURABLE_SHARE,
        "unmeasurable_pct",
        FlagId.NO_MEASURABLE_GOAL,
        "without a measurable goal",
    )


def hype_share(view: PortfolioView) -> Signal:
    """S12: share of active projects that are vague or rest on hype (F11)."""
    return share_of_flag(view, SignalId.HYPE_SHARE, "hype_pct", FlagId.VAGUE_OR_HYPE, "vague or hype-led")


def _is_clinical(facts: ProjectFacts) -> bool:
    if facts.flags & {FlagId.NO_CLINICAL_LEAD, FlagId.CLINICAL_SAFETY_MISSING}:
        return True
    record = facts.record
    return bool(_CLINICAL.search(f"{record.title} {record.field_text('description')}".lower()))


def owners(view: PortfolioView) -> Signal:
    """S7: share of active projects with no accountable owner (F6), and of clinical ones with no lead (F5)."""
    sid = SignalId.NO_OWNERS
    if not view.enough:
        return too_few(view, sid)
    no_owner = view.flagged(FlagId.NO_OWNER)
    clinical = [facts for facts in view.active if _is_clinical(facts)]
    no_lead = [facts for facts in clinical if FlagId.NO_CLINICAL_LEAD in facts.flags]
    owner_pct = pct(len(no_owner), len(view.active))
    lead_pct = pct(len(no_lead), len(clinical)) if clinical else None
    sentence = (
        f"{len(no_owner)} of {len(view.active)} active projects ({owner_pct:g}%) have no accountable owner"
    )
    if clinical:
        sentence += (
            f"; {len(no_lead)} of {len(clinical)} clinical projects ({lead_pct:g}%) have no clinical lead"
        )
    return judged(
        view, sid, {"no_owner_pct": owner_pct, "clinical_without_lead_pct": lead_pct}, sentence + "."
    )


def _supplier(facts: ProjectFacts) -> str | None:
    text = facts.record.field_text("supplier").strip().lower()
    name = " ".join(_SUPPLIER_DETAIL.split(text, maxsplit=1)[0].split())
    return None if _NOT_A_SUPPLIER.match(text) or _NOT_A_SUPPLIER.match(name) else name


def supplier_concentration(view: PortfolioView) -> Signal:
    """S10: the top supplier's share of the active portfolio's budget; the count of lock-in risks (F8)."""
    sid = SignalId.SUPPLIER_CONCENTRATION
    budgeted = [facts for facts in view.active if facts.record.budget]
    total = sum(facts.record.budget or 0.0 for facts in budgeted)
    lock_in = len(view.flagged(FlagId.LOCK_IN_RISK))
    if len(budgeted) < max(view.thresholds.params["min_active_projects"], len(view.active) / 2) or total <= 0:
        return unknown(
            view, sid, f"Only {len(budgeted)} of {len(view.active)} active projects have a budget."
        )
    by_supplier: dict[str, float] = defaultdict(float)
    for facts in budgeted:
        name = _supplier(facts)
        if name:
            by_supplier[name] += facts.record.budget or 0.0
    top, amount = max(by_supplier.items(), key=lambda item: item[1], default=("", 0.0))
    share = pct(amount, total)
    sentence = (
        f"The largest supplier ({top}) holds {share:g}% of the budgeted active work"
        if top
        else "No supplier is named against the budgeted active work"
    )
    sentence += f"; {lock_in} project(s) carry a lock-in risk."
    return judged(view, sid, {"top_supplier_budget_pct": share, "lock_in_projects": float(lock_in)}, sentence)


def _is_late(facts: ProjectFacts) -> bool:
    """No user-facing release early on: big bang (F4), or the tagger found no incremental delivery at all."""
    return (
        FlagId.BIG_BANG in facts.flags
        or facts.statuses.get(Principle.DELIVER_INCREMENTALLY) == Status.MISSING
    )


def late_value(view: PortfolioView) -> Signal:
    """S11: share of the budget in projects with no early release, and the median planned duration."""
    sid = SignalId.LATE_VALUE
    budgeted = [facts for facts in view.active if facts.record.budget]
    total = sum(facts.record.budget or 0.0 for facts in budgeted)
    late = sum(facts.record.budget or 0.0 for facts in budgeted if _is_late(facts))
    months = [
        (f.record.end_date - f.record.start_date).days / 30.44
        for f in view.active
        if f.record.start_date and f.record.end_date and f.record.end_date >= f.record.start_date
    ]
    late_pct = (
        pct(late, total)
        if total > 0 and len(budgeted) >= view.thresholds.params["min_active_projects"]
        else None
    )
    median_months = (
        round(median(months), 1) if len(months) >= view.thresholds.params["min_active_projects"] else None
    )
    if late_pct is None and median_months is None:
        return unknown(view, sid, "Too few budgets and dates to judge when the portfolio delivers value.")
    parts = []
    if late_pct is not None:
        parts.append(f"{late_pct:g}% of the budgeted active work has no early release planned")
    if median_months is not None:
        parts.append(f"the median planned duration is {median_months:g} months")
    return judged(
        view,
        sid,
        {"late_budget_pct": late_pct, "median_duration_months": median_months},
        "; ".join(parts).capitalize() + ".",
    )


def _switches_off(text: str) -> bool:
    return any(hint in text for hint in _SWITCH_OFF_HINTS) and bool(_SWITCH_OFF.search(text))


def switch_off(view: PortfolioView) -> Signal:
    """S13: share of active projects that decommission, retire or consolidate something."""
    sid = SignalId.NO_SWITCH_OFF
    if not view.enough:
        return too_few(view, sid)
    hits = [facts for facts in view.active if _switches_off(all_text(facts))]
    value = pct(len(hits), len(view.active))
    sentence = f"{len(hits)} of {len(view.active)} active projects ({value:g}%) switch anything off"
    sentence += f" ({', '.join(facts.key for facts in hits[:5])})." if hits else ": systems only accumulate."
    return judged(view, sid, {"switch_off_pct": value}, sentence)

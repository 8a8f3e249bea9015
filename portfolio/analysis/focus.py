"""Signals about choosing the work: line of sight (S1), focus (S2), capacity (S3), priority inflation (S4),
duplication (S8) and whether anything ever stops (S9). RUBRIC.md section (c).

Pure: no Flask, no ORM. Each function takes the prepared ``PortfolioView`` and returns one ``Signal``.
"""

from __future__ import annotations

from collections import Counter

from portfolio.analysis.facts import is_blank, priority_of, was_stopped
from portfolio.analysis.measure import PortfolioView, Signal, judged, pct, too_few, unknown
from portfolio.principles import SignalId


def _quoted(texts: list[str], limit: int = 3) -> str:
    return ", ".join(f"'{text}'" for text in texts[:limit])


def line_of_sight(view: PortfolioView) -> Signal:
    """S1: share of active projects citing no objective, or one that is not in the portfolio's list."""
    sid = SignalId.NO_LINE_OF_SIGHT
    if not view.enough:
        return too_few(view, sid)
    cited = [facts.record.field_text("strategic_objective").strip() for facts in view.active]
    if all(is_blank(text) for text in cited):
        # The importer drops blank cells, so an absent column and an empty one look alike: do not guess red.
        return unknown(view, sid, "No project cites an objective: map the objective column to judge this.")
    if not view.context.objectives:
        blank = sum(1 for text in cited if is_blank(text))
        value = pct(blank, len(cited))
        return judged(
            view,
            sid,
            {"unlinked_pct": value},
            f"{blank} of {len(cited)} active projects ({value:g}%) cite no objective. No objective "
            "list was given, so citations were not checked against the strategy.",
        )
    unlinked = view.links.unlinked
    value = pct(len(unlinked), len(view.active))
    stray = [text for text, _ in Counter(cited[i] for i in unlinked if not is_blank(cited[i])).most_common()]
    blanks = sum(1 for i in unlinked if is_blank(cited[i]))
    sentence = (
        f"{len(unlinked)} of {len(view.active)} active projects ({value:g}%) have no link to the strategy"
    )
    details = [f"{blanks} cite nothing"] if blanks else []
    if stray:
        details.append(f"others cite {_quoted(stray)}, not in the objectives")
    sentence += f" ({'; '.join(details)})." if details else "."
    return judged(view, sid, {"unlinked_pct": value}, sentence)


def focus(view: PortfolioView) -> Signal:
    """S2: share of objectives served by exactly one project, and HHI of projects over objectives."""
    sid = SignalId.NO_FOCUS
    objectives = view.context.objectives
    counts = Counter(link for link in view.links.links if link is not None)
    linked = sum(counts.values())
    if len(objectives) < 2 or linked < view.thresholds.params["min_active_projects"]:
        return unknown(view, sid, "Focus needs an objective list of two or more and projects linked to it.")
    single = [objective for objective in objectives if counts[objective] == 1]
    single_pct = pct(len(single), len(objectives))
    hhi = round(sum((count / linked) ** 2 for count in counts.values()), 3)
    sentence = (
        f"{len(single)} of {len(objectives)} objectives ({single_pct:g}%) rest on a single project; "
        f"concentration (HHI) of linked projects over objectives is {hhi:g}."
    )
    if view.links.unserved:
        sentence += f" No active project serves {_quoted(list(view.links.unserved))}."
    return judged(view, sid, {"single_project_objectives_pct": single_pct, "hhi": hhi}, sentence)


def capacity(view: PortfolioView) -> Signal:
    """S3: active projects per in-house delivery team, or per in-house FTE; unknown without either."""
    sid = SignalId.OVER_CAPACITY
    teams, fte = view.context.in_house_teams, view.context.in_house_fte
    active = len(view.active)
    metrics: dict[str, float | None] = {}
    parts = []
    if teams:
        metrics["projects_per_team"] = round(active / teams, 2)
        plural = "s" if teams != 1 else ""
        parts.append(f"{metrics['projects_per_team']:g} per in-house delivery team ({teams} team{plural})")
    if fte:
        metrics["projects_per_fte"] = round(active / fte, 2)
        parts.append(f"{metrics['projects_per_fte']:g} per in-house delivery FTE ({fte:g} FTE)")
    if not metrics:
        return unknown(
            view, sid, "In-house delivery capacity (FTE or teams) is not known: enter it to judge."
        )
    return judged(view, sid, metrics, f"{active} active projects: " + " and ".join(parts) + ".")


def priority_inflation(view: PortfolioView) -> Signal:
    """S4: share of active projects marked critical or high, and whether any is low."""
    sid = SignalId.PRIORITY_INFLATION
    levels = [priority_of(facts) for facts in view.active]
    known = [level for level in levels if level]
    if len(known) < max(view.thresholds.params["min_active_projects"], len(view.active) / 2):
        return unknown(view, sid, f"Only {len(known)} of {len(view.active)} active projects have a priority.")
    counts = Counter(known)
    top = counts["critical"] + counts["high"]
    top_pct, low_pct = pct(top, len(known)), pct(counts["low"], len(known))
    sentence = f"{top} of {len(known)} prioritised active projects ({top_pct:g}%) are critical or high"
    sentence += f"; {counts['low']} are low." if counts["low"] else "; none is low."
    return judged(view, sid, {"top_priority_pct": top_pct, "low_priority_pct": low_pct}, sentence)


def duplication(view: PortfolioView) -> Signal:
    """S8: groups of active projects that look like the same or overlapping work."""
    sid = SignalId.DUPLICATION
    if len(view.active) < 2:
        return too_few(view, sid)
    in_groups = sum(len(group.members) for group in view.overlaps)
    share = pct(in_groups, len(view.active))
    if not view.overlaps:
        sentence = "No two active projects look like the same work."
    else:
        shown = "; ".join("/".join(group.members) for group in view.overlaps[:5])
        sentence = (
            f"{len(view.overlaps)} group(s) of active projects look like the same or overlapping work "
            f"({in_groups} projects, {share:g}%): {shown}. Review them for merging."
        )
    return judged(
        view, sid, {"overlap_groups": float(len(view.overlaps)), "projects_in_overlap_pct": share}, sentence
    )


def nothing_stops(view: PortfolioView) -> Signal:
    """S9: share of the register stopped, paused or closed early; a long list where nothing stops is red."""
    sid = SignalId.NOTHING_STOPS
    total = len(view.projects)
    if total < view.thresholds.params["nothing_stops_min_projects"]:
        return unknown(view, sid, f"Only {total} projects in the register: too few to expect any to stop.")
    stopped = [facts for facts in view.projects if was_stopped(facts)]
    value = pct(len(stopped), total)
    if stopped:
        sentence = (
            f"{len(stopped)} of {total} projects ({value:g}%) were stopped, paused or closed early: "
            + ", ".join(facts.key for facts in stopped[:5])
            + "."
        )
    else:
        sentence = (
            f"None of the {total} projects has been stopped, paused or descoped: work only accumulates."
        )
    return judged(view, sid, {"stopped_pct": value}, sentence)

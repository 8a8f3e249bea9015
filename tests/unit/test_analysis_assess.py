"""assess_portfolio: verdicts on the labelled portfolios and on unseen ones built in code, the composite rule,
robustness to noisy flags, unknown signals on thin data, and speed."""

from __future__ import annotations

import dataclasses
import random
import time

import pytest

from portfolio.analysis import ProjectFacts, assess_portfolio, load_thresholds
from portfolio.analysis.assess import coherence_score, decide_verdict
from portfolio.analysis.measure import Signal
from portfolio.principles import FlagId, Level, SignalId, Verdict
from portfolio.records import PortfolioContext
from tests.unit.conftest_analysis import LABELLED, load_labelled, make_facts

THRESHOLDS = load_thresholds()
LABELLED_NAMES = [
    "hollinbrook_valley_nhsft_portfolio",
    "wyvern_coast_digital_tracker_2025-26",
    "kestermoor_teaching_digital_register",
    "brackenfield_doveham_imt_projects",
]


def _labelled(name: str):
    return load_labelled(LABELLED / f"{name}.labels.json")


@pytest.mark.parametrize("name", LABELLED_NAMES)
def test_assess_portfolio_labelled_portfolio_matches_label(name: str) -> None:
    portfolio = _labelled(name)
    result = assess_portfolio(portfolio.projects, portfolio.context, THRESHOLDS)
    assert result.verdict == Verdict(portfolio.verdict), result.reasons
    assert 0 <= result.score <= 100
    assert [signal.id for signal in result.signals] == list(SignalId)


@pytest.mark.parametrize(
    ("name", "context_change"),
    [(name, change) for name in LABELLED_NAMES for change in ("no_fte", "no_objectives_no_fte")],
)
def test_assess_portfolio_labelled_with_less_context_keeps_verdict(name: str, context_change: str) -> None:
    portfolio = _labelled(name)
    context = (
        dataclasses.replace(portfolio.context, in_house_fte=None)
        if context_change == "no_fte"
        else PortfolioContext()
    )
    result = assess_portfolio(portfolio.projects, context, THRESHOLDS)
    assert result.verdict == Verdict(portfolio.verdict), result.reasons


def _noisy(projects: tuple[ProjectFacts, ...], share: float, rnd: random.Random) -> list[ProjectFacts]:
    """Drop ``share`` of the flags at random and add as many flags where there were none."""
    present = [(index, flag) for index, facts in enumerate(projects) for flag in sorted(facts.flags)]
    absent = [
        (index, flag) for index, facts in enumerate(projects) for flag in FlagId if flag not in facts.flags
    ]
    count = round(share * len(present))
    drop, add = set(rnd.sample(present, count)), set(rnd.sample(absent, count))
    return [
        dataclasses.replace(
            facts,
            flags=frozenset(
                {flag for flag in facts.flags if (index, flag) not in drop}
                | {flag for flag in FlagId if (index, flag) in add}
            ),
        )
        for index, facts in enumerate(projects)
    ]


@pytest.mark.parametrize("name", LABELLED_NAMES)
def test_assess_portfolio_ten_percent_flag_noise_keeps_verdict(name: str) -> None:
    portfolio = _labelled(name)
    rnd = random.Random(20261122)  # noqa: S311 - fixed-seed test noise, not security
    trials = 60
    held = sum(
        assess_portfolio(_noisy(portfolio.projects, 0.10, rnd), portfolio.context, THRESHOLDS).verdict
        == Verdict(portfolio.verdict)
        for _ in range(trials)
    )
    assert held / trials >= 0.95


# --- Unseen-style portfolios, built in code ---

OBJECTIVES = ("O1 Faster cancer diagnosis", "O2 Fewer falls and pressure ulcers", "O3 Give staff time back")


def _coherent_portfolio() -> list[ProjectFacts]:
    rows = [
        ("C-1", "Two-week-wait referral tracker", "O1 Cancer", "High", ()),
        ("C-2", "Radiology reporting worklist by urgency", "O1 Faster diagnosis", "Medium", ()),
        ("C-3", "Lung pathway straight-to-test booking", "O1", "Low", ("no_measurable_goal",)),
        ("C-4", "Falls risk prompt in nursing assessment", "O2 Falls", "High", ()),
        ("C-5", "Pressure ulcer photo capture on wards", "O2 Fewer falls and pressure ulcers", "Medium", ()),
        ("C-6", "Bed sensor trial on two wards", "O2", "Low", ("tech_centred",)),
        ("C-7", "Nurse handover in the e-obs app", "O3 Staff time", "High", ()),
        ("C-8", "Single sign-on for shared ward PCs", "O3 Give staff time back", "Medium", ()),
        ("C-9", "Annual leave self-service", "O3", "Low", ()),
        ("C-10", "Retire the old theatre list spreadsheet", "O1", "Medium", ()),
    ]
    projects = [
        make_facts(
            ref,
            title,
            flags,
            strategic_objective=objective,
            priority=priority,
            stage="Delivery",
            description=f"{title} for the teams who asked for it",
        )
        for ref, title, objective, priority, flags in rows
    ]
    projects.append(
        make_facts(
            "C-11",
            "Kiosk check-in",
            stage="Stopped after discovery",
            strategic_objective="O1",
            priority="Low",
        )
    )
    return projects


def _shopping_list() -> list[ProjectFacts]:
    systems = [
        "Server refresh",
        "Windows upgrade",
        "Firewall replacement",
        "Laptop refresh",
        "AI chatbot",
        "Blockchain passport",
        "Data lake",
        "Cloud migration",
        "Telephony upgrade",
        "Intranet replacement",
        "Robotic process automation",
        "Printer managed service",
        "Storage expansion",
        "Email migration",
    ]
    return [
        make_facts(
            f"S-{number}",
            title,
            ("tech_centred", "no_measurable_goal", "vague_or_hype"),
            strategic_objective=("IT" if number % 3 else ""),
            priority=("Critical" if number % 2 else "High"),
            stage="In progress",
            description=f"{title}.",
        )
        for number, title in enumerate(systems, start=1)
    ] + [make_facts("S-15", "Sepsis alert in e-obs", strategic_objective="O2", priority="High", stage="Live")]


@pytest.mark.parametrize(
    ("build", "fte", "expected"),
    [
        (_coherent_portfolio, 12.0, Verdict.COHERENT),
        (_shopping_list, 4.0, Verdict.SHOPPING_LIST),
        (_shopping_list, None, Verdict.SHOPPING_LIST),
    ],
)
def test_assess_portfolio_unseen_portfolio_gets_expected_verdict(build, fte, expected) -> None:
    context = PortfolioContext(objectives=OBJECTIVES, in_house_fte=fte)
    result = assess_portfolio(build(), context, THRESHOLDS)
    assert result.verdict == expected, result.reasons


def test_assess_portfolio_unseen_coherent_links_every_project_and_counts_the_stop() -> None:
    result = assess_portfolio(
        _coherent_portfolio(), PortfolioContext(objectives=OBJECTIVES, in_house_fte=12), THRESHOLDS
    )
    assert "C-11" not in result.active_keys
    assert result.unlinked_projects == ()
    assert result.signal(SignalId.NO_LINE_OF_SIGHT).value == 0
    assert result.signal(SignalId.NO_SWITCH_OFF).value == 10.0  # C-10 retires a spreadsheet


# --- The composite rule ---


def _signals(red: set[SignalId]) -> list[Signal]:
    return [Signal(sid, 1.0, None, Level.RED if sid in red else Level.OK, "") for sid in SignalId]


S = SignalId


@pytest.mark.parametrize(
    ("red", "expected"),
    [
        (set(), Verdict.COHERENT),
        ({S.NO_FOCUS, S.OVER_CAPACITY}, Verdict.COHERENT),
        ({S.NO_FOCUS, S.OVER_CAPACITY, S.PRIORITY_INFLATION}, Verdict.SHOPPING_LIST),
        ({S.NO_LINE_OF_SIGHT, S.DUPLICATION}, Verdict.COHERENT),
        ({S.NO_LINE_OF_SIGHT, S.DUPLICATION, S.NOTHING_STOPS}, Verdict.SHOPPING_LIST),
        ({S.NO_OWNERS, S.DUPLICATION, S.NOTHING_STOPS, S.HYPE_SHARE}, Verdict.COHERENT),
    ],
)
def test_decide_verdict_composite_rule_table(red: set[SignalId], expected: Verdict) -> None:
    verdict, reasons = decide_verdict(_signals(red), THRESHOLDS)
    assert verdict == expected
    assert reasons[0].startswith("Shopping list" if expected == Verdict.SHOPPING_LIST else "Coherent")


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ({}, 100),
        ({sid: Level.RED for sid in SignalId}, 0),
        ({sid: Level.UNKNOWN for sid in SignalId}, 50),
        ({sid: Level.AMBER for sid in SignalId}, 50),
    ],
)
def test_coherence_score_levels_table_expected_score(levels: dict[SignalId, Level], expected: int) -> None:
    signals = [Signal(sid, None, None, levels.get(sid, Level.OK), "") for sid in SignalId]
    assert coherence_score(signals, THRESHOLDS) == expected


# --- Thin data ---


@pytest.mark.parametrize(
    ("projects", "context", "signal", "expected"),
    [
        ("empty", PortfolioContext(), S.NO_LINE_OF_SIGHT, Level.UNKNOWN),
        ("shopping", PortfolioContext(objectives=OBJECTIVES), S.OVER_CAPACITY, Level.UNKNOWN),
        ("shopping", PortfolioContext(objectives=OBJECTIVES, in_house_teams=1), S.OVER_CAPACITY, Level.RED),
        ("shopping", PortfolioContext(), S.NO_FOCUS, Level.UNKNOWN),
        ("shopping", PortfolioContext(), S.SUPPLIER_CONCENTRATION, Level.UNKNOWN),
        ("coherent", PortfolioContext(), S.PRIORITY_INFLATION, Level.OK),
        ("unprioritised", PortfolioContext(), S.PRIORITY_INFLATION, Level.UNKNOWN),
        ("unprioritised", PortfolioContext(objectives=OBJECTIVES), S.NO_LINE_OF_SIGHT, Level.UNKNOWN),
        ("coherent", PortfolioContext(), S.NO_LINE_OF_SIGHT, Level.OK),
    ],
)
def test_assess_portfolio_thin_data_gives_expected_level(projects, context, signal, expected) -> None:
    unprioritised = [make_facts(f"U-{n}", f"Project {n}", stage="Delivery") for n in range(6)]
    facts = {
        "empty": [],
        "shopping": _shopping_list(),
        "coherent": _coherent_portfolio(),
        "unprioritised": unprioritised,
    }[projects]
    result = assess_portfolio(facts, context, THRESHOLDS)
    assert result.signal(signal).level == expected
    if expected == Level.UNKNOWN:
        assert result.signal(signal).value is None and result.signal(signal).explanation


# --- Speed ---


def test_assess_portfolio_five_thousand_projects_under_a_second() -> None:
    base = [facts for name in LABELLED_NAMES for facts in _labelled(name).projects]
    rnd = random.Random(5)  # noqa: S311 - fixed-seed test noise, not security
    projects = []
    for number in range(5000):
        facts = rnd.choice(base)
        title = f"{facts.record.title} {number}"
        record = dataclasses.replace(
            facts.record, title=title, ref=f"N-{number}", text={**facts.record.text, "title": title}
        )
        projects.append(dataclasses.replace(facts, record=record, organisation=f"trust-{number % 40}"))
    context = PortfolioContext(objectives=OBJECTIVES, in_house_fte=400)
    timings = []
    for _ in range(3):
        start = time.process_time()
        result = assess_portfolio(projects, context, THRESHOLDS)
        timings.append(time.process_time() - start)
    assert min(timings) < 1.0, timings
    assert len(result.signals) == len(SignalId)


# --- What to do about it ---


def test_assess_portfolio_shopping_list_advice_is_most_pressing_first() -> None:
    result = assess_portfolio(
        _shopping_list(), PortfolioContext(objectives=OBJECTIVES, in_house_fte=4), THRESHOLDS
    )
    for signal in result.signals:
        assert bool(signal.advice) == (signal.level in (Level.AMBER, Level.RED)), signal.id
    line_of_sight = result.signal(S.NO_LINE_OF_SIGHT)
    assert line_of_sight.level == Level.RED
    assert result.next_steps[0] == line_of_sight.advice == THRESHOLDS.advice[S.NO_LINE_OF_SIGHT]
    red_count = sum(1 for signal in result.signals if signal.level == Level.RED)
    assert all(
        step in {s.advice for s in result.signals if s.level == Level.RED}
        for step in result.next_steps[:red_count]
    )


def test_assess_portfolio_coherent_has_few_next_steps() -> None:
    result = assess_portfolio(
        _coherent_portfolio(), PortfolioContext(objectives=OBJECTIVES, in_house_fte=12), THRESHOLDS
    )
    assert all(signal.level != Level.RED for signal in result.signals)
    assert len(result.next_steps) == sum(1 for signal in result.signals if signal.level == Level.AMBER)


@pytest.mark.parametrize(
    ("build", "fte", "provisional"),
    [(_coherent_portfolio, 12.0, False), (_coherent_portfolio, None, True), (_shopping_list, 4.0, True)],
)
def test_assess_portfolio_unknown_core_signal_makes_verdict_provisional(
    build, fte, provisional: bool
) -> None:
    # The shopping list links one project only: focus (S2) cannot be judged, whatever the capacity.
    result = assess_portfolio(build(), PortfolioContext(objectives=OBJECTIVES, in_house_fte=fte), THRESHOLDS)
    assert result.provisional is provisional
    assert [reason.startswith("Provisional:") for reason in result.reasons[1:2]] == (
        [True] if provisional else []
    )


def test_assess_portfolio_adding_shopping_list_items_lowers_score_until_verdict_flips() -> None:
    context = PortfolioContext(objectives=OBJECTIVES, in_house_fte=12)
    base, extra = _coherent_portfolio(), _shopping_list()[:14]
    scores, verdicts = [], []
    for count in range(0, len(extra) + 1, 2):
        result = assess_portfolio(base + extra[:count], context, THRESHOLDS)
        scores.append(result.score)
        verdicts.append(result.verdict)
    assert scores == sorted(scores, reverse=True), scores
    assert verdicts[0] == Verdict.COHERENT and verdicts[-1] == Verdict.SHOPPING_LIST
    flip = verdicts.index(Verdict.SHOPPING_LIST)
    assert all(verdict == Verdict.SHOPPING_LIST for verdict in verdicts[flip:])

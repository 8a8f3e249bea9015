"""compare_results and portfolio_to_json: what changed between two results, and the contract's shape."""

from __future__ import annotations

import dataclasses
import json

import pytest

from portfolio.analysis import assess_portfolio, compare_results, load_thresholds, portfolio_to_json
from portfolio.analysis.assess import PortfolioResult
from portfolio.principles import Level, SignalId, Verdict
from portfolio.records import PortfolioContext
from tests.unit.conftest_analysis import make_facts

THRESHOLDS = load_thresholds()
OBJECTIVES = ("O1 Safer care", "O2 Time to care")
TITLES = (
    "Wi-Fi main site",
    "Wi-Fi community site",
    "Falls sensors",
    "Cancer tracker",
    "Sepsis alert",
    "Discharge letters",
    "Theatre lists",
    "Pharmacy stock",
    "Leave booking",
    "Clinic kiosks",
)


def _result(tech_centred: int, fte: float | None = 10.0, objective: str = "O1") -> PortfolioResult:
    projects = [
        make_facts(
            f"P-{n}",
            TITLES[n],
            ("tech_centred",) if n < tech_centred else (),
            strategic_objective=objective,
            priority="High" if n % 2 else "Low",
            stage="Delivery",
        )
        for n in range(10)
    ]
    return assess_portfolio(projects, PortfolioContext(objectives=OBJECTIVES, in_house_fte=fte), THRESHOLDS)


def test_compare_results_same_result_reports_nothing_changed() -> None:
    change = compare_results(_result(1), _result(1))
    assert not change.verdict_changed and change.signals == () and change.score_change == 0
    assert change.summary == ("Nothing changed: same verdict, score and signal levels.",)


@pytest.mark.parametrize(
    ("old", "new", "signal", "old_level", "new_level", "direction"),
    [
        ((1,), (3,), SignalId.TECH_CENTRED_SHARE, Level.OK, Level.AMBER, "worse"),
        ((5,), (1,), SignalId.TECH_CENTRED_SHARE, Level.RED, Level.OK, "better"),
        ((1, None), (1, 10.0), SignalId.OVER_CAPACITY, Level.UNKNOWN, Level.OK, "unknown"),
    ],
)
def test_compare_results_moved_signal_is_reported(old, new, signal, old_level, new_level, direction) -> None:
    change = compare_results(_result(*old), _result(*new))
    [moved] = [item for item in change.signals if item.id == signal]
    assert (moved.old_level, moved.new_level, moved.direction) == (old_level, new_level, direction)
    assert any(sentence.startswith(signal.value) for sentence in change.summary)


def test_compare_results_verdict_flip_is_first_sentence() -> None:
    coherent = _result(0)
    shopping = _result(9, fte=2.0, objective="IT")
    change = compare_results(coherent, shopping)
    assert (change.old_verdict, change.new_verdict) == (Verdict.COHERENT, Verdict.SHOPPING_LIST)
    assert change.summary[0] == "The verdict changed from coherent to shopping_list."
    assert change.score_change < 0


def test_portfolio_to_json_matches_the_assess_contract() -> None:
    document = portfolio_to_json(_result(1, fte=None))
    assert set(document) == {"verdict", "score", "signals", "duplicate_groups"}
    assert document["verdict"] in ("coherent", "shopping_list")
    assert isinstance(document["score"], int) and 0 <= document["score"] <= 100
    assert [signal["id"] for signal in document["signals"]] == [sid.value for sid in SignalId]
    for signal in document["signals"]:
        assert set(signal) == {"id", "value", "level", "explanation"}
        assert signal["level"] in ("ok", "amber", "red")
        assert signal["value"] is None or isinstance(signal["value"], int | float)
    capacity = next(signal for signal in document["signals"] if signal["id"] == "over_capacity")
    assert capacity == {
        "id": "over_capacity",
        "value": None,
        "level": "ok",
        "explanation": "In-house delivery capacity (FTE or teams) is not known: enter it to judge.",
    }
    assert document["duplicate_groups"] == [["P-0", "P-1"]]
    assert json.loads(json.dumps(document)) == document


def test_portfolio_result_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        _result(1).score = 5  # type: ignore[misc]

"""Thresholds as data: the packaged signals.json loads, bad edits are reported in words, levels follow."""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

import pytest

from portfolio.analysis import assess_portfolio, load_thresholds, validate_thresholds
from portfolio.analysis.thresholds import MetricThreshold
from portfolio.principles import Level, SignalId
from portfolio.records import PortfolioContext
from tests.unit.conftest_analysis import make_facts


def _data() -> dict[str, Any]:
    text = resources.files("portfolio.analysis").joinpath("signals.json").read_text(encoding="utf-8")
    return json.loads(text)


def test_load_thresholds_packaged_file_covers_every_signal() -> None:
    thresholds = load_thresholds()
    assert set(thresholds.signals) == set(SignalId)
    assert thresholds.version >= 1
    assert validate_thresholds(_data()) == []


def _edit(path: str, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(_data())
    *parents, last = path.split(".")
    target = data
    for key in parents:
        target = target[key]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "problem"),
    [
        ("version", "one", "'version' must be a whole number"),
        ("signals.no_focus", KeyError, "no entry for no_focus"),
        (
            "signals.shopping",
            {"x": {"amber": 1, "red": 2, "worse": "above"}},
            "signals: 'shopping' is not a signal id",
        ),
        ("signals.hype_share.hype_pct.amber", "15%", "signals.hype_share.hype_pct.amber must be a number"),
        ("signals.hype_share.hype_pct.worse", "up", "worse must be 'above' or 'below'"),
        ("signals.hype_share.hype_pct.amber", 40, "amber threshold must come before the red one"),
        ("signals.nothing_stops.stopped_pct.red", 9, "amber threshold must come before the red one"),
        ("signals.late_value.median_duration_months", KeyError, "has no metric 'median_duration_months'"),
        ("params.overlap_cosine", 3, "params.overlap_cosine must be a number from 0.1 to 1"),
        ("params.surprise", 1, "unknown key 'surprise'"),
        ("composite.anchor", "S1", "composite.anchor must be a signal id"),
        ("composite.core_red_needed", 0, "composite.core_red_needed must be a whole number"),
        ("advice.no_focus", "", "advice.no_focus must be a sentence"),
        ("advice.surprise", "Do it.", "advice: 'surprise' is not a signal id"),
    ],
)
def test_validate_thresholds_bad_edit_reports_problem(path: str, value: Any, problem: str) -> None:
    problems = validate_thresholds(_edit(path, value))
    assert any(problem in sentence for sentence in problems), problems
    with pytest.raises(ValueError, match="not valid"):
        load_thresholds(_edit(path, value))


@pytest.mark.parametrize("data", [None, [], "signals"])
def test_validate_thresholds_not_an_object_reports_problem(data: Any) -> None:
    assert validate_thresholds(data) == ["Threshold data must be a JSON object."]


@pytest.mark.parametrize(
    ("amber", "red", "worse", "value", "expected"),
    [
        (20, 40, "above", 20, Level.OK),
        (20, 40, "above", 20.1, Level.AMBER),
        (20, 40, "above", 41, Level.RED),
        (None, 40, "above", 39, Level.OK),
        (5, 0.5, "below", 0, Level.RED),
        (5, 0.5, "below", 3, Level.AMBER),
        (5, 0.5, "below", 6, Level.OK),
        (10, None, "below", 0, Level.AMBER),
    ],
)
def test_metric_threshold_level_table(amber, red, worse, value, expected) -> None:
    assert MetricThreshold(amber, red, worse).level(value) == expected


def test_load_thresholds_admin_edit_changes_the_level() -> None:
    projects = [make_facts(f"P-{n}", f"Project {n}", ("tech_centred",) if n < 3 else ()) for n in range(10)]
    default = assess_portfolio(projects, PortfolioContext(), load_thresholds())
    relaxed = assess_portfolio(
        projects,
        PortfolioContext(),
        load_thresholds(_edit("signals.tech_centred_share.tech_centred_pct.amber", 30)),
    )
    assert default.signal(SignalId.TECH_CENTRED_SHARE).level == Level.AMBER  # 30% > 20%
    assert relaxed.signal(SignalId.TECH_CENTRED_SHARE).level == Level.OK


@pytest.mark.parametrize("path", ["advice", "advice.late_value"])
def test_load_thresholds_without_advice_uses_packaged_advice(path: str) -> None:
    edited = load_thresholds(_edit(path, KeyError))
    assert edited.advice == load_thresholds().advice
    assert set(edited.advice) == set(SignalId)

"""The dashboard's pure pieces: chart geometry and number formats (charts.py), signal cards, reasons in plain
words and changes between versions (cards.py). No app, no database."""

from __future__ import annotations

import subprocess
import sys

import pytest

from portfolio.analysis.thresholds import load_thresholds
from portfolio.dashboard.cards import (
    StoredVersion,
    changes_since,
    plain_reason,
    red_signals,
    signal_card,
    threshold_text,
)
from portfolio.dashboard.charts import bar_chart, count_text, line_chart, money, short

THRESHOLDS = load_thresholds()


@pytest.mark.parametrize(("value", "expected"), [
    (None, "not given"), (0, "£0"), (950, "£950"), (9_999, "£9,999"), (12_400, "£12k"),
    (1_250_000, "£1.2m"), (-20_000, "-£20k"),
])
def test_money(value, expected):
    assert money(value) == expected


@pytest.mark.parametrize(("value", "expected"), [(3, "3"), (1234, "1,234"), (3.5714, "3.57"), (2.5, "2.5"),
                                                 (4.0, "4")])
def test_count_text(value, expected):
    assert count_text(value) == expected


@pytest.mark.parametrize(("label", "limit", "expected"), [
    ("Short", 10, "Short"),
    ("  many   spaces ", 20, "many spaces"),
    ("A rather long objective name", 10, "A rather…"),
])
def test_short(label, limit, expected):
    assert short(label, limit) == expected


def test_bar_chart_scales_the_longest_bar_to_the_plot_width():
    chart = bar_chart([("a", (10,)), ("b", (5,)), ("c", (0,))], width=600, label_width=200)
    widths = [bar.segments[0].width for bar in chart.bars]
    assert widths == [330.0, 165.0, 0.0]  # 600 - 200 - 70 of room for the longest
    assert [bar.total_text for bar in chart.bars] == ["10", "5", "0"]
    assert chart.bars[1].y > chart.bars[0].y and chart.height > chart.bars[-1].y + chart.bars[-1].height


def test_stacked_segments_follow_each_other_and_money_is_written_as_pounds():
    chart = bar_chart([("p", (2_000_000, 1_000_000, 1_000_000))], ("evident", "partial", "missing"),
                      width=470, label_width=200, fmt="money")
    first, second, third = chart.bars[0].segments
    assert (first.x, first.width, second.x, third.x) == (200.0, 100.0, 300.0, 350.0)
    assert [s.text for s in chart.bars[0].segments] == ["£2.0m", "£1.0m", "£1.0m"]
    assert chart.bars[0].total_text == "£4.0m"


@pytest.mark.parametrize("rows", [[], [("zero", (0,)), ("none", (0,))], [("negative", (-5,))]])
def test_bar_chart_never_divides_by_zero(rows):
    chart = bar_chart(rows)
    assert all(s.width == 0 for bar in chart.bars for s in bar.segments)
    assert chart.empty == (not rows)


def test_bar_chart_refuses_rows_that_do_not_match_the_series():
    with pytest.raises(ValueError, match="2 values for 1 series"):
        bar_chart([("x", (1, 2))])


def test_line_chart_places_points_evenly_and_leaves_gaps_for_unknown_values():
    chart = line_chart([("v1", 0), ("v2", 100), ("v3", None), ("v4", 50)], width=340, height=230, margin=20)
    assert [p.x for p in chart.points] == [20.0, 120.0, 220.0, 320.0]
    assert chart.points[0].y == chart.bottom and chart.points[1].y == chart.top and chart.points[2].y is None
    assert chart.path == f"M20.0,{chart.bottom} L120.0,{chart.top} M320.0,{chart.points[3].y}"


def test_line_chart_of_one_version_is_a_single_centred_point():
    chart = line_chart([("v1", 40)], width=400)
    assert chart.points[0].x == 200 and chart.path.startswith("M200")


@pytest.mark.parametrize(("amber", "red", "worse", "metric", "expected"), [
    (20, 40, "above", "unlinked_pct", "Amber above 20%, red above 40%."),
    (None, 0.15, "below", "hhi", "Red below 0.15."),
    (5, 0.5, "below", "stopped_pct", "Amber below 5%, red below 0.5%."),
    (None, None, "above", "lock_in_projects", "No fixed line: shown for information."),
])
def test_threshold_text(amber, red, worse, metric, expected):
    assert threshold_text(amber, red, worse, metric) == expected


def test_signal_card_reads_the_headline_metric_whatever_the_stored_key_order():
    stored = {"id": "no_focus", "value": 60.0, "level": "red", "explanation": "Few objectives.", "amber": 40,
              "red": 50, "metrics": {"hhi": 0.3, "single_project_objectives_pct": 60.0}}
    card = signal_card(stored, THRESHOLDS)
    assert (card.code, card.label, card.level_label, card.value_text) == ("S2", "Focus", "Red", "60%")
    assert card.threshold_text == "Amber above 40%, red above 50%."
    assert card.advice.startswith("Concentrate on fewer objectives")


@pytest.mark.parametrize(("stored", "value_text", "level_label", "advice"), [
    ({"id": "over_capacity", "value": None, "level": "unknown", "explanation": "Capacity not known."},
     "Not enough data", "Not enough data", ""),
    ({"id": "hype_share", "value": 3.0, "level": "ok", "amber": 15, "red": 30,
      "metrics": {"hype_pct": 3.0}}, "3%", "OK", ""),
    ({"id": "over_capacity", "value": 3.57, "level": "red", "amber": 1, "red": 2,
      "metrics": {"projects_per_fte": 3.57}}, "3.57 projects per FTE", "Red",
     "Limit work in progress to what the in-house team can deliver: pause the lowest-value projects until "
     "capacity frees up."),
    ({"id": "something_new", "value": 1, "level": "purple"}, "1", "Not enough data", ""),
])
def test_signal_card_edge_cases(stored, value_text, level_label, advice):
    card = signal_card(stored, THRESHOLDS)
    assert (card.value_text, card.level_label, card.advice) == (value_text, level_label, advice)


@pytest.mark.parametrize(("reason", "expected"), [
    ("no_line_of_sight is red: 15 of 25.", "Line of sight to strategy is red: 15 of 25."),
    ("Shopping list: no_line_of_sight is red, with 2 other red signal(s).",
     "Shopping list: Line of sight to strategy is red, with 2 other red signal(s)."),
    ("Nothing to replace here.", "Nothing to replace here."),
])
def test_plain_reason(reason, expected):
    assert plain_reason(reason) == expected


def test_red_signals_are_named_in_order():
    signals = [{"id": "no_focus", "level": "red"}, {"id": "no_owners", "level": "amber"},
               {"id": "duplication", "level": "red"}]
    assert red_signals(signals) == ("Focus", "Overlap and duplication")


def _version(number, verdict, score, **levels):
    signals = [{"id": k, "level": v, "value": 1.0} for k, v in levels.items()]
    return StoredVersion(number, verdict, score, signals)


@pytest.mark.parametrize(("old", "new", "expected"), [
    (_version(1, "coherent", 60, no_focus="ok"), _version(2, "coherent", 60, no_focus="ok"),
     ("Nothing changed: the same verdict, score and signal levels.",)),
    (_version(1, "coherent", 60, no_focus="ok"), _version(2, "shopping_list", 35, no_focus="red"),
     ("The verdict changed from Coherent to Shopping list.",
      "The coherence score fell from 60 to 35 (-25).",
      "Focus moved from OK to Red (worse).")),
    (_version(1, "shopping_list", 20, hype_share="unknown"),
     _version(2, "shopping_list", 20, hype_share="amber"),
     ("Hype share moved from Not enough data to Amber.",)),
    (_version(1, None, None), _version(2, "coherent", 50, no_owners="ok"),
     ("The coherence score rose from 0 to 50 (+50).",
      "Owners and clinical leads moved from Not enough data to OK.")),
])
def test_changes_since(old, new, expected):
    assert changes_since(old, new) == expected


def test_pure_modules_import_without_flask():
    code = ("import sys, portfolio.dashboard.charts, portfolio.dashboard.cards; "
            "print(sorted(m for m in ('flask', 'sqlalchemy', 'portfolio.extensions') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,  # noqa: S603
                            timeout=120)
    assert result.stdout.strip() == "[]", result.stderr


def test_signals_doc_states_every_threshold_of_signals_json():
    """The README explains each signal with its thresholds: it must say what signals.json says."""
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    for signal, metrics in THRESHOLDS.signals.items():
        assert f"(`{signal.value}`)" in doc, signal
        for name, limit in metrics.items():
            assert f"`{name}`" in doc, name
            assert threshold_text(limit.amber, limit.red, limit.worse, name).rstrip(".") in doc, name

"""Overlap groups: same kind of system with the same (or no) objective, across organisations, similar wording;
and the pairs the labelled portfolios' reasons name."""

from __future__ import annotations

import dataclasses

import pytest

from portfolio.analysis import OverlapItem, assess_portfolio, find_overlaps, load_thresholds
from portfolio.records import PortfolioContext
from tests.unit.conftest_analysis import LABELLED, load_labelled, make_facts


def _item(
    key: str, title: str, objective: str | None = None, organisation: str | None = None, description: str = ""
) -> OverlapItem:
    return OverlapItem(
        key=key, title=title, description=description, objective=objective, organisation=organisation
    )


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (
            [_item("A", "Wi-Fi upgrade - main site", "O1"), _item("B", "Wireless refresh - community", "O1")],
            [("A", "B")],
        ),
        (
            [_item("A", "Wi-Fi upgrade - main site", "O1"), _item("B", "Wireless refresh - community", "O2")],
            [],
        ),
        (
            [
                _item("A", "Wi-Fi upgrade", "O1"),
                _item("B", "Patient Wi-Fi", None),
                _item("C", "EPR phase 2", "O1"),
            ],
            [("A", "B")],
        ),
        (
            [
                _item("A", "Nurse e-rostering", "Time to care", "Trust 1"),
                _item("B", "E-Rostering for medics", "People", "Trust 2"),
            ],
            [("A", "B")],
        ),
        (
            [
                _item("A", "Nurse e-rostering", "Time to care", "Trust 1"),
                _item("B", "Theatre scheduling", "People", "Trust 2"),
            ],
            [],
        ),
        (
            [
                _item(
                    "A",
                    "Outpatient letters",
                    "O1",
                    description="send clinic letters to patients by text message",
                ),
                _item(
                    "B",
                    "Clinic letters by text",
                    "O2",
                    description="send outpatient clinic letters to patients by text message",
                ),
            ],
            [("A", "B")],
        ),
        (
            [
                _item("A", "Falls sensors", "O1", description="bed exit sensors"),
                _item("B", "Cancer tracker", "O1", description="live patient tracking list"),
            ],
            [],
        ),
        ([_item("A", "", None), _item("B", "", None)], []),
        ([_item("A", "EPR")], []),
        ([], []),
    ],
)
def test_find_overlaps_table(items: list[OverlapItem], expected: list[tuple[str, ...]]) -> None:
    groups = find_overlaps(items)
    assert [group.members for group in groups] == expected
    assert all(group.reasons for group in groups)


def test_find_overlaps_reason_names_the_kind_of_system_and_organisations() -> None:
    [group] = find_overlaps(
        [_item("A", "Nurse e-rostering", "O1", "Trust 1"), _item("B", "E-Rostering", "O9", "Trust 2")]
    )
    assert group.reasons == ("A and B: the same kind of system (e-rostering) in different organisations",)


@pytest.mark.parametrize(
    ("name", "pairs"),
    [
        (
            "wyvern_coast_digital_tracker_2025-26",
            [
                ("DIG-002", "DIG-003"),
                ("DIG-004", "DIG-005"),
                ("DIG-011", "DIG-012"),
                ("DIG-017", "DIG-018"),
                ("DIG-001", "DIG-024"),
            ],
        ),
        (
            "brackenfield_doveham_imt_projects",
            [
                ("IMT-002", "IMT-003"),
                ("IMT-005", "IMT-006", "IMT-040"),
                ("IMT-008", "IMT-009"),
                ("IMT-010", "IMT-011"),
                ("IMT-015", "IMT-016"),
            ],
        ),
        ("hollinbrook_valley_nhsft_portfolio", []),
    ],
)
def test_assess_portfolio_labelled_duplicates_named_in_reasons_are_grouped(name: str, pairs) -> None:
    portfolio = load_labelled(LABELLED / f"{name}.labels.json")
    result = assess_portfolio(portfolio.projects, portfolio.context, load_thresholds())
    groups = [set(group.members) for group in result.duplicate_groups]
    for pair in pairs:
        assert any(set(pair) <= group for group in groups), (pair, groups)
    if not pairs:
        assert groups == []


def test_assess_portfolio_ics_view_groups_two_trusts_buying_the_same_system() -> None:
    projects = [
        dataclasses.replace(
            make_facts(ref, title, strategic_objective=objective, stage="Procurement"), organisation=org
        )
        for ref, title, objective, org in [
            ("A-1", "Nurse e-rostering", "A1 Staff time", "Trust A"),
            ("A-2", "Sepsis alert in e-obs", "A2 Safer care", "Trust A"),
            ("B-1", "E-Rostering for community teams", "B3 Workforce", "Trust B"),
            ("B-2", "Virtual ward for frailty", "B1 Flow", "Trust B"),
        ]
    ]
    context = PortfolioContext(objectives=("A1 Staff time", "A2 Safer care", "B1 Flow", "B3 Workforce"))
    result = assess_portfolio(projects, context, load_thresholds())
    assert [group.members for group in result.duplicate_groups] == [("A-1", "B-1")]
    assert "different organisations" in result.duplicate_groups[0].reasons[0]

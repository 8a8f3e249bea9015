"""Project facts: which projects are active, which were stopped, and priorities read from register text."""

from __future__ import annotations

import dataclasses

import pytest

from portfolio.analysis import is_active
from portfolio.analysis.facts import priority_of, was_stopped
from tests.unit.conftest_analysis import make_facts


@pytest.mark.parametrize(
    ("stage", "title", "active", "stopped"),
    [
        ("Delivery", "E-obs", True, False),
        ("Live - iterating", "PIFU", True, False),
        ("Pilot - stop/go review in March", "Sensors", True, False),
        ("Paused - reprioritised Jul-25", "Intranet", False, True),
        ("Stopped", "Trust app", False, True),
        ("On hold", "Kiosks", False, True),
        ("Closed", "111 slots", False, True),
        ("Closed - delivered", "Old PAS", False, False),
        ("Completed", "Laptops", False, False),
        ("Phase 1 complete, phase 2 in build", "EPR", True, False),
        ("Project closure - benefits not realised", "Kiosks", False, True),
        ("Descoped to one ward", "Sensors", True, True),
        ("", "Trust patient app (STOPPED)", False, True),
        ("", "Clinic letters online (pipeline)", True, False),
    ],
)
def test_is_active_and_was_stopped_stage_table(stage: str, title: str, active: bool, stopped: bool) -> None:
    facts = make_facts("R-1", title, stage=stage)
    assert is_active(facts) is active
    assert was_stopped(facts) is stopped


@pytest.mark.parametrize(
    ("text", "normalised", "expected"),
    [
        ("High", None, "high"),
        ("CRITICAL", None, "critical"),
        ("P1", None, "high"),
        ("P2", None, "medium"),
        ("1.0", None, "high"),
        ("3", None, "low"),
        ("Medium - divisional", None, "medium"),
        ("Low", None, "low"),
        ("", None, None),
        ("whenever", None, None),
        ("P1", "critical", "critical"),
    ],
)
def test_priority_of_register_text_table(text: str, normalised: str | None, expected: str | None) -> None:
    facts = make_facts("R-1", "Project", priority=text)
    facts = dataclasses.replace(facts, record=dataclasses.replace(facts.record, priority=normalised))
    assert priority_of(facts) == expected

"""Objective links: loose citations find the right strategic objective; themes and blanks find none."""

from __future__ import annotations

import pytest

from portfolio.analysis import link_objective, link_objectives

CODED = (
    "SO1 Recover planned care: shorter waits for outpatients and surgery",
    "SO2 Urgent care and flow: right bed, right time, home sooner",
    "SO3 Time to care: take admin burden off clinical staff",
    "SO4 Secure, reliable digital foundations",
)
PLAIN = ("Quality & safety", "People", "Financial sustainability", "Partnerships", "Research & innovation")


@pytest.mark.parametrize(
    ("cited", "objectives", "expected"),
    [
        ("SO1 Planned care", CODED, CODED[0]),
        ("SO3", CODED, CODED[2]),
        ("so 2 - flow", CODED, CODED[1]),
        ("Urgent care & flow", CODED, CODED[1]),
        ("Time to care", CODED, CODED[2]),
        ("Foundations", CODED, CODED[3]),
        ("Digital", CODED, None),
        ("IT", CODED, None),
        ("Enabler - infrastructure", CODED, None),
        ("", CODED, None),
        ("TBC", CODED, None),
        ("Quality and safety", PLAIN, PLAIN[0]),
        ("quality & saftey", PLAIN, PLAIN[0]),
        ("Financial sustainability (CIP)", PLAIN, PLAIN[2]),
        ("Efficiency", PLAIN, None),
        ("Innovation", PLAIN[:4], None),
        ("Research and innovation", PLAIN, PLAIN[4]),
        ("Care", ("Safer care", "Joined-up care"), None),
        ("Digital", ("Digital", "People"), "Digital"),
        ("SO1 Planned care", (), None),
    ],
)
def test_link_objective_citation_table(cited: str, objectives: tuple[str, ...], expected: str | None) -> None:
    assert link_objective(cited, objectives) == expected


def test_link_objectives_lists_unserved_objectives_and_unlinked_projects() -> None:
    links = link_objectives(["SO1 Planned care", "IT", "SO3 Time to care", ""], CODED)
    assert links.links == (CODED[0], None, CODED[2], None)
    assert links.unserved == (CODED[1], CODED[3])
    assert links.unlinked == (1, 3)

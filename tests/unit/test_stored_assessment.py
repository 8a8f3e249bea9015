"""The compact stored assessment (portfolio.tagging.stored) gives back the full document, word for word."""

from __future__ import annotations

import pytest

from portfolio.principles import FlagId, Principle, Status
from portfolio.tagging.results import Evidence, FlagResult, PrincipleResult, ProjectAssessment
from portfolio.tagging.stored import VERSION, full_document, stored_document
from tests.assessments import document_in_full

TEXT = {"title": "Ward app", "description": "Nurses asked for a bedside app; shadowed two wards"}
EXTRAS = {"Comments": "Pilot on Ward 7 first"}


def _assessment(*evidence: Evidence, flags: tuple[FlagResult, ...] = ()) -> ProjectAssessment:
    result = PrincipleResult(Principle.USER_NEEDS, Status.PARTIAL, 0.5, evidence, ("Who asked for it?",))
    other = PrincipleResult(Principle.ADAPT_PLAN, Status.MISSING, 0.0, (), ())
    return ProjectAssessment({Principle.USER_NEEDS: result, Principle.ADAPT_PLAN: other}, flags, "2026.11-1")


ASKED = Evidence("description", "asked", 7, 12, "for", "research")
SHADOWED = Evidence("description", "shadowed", 32, 40, "for", "observation")
PILOT = Evidence("Comments", "Pilot", 0, 5, "for", "trial")  # an unmapped column's words
ELSEWHERE = Evidence("description", "nurses", 0, 6, "for", "research")  # not the words at its offsets
NO_FIELD = Evidence("objectives", "SO2", 0, 3, "for", "objective")  # a field the record does not hold
APP = FlagResult(FlagId.TECH_CENTRED, "Framed around technology ('app' (title))",
                 (Evidence("title", "app", 5, 8, "against"),))


@pytest.mark.parametrize(
    ("evidence", "flags", "words_kept"),
    [
        ((), (), 0),
        ((ASKED,), (), 0),
        ((ASKED, SHADOWED), (APP,), 0),
        ((PILOT,), (), 0),
        ((ELSEWHERE,), (), 1),
        ((NO_FIELD, ASKED), (), 1),
        ((ASKED,), (FlagResult(FlagId.NO_OWNER, "No accountable owner named"),), 0),
        ((), (FlagResult(FlagId.TECH_CENTRED, "Around 'EPR'", (Evidence("title", "EPR", 0, 3, "against"),)),), 1),
    ],
    ids=["nothing", "own words", "several and a flag", "an extra's words", "words elsewhere", "no such field",
         "flag without evidence", "flag words elsewhere"],
)
def test_full_document_of_the_stored_form_is_the_full_document(
    evidence: tuple[Evidence, ...], flags: tuple[FlagResult, ...], words_kept: int
) -> None:
    assessment = _assessment(*evidence, flags=flags)
    stored = stored_document(assessment, TEXT, EXTRAS)
    reasons = [{"id": str(f.flag), "reason": f.reason} for f in assessment.flags]

    assert stored["v"] == VERSION
    items = [i for p in stored["principles"] for i in p[3]] + [s for f in stored["flags"] for s in f[1]]
    assert sum(isinstance(i[-1], str) and len(i) in (4, 6) for i in items) == words_kept
    assert full_document(stored, TEXT, EXTRAS, reasons) == document_in_full(assessment)


def test_a_field_beats_an_extra_of_the_same_name_as_the_project_page_reads_them() -> None:
    text, extras = {"benefits": "Fewer falls"}, {"benefits": "Saves £2m"}
    assessment = _assessment(Evidence("benefits", "Fewer", 0, 5, "for", "outcome"))
    stored = stored_document(assessment, text, extras)
    assert stored["principles"][0][3] == [["benefits", 0, 5, "for", "outcome"]]
    assert full_document(stored, text, extras, [])["principles"]["user_needs"]["evidence"][0]["text"] == "Fewer"


def test_a_document_stored_in_full_before_the_compact_form_reads_as_it_was() -> None:
    old = document_in_full(_assessment(ASKED, flags=(APP,)))
    assert full_document(old, TEXT, EXTRAS, []) == old
    assert full_document({}, TEXT, EXTRAS, []) == {}

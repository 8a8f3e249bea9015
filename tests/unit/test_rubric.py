"""The rubric as data: loading, validation messages, versioning, signals and cue matching."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from portfolio.principles import Principle
from portfolio.tagging import RubricError, load_rubric, validate_rubric
from portfolio.tagging.matching import CueIndex, cue_trigger, read_hit
from portfolio.tagging.rubric import RUBRIC_PATH


def packaged() -> dict[str, Any]:
    return json.loads(RUBRIC_PATH.read_text(encoding="utf-8"))


def edited(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    data = copy.deepcopy(packaged())
    change(data)
    return data


def test_validate_rubric_packaged_file_has_no_errors() -> None:
    assert validate_rubric(packaged()) == []


def test_load_rubric_default_all_principles_with_questions() -> None:
    rubric = load_rubric()
    assert list(rubric.principles) == list(Principle)
    assert all(r.questions and r.facets and r.name for r in rubric.principles.values())


def _set_principle_cue(data: dict[str, Any], cue: str) -> None:
    data["principles"][0]["facets"][0]["cues"].append(cue)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: _set_principle_cue(d, "shadow(ing"), "is not a valid regular expression"),
        (lambda d: _set_principle_cue(d, "(a|b) c"), "must start with a letter"),
        (lambda d: _set_principle_cue(d, "alpha|beta"), "no top-level '|'"),
        (lambda d: d["principles"][0].update(id="user_need"), "unknown principle id 'user_need'"),
        (lambda d: d["principles"].pop(), "missing principle 'adapt_plan'"),
        (lambda d: d["thresholds"].update(evident=1.5), "threshold 'evident' is 1.5, outside 0.0..1.0"),
        (lambda d: d["thresholds"].update(partial=0.9, evident=0.5), "'partial' must not be above 'evident'"),
        (lambda d: d["thresholds"].pop("red_cap"), "threshold 'red_cap' is missing"),
        (lambda d: d["flags"].pop("clinical"), "flag cue list 'clinical' is missing"),
        (lambda d: d["principles"][1].update(evident_requires=["nope"]), "unknown facet 'nope'"),
        (lambda d: d["principles"][2].update(questions=[]), "needs at least one board question"),
        (lambda d: d["negation"].update(window=-1), "negation window"),
        (
            lambda d: d["principles"][7]["facets"][0].update(deferred_counts="yes"),
            "deferred_counts must be true or false",
        ),
        (lambda d: d.update(signals={"no_focus": 3}), "'signals' must map"),
        (lambda d: d.update(signals={"no_focus": {"red": "high"}}), "'signals' must map"),
    ],
)
def test_validate_rubric_broken_data_plain_message(
    change: Callable[[dict[str, Any]], None], message: str
) -> None:
    errors = validate_rubric(edited(change))
    assert any(message in e for e in errors), errors


def test_load_rubric_invalid_raises_with_every_problem() -> None:
    data = edited(lambda d: (d["thresholds"].update(evident=2), d["principles"].pop()))
    with pytest.raises(RubricError) as caught:
        load_rubric(data)
    assert len(caught.value.problems) == 2


def test_validate_rubric_not_an_object_says_so() -> None:
    assert validate_rubric(["x"]) == ["the rubric must be a JSON object"]


def test_load_rubric_version_changes_with_content() -> None:
    before = load_rubric().version
    after = load_rubric(edited(lambda d: _set_principle_cue(d, "ethnograph\\w*"))).version
    assert before.startswith(packaged()["version"] + "+") and before != after
    assert load_rubric(packaged()).version == before


def test_load_rubric_signals_section_loaded_as_numbers() -> None:
    rubric = load_rubric(edited(lambda d: d.update(signals={"no_focus": {"red": 0.5, "amber": 1}})))
    assert rubric.signals["no_focus"] == {"red": 0.5, "amber": 1.0}


def test_load_rubric_edited_cue_changes_tagging() -> None:
    from portfolio.records import ProjectRecord
    from portfolio.tagging import tag_project

    case = ProjectRecord(row=2, title="x", text={"description": "An oral history of night staff."})
    plain = tag_project(case, load_rubric()).principles[Principle.USER_NEEDS]
    tuned = tag_project(case, load_rubric(edited(lambda d: _set_principle_cue(d, "oral histor\\w*"))))
    assert "oral history" not in [e.text for e in plain.evidence_for]
    assert "oral history" in [e.text for e in tuned.principles[Principle.USER_NEEDS].evidence_for]


@pytest.mark.parametrize(
    ("cue", "trigger"),
    [
        ("shadow\\w*", "sha"),
        ("co-?design\\w*", "co"),
        ("ai\\b", "ai"),
        ("e-?obs\\b", "e"),
        ("\\d+\\s*%", "#"),
        ("£\\s?\\d", "£"),
        ("^it( team)?$", "it"),
        ("pilots?", "pil"),
        ("(a|b)", None),
        ("one|two", None),
    ],
)
def test_cue_trigger_literal_start(cue: str, trigger: str | None) -> None:
    assert cue_trigger(cue) == trigger


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("We co-designed it", [("s", 3, 14)]),
        ("Cut DNAs by 12%", [("n", 12, 15)]),
        ("said nothing", []),  # 'ai' must start a word
    ],
)
def test_cue_index_scan_offsets(text: str, found: list[tuple[str, int, int]]) -> None:
    index = CueIndex.build({"s": ["co-?design\\w*", "ai\\b"], "n": ["\\d+\\s*%"]})
    assert index.scan(text) == found


@pytest.mark.parametrize(
    ("text", "words", "reading"),
    [
        ("No user research yet.", "user research", "negated"),
        ("User research done. No budget.", "User research", "plain"),  # a negation in the next clause
        ("KPIs TBC", "KPIs", "negated"),
        ("Benefits to be confirmed", "Benefits", "negated"),
        ("Hazard log to be opened at beta", "Hazard log", "deferred"),
        ("Discovery planned for Q1", "Discovery", "deferred"),
        ("We will pilot on two wards", "pilot", "deferred"),
    ],
)
def test_read_hit_negation_and_deferral(text: str, words: str, reading: str) -> None:
    start = text.index(words)
    assert read_hit(load_rubric(), text, start, start + len(words)) == reading


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Patients no longer wait for a call back", "wait"),
        ("Not only faster but safer", "faster"),
    ],
)
def test_read_hit_no_longer_and_not_only_do_not_negate(text: str, words: str) -> None:
    start = text.index(words)
    assert read_hit(load_rubric(), text, start, start + len(words)) == "plain"

"""The tagger against the labelled development workbooks (shared/labelled/); the held-out one is only loaded.

Guards the agreement figures from silently regressing when cues or thresholds are edited.
"""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from portfolio.principles import FlagId, Principle, Status
from portfolio.tagging import load_rubric, tag_project

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def _module(name: str) -> ModuleType:
    # bench/ is not a package on the test path; load its modules by file (labelled first: the others use it).
    if name != "labelled":
        _module("labelled")
    if f"bench.{name}" not in sys.modules:
        spec = importlib.util.spec_from_file_location(f"bench.{name}", ROOT / "bench" / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[f"bench.{name}"] = module
        spec.loader.exec_module(module)
    return sys.modules[f"bench.{name}"]


@cache
def development() -> list[tuple[object, object]]:
    labelled = _module("labelled")
    rubric = load_rubric()
    stems = [s for s in labelled.workbook_names() if s != labelled.HELD_OUT]
    return [(p, tag_project(p.record, rubric)) for s in stems for p in labelled.load_workbook(s)]


@pytest.mark.parametrize(
    ("stem", "count"),
    [
        ("hollinbrook_valley_nhsft_portfolio", 18),
        ("wyvern_coast_digital_tracker_2025-26", 25),
        ("kestermoor_teaching_digital_register", 32),
        ("brackenfield_doveham_imt_projects", 40),
    ],
)
def test_load_workbook_every_labelled_project_read(stem: str, count: int) -> None:
    projects = _module("labelled").load_workbook(stem)
    assert len(projects) == count
    assert all(p.record.title and p.record.ref for p in projects)


def test_load_workbook_capital_and_revenue_lines_and_dates() -> None:
    projects = _module("labelled").load_workbook("kestermoor_teaching_digital_register")
    first = projects[0].record
    assert [b.kind for b in first.budget_lines] == ["capital", "revenue"]
    assert first.budget_lines[1].amount == 85_000.0
    assert isinstance(first.start_date, date)
    assert "Who it's for" in first.extras


def test_tag_project_development_set_meets_targets() -> None:
    prf = _module("tagging_quality").prf
    results = development()
    f1s = [
        prf(
            (a.principles[p].status is not Status.MISSING, lab.principles[p] != "missing")
            for lab, a in results
        ).f1
        for p in Principle
    ]
    flags = [prf((f in a.flag_ids, f in lab.flags) for lab, a in results).f1 for f in FlagId]
    assert sum(f1s) / len(f1s) >= 0.85 and min(f1s) >= 0.70
    assert sum(flags) / len(flags) >= 0.80


def test_shared_folder_is_beside_the_repository() -> None:
    assert (SHARED / "labelled" / "README.md").is_file()

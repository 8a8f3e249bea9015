"""Re-import diff: new, changed (field by field), unchanged and gone, by ref or normalised title."""

from __future__ import annotations

import pytest

from portfolio.importing.diff import diff_records, normalise_title
from portfolio.importing.parser import parse_workbook
from portfolio.records import ProjectRecord
from tests.unit.conftest_import import LABELLED


def record(title: str, ref: str | None = None, row: int = 2, **text: str) -> ProjectRecord:
    return ProjectRecord(row=row, title=title, ref=ref, text={"title": title, **text})


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("EPR – Phase 2", "epr phase 2"),
        ("  e-Obs ", "e obs"),
        ("Café Wi-Fi", "cafe wi fi"),
    ],
)
def test_normalise_title_variants_gives_identity(title: str, expected: str) -> None:
    assert normalise_title(title) == expected


def test_diff_records_sorts_projects_into_new_changed_unchanged_gone() -> None:
    previous = [record("EPR", "A1", rag="Red"), record("Wi-Fi", None), record("Old thing", "X9")]
    current = [record("EPR", "a1", rag="Green"), record("wi-fi", None), record("New thing", "N1")]
    diff = diff_records(previous, current)
    assert [r.ref for r in diff.new] == ["N1"]
    assert [(c.key, [(f.field, f.old, f.new) for f in c.changes]) for c in diff.changed] == [
        ("a1", [("rag", "Red", "Green")]),
        ("wi fi", [("title", "Wi-Fi", "wi-fi")]),
    ]
    assert [r.ref for r in diff.gone] == ["X9"]
    assert diff.unchanged == ()


def test_diff_records_whitespace_only_edit_is_unchanged() -> None:
    diff = diff_records(
        [record("EPR", "A1", description="Replace  PAS\n")], [record("EPR", "A1", description="Replace PAS")]
    )
    assert len(diff.unchanged) == 1 and diff.changed == ()


def test_diff_records_retitled_project_is_matched_by_ref() -> None:
    diff = diff_records([record("EPR", "A1")], [record("Electronic patient record", "A1")])
    assert diff.new == () and diff.gone == ()
    assert [f.field for f in diff.changed[0].changes] == ["title"]


def test_diff_records_extras_are_compared_by_header() -> None:
    old = ProjectRecord(row=2, title="EPR", ref="A1", extras={"Comments": "on track"})
    new = ProjectRecord(row=2, title="EPR", ref="A1", extras={"Comments": "slipped"})
    assert [(f.field, f.old, f.new) for f in diff_records([old], [new]).changed[0].changes] == [
        ("Comments", "on track", "slipped")
    ]


def test_diff_records_duplicate_key_is_noted() -> None:
    diff = diff_records([record("EPR", "A1", row=2), record("EPR again", "A1", row=3)], [record("EPR", "A1")])
    assert diff.notes and "rows 2 and 3" in diff.notes[0]
    assert [r.title for r in diff.gone] == ["EPR again"]


def test_diff_records_same_workbook_twice_is_all_unchanged() -> None:
    data = (LABELLED / "wyvern_coast_digital_tracker_2025-26.xlsx").read_bytes()
    records = parse_workbook(data, "w.xlsx").records
    diff = diff_records(records, parse_workbook(data, "w.xlsx").records)
    assert (len(diff.unchanged), diff.new, diff.changed, diff.gone) == (25, (), (), ())

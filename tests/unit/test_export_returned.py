"""read_returned_workbook: the board's offline edits come back; only the app's own exports are recognised."""

from __future__ import annotations

import io

import openpyxl
import pytest

from portfolio.exporting.model import AnnotationColumn
from portfolio.exporting.newbook import build_workbook
from portfolio.exporting.returned import read_returned_workbook
from portfolio.exporting.workbook import annotate_workbook
from tests.unit.conftest_export import META, annotations, featured_book, row_values, save, simple_book


def exported(rows: range = range(2, 7)) -> bytes:
    return annotate_workbook(save(simple_book(5)), annotations("Projects", rows), (), META)


def edited(data: bytes, **cells: object) -> bytes:
    """``data`` opened and saved by openpyxl (as a spreadsheet program would) with ``cells`` changed."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    for ref, value in cells.items():
        book["Projects"][ref] = value
    return save(book)


def by_row(data: bytes) -> dict[int, object]:
    returned = read_returned_workbook(data)
    assert returned is not None
    return {row.row: row for row in returned.rows}


def test_read_returned_workbook_untouched_export_has_no_changes():
    returned = read_returned_workbook(exported())
    assert returned is not None and returned.version_id == "version-42" and returned.annotations_intact
    assert all(not row.changed for row in returned.rows)
    assert returned.rows[0].values == {"decision": None, "rationale": "Rationale 2", "comment": "Comment 2"}


@pytest.mark.parametrize(
    ("cells", "row", "changed"),
    [
        ({"H2": "stop"}, 2, {"decision"}),
        ({"I3": "New reason", "J3": "Agreed"}, 3, {"rationale", "comment"}),
        ({"J4": None}, 4, {"comment"}),
        ({"F5": 0.99}, 5, set()),  # not an editable column: values unchanged, but the checksum notices
    ],
)
def test_read_returned_workbook_edits_are_reported_per_row(cells, row, changed):
    rows = by_row(edited(exported(), **cells))
    assert rows[row].changed == changed
    assert all(not other.changed for number, other in rows.items() if number != row)


def test_read_returned_workbook_any_annotation_edit_breaks_checksum():
    returned = read_returned_workbook(edited(exported(), F5=0.99))
    assert returned is not None and not returned.annotations_intact


def test_read_returned_workbook_sorted_rows_are_matched_by_project_link():
    book = openpyxl.load_workbook(io.BytesIO(exported()))
    sheet = book["Projects"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2, max_row=6)]
    for number, row in enumerate(values, start=2):  # the link text Excel would have cached and kept
        row[-1] = row_values(number)[-1]
    for number, row in enumerate(reversed(values), start=2):  # reverse the data rows, as a sort would
        for column, value in enumerate(row, start=1):
            sheet.cell(number, column, value)
    sheet["J6"] = "Moved and edited"  # project 2 is now on row 6
    rows = by_row(save(book))
    assert (rows[2].current_row, rows[2].changed, rows[2].values["comment"]) == (
        6,
        {"comment"},
        "Moved and edited",
    )
    assert not rows[3].changed


@pytest.mark.parametrize("data", [b"", b"not a workbook", save(simple_book(3)), featured_book()])
def test_read_returned_workbook_other_files_are_not_recognised(data):
    assert read_returned_workbook(data) is None


def test_read_returned_workbook_fresh_workbook_reports_original_rows():
    columns = (AnnotationColumn("Decision", "decision", key="decision"),)
    data = build_workbook(
        ["Ref", "Title"],
        [["A", "a"], ["B", "b"]],
        annotations("Projects", {4: ("endorse",), 5: ("pause",)}, header_row=3, columns=columns),
        (),
        META,
    )
    rows = by_row(edited(data, C3="stop"))  # sheet row 3 of the new workbook is original row 5
    assert (rows[5].values, rows[5].changed, rows[4].changed) == ({"decision": "stop"}, {"decision"}, set())


def test_read_returned_workbook_row_values_helper_is_what_was_exported():
    rows = by_row(exported())
    assert rows[3].values["decision"] == row_values(3)[4]

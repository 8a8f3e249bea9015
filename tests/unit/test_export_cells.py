"""Formula safety and text cleaning of every cell the app writes (workbook, CSV)."""

from __future__ import annotations

import io

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from portfolio.exporting.cells import (
    MAX_CELL_CHARS,
    TRUNCATION_MARKER,
    CellStyles,
    clean_text,
    column_index,
    column_letters,
    looks_like_formula,
    text_cell,
)
from portfolio.exporting.model import AnnotationColumn
from portfolio.exporting.workbook import annotate_workbook
from tests.unit.conftest_export import META, annotations, save, simple_book

STYLES = CellStyles(quote=9, link=8, status={})
TEXTS = [
    "=1+2",
    "+44 20",
    "-5",
    "@SUM(A1)",
    "\tTab",
    "\rCR",
    "\nLF",
    "=cmd|' /C calc'!A0",
    "#N/A",
    "#DIV/0!",
    "TRUE",
    "0123",
    "plain text",
    "_x0041_ kept",
    "a & b < c",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=A1", True),
        ("+1", True),
        ("-1", True),
        ("@x", True),
        ("\tx", True),
        ("\rx", True),
        ("\nx", True),
        ("x=1", False),
        ("#N/A", False),
        ("", False),
        (" =1", False),
    ],
)
def test_looks_like_formula_trigger_characters_detected(text, expected):
    assert looks_like_formula(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\x00b\x07c\x1fd", "abcd"),
        ("tab\tnew\nline\rcr", "tab\tnew\nline\rcr"),
        ("x\ufffey", "xy"),
    ],
)
def test_clean_text_illegal_xml_characters_removed(text, expected):
    assert clean_text(text) == expected


def test_clean_text_over_excel_limit_is_cut_with_marker():
    cut = clean_text("x" * 40_000)
    assert len(cut) == MAX_CELL_CHARS and cut.endswith(TRUNCATION_MARKER)


@pytest.mark.parametrize(("index", "letters"), [(1, "A"), (26, "Z"), (27, "AA"), (702, "ZZ"), (16384, "XFD")])
def test_column_letters_round_trip(index, letters):
    assert (column_letters(index), column_index(letters)) == (letters, index)


@pytest.mark.parametrize(("text", "quoted"), [("=1+2", True), ("-5", True), ("#N/A", False), ("ok", False)])
def test_text_cell_formula_like_text_gets_quote_prefix_style(text, quoted):
    xml = text_cell("A1", text, None, STYLES)
    assert ('s="9"' in xml, 't="inlineStr"' in xml) == (quoted, True)


def exported_sheet(texts: list[str]) -> tuple[bytes, openpyxl.worksheet.worksheet.Worksheet]:
    columns = (AnnotationColumn("Comment", "text", key="comment"),)
    rows = {n: (text,) for n, text in enumerate(texts, start=2)}
    data = annotate_workbook(
        save(simple_book(len(texts))), annotations("Projects", rows, columns=columns), (), META
    )
    return data, openpyxl.load_workbook(io.BytesIO(data))["Projects"]


@pytest.mark.parametrize("text", TEXTS)
def test_annotate_workbook_app_text_stays_text_exactly(text):
    data, sheet = exported_sheet([text])
    cell = sheet["D2"]
    calamine = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("Projects").to_python()
    # openpyxl does not decode Excel's _xHHHH_ escapes (Excel, LibreOffice, calamine do): it is not asked
    assert (cell.data_type, calamine[1][3]) == ("s", text)
    assert cell.quotePrefix is looks_like_formula(text)


def test_annotate_workbook_long_and_dirty_text_is_cleaned_and_cut():
    _, sheet = exported_sheet(["bad\x01char", "y" * 50_000])
    assert sheet["D2"].value == "badchar" and len(sheet["D3"].value) == MAX_CELL_CHARS

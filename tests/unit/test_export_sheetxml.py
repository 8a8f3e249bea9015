"""The data sheet rewrite on XML openpyxl never writes: prefixes, missing r, empty sheets, existing parts."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from portfolio.exporting.sheetscan import SheetStream, scan_sheet
from portfolio.exporting.workbook import annotate_workbook
from tests.unit.conftest_export import (
    META,
    annotations,
    replace_part,
    row_values,
    save,
    sheet_xml,
    simple_book,
)

SHEET = "xl/worksheets/sheet1.xml"


def exported_rows(original: bytes, rows: range | dict) -> list[list[object]]:
    data = annotate_workbook(original, annotations("Projects", rows), (), META)
    return CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("Projects").to_python()


def with_sheet(change) -> bytes:
    return replace_part(save(simple_book(3)), SHEET, change)


def prefixed(xml: bytes) -> bytes:
    """The same sheet with the main namespace bound to x: instead of the default namespace."""
    xml = xml.replace(
        b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
        b'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
    )
    return re.sub(rb"<(/?)(?!\?)(\w+)([ >/])", rb"<\1x:\2\3", xml)


def without_refs(xml: bytes) -> bytes:
    return re.sub(rb'(<(?:row|c)) r="[A-Z]*\d+"', rb"\1", xml)


@pytest.mark.parametrize("change", [prefixed, without_refs], ids=["x-prefix", "no-r-attributes"])
def test_annotate_workbook_unusual_sheet_xml_gets_annotations_in_place(change):
    rows = exported_rows(with_sheet(change), range(2, 5))
    assert rows[0][3] == "User needs" and rows[3][:4] == ["P004", "Project 4", 4000.0, "partial"]


def test_annotate_workbook_empty_sheetdata_element_gets_rows():
    original = with_sheet(lambda xml: re.sub(rb"<sheetData>.*</sheetData>", b"<sheetData/>", xml, flags=re.S))
    rows = exported_rows(original, {2: row_values(2)})
    assert rows[0][0] == "User needs" and rows[1][0] == "missing"


def test_annotate_workbook_existing_validations_count_goes_up():
    book = simple_book(3)
    from openpyxl.worksheet.datavalidation import DataValidation

    for formula in ('"a,b"', '"c,d"'):
        validation = DataValidation(type="list", formula1=formula)
        book["Projects"].add_data_validation(validation)
        validation.add("B2:B4")
    xml = sheet_xml(annotate_workbook(save(book), annotations("Projects", range(2, 5)), (), META), "Projects")
    assert b'<dataValidations count="3">' in xml and xml.count(b"<dataValidation ") == 3


def test_annotate_workbook_rows_lose_stale_spans_and_keep_other_attributes():
    original = with_sheet(
        lambda xml: xml.replace(b'<row r="2">', b'<row r="2" spans="1:3" ht="30" customHeight="1">')
    )
    xml = sheet_xml(annotate_workbook(original, annotations("Projects", range(2, 5)), (), META), "Projects")
    assert b'<row r="2" ht="30" customHeight="1">' in xml


def test_annotate_workbook_dimension_covers_annotations():
    original = save(simple_book(3))  # <dimension ref="A1:C4"/>
    xml = sheet_xml(annotate_workbook(original, annotations("Projects", range(2, 9)), (), META), "Projects")
    assert b'<dimension ref="A1:K8"' in xml


def test_annotate_workbook_trust_formulas_are_left_alone():
    book = simple_book(3)
    book["Projects"]["C5"] = "=SUM(C2:C4)"
    exported = annotate_workbook(save(book), annotations("Projects", range(2, 5)), (), META)
    assert openpyxl.load_workbook(io.BytesIO(exported))["Projects"]["C5"].value == "=SUM(C2:C4)"


@pytest.mark.parametrize("chunk", [1, 7, 64, 1 << 20])
def test_sheet_stream_any_chunk_size_gives_same_rows(chunk):
    xml = sheet_xml(save(simple_book(20)), "Projects")
    stream = SheetStream((xml[i : i + chunk] for i in range(0, len(xml), chunk)), "")
    numbers = [row.number for row in stream.rows()]
    assert numbers == list(range(1, 22)) and stream.tail.startswith(b"</sheetData>")


@pytest.mark.parametrize(
    ("change", "expected_column"),
    [
        (lambda xml: xml, 3),
        (
            lambda xml: xml.replace(b"</mergeCells>", b"</mergeCells>").replace(
                b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A6:F6"/></mergeCells>'
            ),
            6,
        ),
        (lambda xml: xml.replace(b'<c r="C3"', b'<c r="H3"'), 8),
    ],
)
def test_scan_sheet_last_column_counts_cells_and_merges(change, expected_column):
    xml = change(sheet_xml(save(simple_book(3)), "Projects"))
    assert scan_sheet([xml], "", 1).last_column == expected_column

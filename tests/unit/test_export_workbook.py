"""annotate_workbook: the trust's workbook comes back whole, with the annotations where they belong."""

from __future__ import annotations

import io
import re
import warnings
import zipfile

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from portfolio.exporting.bookparts import open_book, styles_part
from portfolio.exporting.model import DECISIONS, ExportFailed
from portfolio.exporting.package import rels_name
from portfolio.exporting.workbook import annotate_workbook
from tests.unit.conftest_export import (
    EXTRA,
    META,
    SHARED,
    annotations,
    changed_parts,
    featured_book,
    oddity,
    parts,
    row_values,
    save,
    sheet_xml,
    simple_book,
)


def allowed_changes(data: bytes, sheet: str) -> set[str]:
    """The parts an export may rewrite: the data sheet, workbook.xml and its rels, content types, styles."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        book = open_book(package)
        return {
            book.sheets[sheet],
            book.part,
            rels_name(book.part),
            "[Content_Types].xml",
            styles_part(book) or "",
        }


def openpyxl_problems(data: bytes) -> set[str]:
    """What openpyxl complains about when loading ``data`` (warnings and errors), as text."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            openpyxl.load_workbook(io.BytesIO(data))
        except Exception as error:  # the original itself may be beyond openpyxl (pivots)
            return {f"error: {type(error).__name__}"}
    return {str(w.message) for w in caught}


def calamine_rows(data: bytes, sheet: str) -> list[list[object]]:
    return CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name(sheet).to_python()


REAL_FILES = [  # (file, sheet, header row, data rows to annotate)
    ("realdata/oddities/calamine__pivots.xlsx", "DataSheet", 1, range(2, 6)),
    ("realdata/oddities/calamine__vba.xlsm", None, 1, range(2, 4)),
    ("realdata/oddities/calamine__strict_iso_paths.xlsx", None, 1, range(2, 10)),
    ("realdata/oddities/calamine__minimal_package.xlsx", None, 1, range(2, 5)),
    ("realdata/oddities/calamine__table-multiple.xlsx", None, 1, range(2, 5)),
    ("realdata/oddities/calamine__any_sheets.xlsx", None, 1, range(2, 3)),
    ("realdata/portfolios/bc_major_projects_inventory_q1_2025.xlsx", None, 1, range(2, 40)),
    ("realdata/portfolios/dluhc_pathfinders_return_round2_template_mockdata.xlsx", None, 1, range(2, 12)),
]


def first_sheet(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return next(iter(open_book(package).sheets))


@pytest.mark.parametrize(("path", "sheet", "header_row", "rows"), REAL_FILES)
def test_annotate_workbook_real_files_keep_every_other_part_byte_identical(path, sheet, header_row, rows):
    original = (SHARED / path).read_bytes()
    sheet = sheet or first_sheet(original)
    exported = annotate_workbook(original, annotations(sheet, rows, header_row), EXTRA, META)
    assert changed_parts(original, exported) <= allowed_changes(original, sheet)
    assert calamine_rows(exported, sheet)[rows[0] - 1][-1] == row_values(rows[0])[-1]
    assert openpyxl_problems(exported) <= openpyxl_problems(original)


@pytest.mark.parametrize(
    ("path", "kept"),
    [
        ("realdata/oddities/calamine__vba.xlsm", "xl/vbaProject.bin"),
        ("realdata/oddities/calamine__pivots.xlsx", "xl/pivotCache/pivotCacheDefinition1.xml"),
        ("realdata/portfolios/bc_major_projects_inventory_q1_2025.xlsx", "xl/media/image1.png"),
        ("realdata/oddities/calamine__any_sheets.xlsx", "xl/charts/chart1.xml"),
    ],
)
def test_annotate_workbook_special_parts_are_still_there(path, kept):
    original = (SHARED / path).read_bytes()
    exported = annotate_workbook(original, annotations(first_sheet(original), range(2, 4)), (), META)
    assert parts(exported)[kept] == parts(original)[kept]


def test_annotate_workbook_xlsm_keeps_macro_content_type():
    original = oddity("calamine__vba.xlsm")
    exported = parts(annotate_workbook(original, annotations(first_sheet(original), range(2, 4)), (), META))
    assert b"macroEnabled" in exported["[Content_Types].xml"]


def test_annotate_workbook_featured_book_keeps_features_and_parts():
    original = featured_book()
    exported = annotate_workbook(original, annotations("Projects", range(2, 8)), EXTRA, META)
    assert changed_parts(original, exported) <= allowed_changes(original, "Projects")
    book = openpyxl.load_workbook(io.BytesIO(exported))
    sheet = book["Projects"]
    assert (sheet["D2"].value, sheet["B3"].comment.text) == ("=SUM(C2:C7)", "Check with finance")
    assert "Budgets" in book.defined_names and book["Lookups"].sheet_state == "hidden"
    assert len(sheet.data_validations.dataValidation) == 2
    assert len(sheet.conditional_formatting) == 1
    assert book.sheetnames == [
        "Projects",
        "Notes",
        "Lookups",
        "Summary",
        "Board questions",
        "_portfolio_review",
    ]
    assert book["_portfolio_review"].sheet_state == "hidden"


def test_annotate_workbook_columns_go_after_last_used_column():
    original = featured_book()  # D holds a "Total" formula: the annotations start at E
    rows = calamine_rows(
        annotate_workbook(original, annotations("Projects", range(2, 8)), (), META), "Projects"
    )
    assert rows[0][2:5] == ["Budget (£)", "Total", "User needs"]


@pytest.mark.parametrize(("number", "expected"), [(1, "User needs"), (2, "missing"), (9, "evident"), (7, "")])
def test_annotate_workbook_values_land_in_their_rows(number, expected):
    original = save(simple_book(5))  # data rows 2..6; row 9 does not exist in the XML, row 7 is not annotated
    exported = annotate_workbook(
        original, annotations("Projects", {2: row_values(2), 9: row_values(9)}), (), META
    )
    rows = calamine_rows(exported, "Projects")
    assert (rows[number - 1][3] if len(rows) >= number else "") == expected


def test_annotate_workbook_header_takes_user_header_style():
    exported = annotate_workbook(save(simple_book()), annotations("Projects", range(2, 4)), (), META)
    sheet = openpyxl.load_workbook(io.BytesIO(exported))["Projects"]
    assert sheet["D1"].font.b and sheet["D1"].fill.fgColor.rgb == "FF005EB8"


@pytest.mark.parametrize(
    ("status", "fill"), [("evident", "FFC6EFCE"), ("partial", "FFFFEB9C"), ("missing", "FFFFC7CE")]
)
def test_annotate_workbook_status_cells_have_fill_and_text(status, fill):
    rows = {2: (status,) + row_values(2)[1:]}
    exported = annotate_workbook(save(simple_book()), annotations("Projects", rows), (), META)
    cell = openpyxl.load_workbook(io.BytesIO(exported))["Projects"]["D2"]
    assert (cell.value, cell.fill.fgColor.rgb) == (status, fill)


def test_annotate_workbook_adds_autofilter_and_decision_dropdown():
    exported = annotate_workbook(save(simple_book(5)), annotations("Projects", range(2, 7)), (), META)
    sheet = openpyxl.load_workbook(io.BytesIO(exported))["Projects"]
    assert sheet.auto_filter.ref == "A1:K6"
    (validation,) = sheet.data_validations.dataValidation
    assert (str(validation.sqref), validation.formula1) == ("H2:H6", '"' + ",".join(DECISIONS) + '"')


def test_annotate_workbook_existing_autofilter_is_widened_not_duplicated():
    book = simple_book(5)
    book["Projects"].auto_filter.ref = "A1:C6"
    exported = annotate_workbook(save(book), annotations("Projects", range(2, 7)), (), META)
    xml = sheet_xml(exported, "Projects")
    assert xml.count(b"<autoFilter") == 1 and b'<autoFilter ref="A1:K6"' in xml


def test_annotate_workbook_sheet_with_excel_table_gets_no_sheet_autofilter():
    from openpyxl.worksheet.table import Table

    book = simple_book(5)
    book["Projects"].add_table(Table(displayName="Projects", ref="A1:C6"))
    exported = annotate_workbook(save(book), annotations("Projects", range(2, 7)), (), META)
    assert b"<autoFilter" not in sheet_xml(exported, "Projects")
    assert openpyxl.load_workbook(io.BytesIO(exported))["Projects"].tables["Projects"].ref == "A1:C6"


def test_annotate_workbook_tail_elements_stay_in_schema_order():
    exported = annotate_workbook(featured_book(), annotations("Projects", range(2, 8)), (), META)
    tail = sheet_xml(exported, "Projects").split(b"</sheetData>")[1]
    names = [n.decode() for n in re.findall(rb"<(\w+)[ />]", tail)]
    order = [
        n
        for n in ("autoFilter", "conditionalFormatting", "dataValidations", "pageMargins", "legacyDrawing")
        if n in names
    ]
    assert sorted(order, key=names.index) == order and names.count("dataValidations") == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip at all", "not an Excel workbook"),
        (b"", "not an Excel workbook"),
        (b"PK\x03\x04" + b"\x00" * 40, "not an Excel workbook"),
    ],
)
def test_annotate_workbook_not_a_workbook_raises_export_failed(data, message):
    with pytest.raises(ExportFailed, match=message):
        annotate_workbook(data, annotations("Projects", range(2, 3)), (), META)


def test_annotate_workbook_unknown_sheet_raises_export_failed_naming_sheets():
    with pytest.raises(ExportFailed, match='no worksheet called "Nope".*Projects'):
        annotate_workbook(save(simple_book()), annotations("Nope", range(2, 3)), (), META)


def test_annotate_workbook_truncated_zip_raises_export_failed():
    data = save(simple_book(200))
    with pytest.raises(ExportFailed):
        annotate_workbook(data[: len(data) // 2], annotations("Projects", range(2, 3)), (), META)


def test_annotate_workbook_sheet_name_clash_gets_unique_name():
    book = simple_book()
    book.create_sheet("summary")
    exported = annotate_workbook(save(book), annotations("Projects", range(2, 3)), EXTRA, META)
    assert openpyxl.load_workbook(io.BytesIO(exported)).sheetnames[2] == "Summary (2)"

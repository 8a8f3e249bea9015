"""build_workbook (non-xlsx uploads), table_to_csv and table_to_json: the same annotated table three ways."""

from __future__ import annotations

import ast
import csv
import io
import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from portfolio.exporting.model import AnnotationColumn, SheetAnnotations
from portfolio.exporting.newbook import build_workbook
from portfolio.exporting.tabular import csv_field, table_to_csv, table_to_json
from tests.unit.conftest_export import EXTRA, META

HEADER = ["Ref", "Title", "Cost (£)", "Start"]
ROWS = [
    ["P1", '=HYPERLINK("http://evil")', 1200.5, date(2026, 4, 1)],
    ["P2", "Café rollout", None, None],
    ["P3", "-minus", -5, "TBC"],
]
COLUMNS = (AnnotationColumn("User needs", "status"), AnnotationColumn("Decision", "decision", key="decision"))
ANNOTATIONS = SheetAnnotations("Projects", 1, COLUMNS, {2: ("evident", "endorse"), 4: ("missing", "@stop")})


def test_build_workbook_has_original_columns_then_annotations():
    data = build_workbook(HEADER, ROWS, ANNOTATIONS, EXTRA, META)
    rows = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("Projects").to_python()
    assert rows[0] == [*HEADER, "User needs", "Decision"]
    assert rows[1] == ["P1", '=HYPERLINK("http://evil")', 1200.5, "2026-04-01", "evident", "endorse"]
    assert rows[3][-2:] == ["missing", "@stop"]


def test_build_workbook_is_formatted_and_safe():
    book = openpyxl.load_workbook(io.BytesIO(build_workbook(HEADER, ROWS, ANNOTATIONS, EXTRA, META)))
    sheet = book["Projects"]
    assert sheet["A1"].font.b and sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:F4"
    assert (sheet["B2"].data_type, sheet["B2"].quotePrefix) == ("s", True)
    assert book.sheetnames == ["Projects", "Summary", "Board questions", "_portfolio_review"]


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ("=1+2", "'=1+2"),
        ("+44", "'+44"),
        ("-x", "'-x"),
        ("@a", "'@a"),
        ("\tx", "'\tx"),
        ("ok", "ok"),
        (-5, "-5"),
        (2.5, "2.5"),
        (None, ""),
        (True, "TRUE"),
        (date(2026, 1, 2), "2026-01-02"),
        ("a\x00b", "ab"),
    ],
)
def test_csv_field_defuses_formula_text_only(value, field):
    assert csv_field(value) == field


def test_table_to_csv_is_utf8_bom_all_quoted():
    data = table_to_csv(HEADER, ROWS, ANNOTATIONS)
    assert data.startswith(b'\xef\xbb\xbf"Ref","Title","Cost (\xc2\xa3)"')
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[1] == ["P1", '\'=HYPERLINK("http://evil")', "1200.5", "2026-04-01", "evident", "endorse"]
    assert rows[3][-1] == "'@stop" and data.count(b'"') >= 2 * 6 * 4


def test_table_to_json_keeps_types_and_rows():
    document = json.loads(table_to_json(HEADER, ROWS, ANNOTATIONS))
    assert document["columns"][-2:] == ["User needs", "Decision"]
    assert document["rows"][0] == {
        "row": 2,
        "values": ["P1", '=HYPERLINK("http://evil")', 1200.5, "2026-04-01", "evident", "endorse"],
    }
    assert document["rows"][1]["values"][-2:] == [None, None]


PURE_MODULES = (
    "model",
    "cells",
    "package",
    "bookparts",
    "sheetscan",
    "sheetxml",
    "sheettail",
    "styles",
    "newsheets",
    "marker",
    "workbook",
    "newbook",
    "tabular",
    "returned",
)


def test_exporting_pure_modules_import_neither_flask_nor_database():
    folder = Path(__file__).resolve().parents[2] / "portfolio" / "exporting"
    imported = set()
    for path in (folder / f"{name}.py" for name in PURE_MODULES):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
    forbidden = {
        name
        for name in imported
        if name.split(".")[0] in {"flask", "sqlalchemy", "flask_sqlalchemy"}
        or name in {"portfolio.extensions", "portfolio.models"}
    }
    assert not forbidden

"""Test helpers for the workbook export: workbooks built in code, a standard set of annotations, and the
comparison of every package part. Imported explicitly by tests/unit/test_export_*.py (not a pytest conftest).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from portfolio.exporting.model import AnnotationColumn, ExportMeta, ExtraSheet, SheetAnnotations

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
ODDITIES = SHARED / "realdata" / "oddities"
META = ExportMeta("version-42", "Demo trust", datetime(2026, 11, 1, 9, 30, tzinfo=UTC))
COLUMNS = (
    AnnotationColumn("User needs", "status"),
    AnnotationColumn("Clear goals", "status"),
    AnnotationColumn("Score", "number"),
    AnnotationColumn("Flags", "text"),
    AnnotationColumn("Decision", "decision", key="decision"),
    AnnotationColumn("Rationale", "text", key="rationale"),
    AnnotationColumn("Latest comment", "text", key="comment"),
    AnnotationColumn("Project page", "link"),
)
EXTRA = (
    ExtraSheet("Summary", [["Verdict", "Shopping list"], ["Score", 41]], (24, 30)),
    ExtraSheet("Board questions", [["Question"], ["What user need does this meet?"]]),
)


def row_values(number: int) -> tuple[object, ...]:
    """A plausible annotation row for sheet row ``number``."""
    return (
        ("evident", "partial", "missing")[number % 3],
        "missing",
        round(number / 100, 2),
        "big_bang; no_owner",
        "challenge" if number % 2 else None,
        f"Rationale {number}",
        f"Comment {number}",
        f"https://review.example.nhs.uk/projects/{number}",
    )


def annotations(
    sheet: str,
    rows: Mapping[int, tuple[object, ...]] | range,
    header_row: int = 1,
    columns: tuple[AnnotationColumn, ...] = COLUMNS,
) -> SheetAnnotations:
    """SheetAnnotations for ``sheet``: a range of rows gets ``row_values`` for each."""
    if isinstance(rows, range):
        rows = {n: row_values(n) for n in rows}
    return SheetAnnotations(sheet, header_row, columns, rows)


def save(book: openpyxl.Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def simple_book(rows: int = 5, title: str = "Projects") -> openpyxl.Workbook:
    """A header row (bold, filled) and ``rows`` project rows: Ref, Title, Budget."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(["Ref", "Title", "Budget (£)"])
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="FF005EB8")
    for number in range(2, rows + 2):
        sheet.append([f"P{number:03d}", f"Project {number}", number * 1000])
    return book


def featured_book() -> bytes:
    """A workbook carrying every feature the export must keep: other sheets, styles, formulas, defined names,
    comments, validations, conditional formats, hidden sheets and a chart; plus a VBA part. (Images come from
    a real workbook in the shared folder: openpyxl needs Pillow to add one.)"""
    from openpyxl.chart import BarChart, Reference

    book = simple_book(6)
    sheet = book["Projects"]
    sheet["D1"], sheet["D2"] = "Total", "=SUM(C2:C7)"
    sheet["B3"].comment = Comment("Check with finance", "PMO")
    validation = DataValidation(type="list", formula1='"Yes,No"', allow_blank=True)
    sheet.add_data_validation(validation)
    validation.add("E2:E7")
    sheet.conditional_formatting.add(
        "C2:C7",
        CellIsRule(operator="greaterThan", formula=["4000"], fill=PatternFill("solid", fgColor="FFFFC7CE")),
    )
    sheet.freeze_panes = "A2"
    book.defined_names["Budgets"] = DefinedName("Budgets", attr_text="Projects!$C$2:$C$7")
    notes = book.create_sheet("Notes")
    notes["A1"] = "Strategy: make care safer"
    hidden = book.create_sheet("Lookups")
    hidden.sheet_state = "hidden"
    hidden.append(["Stage", "Discovery"])
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=3, min_row=1, max_row=7), titles_from_data=True)
    notes.add_chart(chart, "C3")
    return add_parts(save(book), {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0fake-vba-project"})


def add_parts(data: bytes, parts: Mapping[str, bytes]) -> bytes:
    """``data`` with extra zip entries (e.g. a vbaProject.bin openpyxl cannot make)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info, source.read(info))
        for name, content in parts.items():
            target.writestr(name, content)
    return out.getvalue()


def replace_part(data: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    """``data`` with part ``name`` passed through ``change`` (to build XML openpyxl would not write)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info, change(content) if info.filename == name else content)
    return out.getvalue()


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def changed_parts(original: bytes, exported: bytes) -> set[str]:
    """Names of the original's parts whose bytes differ (or vanished) in the export."""
    before, after = parts(original), parts(exported)
    return {name for name, content in before.items() if after.get(name) != content}


def sheet_xml(data: bytes, sheet: str) -> bytes:
    """The XML of worksheet ``sheet`` (found through workbook.xml and its rels)."""
    from portfolio.exporting.bookparts import open_book

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(open_book(package).sheets[sheet])


def oddity(name: str) -> bytes:
    return (ODDITIES / name).read_bytes()

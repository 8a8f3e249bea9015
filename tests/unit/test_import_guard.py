"""Hostile and broken uploads: each gets ImportRejected with a clear message, quickly, and never a crash."""

from __future__ import annotations

import time

import pytest

from portfolio.importing.errors import ImportRejected
from portfolio.importing.parser import parse_workbook
from portfolio.importing.plan import Limits
from tests.unit.conftest_import import (
    REALDATA,
    inline_cell,
    lie_about_size,
    portfolio_rows,
    raw_xlsx,
    rows_xml,
    xlsx,
    zip_bomb,
)

ODD = REALDATA / "oddities"
BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)
XXE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'


def rejected(data: bytes, filename: str, limits: Limits | None = None) -> str:
    with pytest.raises(ImportRejected) as caught:
        parse_workbook(data, filename, limits=limits or Limits())
    return caught.value.message


@pytest.mark.parametrize(
    ("data", "filename", "words"),
    [
        (b"", "empty.xlsx", "empty"),
        (b"Ref,Title\nA,b\n", "renamed.xlsx", "named .xlsx but is not a real spreadsheet"),
        (b"<html><script>alert(1)</script></html>", "page.xlsx", "web page"),
        (b"<html><script>alert(1)</script></html>", "page.csv", "web page"),
        (b"PK\x03\x04garbage", "broken.xlsx", "damaged"),
        (b"\x00\x01\x02\x03" * 100, "binary.csv", "not a spreadsheet"),
        (b"whatever", "notes.docx", "cannot be imported"),
    ],
)
def test_parse_workbook_wrong_or_broken_file_is_rejected(data: bytes, filename: str, words: str) -> None:
    assert words in rejected(data, filename)


def test_parse_workbook_xlsx_named_csv_is_rejected() -> None:
    assert "named .csv" in rejected(xlsx(portfolio_rows()), "portfolio.csv")


def test_parse_workbook_half_an_xlsx_is_rejected() -> None:
    data = xlsx(portfolio_rows(50))
    assert "damaged" in rejected(data[: len(data) // 2], "half.xlsx")


@pytest.mark.parametrize(
    "name",
    [
        "calamine__pass_protected.xlsx",
        "poi__protect.xlsx",
        "poi__password.xls",
        "messytables__encrypted_no_password.xls",
    ],
)
def test_parse_workbook_encrypted_gives_password_message(name: str) -> None:
    message = rejected((ODD / name).read_bytes(), name)
    assert message == (
        "This workbook is password-protected: remove the password in Excel and upload it again."
    )


def test_parse_workbook_zip_bomb_is_rejected_before_parsing() -> None:
    data = zip_bomb(64 << 20)  # 64 MB of padding packed into about 64 KB
    started = time.perf_counter()
    message = rejected(data, "bomb.xlsx")
    assert "too large when unpacked" in message
    assert time.perf_counter() - started < 1.0


def test_parse_workbook_unpacked_limit_is_a_parameter() -> None:
    assert "too large when unpacked" in rejected(
        zip_bomb(3 << 20), "b.xlsx", Limits(max_unzipped_bytes=2 << 20)
    )


def test_parse_workbook_lying_size_header_is_rejected() -> None:
    data = lie_about_size(zip_bomb(60 << 20), "xl/sharedStrings.xml", 1000)
    assert "damaged" in rejected(data, "liar.xlsx") or "too large" in rejected(data, "liar.xlsx")


def test_parse_workbook_too_many_parts_is_rejected() -> None:
    assert "internal parts" in rejected(xlsx(portfolio_rows()), "p.xlsx", Limits(max_zip_entries=3))


@pytest.mark.parametrize("prolog", [BILLION_LAUGHS, XXE])
def test_parse_workbook_doctype_in_sheet_is_rejected(prolog: str) -> None:
    data = raw_xlsx(rows_xml([["Ref", "Title"], ["A1", "&lol9;"]]), prolog=prolog)
    message = rejected(data, "bomb.xlsx")
    assert "DOCTYPE" in message and "hostname" not in message


def test_parse_workbook_real_entity_bomb_is_rejected() -> None:
    assert "DOCTYPE" in rejected((ODD / "poi__poc-xmlbomb.xlsx").read_bytes(), "bomb.xlsx")


@pytest.mark.parametrize(
    ("row", "ref", "words"),
    [
        (1048576, "XFD1048576", "column 16,384"),  # calamine would abort the whole process on this
        (2000000, "ZZZZ2000000", "column 475,254"),  # outside Excel's grid
        (1048576, "A1048576", "row 1,048,576"),
    ],
)
def test_parse_workbook_far_cell_is_rejected_quickly(row: int, ref: str, words: str) -> None:
    data = raw_xlsx(
        f'<row r="1">{inline_cell("A1", "Title")}</row><row r="{row}">{inline_cell(ref, "y")}</row>'
    )
    started = time.perf_counter()
    assert words in rejected(data, "far.xlsx")
    assert time.perf_counter() - started < 1.0


def test_parse_workbook_styled_padding_cells_are_ignored() -> None:
    padding = '<row r="1048576"><c r="XFD1048576" s="1"/></row>'
    data = raw_xlsx(rows_xml([["Ref", "Title"], ["A1", "EPR"]]) + padding, dimension="A1:XFD1048576")
    plan = parse_workbook(data, "padded.xlsx")
    assert [r.title for r in plan.records] == ["EPR"]


def test_parse_workbook_dimension_too_small_still_reads_every_row() -> None:
    rows = [["Ref", "Title"]] + [[f"R{i}", f"Project {i}"] for i in range(1, 10)]
    plan = parse_workbook(raw_xlsx(rows_xml(rows), dimension="A1:A2"), "small-dim.xlsx")
    assert len(plan.records) == 9


def test_parse_workbook_row_limit_is_rejected_naming_the_limit() -> None:
    message = rejected(xlsx(portfolio_rows(30)), "p.xlsx", Limits(max_rows=10))
    assert "more than 10 rows" in message


@pytest.mark.parametrize(
    ("rows", "words"),
    [
        ([], "only sheet is empty"),
        ([[None, None]], "only sheet is empty"),
    ],
)
def test_parse_workbook_empty_sheet_is_rejected(rows: list[list[object]], words: str) -> None:
    assert words in rejected(xlsx(rows), "empty.xlsx")


def test_parse_workbook_formula_without_value_is_warned() -> None:
    cells = f'<row r="1">{inline_cell("A1", "Title")}<c r="B1" t="inlineStr"><is><t>Cost</t></is></c></row>'
    cells += f'<row r="2">{inline_cell("A2", "EPR")}<c r="B2"><f>1+2</f></c></row>'
    plan = parse_workbook(raw_xlsx(cells), "formula.xlsx")
    assert [
        (p.row, p.column) for p in plan.problems if "B2 is a formula with no saved value" in p.message
    ] == [(2, "Cost")]


def _row(number: int, *cells: str, formula_in: str | None = None) -> str:
    """A sheet row of inline strings; ``formula_in`` (a column letter) holds =1+2 saved without its value."""
    xml = "".join(inline_cell(f"{chr(65 + i)}{number}", text) for i, text in enumerate(cells))
    if formula_in:
        xml += f'<c r="{formula_in}{number}"><f>1+2</f></c>'
    return f'<row r="{number}">{xml}</row>'


@pytest.mark.parametrize(
    ("row", "listed"),
    [
        (_row(4, "P-2", "Bed board", "Ops", formula_in="D"), True),  # a project's cost: its value is lost
        (_row(4, "TOTAL", "", "", formula_in="D"), False),  # a totals row is left out: nothing is lost
        (_row(4, "Digital programme", formula_in="D"), False),  # a heading row, left out
    ],
)
def test_parse_workbook_lists_formulas_without_values_only_in_rows_it_imports(row: str, listed: bool) -> None:
    cells = _row(1, "Digital projects 2026", formula_in="B")  # a title row above the header: not data
    cells += _row(2, "Ref", "Title", "Owner", "Cost")
    cells += _row(3, "P-1", "EPR", "CIO", "10")
    plan = parse_workbook(raw_xlsx(cells + row), "formula.xlsx")
    formulas = [p.row for p in plan.problems if "formula with no saved value" in p.message]
    assert formulas == ([4] if listed else [])
    assert [r.ref for r in plan.records] == (["P-1", "P-2"] if listed else ["P-1"])


def test_parse_workbook_huge_cell_is_cut_with_a_problem() -> None:
    rows = portfolio_rows(1)
    rows[1][2] = "x" * (10 << 20)  # a 10 MB cell
    data = raw_xlsx(rows_xml([[str(v) for v in row] for row in rows]))
    plan = parse_workbook(data, "big-cell.xlsx")
    assert len(plan.records[0].text["description"]) == 32_767
    assert any("only the first 32,767" in p.message for p in plan.problems)


def test_parse_workbook_control_characters_are_cleaned() -> None:
    data = raw_xlsx(rows_xml([["Ref", "Title"], ["A1", "EPR&#x1F; phase&#x0B;2"]]))
    plan = parse_workbook(data, "ctrl.xlsx")
    assert plan.records[0].title == "EPR phase2"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (b'Ref,Title\nA,"never closed\nB,y\nC,z\n', "Row 2 of the CSV file opens a quote"),
        (b"Ref,Title\nA," + b"x" * 200_000 + b"\n", "Row 2 of the CSV file has a value"),
    ],
)
def test_parse_workbook_broken_csv_is_rejected_naming_the_row(text: bytes, words: str) -> None:
    assert words in rejected(text, "broken.csv")


def test_parse_workbook_calamine_dos_ods_is_rejected() -> None:
    rejected((ODD / "calamine__issue_594_dos.ods").read_bytes(), "dos.ods")

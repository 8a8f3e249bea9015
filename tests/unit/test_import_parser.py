"""parse_workbook end to end: the labelled workbooks, layouts trusts really use, overrides and CSV forms."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import PatternFill

from portfolio.importing.errors import ImportRejected
from portfolio.importing.parser import parse_workbook
from tests.unit.conftest_import import LABELLED, PORTFOLIO_HEADER, portfolio_rows, xlsx

WORKBOOKS = sorted(LABELLED.glob("*.xlsx"))


def labels(path: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(path.with_suffix("").with_suffix(".labels.json").read_text())


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.stem)
def test_parse_workbook_labelled_gives_labelled_sheet_header_and_mapping(path: Path) -> None:
    expected = labels(path)
    plan = parse_workbook(path.read_bytes(), path.name)
    assert (plan.sheet, plan.header_row) == (expected["sheet"], expected["header_row"])
    assert plan.mapping == {h: (None if f == "other" else f) for h, f in expected["columns"].items()}


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.stem)
def test_parse_workbook_labelled_gives_every_project_at_its_row(path: Path) -> None:
    expected = labels(path)
    plan = parse_workbook(path.read_bytes(), path.name)
    assert {r.ref: r.row for r in plan.records} == {ref: p["row"] for ref, p in expected["projects"].items()}


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.stem)
def test_parse_workbook_labelled_gives_objectives_and_team_size(path: Path) -> None:
    expected = labels(path)["portfolio"]
    plan = parse_workbook(path.read_bytes(), path.name)
    assert list(plan.context.objectives) == expected["strategic_objectives"]
    assert plan.context.in_house_fte == expected["in_house_fte"]


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.stem)
def test_parse_workbook_labelled_preselects_the_data_sheet(path: Path) -> None:
    plan = parse_workbook(path.read_bytes(), path.name)
    assert [s.name for s in plan.sheets if s.looks_like_projects] == [labels(path)["sheet"]]


def test_parse_workbook_wyvern_reads_text_money_and_dates() -> None:
    path = LABELLED / "wyvern_coast_digital_tracker_2025-26.xlsx"
    plan = parse_workbook(path.read_bytes(), path.name)
    first = plan.records[0]
    assert (first.ref, first.budget, first.start_date, first.rag, first.priority) == (
        "DIG-001",
        18_500_000.0,
        date(2026, 1, 1),
        "amber",
        "critical",
    )
    assert "Row 34 looks like a totals row and was left out." in plan.notes
    assert any(n.startswith("Row 24 (") and "heading or note" in n for n in plan.notes)


def test_parse_workbook_kestermoor_sums_capital_and_revenue_in_pounds() -> None:
    path = LABELLED / "kestermoor_teaching_digital_register.xlsx"
    plan = parse_workbook(path.read_bytes(), path.name)
    first = plan.records[0]
    assert first.budget == 85_000.0
    assert [(b.header, b.amount, b.kind) for b in first.budget_lines] == [
        ("Capital (£k)", 0.0, "capital"),
        ("Revenue (£k pa)", 85_000.0, "revenue"),
    ]
    assert first.priority == "high" and first.extras["Product team"] == "Inpatient"


def test_parse_workbook_brackenfield_leaves_out_the_totals_row_and_warns_of_tbc() -> None:
    path = LABELLED / "brackenfield_doveham_imt_projects.xlsx"
    plan = parse_workbook(path.read_bytes(), path.name)
    # Row 45 is the TOTAL row, whose =SUM() openpyxl saved without a value: left out, so nothing is lost.
    assert "Row 45 looks like a totals row and was left out." in plan.notes
    assert not [p for p in plan.problems if p.row == 45]
    tbc = [p for p in plan.problems if p.row == 5 and p.column == "Start Date"]
    assert tbc and tbc[0].severity == "note" and "'TBC' means no date yet" in tbc[0].message
    assert plan.columns[0].label == "PROJECT / Project ID"


def test_parse_workbook_two_row_header_gives_group_labels_and_budget_lines() -> None:
    rows = [["", "", "Finance", ""], ["Ref", "Project", "Capital £k", "Revenue £k"], ["A1", "EPR", 100, 20]]
    plan = parse_workbook(xlsx(rows), "grouped.xlsx")
    assert plan.header_row == 2
    assert [c.label for c in plan.columns] == [
        "Ref",
        "Project",
        "Finance / Capital £k",
        "Finance / Revenue £k",
    ]
    assert plan.records[0].budget == 120_000.0


def test_parse_workbook_title_rows_blank_rows_and_totals_are_left_out() -> None:
    rows = [
        ["NHS Trust digital portfolio"],
        ["Last updated 01/10/2025"],
        [],
        *portfolio_rows(3),
        [],
        ["", "Total", "", "", 6000.0],
    ]
    plan = parse_workbook(xlsx(rows), "titled.xlsx")
    assert plan.header_row == 4
    assert [r.row for r in plan.records] == [5, 6, 7]
    assert "Row 9 looks like a totals row and was left out." in plan.notes


def test_parse_workbook_override_mapping_wins() -> None:
    plan = parse_workbook(xlsx(portfolio_rows()), "p.xlsx", mapping={"Summary": None, "SRO": "clinical_lead"})
    assert plan.mapping["Summary"] is None and plan.mapping["SRO"] == "clinical_lead"
    assert plan.records[0].extras["Summary"].startswith("Summary of project 1")
    assert plan.records[0].text["clinical_lead"] == "COO"


def test_parse_workbook_override_unknown_field_is_rejected() -> None:
    with pytest.raises(ImportRejected, match="not a field"):
        parse_workbook(xlsx(portfolio_rows()), "p.xlsx", mapping={"SRO": "boss"})


def test_parse_workbook_chosen_sheet_and_header_row_are_used() -> None:
    data = xlsx([["x"]], "Cover", Projects=[["Notes"], *portfolio_rows(2)])
    plan = parse_workbook(data, "p.xlsx", sheet="Projects", header_row=2)
    assert (plan.sheet, plan.header_row, len(plan.records)) == ("Projects", 2, 2)


def test_parse_workbook_unknown_sheet_is_rejected_listing_sheets() -> None:
    with pytest.raises(ImportRejected, match="no sheet called 'Nope'.*'Projects'"):
        parse_workbook(xlsx(portfolio_rows()), "p.xlsx", sheet="Nope")


def test_parse_workbook_codes_stay_text_in_ref() -> None:
    rows = [["Ref", "Title"], ["00123", "A"], ["1E5", "B"], ["TRUE", "C"]]
    plan = parse_workbook(xlsx(rows), "codes.xlsx")
    assert [r.ref for r in plan.records] == ["00123", "1E5", "TRUE"]


def test_parse_workbook_unparseable_values_kept_as_text_with_problem() -> None:
    rows = portfolio_rows(1)
    rows[1][5], rows[1][7] = "next spring", "Purple"
    plan = parse_workbook(xlsx(rows), "p.xlsx")
    record = plan.records[0]
    assert (record.text["start_date"], record.start_date, record.text["rag"], record.rag) == (
        "next spring",
        None,
        "Purple",
        None,
    )
    assert {(p.sheet, p.row, p.column) for p in plan.problems} == {
        ("Projects", 2, "Start"),
        ("Projects", 2, "RAG"),
    }


def test_parse_workbook_columns_carry_samples_and_confidence() -> None:
    plan = parse_workbook(xlsx(portfolio_rows(5)), "p.xlsx")
    title = next(c for c in plan.columns if c.field == "title")
    assert title.samples == ("Project 1", "Project 2", "Project 3") and title.confidence == 1.0
    assert [c.header for c in plan.columns] == list(PORTFOLIO_HEADER)


@pytest.mark.parametrize(
    ("data", "encoding_note"),
    [
        ("Ref;Project;Cost\nA1;EPR – phase 2;£1,200\n".encode("cp1252"), "cp1252"),
        ("\ufeffRef,Project,Cost\nA1,EPR – phase 2,£1200\n".encode(), None),
        ("Ref\tProject\tCost\nA1\tEPR – phase 2\t£1200\n".encode("utf-16"), None),
        ("Ref,Project,Cost\r\nA1,EPR – phase 2,£1200\r\n".encode("latin-1", errors="replace"), None),
    ],
)
def test_parse_workbook_csv_encodings_and_delimiters_give_same_record(
    data: bytes, encoding_note: str | None
) -> None:
    plan = parse_workbook(data, "list.csv")
    record = plan.records[0]
    assert (record.ref, record.budget) == ("A1", 1200.0)
    assert record.title.startswith("EPR")
    assert (encoding_note is None) or any(encoding_note in n for n in plan.notes)


def test_parse_workbook_csv_ragged_row_keeps_extra_values() -> None:
    plan = parse_workbook(b"Ref,Project\nA1,EPR,surprise\nA2,PACS\n", "ragged.csv")
    assert plan.records[0].extras == {"Column C": "surprise"}
    assert len(plan.records) == 2
    assert [(p.row, p.column, p.severity) for p in plan.problems] == [(2, "Column C", "note")]


def test_parse_workbook_transposed_sheet_is_turned_round() -> None:
    rows = [
        ["Project name", "EPR", "PACS", "Wi-Fi", "Portal"],
        ["Department", "A", "B", "C", "D"],
        ["Description", "d1", "d2", "d3", "d4"],
        ["Start date", "01/04/2025", "", "", ""],
        ["End date", "", "", "", ""],
    ]
    plan = parse_workbook(xlsx(rows), "turned.xlsx")
    assert [r.title for r in plan.records] == ["EPR", "PACS", "Wi-Fi", "Portal"]
    assert plan.records[0].start_date == date(2025, 4, 1)


def test_parse_workbook_rag_held_only_as_fill_colour_is_read() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Ref", "Title", "RAG"])
    for i, colour in enumerate(["FF0000", "FFC000", "00B050", None, "D9D9D9"], start=2):
        sheet.append([f"R{i}", f"Project {i}", None])
        if colour:
            sheet.cell(row=i, column=3).fill = PatternFill("solid", fgColor=colour)
    out = io.BytesIO()
    book.save(out)
    plan = parse_workbook(out.getvalue(), "colours.xlsx")
    assert [r.rag for r in plan.records] == ["red", "amber", "green", None, None]  # grey is no rating

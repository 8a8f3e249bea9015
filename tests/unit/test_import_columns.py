"""Header detection, column mapping (synonyms, keywords, fuzzy, values) and portfolio context."""

from __future__ import annotations

import pytest

from portfolio.importing.columns import map_columns
from portfolio.importing.context import build_context, find_capacity, find_objectives
from portfolio.importing.header import detect_header, looks_transposed


def mapped(headers: list[str], samples: list[list[str]] | None = None) -> list[str | None]:
    samples = samples or [[] for _ in headers]
    return [c.field for c in map_columns(headers, headers, samples)]


@pytest.mark.parametrize(
    ("header", "field"),
    [
        # GMPP aliases (RUBRIC.md), current and 2019 layouts
        ("Major Projects ID", "ref"),
        ("GMPP ID Number", "ref"),
        ("Project Name", "title"),
        ("Department", "trust"),
        ("Project Description", "description"),
        ("Description / Aims", "description"),
        ("IPA Delivery Confidence Assessment", "rag"),
        ("Start Date", "start_date"),
        ("End Date", "end_date"),
        ("Project - Start Date (Latest Approved Start Date)", "start_date"),
        ("Whole Life Cost (£m)", "budget"),
        ("TOTAL Baseline Whole Life Costs (£m)", "budget"),
        ("SRO Name", "owner"),
        ("Departmental Narrative on Budgeted Benefits", "benefits"),
        ("Financial Year Baseline (£m)", None),
        ("Annual Report Category", None),
        ("Schedule Narrative", None),
        # trust wording
        ("Senior Responsible Owner (SRO)", "owner"),
        ("Exec Sponsor", "owner"),
        ("Clinical Champion", "clinical_lead"),
        ("Outcomes (what changes for patients/staff)", "benefits"),
        ("How we'll measure it", "kpis"),
        ("Link to Trust Strategy", "strategic_objective"),
        ("Supplier / Partner", "supplier"),
        ("DCA", "rag"),
        ("Priority (1-3)", "priority"),
        ("Target end", "end_date"),
        ("projectName", "title"),
        ("wlc_baseline_incl_NCG", "budget"),
        ("colour_rating", "rag"),
        # look like a field, are not it
        ("Project Manager", None),
        ("Product owner", None),
        ("Funding", None),
        ("Next review", None),
        ("Decision log / latest update", None),
        ("Benefits (£m)", None),
    ],
)
def test_map_columns_header_alone_gives_field(header: str, field: str | None) -> None:
    assert mapped([header]) == [field]


def test_map_columns_fuzzy_typo_gives_field() -> None:
    column = map_columns(["Supplierr"], ["Supplierr"], [[]])[0]
    assert (column.field, column.how) == ("supplier", "fuzzy") and 0.5 < column.confidence < 1


def test_map_columns_two_capital_revenue_columns_both_budget() -> None:
    assert mapped(["Capital (£k)", "Revenue (£k pa)"]) == ["budget", "budget"]


def test_map_columns_two_plain_budget_columns_keep_whole_life_cost() -> None:
    assert mapped(["yearly budget amount", "Whole life cost"]) == [None, "budget"]


@pytest.mark.parametrize(
    ("headers", "samples", "fields"),
    [
        # a year's cost is the budget when it is the only amount the register has ...
        (["Initiative", "26/27 cost £k"], [["Ward app", "Bed board"], ["85", "40"]], ["title", "budget"]),
        (["Budget 2025/26 (£k)"], [["120", "45.5", "300"]], ["budget"]),
        # ... but not beside the whole cost, nor when it is spend or a forecast, nor when its values are words
        (["Whole life cost £m", "2016/17 Baseline £m"], [["12", "4"], ["3", "1"]], ["budget", None]),
        (["Forecast 25/26 £k"], [["12", "4"]], [None]),
        (["26/27 cost £k"], [["see business case", "tbc"]], [None]),
    ],
)
def test_map_columns_year_amount_is_the_budget_only_when_alone(
    headers: list[str], samples: list[list[str]], fields: list[str | None]
) -> None:
    assert mapped(headers, samples) == fields


def test_map_columns_values_disagreeing_with_keyword_header_unmap_it() -> None:
    header = "Final Estimate of Actual Costs Through End of Phase Amount"  # "end" would make it an end date
    column = map_columns([header], [header], [["206654.00", "0.00", "79351.00", "5", "6"]])[0]
    assert (column.field, column.how) == (None, "unmapped")


@pytest.mark.parametrize(
    ("samples", "field"),
    [
        (["Red", "Amber", "G", "A/R"], "rag"),
        (["High", "Low", "Medium"], "priority"),
        (["Mar-26", "Q3 2025/26", "01/04/2025"], "start_date"),
        (["£1.2m", "£450k", "£30,000"], "budget"),
    ],
)
def test_map_columns_unnamed_column_values_give_field(samples: list[str], field: str) -> None:
    column = map_columns(["Title", "Column B"], ["Title", "Column B"], [["EPR", "PACS"], samples])[1]
    assert (column.field, column.how, column.confidence) == (field, "values", 0.6)


def test_map_columns_no_title_header_picks_wordy_column() -> None:
    columns = map_columns(
        ["Code", "Thing", "Amount"],
        ["Code", "Thing", "Amount"],
        [["A1", "A2", "A3"], ["New patient portal", "Replace core network", "E-obs wards"], ["1", "2", "3"]],
    )
    assert [(c.field, c.how) for c in columns] == [("ref", "header"), ("title", "values"), (None, "unmapped")]


@pytest.mark.parametrize(
    ("rows", "expected_row"),
    [
        (
            [
                ["Trust portfolio 2025"],
                ["Last updated 01/10/25"],
                [],
                ["Ref", "Title", "SRO", "RAG"],
                ["A", "b", "c", "R"],
                ["B", "c", "d", "G"],
            ],
            3,
        ),
        ([["Ref", "Title", "SRO"], ["A", "b", "c"]], 0),
        ([["PROJECT", "", "OWNER"], ["Ref", "Title", "SRO"], ["A", "b", "c"]], 1),
    ],
)
def test_detect_header_below_titles_gives_row(rows: list[list[str]], expected_row: int) -> None:
    assert detect_header(rows).row == expected_row


def test_detect_header_group_row_gives_merged_labels() -> None:
    rows = [
        ["", "Finance", "", "Dates", ""],
        ["Title", "Capital £k", "Revenue £k", "Start", "End"],
        ["x", 1, 2, "", ""],
    ]
    guess = detect_header(rows, merges=[((0, 1), (0, 2))])
    assert guess.labels == (
        "Title",
        "Finance / Capital £k",
        "Finance / Revenue £k",
        "Dates / Start",
        "Dates / End",
    )
    assert (guess.row, guess.group_row) == (1, 0)


def test_detect_header_sheet_without_header_gives_minus_one() -> None:
    rows = [
        ["393-86", "National Archives", "$26.538", "3"],
        ["393-87", "National Archives", "$11.872", "2"],
        ["393-88", "National Archives", "$2.830", "4"],
    ]
    assert detect_header(rows).row == -1


def test_looks_transposed_field_names_down_column_a_gives_true() -> None:
    rows = [
        ["Project name", "EPR", "PACS"],
        ["Department", "A", "B"],
        ["Description", "x", "y"],
        ["Start date", "", ""],
        ["End date", "", ""],
    ]
    assert looks_transposed(rows) and not looks_transposed(list(map(list, zip(*rows, strict=True))))


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [
                ["Strategic aims", ""],
                ["SO1", "Recover planned care"],
                ["SO2", "Urgent care"],
                ["", ""],
                ["Other", "x"],
            ],
            ("SO1 Recover planned care", "SO2 Urgent care"),
        ),
        (
            [["Trust strategic objectives 2024-2029", ""], ["1.", "Excellent care"], ["2.", "Valued staff"]],
            ("Excellent care", "Valued staff"),
        ),
        (
            [["Strategic objectives", ""], ["", "SO1 Faster diagnosis"], ["", "SO2 Right care"]],
            ("SO1 Faster diagnosis", "SO2 Right care"),
        ),
        (
            [
                ["Trust strategic objectives (Board)", "", "Priority"],
                ["Quality", "", "P1"],
                ["People", "", "P2"],
            ],
            ("Quality", "People"),
        ),
        (  # the codes in a column of their own, left of the heading
            [["Ref", "Trust objective 2026/27"], ["O1", "Elective recovery"], ["O2", "Urgent care"]],
            ("O1 Elective recovery", "O2 Urgent care"),
        ),
        (  # a long heading line, and a note of two sentences under the list that is not an objective
            [
                ["Digital Strategy 2024-27 (Trust Board, Jul-24) - strategic aims:"],
                ["A1 Safe and timely hospital care"],
                ["A2 Supporting our people"],
                ["Strategy refresh planned for 2027. 'Strategic Aim' is free text in the PPM tool."],
            ],
            ("A1 Safe and timely hospital care", "A2 Supporting our people"),
        ),
        ([["Nothing here", "at all"]], ()),
        (  # "Our four aims": the heading names them without the word "strategic"
            [
                ["Our four aims (trust strategy 'Closer, Safer, Sooner' 2026-31)"],
                ["Aim 1 Nobody waits"],
                ["Aim 2 Care close to home"],
            ],
            ("Aim 1 Nobody waits", "Aim 2 Care close to home"),
        ),
        (  # a drop-down sheet: each column its own list under its own heading
            [
                ["Strategic Theme (trust strategy 2025-30)", "RAG", "Priority"],
                ["Outstanding care, every time", "G", "P1"],
                ["Sustainable finances", "A", "P2"],
                ["", "R", "P3"],
            ],
            ("Outstanding care, every time", "Sustainable finances"),
        ),
        (  # written on one line in a notes row, to the end of its sentence
            [["Updated 25/11/26. Strategy 2025-28 goals: Goal 1 Right response | Goal 2 Crews back sooner. "
              "Digital Services: 24 WTE"]],
            ("Goal 1 Right response", "Goal 2 Crews back sooner"),
        ),
        ([["Trust goals 2025-28"], ["G1", "Faster diagnosis"], ["G2", "Flow"]], ("G1 Faster diagnosis", "G2 Flow")),
        ([["Aims: see the 'Plan on a page' tab."]], ()),  # a pointer, not a list
        ([["Priorities: 1 = do first; 2 = next; 3 = when capacity allows"]], ()),  # a key to a column
    ],
)
def test_find_objectives_layouts_give_list(rows: list[list[str]], expected: tuple[str, ...]) -> None:
    assert find_objectives(rows) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (
            ["In-house digital team: 22 FTE (3 multidisciplinary product teams)", "CNIO 0.6 WTE funded"],
            (22.0, 3),
        ),
        (["In-house digital team (IM&T): 11 WTE in post (establishment 14)"], (11.0, None)),
        (["CNIO 0.6 WTE funded"], (None, None)),
    ],
)
def test_find_capacity_sentences_give_fte_and_teams(
    texts: list[str], expected: tuple[float | None, int | None]
) -> None:
    assert find_capacity(texts) == expected


@pytest.mark.parametrize(
    ("row", "fte"),
    [
        # the unit in the label cell, the number in the next one
        (["In-house IT & digital staff (WTE)", 9.0], 9.0),
        (["In-house digital FTE (establishment)", "6.0"], 6.0),
        (["Of which project managers", 2.0], None),
        (["Digital directorate (WTE)", 64.0], 64.0),
        (["Digital & Data establishment, on the trust payroll (WTE)", "31.0"], 31.0),
    ],
)
def test_build_context_reads_a_label_with_its_unit_beside_the_number(
    row: list[object], fte: float | None
) -> None:
    assert build_context([[row]], []).in_house_fte == fte


def test_build_context_takes_the_labelled_size_over_a_part_mentioned_in_a_sentence() -> None:
    rows = [["Delivery teams", "8 teams. Service desk (14 WTE) is not a delivery team."],
            ["Digital directorate, substantive (WTE)", 52.0]]
    assert build_context([rows], []).in_house_fte == 52.0


def test_build_context_reads_objectives_from_the_notes_rows_when_no_sheet_lists_them() -> None:
    notes = [["Strategy 2025-2030 - strategic objectives: SO1 Care closer to home | SO2 Supporting our people"]]
    assert build_context([], notes).objectives == ("SO1 Care closer to home", "SO2 Supporting our people")


def test_build_context_reads_label_number_and_unit_in_cells_side_by_side() -> None:
    rows = [["Digital Services in-house", 14.0, "FTE: product team 6, infrastructure 5, PMO 3"],
            ["Clinical", "CCIO 2 PAs/wk", ""]]
    assert build_context([rows], []).in_house_fte == 14.0

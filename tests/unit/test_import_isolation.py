"""The child-process parse gives the same plan as the direct one, and survives what would kill a process."""

from __future__ import annotations

import pytest

from portfolio.importing.errors import ImportRejected
from portfolio.importing.isolation import parse_workbook_isolated
from portfolio.importing.parser import parse_workbook
from portfolio.importing.plan import Limits
from portfolio.importing.planjson import plan_from_dict, plan_to_dict
from tests.unit.conftest_import import LABELLED, inline_cell, portfolio_rows, raw_xlsx, xlsx


def test_parse_workbook_isolated_gives_the_same_plan() -> None:
    path = LABELLED / "kestermoor_teaching_digital_register.xlsx"
    assert parse_workbook_isolated(path.read_bytes(), path.name) == parse_workbook(
        path.read_bytes(), path.name
    )


def test_parse_workbook_isolated_passes_options_through() -> None:
    data = xlsx(portfolio_rows(3))
    plan = parse_workbook_isolated(data, "p.xlsx", header_row=1, mapping={"SRO": None})
    assert plan.mapping["SRO"] is None and plan == parse_workbook(data, "p.xlsx", mapping={"SRO": None})


def test_parse_workbook_isolated_rejection_keeps_its_message() -> None:
    with pytest.raises(ImportRejected, match="more than 2 rows"):
        parse_workbook_isolated(xlsx(portfolio_rows(10)), "p.xlsx", limits=Limits(max_rows=2))


def test_parse_workbook_isolated_memory_cap_gives_rejection_not_crash() -> None:
    # With the column guard lifted, calamine would allocate 17 billion cells: the capped child dies instead.
    data = raw_xlsx(
        f'<row r="1">{inline_cell("A1", "Title")}</row><row r="9000">{inline_cell("XFD9000", "y")}</row>'
    )
    lifted = Limits(max_columns=20_000, max_cells=10**12)
    with pytest.raises(ImportRejected, match="could not be read safely"):
        parse_workbook_isolated(data, "far.xlsx", limits=lifted, memory_bytes=512 << 20, timeout=20)


@pytest.mark.parametrize("path", sorted(LABELLED.glob("*.xlsx")), ids=lambda p: p.stem)
def test_plan_json_round_trip_gives_equal_plan(path: object) -> None:
    plan = parse_workbook(path.read_bytes(), path.name)  # type: ignore[attr-defined]
    assert plan_from_dict(plan_to_dict(plan)) == plan

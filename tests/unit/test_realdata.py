"""Every real spreadsheet in shared/realdata parses into a plan or is rejected with a clear message, each in
a child process capped at 1.5 GB of address space and 10 seconds (so a crash or hang fails one case only).
The real portfolios import with a sensible title column."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from portfolio.importing.errors import ImportRejected
from portfolio.importing.isolation import parse_workbook_isolated
from tests.unit.conftest_import import REALDATA

FILES = sorted(p for p in REALDATA.glob("*/*") if p.suffix != ".md")
CAP = 1536 << 20
UNSAFE = "could not be read safely"

#: What each real portfolio's title column is called; its sheet when the workbook has several.
TITLES = {
    "bc_major_projects_inventory_q1_2025.xlsx": ("PROJECT_NAME", "mpi_dataset_q1_2025"),
    "canada_gc_it_projects_2016.csv": ("projectName", None),
    "canada_gc_it_projects_2022.csv": ("projectName", None),
    "gmpp_uk_2014.csv": ("Project name", None),  # transposed: projects across columns
    "gmpp_uk_2017.csv": ("Project Name", None),
    "gmpp_uk_2020.csv": ("project_name", None),
    "gmpp_uk_2022.csv": ("project_name", None),
    "gmpp_uk_2023.csv": ("project_name", None),
    "ngi_nlnet_projects_tracker.ods": ("nlnet project", "PET"),
    "nyc_sca_capital_project_schedules_and_budgets.csv": ("Project School Name", None),
    "uk_digital_marketplace_dos_opportunities_2018.csv": ("Opportunity", None),
    "worldbank_projects_fy2010_1_500.xlsx": ("Project Name", "data"),
    "worldbank_projects_fy2023_500_1000.xlsx": ("Project Name", "data"),
}


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_realdata_file_parses_or_is_rejected_clearly(path: Path) -> None:
    started = time.perf_counter()
    try:
        plan = parse_workbook_isolated(path.read_bytes(), path.name, memory_bytes=CAP, timeout=10)
    except ImportRejected as exc:
        assert UNSAFE not in exc.message and exc.message.endswith(".")
    else:
        assert plan.sheet in [s.name for s in plan.sheets]
        assert all(p.message and p.sheet == plan.sheet for p in plan.problems)
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize(("name", "expected"), sorted(TITLES.items()))
def test_realdata_portfolio_imports_with_its_title_column(
    name: str, expected: tuple[str, str | None]
) -> None:
    path = REALDATA / "portfolios" / name
    plan = parse_workbook_isolated(path.read_bytes(), name, memory_bytes=CAP, timeout=10)
    title, sheet = expected
    assert [c.header for c in plan.columns if c.field == "title"] == [title]
    assert sheet is None or plan.sheet == sheet
    assert len(plan.records) >= 40
    assert sum(1 for r in plan.records if not r.title.startswith("(untitled")) >= 0.9 * len(plan.records)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("calamine__pass_protected.xlsx", "password-protected"),
        ("poi__poc-xmlbomb.xlsx", "DOCTYPE"),
        ("openpyxl__null_file.xlsx", "empty"),
        ("sheetjs__Attendance.numbers", "Apple Numbers"),
        ("poi__SampleSS.xml", "Excel 2003 XML"),
        ("calamine__too_small.xls", "not a real spreadsheet"),
    ],
)
def test_realdata_oddity_is_rejected_with_its_reason(name: str, words: str) -> None:
    path = REALDATA / "oddities" / name
    with pytest.raises(ImportRejected, match=words):
        parse_workbook_isolated(path.read_bytes(), name, memory_bytes=CAP, timeout=10)

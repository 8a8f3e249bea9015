"""LibreOffice opens every kind of export and shows the annotation columns with their values.

Needs the Debian package ``libreoffice-calc`` (``soffice``); skipped cleanly where it is not installed.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from portfolio.exporting.newbook import build_workbook
from portfolio.exporting.workbook import annotate_workbook
from tests.unit.conftest_export import EXTRA, META, annotations, featured_book, oddity, row_values

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (apt package libreoffice-calc) not installed"
)


def convert_to_csv(data: bytes, tmp_path: Path, suffix: str = ".xlsx") -> list[list[str]]:
    """The first sheet as LibreOffice sees it, through a headless CSV conversion."""
    source = tmp_path / f"export{suffix}"
    source.write_bytes(data)
    profile = (
        f"-env:UserInstallation=file://{tmp_path}/profile"  # a private profile: tests can run in parallel
    )
    subprocess.run(  # noqa: S603 - a fixed program and arguments, the file is one the test wrote
        [
            SOFFICE,
            profile,
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with (tmp_path / "export.csv").open(encoding="utf-8") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize(
    ("make", "suffix"),
    [
        (
            lambda: annotate_workbook(featured_book(), annotations("Projects", range(2, 8)), EXTRA, META),
            ".xlsx",
        ),
        (
            lambda: annotate_workbook(
                oddity("calamine__vba.xlsm"), annotations("Sheet1", range(2, 4)), (), META
            ),
            ".xlsm",
        ),
        (
            lambda: build_workbook(
                ["Ref", "Title"],
                [["P1", "=1+1"], ["P2", "b"]],
                annotations("Projects", range(2, 4)),
                EXTRA,
                META,
            ),
            ".xlsx",
        ),
    ],
    ids=["annotated", "macro-enabled", "fresh"],
)
def test_libreoffice_export_shows_annotation_columns(make, suffix, tmp_path):
    rows = convert_to_csv(make(), tmp_path, suffix)
    header = rows[0]
    start = header.index("User needs")
    assert header[start:] == [
        "User needs",
        "Clear goals",
        "Score",
        "Flags",
        "Decision",
        "Rationale",
        "Latest comment",
        "Project page",
    ]
    assert rows[1][start : start + 2] == list(row_values(2)[:2])
    assert rows[1][-1] == row_values(2)[-1] and rows[2][start + 5] == "Rationale 3"

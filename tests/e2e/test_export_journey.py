"""Export and round trip in a real browser: download the demo portfolio's annotated workbook, open it in
LibreOffice (headless) and find the review columns, record a decision offline, upload it back, confirm."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from portfolio.demo import DEMO_PORTFOLIO, DEMO_USERS
from tests.e2e.conftest import check_accessibility, sign_in

BOARD_EMAIL, _, _, BOARD_PASSWORD = DEMO_USERS[1]
SOFFICE = shutil.which("soffice")


def libreoffice_sheets(path: Path, out: Path) -> dict[str, list[list[str]]]:
    """Every sheet of the workbook as LibreOffice reads it, converted headless to CSV (one file per sheet)."""
    if SOFFICE is None:
        pytest.fail("LibreOffice is needed: apt-get install libreoffice-calc")
    subprocess.run(  # noqa: S603 - fixed program; the file is the one the test downloaded
        [SOFFICE, f"-env:UserInstallation=file://{out}/profile", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", str(out),
         str(path)], check=True, capture_output=True, timeout=240)
    return {p.stem.split("-", 1)[1]: list(csv.reader(io.StringIO(p.read_text(encoding="utf-8"))))
            for p in out.glob(f"{path.stem}-*.csv")}


def test_download_open_in_libreoffice_edit_offline_and_upload_back(page, demo_server, tmp_path):
    sign_in(page, demo_server, BOARD_EMAIL, BOARD_PASSWORD)
    page.get_by_role("link", name=DEMO_PORTFOLIO).click()
    page.get_by_role("link", name="Download the review as your own workbook, annotated").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Download the review")
    check_accessibility(page)
    choose_url = page.url
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the annotated workbook").click()
    path = tmp_path / "review.xlsx"
    download_info.value.save_as(path)

    sheets = libreoffice_sheets(path, tmp_path)
    data = sheets["Portfolio"]
    header = next(row for row in data if "Board decision" in row)
    assert any(h.startswith("Review: ") for h in header) and "Link to project page" in header
    first = data[data.index(header) + 1]
    assert first[0] == "NHS-01"
    assert {"Summary", "Board questions", "Duplicates"} <= set(sheets)

    book = load_workbook(path)
    sheet = book["Portfolio"]
    columns = {cell.value: cell.column for cell in sheet[3] if cell.value}
    sheet.cell(row=4, column=columns["Board decision"], value="challenge")
    sheet.cell(row=4, column=columns["Decision rationale"], value="Show us the kiosk pilot's results first")
    edited = tmp_path / "edited.xlsx"
    book.save(edited)

    page.goto(choose_url)
    page.get_by_role("link", name="Upload decisions made offline").click()
    # The NHS.UK file upload script moves the label onto its own "Choose file" button once it has run, so the
    # file goes to the input itself; the label must still be there for a screen reader.
    expect(page.get_by_text("Upload the review workbook with the board's decisions")).to_be_visible()
    page.locator("input[type=file]").set_input_files(str(edited))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the decisions made offline")
    expect(page.get_by_text("Show us the kiosk pilot's results first")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Apply the changes").click()
    expect(page.get_by_text("Applied", exact=False).first).to_be_visible()
    expect(page.get_by_text("Applied 2 changes from the workbook")).to_be_visible()

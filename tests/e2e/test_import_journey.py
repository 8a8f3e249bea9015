"""Importing in a real browser: upload the demo workbook, change one column's mapping, preview, confirm, and
see the portfolio; axe-core on every page of the journey."""

from __future__ import annotations

from playwright.sync_api import expect

from portfolio.demo import DEMO_USERS, DEMO_WORKBOOK
from tests.e2e.conftest import check_accessibility, sign_in

PMO_EMAIL, _, _, PMO_PASSWORD = DEMO_USERS[0]


def test_upload_change_mapping_preview_confirm(page, live_server):
    sign_in(page, live_server, PMO_EMAIL, PMO_PASSWORD)
    page.get_by_role("link", name="Create a portfolio").click()
    page.get_by_label("Portfolio name").fill("Digital portfolio")
    page.get_by_role("button", name="Save portfolio").click()
    page.get_by_role("link", name="Upload the project list").click()
    check_accessibility(page)
    page.locator("input[type=file]").set_input_files(str(DEMO_WORKBOOK))
    page.get_by_role("button", name="Upload and check").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check how your file was read")
    expect(page.get_by_label("Portfolio (21 rows)")).to_be_checked()
    expect(page.get_by_label("Header row")).to_have_value("3")
    check_accessibility(page)
    notes = page.get_by_label("Read “Notes” as")
    expect(notes).to_have_value("")
    notes.select_option("description")  # PMO: our notes column says more than the description
    description = page.get_by_label("Read “Description” as")
    description.select_option("")
    page.get_by_role("button", name="Save and preview the import").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Preview the import")
    expect(page.get_by_text("'Ongoing' means no fixed date; it was kept as text.")).to_be_visible()
    expect(page.get_by_text("formula with no saved value", exact=False)).to_have_count(0)  # the totals row
    check_accessibility(page)
    page.get_by_role("button", name="Confirm and import 16 projects").click()

    expect(page.get_by_text("Imported 16 projects as version 1.")).to_be_visible()
    expect(page.get_by_role("heading", name="Version 1: 16 projects")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("link", name="See every project against the eight principles").click()
    page.get_by_role("link", name="Outpatient self check-in").click()
    expect(page.get_by_text("DPIA approved; hazard log held by the CSO")).to_be_visible()  # notes, now the description

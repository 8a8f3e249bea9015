"""The board pack in a real browser: from the portfolio page to the printable pack and its PDF."""

from __future__ import annotations

from playwright.sync_api import expect

from portfolio.demo import DEMO_PORTFOLIO, DEMO_USERS
from tests.e2e.conftest import check_accessibility, sign_in

BOARD_EMAIL, _, _, BOARD_PASSWORD = DEMO_USERS[1]


def test_board_member_opens_the_board_pack_and_downloads_its_pdf(page, demo_server, tmp_path):
    sign_in(page, demo_server, BOARD_EMAIL, BOARD_PASSWORD)
    page.get_by_role("link", name=DEMO_PORTFOLIO).click()
    page.get_by_role("link", name="Board pack to print or save as PDF").click()
    expect(page.get_by_text("Shopping list").first).to_be_visible()
    expect(page.get_by_text("EPR replacement").first).to_be_visible()
    check_accessibility(page)
    page.emulate_media(media="print")
    expect(page.locator("header.nhsuk-header")).to_be_hidden()  # the print stylesheet drops the site header
    page.emulate_media(media="screen")
    with page.expect_download(timeout=120_000) as download_info:
        page.get_by_role("link", name="PDF", exact=False).first.click()
    pdf = tmp_path / "pack.pdf"
    download_info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")

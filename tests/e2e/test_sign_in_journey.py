"""Signing in and out in a real browser, by mouse and by keyboard alone, with accessibility checks."""

from __future__ import annotations

from playwright.sync_api import expect

from portfolio.demo import DEMO_TRUST, DEMO_USERS
from tests.e2e.conftest import check_accessibility, sign_in

PMO_EMAIL, _, _, PMO_PASSWORD = DEMO_USERS[0]


def test_sign_in_page_is_accessible(page, live_server):
    page.goto(f"{live_server}/sign-in")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to Portfolio review")
    check_accessibility(page)


def test_sign_in_shows_dashboard_then_sign_out(page, live_server):
    sign_in(page, live_server, PMO_EMAIL, PMO_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Portfolios")
    expect(page.get_by_text(f"{DEMO_TRUST} has no portfolios yet")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You have signed out.")).to_be_visible()
    page.goto(f"{live_server}/")
    expect(page).to_have_url(f"{live_server}/sign-in?next=%2F")


def test_sign_in_error_summary_is_accessible(page, live_server):
    sign_in(page, live_server, PMO_EMAIL, "not-the-password")
    expect(page.get_by_role("alert")).to_contain_text("Enter a correct email address and password")
    check_accessibility(page)


def test_sign_in_by_keyboard_alone(page, live_server):
    page.goto(f"{live_server}/sign-in")
    page.keyboard.press("Tab")  # the skip link comes first
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.get_by_label("Email address").focus()
    page.keyboard.type(PMO_EMAIL)
    page.keyboard.press("Tab")
    page.keyboard.type(PMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Portfolios")

"""The dashboard of a shopping-list portfolio in a real browser: the verdict and its reasons, every chart with
its table, the objective link form, and no accessibility violations (axe-core)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from portfolio import create_app
from portfolio.config import TestConfig
from portfolio.demo import DEMO_TRUST, DEMO_USERS
from portfolio.extensions import db
from portfolio.importing.parser import parse_workbook
from portfolio.importing.service import import_plan
from portfolio.models import Organisation, Portfolio
from tests.conftest import SHARED
from tests.e2e.conftest import check_accessibility, sign_in

WYVERN = SHARED / "labelled" / "wyvern_coast_digital_tracker_2025-26.xlsx"
PMO_EMAIL, _, _, PMO_PASSWORD = DEMO_USERS[0]


@pytest.fixture
def portfolio_id(live_server: str, tmp_path: Path) -> int:
    """Import the Wyvern Coast tracker into the demo trust, in the live server's own database file."""
    config = {k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()}
    app = create_app({**config, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'e2e.db'}"})
    with app.app_context():
        trust = db.session.scalar(select(Organisation).where(Organisation.name == DEMO_TRUST))
        portfolio = Portfolio(organisation_id=trust.id, name="Wyvern Coast digital", objectives=[])
        db.session.add(portfolio)
        db.session.flush()
        data = WYVERN.read_bytes()
        import_plan(portfolio, parse_workbook(data, WYVERN.name), data, None)
        db.session.commit()
        ident = portfolio.id
        db.engine.dispose()
    return ident


def test_shopping_list_dashboard_shows_verdict_reasons_and_charts_with_tables(page, live_server,
                                                                              portfolio_id):
    sign_in(page, live_server, PMO_EMAIL, PMO_PASSWORD)
    page.goto(f"{live_server}/portfolios/{portfolio_id}")
    page.get_by_role("link", name="Open the dashboard").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard: Wyvern Coast digital")
    expect(page.locator("#verdict")).to_contain_text("Shopping list")
    reasons = page.locator(".app-verdict__reasons li")
    expect(reasons.first).to_contain_text("core signals (S1-S6) are red")
    expect(page.get_by_text("Line of sight to strategy is red:", exact=False).first).to_be_visible()
    expect(page.locator(".app-signal")).to_have_count(13)

    charts = page.get_by_role("img")
    names = [charts.nth(i).get_attribute("aria-labelledby") for i in range(charts.count())]
    chart_ids = [n.split()[0].removesuffix("-title") for n in names if n and n.startswith("chart-")]
    assert len(chart_ids) == 6
    for chart_id in chart_ids:
        # the chart's own table sits in the details element right after it
        details = page.locator(f"svg[aria-labelledby^='{chart_id}-title'] ~ details").first
        details.locator("summary").click()
        expect(details.locator("table")).to_be_visible()
        expect(details.locator("caption")).not_to_be_empty()
    check_accessibility(page)


def test_objective_link_by_keyboard(page, live_server, portfolio_id):
    sign_in(page, live_server, PMO_EMAIL, PMO_PASSWORD)
    page.goto(f"{live_server}/portfolios/{portfolio_id}/dashboard")
    page.get_by_role("link", name="Link to an objective for DIG-001").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Which objective does DIG-001 serve?")
    check_accessibility(page)
    page.get_by_label("Strategic objective this project serves").select_option("People")
    page.get_by_role("button", name="Save the link").press("Enter")
    expect(page.get_by_text("DIG-001 is now linked to People.")).to_be_visible()
    expect(page.get_by_role("heading", name="Projects that serve no objective (14)")).to_be_visible()

"""The tagging journey in a real browser: the demo PMO opens a flagged project of an imported labelled
workbook, reads the highlighted evidence, overrides one principle with a reason and sees it beside the
automatic result; the override is in the audit trail. axe-core checks the project list and the project
page."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect
from sqlalchemy import select

from portfolio import create_app
from portfolio.config import TestConfig
from portfolio.demo import DEMO_TRUST, DEMO_USERS
from portfolio.extensions import db
from portfolio.importing.parser import parse_workbook
from portfolio.importing.service import import_plan
from portfolio.models import AuditEvent, Organisation, Override, ProjectVersion, User
from tests.conftest import SHARED
from tests.e2e.conftest import check_accessibility, sign_in
from tests.factories import make_portfolio

PMO_EMAIL, PMO_NAME, _, PMO_PASSWORD = DEMO_USERS[0]
WORKBOOK = SHARED / "labelled" / "hollinbrook_valley_nhsft_portfolio.xlsx"


def _side_app(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A second app on the live server's database file, to set up data and read what the browser stored."""
    config = {k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()}
    config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{tmp_path / 'e2e.db'}"
    return create_app(config)


def _import_labelled(app) -> tuple[int, int, str]:  # type: ignore[no-untyped-def]
    """Import the labelled workbook for the demo trust; return the portfolio, a flagged project, its title."""
    with app.app_context():
        trust = db.session.scalar(select(Organisation).where(Organisation.name == DEMO_TRUST))
        user = db.session.scalar(select(User).where(User.email == PMO_EMAIL))
        portfolio = make_portfolio(trust, "Hollinbrook digital portfolio")
        data = WORKBOOK.read_bytes()
        upload = import_plan(portfolio, parse_workbook(data, WORKBOOK.name), data, user)
        db.session.commit()
        flagged = db.session.scalar(
            select(ProjectVersion)
            .where(ProjectVersion.upload_id == upload.id, ProjectVersion.flag_count > 0)
            .order_by(ProjectVersion.flag_count.desc(), ProjectVersion.row)
        )
        result = portfolio.id, flagged.project_id, flagged.title
        db.session.remove()
        db.engine.dispose()
    return result


def test_pmo_reads_evidence_and_overrides_a_principle(page, live_server, tmp_path):
    app = _side_app(tmp_path)
    portfolio_id, project_id, title = _import_labelled(app)
    sign_in(page, live_server, PMO_EMAIL, PMO_PASSWORD)

    page.goto(f"{live_server}/portfolios/{portfolio_id}/projects?sort=flags&order=desc")
    expect(page.get_by_role("heading", level=1)).to_have_text("Projects against the principles")
    expect(page.get_by_role("table", name="Projects and their status against each principle")).to_be_visible()
    check_accessibility(page)

    page.get_by_role("link", name=title, exact=True).first.click()
    expect(page).to_have_url(f"{live_server}/projects/{project_id}?version=1")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator("section.app-principle mark.app-evidence").first).to_be_visible()
    expect(page.get_by_text("How to read the evidence")).to_be_visible()
    check_accessibility(page)

    page.get_by_label("Principle", exact=True).select_option("user_needs")
    page.get_by_label("Evident", exact=True).check()
    page.get_by_label("Reason").fill("The discovery report shows shadowing on two wards")
    page.get_by_role("button", name="Save override").click()

    expect(page.get_by_text("Override saved.")).to_be_visible()
    row = page.get_by_role("row", name="P1")
    expect(row).to_contain_text(f"Overridden by {PMO_NAME}")
    expect(row).to_contain_text("reason: The discovery report shows shadowing on two wards")
    expect(row.locator("td").first).not_to_be_empty()  # the automatic result stays beside the override
    check_accessibility(page)

    with app.app_context():
        override = db.session.scalar(select(Override).where(Override.project_id == project_id))
        assert (override.principle, override.status, override.active) == ("user_needs", "evident", True)
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "override_set"))
        assert event.project_id == project_id and event.actor == PMO_EMAIL
        assert event.after["override"]["reason"] == "The discovery report shows shadowing on two wards"
        assert event.before["automatic"] in ("evident", "partial", "missing")
        db.session.remove()
        db.engine.dispose()


def test_admin_rubric_page_is_accessible_and_lists_every_problem(page, live_server):
    admin_email, _, _, admin_password = DEMO_USERS[2]
    sign_in(page, live_server, admin_email, admin_password)
    page.get_by_role("link", name="Rubric").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rubric")
    check_accessibility(page)
    page.locator("#cues-user_needs-for-0").fill("(unclosed")
    page.get_by_role("button", name="Save as a new rubric version").click()
    expect(page.get_by_role("alert")).to_contain_text("is not a valid regular expression")
    check_accessibility(page)

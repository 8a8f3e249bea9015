"""Board review in a real browser: a board member works through the queue and records a decision with a
comment
and an action; the PMO sees the challenge and responds; a second board member's stale form gets the conflict
message. axe-core must find nothing on each page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from portfolio.demo import DEMO_TRUST, DEMO_USERS
from portfolio.models import Organisation, Project, User
from tests.e2e.conftest import check_accessibility, sign_in

PMO_EMAIL, PMO_NAME, _, PMO_PASSWORD = DEMO_USERS[0]
BOARD_EMAIL, _, _, BOARD_PASSWORD = DEMO_USERS[1]
SECOND_BOARD = "board2@northshire.example"
SECOND_PASSWORD = "correct-horse-battery"  # noqa: S105 - tests/factories.py's test password


@pytest.fixture
def seeded(monkeypatch) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Make the live server's demo also hold an imported portfolio and a second board member (requested before
    ``live_server``, which calls ``load_demo``)."""
    from tests.e2e import conftest
    from tests.factories import make_imported_portfolio, make_member

    ids: dict[str, int] = {}
    real_load = conftest.load_demo

    def load_with_portfolio(*args, **kwargs):  # type: ignore[no-untyped-def]
        accounts = real_load(*args, **kwargs)
        from portfolio.extensions import db

        trust = db.session.scalar(select(Organisation).where(Organisation.name == DEMO_TRUST))
        pmo = db.session.scalar(select(User).where(User.email == PMO_EMAIL))
        portfolio = make_imported_portfolio(trust, 8, name="Digital plan 2026", user=pmo)
        make_member(trust, SECOND_BOARD, "board")
        ids["portfolio"] = portfolio.id
        ids["project"] = db.session.scalar(select(Project.id).where(Project.title == "Project R4"))
        return accounts

    monkeypatch.setattr(conftest, "load_demo", load_with_portfolio)
    return ids


def _decision_form(page, move: str, rationale: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("radio", name=move, exact=True).check()
    page.get_by_label("Rationale").fill(rationale)


def test_board_decides_pmo_responds_and_a_stale_edit_gets_the_conflict(seeded, page, live_server, browser):
    base = live_server
    # A board member works through the queue, most pressing first, and filters it.
    sign_in(page, base, BOARD_EMAIL, BOARD_PASSWORD)
    page.goto(f"{base}/portfolios/{seeded['portfolio']}/queue")
    expect(page.get_by_role("heading", level=1)).to_have_text("Review queue")
    check_accessibility(page)
    page.get_by_role("link", name=re.compile(r"No accountable owner \(\d+\)")).click()
    expect(page.get_by_role("heading", level=2, name=re.compile("projects? $|projects?$"))).to_be_visible()
    page.get_by_role("link", name="Project R4").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Project R4")
    check_accessibility(page)

    # Records a decision, a comment and an action.
    _decision_form(page, "Challenge", "Who are the users, and what problem goes away for them?")
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("Decision recorded: Challenge.")).to_be_visible()
    page.get_by_label("Add a comment").fill("Asked the PMO for the user research before the next board.")
    page.get_by_role("button", name="Add comment").click()
    expect(page.get_by_text("Comment added.")).to_be_visible()
    page.get_by_label("What needs to be done").fill("Bring the discovery findings to the board")
    page.get_by_label("Owner").select_option(label=PMO_NAME)
    page.get_by_label("Due date").fill("2020-01-31")
    page.get_by_role("button", name="Add action").click()
    expect(page.get_by_text("Action added.")).to_be_visible()
    expect(page.locator("#actions ~ table").get_by_text("Overdue")).to_be_visible()
    check_accessibility(page)

    # A second board member opens the same project: their form is drawn from the challenged state.
    second = browser.new_context().new_page()
    sign_in(second, base, SECOND_BOARD, SECOND_PASSWORD)
    second.goto(f"{base}/projects/{seeded['project']}/review")
    expect(second.get_by_text("Challenged").first).to_be_visible()

    # The PMO sees the challenge and the action, and responds.
    pmo = browser.new_context().new_page()
    sign_in(pmo, base, PMO_EMAIL, PMO_PASSWORD)
    pmo.goto(f"{base}/my-actions")
    expect(pmo.get_by_role("link", name="Bring the discovery findings to the board")).to_be_visible()
    expect(pmo.get_by_text("Overdue")).to_be_visible()
    check_accessibility(pmo)
    pmo.get_by_role("link", name="Project R4").click()
    expect(pmo.get_by_text("Who are the users, and what problem goes away for them?")).to_be_visible()
    _decision_form(pmo, "Respond to the challenge", "Six weeks shadowing ward clerks; findings attached.")
    pmo.get_by_role("button", name="Respond").click()
    expect(pmo.get_by_text("Decision recorded: Respond to the challenge.")).to_be_visible()
    check_accessibility(pmo)

    # The second board member's stale edit is refused with who changed it, to what, and why.
    _decision_form(second, "Endorse", "Looks fine to me")
    second.get_by_role("button", name="Record decision").click()
    expect(second.get_by_text("Someone else changed this decision").first).to_be_visible()
    expect(second.get_by_text(re.compile("changed the decision to Responded to challenge"))).to_be_visible()
    expect(second.get_by_text("Six weeks shadowing ward clerks; findings attached.").first).to_be_visible()
    expect(second.get_by_label("Rationale")).to_have_value("Looks fine to me")
    check_accessibility(second)
    second.context.close()

    # The board pack, the audit trail and an action's page are accessible too.
    page.goto(f"{base}/portfolios/{seeded['portfolio']}/board-pack")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Board pack: Digital plan 2026")
    check_accessibility(page)
    page.goto(f"{base}/projects/{seeded['project']}/audit")
    expect(page.get_by_role("cell", name=re.compile("decision recorded")).first).to_be_visible()
    check_accessibility(page)
    page.goto(f"{base}/portfolios/{seeded['portfolio']}/audit?action=comment_added")
    expect(page.get_by_text("Asked the PMO for the user research before the next board.")).to_be_visible()
    check_accessibility(page)
    page.goto(f"{base}/projects/{seeded['project']}/review")
    page.get_by_role("link", name=re.compile("Update")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Update action")
    check_accessibility(page)
    pmo.context.close()

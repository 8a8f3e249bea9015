"""The dashboard and portfolio details."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from portfolio.extensions import db
from portfolio.models import AuditEvent, Portfolio
from tests.conftest import csrf_token
from tests.factories import make_org, make_portfolio, make_version


def test_dashboard_empty_state_tells_pmo_what_to_do_first(client, auth):
    auth.login("pmo")
    page = client.get("/").get_data(as_text=True)
    assert "has no portfolios yet" in page and "Create a portfolio" in page


def test_dashboard_empty_state_for_board_says_pmo_uploads(client, auth):
    auth.login("board")
    page = client.get("/").get_data(as_text=True)
    assert "Your PMO team uploads" in page and "Create a portfolio" not in page


def test_portfolio_list_shows_each_latest_version_and_its_verdict(client, auth, org):
    first = make_portfolio(org, "Digital 2025-26")
    make_version(first, 4, verdict="shopping_list", score=30)
    make_version(first, 7, verdict="coherent", score=72)
    make_portfolio(org, "Estates digital")
    make_version(make_portfolio(make_org("Other Hospitals Trust"), "Other trust plan"), 3)
    db.session.commit()
    auth.login("board")
    page = client.get("/").get_data(as_text=True)
    assert "Version 2, imported" in page and "Coherence 72 out of 100" in page and "Coherent" in page
    assert "Shopping list" not in page  # version 1's verdict is history, not the current state
    assert "No version imported yet" in page  # Estates digital
    assert "Other trust plan" not in page


def test_pmo_creates_portfolio_with_objectives(client, auth):
    auth.login("pmo")
    response = client.post("/portfolios/new", data={
        "name": "Digital 2025-26", "objectives": "SO1 Planned care\n\nSO2 Flow\nSO1 Planned care",
        "in_house_fte": "12.5", "csrf_token": csrf_token(client)})
    portfolio = db.session.scalar(select(Portfolio))
    assert response.headers["Location"] == f"/portfolios/{portfolio.id}"
    assert portfolio.objectives == ["SO1 Planned care", "SO2 Flow"] and portfolio.in_house_fte == 12.5
    assert db.session.scalar(select(AuditEvent.action).where(AuditEvent.portfolio_id == portfolio.id)) == \
        "portfolio_created"


def test_create_portfolio_with_taken_name_shows_error(client, auth, org):
    make_portfolio(org, "Digital")
    db.session.commit()
    auth.login("pmo")
    response = client.post("/portfolios/new", data={"name": "Digital", "csrf_token": csrf_token(client)})
    assert "already has a portfolio called Digital" in response.get_data(as_text=True)


@pytest.mark.parametrize("role", ["board", "viewer"])
def test_create_portfolio_refused_for_readers(client, auth, role):
    auth.login(role)
    assert client.post("/portfolios/new", data={"name": "X", "csrf_token": csrf_token(client)}).status_code == 403
    assert db.session.scalar(select(Portfolio)) is None


def test_portfolio_name_is_escaped(client, auth, org):
    make_portfolio(org, '<script>alert(1)</script>')
    db.session.commit()
    auth.login("viewer")
    page = client.get("/").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_user_of_two_orgs_switches_organisation(client, auth, org):
    from tests.factories import make_member

    other = db.session.scalar(select(type(org)).where(type(org).name == "Trust B"))
    make_member(other, "pmo@a.example", "viewer")
    make_portfolio(other, "Trust B plans")
    db.session.commit()
    auth.login("pmo")
    assert "Trust B plans" not in client.get("/").get_data(as_text=True)
    client.post("/organisation", data={"organisation_id": other.id, "csrf_token": csrf_token(client)})
    assert "Trust B plans" in client.get("/").get_data(as_text=True)


def test_switch_to_organisation_not_a_member_of_is_refused(client, auth):
    stranger = make_org("Trust C")
    make_portfolio(stranger, "Secret plans")
    db.session.commit()
    auth.login("pmo")
    page = client.post("/organisation", data={"organisation_id": stranger.id, "csrf_token": csrf_token(client)},
                       follow_redirects=True).get_data(as_text=True)
    assert "not a member" in page and "Secret plans" not in page


def _current_section(page: str) -> list[str]:
    return re.findall(r'href="([^"]+)" aria-current="true"', page)


def test_header_marks_the_section_a_page_belongs_to(client, auth, org):
    portfolio = make_portfolio(org, "Digital 2025-26")
    make_version(portfolio, 3)
    db.session.commit()
    auth.login("board")
    for url in ("/", f"/portfolios/{portfolio.id}/queue", f"/portfolios/{portfolio.id}/dashboard"):
        assert _current_section(client.get(url).get_data(as_text=True)) == ["/"], url
    assert _current_section(client.get("/my-actions").get_data(as_text=True)) == ["/my-actions"]

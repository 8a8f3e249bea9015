"""The dashboard, the system view and linking a project to an objective, through the test client."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event, func, select

from portfolio.extensions import db
from portfolio.importing.parser import parse_workbook
from portfolio.importing.service import import_plan
from portfolio.models import AuditEvent, Membership, Organisation, Project, ProjectFlag, ProjectVersion, User
from tests.conftest import SHARED, csrf_token
from tests.factories import make_member, make_org, make_portfolio, make_version

WYVERN = SHARED / "labelled" / "wyvern_coast_digital_tracker_2025-26.xlsx"


def _import(portfolio, data: bytes, name: str):
    upload = import_plan(portfolio, parse_workbook(data, name), data, None)
    db.session.commit()
    return upload


def _csv(rows: list[list[str]]) -> bytes:
    return "\n".join(",".join(f'"{c}"' for c in row) for row in rows).encode()


@pytest.fixture
def wyvern(org):
    portfolio = make_portfolio(org, "Wyvern digital")
    _import(portfolio, WYVERN.read_bytes(), WYVERN.name)
    return portfolio


@contextmanager
def counted_statements() -> Iterator[list[str]]:
    statements: list[str] = []

    def count(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def test_dashboard_shows_verdict_with_plain_reasons_and_every_signal(client, auth, wyvern):
    auth.login("viewer")
    page = client.get(f"/portfolios/{wyvern.id}/dashboard").get_data(as_text=True)
    verdict = r'<h2 id="verdict">Verdict:\s*<strong class="nhsuk-tag nhsuk-tag--red">\s*Shopping list'
    assert re.search(verdict, page)
    assert "long shopping list of projects with no coherent strategy" in page
    assert "Line of sight to strategy is red: 15 of 25 active projects" in page
    assert "no_line_of_sight is red" not in page  # ids are turned into names
    for number in range(1, 14):
        assert f">S{number} " in page
    assert "Amber above 20%, red above 40%." in page
    assert "What to do:</strong> Ask each unlinked project which trust objective it serves" in page


def test_signal_without_enough_data_says_so(client, auth, org):
    portfolio = make_portfolio(org, "Tiny")
    _import(portfolio, _csv([["Ref", "Project"], ["T-1", "Wi-Fi refresh"]]), "tiny.csv")
    auth.login("viewer")
    page = client.get(f"/portfolios/{portfolio.id}/dashboard").get_data(as_text=True)
    assert "nhsuk-tag--grey" in page and "Not enough data" in page


def test_principle_and_flag_counts_match_the_stored_rows_and_link_to_the_project_list(client, auth, wyvern):
    auth.login("board")
    page = client.get(f"/portfolios/{wyvern.id}/dashboard").get_data(as_text=True)
    missing = db.session.scalar(select(func.count()).select_from(ProjectVersion)
                                .where(ProjectVersion.user_needs == "missing"))
    assert f"/portfolios/{wyvern.id}/projects?user_needs=missing&amp;version=1\">{missing}<" in page
    tech = db.session.scalar(select(func.count()).select_from(ProjectFlag)
                             .where(ProjectFlag.flag == "tech_centred"))
    assert f"/portfolios/{wyvern.id}/projects?flag=tech_centred&amp;version=1\">{tech}<" in page
    assert "Technology-centred, no user need" in page


def test_every_chart_is_an_image_with_a_title_followed_by_its_table(client, auth, wyvern):
    auth.login("viewer")
    page = client.get(f"/portfolios/{wyvern.id}/dashboard").get_data(as_text=True)
    charts = re.findall(r'<svg class="app-chart" role="img" aria-labelledby="([\w-]+)-title', page)
    assert len(charts) == 6
    for chart in charts:
        after = page.split(f'aria-labelledby="{chart}-title', 1)[1]
        assert f'<title id="{chart}-title">' in after.split("</svg>", 1)[0]
        assert after.split("</svg>", 1)[1].lstrip().split("<table", 1)[0].count("<svg") == 0, chart


def test_duplicates_objectives_and_capacity_are_shown(client, auth, wyvern):
    auth.login("pmo")
    page = client.get(f"/portfolios/{wyvern.id}/dashboard").get_data(as_text=True)
    assert "5 groups of active projects look like the same or overlapping work" in page
    assert "DIG-001 and DIG-024: the same kind of system (EPR), one with no objective" in page
    assert "Projects that serve no objective (15)" in page
    assert "25 active projects against 7 in-house delivery FTE: <strong>3.57 projects per FTE" in page
    assert f'href="/portfolios/{wyvern.id}/edit">Edit the in-house capacity' in page
    assert "Every objective is served by at least one project." in page


def test_viewer_sees_no_edit_links(client, auth, wyvern):
    auth.login("viewer")
    page = client.get(f"/portfolios/{wyvern.id}/dashboard").get_data(as_text=True)
    assert "Link to an objective" not in page and "Edit the in-house capacity" not in page


def test_versions_trend_and_changes_since_the_previous_version(client, auth, org):
    portfolio = make_portfolio(org, "Made up", objectives=["Quality", "People", "Money"])
    make_version(portfolio, 12, score=30)
    make_version(portfolio, 12, verdict="coherent", score=70,
                 signals=[{"id": "no_line_of_sight", "value": 5.0, "level": "ok", "explanation": "Fine.",
                           "amber": 20, "red": 40, "metrics": {"unlinked_pct": 5.0}}])
    db.session.commit()
    auth.login("viewer")
    page = client.get(f"/portfolios/{portfolio.id}/dashboard").get_data(as_text=True)
    assert "What changed since version 1" in page
    assert "The verdict changed from Shopping list to Coherent." in page
    assert "The coherence score rose from 30 to 70 (+40)." in page
    assert "Line of sight to strategy moved from Red to OK (better)." in page
    assert "2 (shown)" in page
    old = client.get(f"/portfolios/{portfolio.id}/dashboard?version=1").get_data(as_text=True)
    assert "Version 1: 12 projects" in old and "What changed since" not in old
    assert client.get(f"/portfolios/{portfolio.id}/dashboard?version=9").status_code == 404


def test_portfolio_with_no_version_says_so(client, auth, org):
    portfolio = make_portfolio(org, "Empty")
    db.session.commit()
    auth.login("pmo")
    response = client.get(f"/portfolios/{portfolio.id}/dashboard")
    assert response.status_code == 200
    assert "No project list has been imported" in response.get_data(as_text=True)


def test_portfolio_page_links_to_the_dashboard(client, auth, wyvern):
    auth.login("viewer")
    page = client.get(f"/portfolios/{wyvern.id}").get_data(as_text=True)
    assert f'href="/portfolios/{wyvern.id}/dashboard">Open the dashboard' in page


def test_other_organisations_dashboard_is_not_found(client, auth, org):
    other = db.session.scalar(select(Organisation).where(Organisation.name == "Trust B"))
    portfolio = make_portfolio(other, "B portfolio")
    make_version(portfolio, 3)
    db.session.commit()
    auth.login("admin")
    assert client.get(f"/portfolios/{portfolio.id}/dashboard").status_code == 404


def test_dashboard_query_count_does_not_grow_with_the_portfolio(client, auth, org):
    small, large = make_portfolio(org, "Small"), make_portfolio(org, "Large")
    make_version(small, 10)
    make_version(large, 1000)
    db.session.commit()
    auth.login("viewer")
    counts = []
    for portfolio in (small, large):
        client.get(f"/portfolios/{portfolio.id}/dashboard")  # warm caches (rubric) alike for both
        with counted_statements() as statements:
            response = client.get(f"/portfolios/{portfolio.id}/dashboard")
        assert response.status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1], counts
    page = response.get_data(as_text=True)
    assert "Projects that serve no objective (250)" in page


# Linking a project to an objective by hand


def _project(key: str = "DIG-001") -> Project:
    return db.session.scalar(select(Project).where(Project.ref == key))


def test_pmo_links_a_project_to_an_objective_and_it_is_audited_and_counted(client, auth, wyvern):
    project = _project()
    auth.login("pmo")
    form = client.get(f"/projects/{project.id}/objective").get_data(as_text=True)
    assert "Which objective does DIG-001 serve?" in form and "It found no link for this project." in form
    response = client.post(f"/projects/{project.id}/objective",
                           data={"objective": "People", "csrf_token": csrf_token(client)})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/portfolios/{wyvern.id}/dashboard"
    assert db.session.get(Project, project.id).objective_override == "People"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "objective_linked"))
    assert event.before == {"objective_override": None} and event.after == {"objective_override": "People"}
    assert event.project_id == project.id
    page = client.get(f"/portfolios/{wyvern.id}/dashboard").get_data(as_text=True)
    assert "DIG-001 is now linked to People." in page
    assert "Projects that serve no objective (14)" in page
    client.post(f"/projects/{project.id}/objective", data={"objective": "", "csrf_token": csrf_token(client)})
    assert db.session.get(Project, project.id).objective_override is None
    cleared = select(AuditEvent).where(AuditEvent.action == "objective_link_cleared")
    assert db.session.scalar(cleared) is not None


def test_objective_not_in_the_portfolio_is_refused(client, auth, wyvern):
    project = _project()
    auth.login("admin")
    response = client.post(f"/projects/{project.id}/objective",
                           data={"objective": "<script>x</script>", "csrf_token": csrf_token(client)})
    assert response.status_code == 422
    assert "There is a problem" in response.get_data(as_text=True)
    assert db.session.get(Project, project.id).objective_override is None


@pytest.mark.parametrize("role", ["board", "viewer"])
def test_readers_cannot_link_objectives(client, auth, wyvern, role):
    project = _project()
    auth.login(role)
    assert client.get(f"/projects/{project.id}/objective").status_code == 403
    response = client.post(f"/projects/{project.id}/objective",
                           data={"objective": "People", "csrf_token": csrf_token(client)})
    assert response.status_code == 403
    assert db.session.get(Project, project.id).objective_override is None


def test_linking_without_csrf_token_is_refused(client, auth, wyvern):
    project = _project()
    auth.login("pmo")
    assert client.post(f"/projects/{project.id}/objective", data={"objective": "People"}).status_code == 400
    assert db.session.get(Project, project.id).objective_override is None


# The system view


@pytest.fixture
def system(org):
    """Trust A and Trust C in one system (A's board member also belongs to C); Trust D in it too, unseen."""
    ics = make_org("Coastal ICS")
    trust_a = db.session.get(Organisation, org.id)
    trust_a.system_id = ics.id
    trust_c, trust_d = make_org("Trust C", system_id=ics.id), make_org("Trust D", system_id=ics.id)
    board = db.session.scalar(select(User).where(User.email == "board@a.example"))
    make_member(trust_c, board.email, "board")
    rows = [["Ref", "Project", "Description"],
            ["{p}-1", "EPR replacement", "Replace the electronic patient record"],
            ["{p}-2", "Staff e-rostering", "Rostering for nurses"],
            ["{p}-3", "Telephony upgrade", "New switchboard"]]
    for trust, prefix in ((trust_a, "A"), (trust_c, "C"), (trust_d, "TRUST_D_CANARY")):
        portfolio = make_portfolio(trust, f"{trust.name} digital")
        _import(portfolio, _csv([[c.format(p=prefix) for c in row] for row in rows]), "plan.csv")
    return trust_c


def test_system_view_shows_members_organisations_side_by_side_and_shared_work(client, auth, system):
    auth.login("board")
    page = client.get("/system").get_data(as_text=True)
    assert "Coastal ICS" in page
    assert "Trust A digital" in page and "Trust C digital" in page
    assert "<strong>Trust A</strong>: A-1 EPR replacement" in page
    assert "<strong>Trust C</strong>: C-1 EPR replacement" in page
    assert "the same kind of system (EPR) in different organisations" in page
    assert "TRUST_D_CANARY" not in page and "Trust D" not in page
    current_menu_item = r'item--current">\s*<a class="nhsuk-header__navigation-link" href="/system"'
    assert re.search(current_menu_item, page)


def test_system_view_for_a_member_of_one_organisation_compares_nothing(client, auth, system):
    auth.login("viewer")
    page = client.get("/system").get_data(as_text=True)
    assert "You belong to one organisation of this system" in page
    assert "Trust C" not in page and "TRUST_D_CANARY" not in page


def test_system_view_without_a_system(client, auth, org):
    auth.login("viewer")
    page = client.get("/system").get_data(as_text=True)
    assert "is not recorded as part of an integrated care system" in page


def test_system_view_ignores_inactive_memberships(client, auth, system):
    board = db.session.scalar(select(User).where(User.email == "board@a.example"))
    membership = db.session.scalar(select(Membership).where(Membership.user_id == board.id,
                                                            Membership.organisation_id == system.id))
    membership.active = False
    db.session.commit()
    auth.login("board")
    page = client.get("/system").get_data(as_text=True)
    assert "Trust C" not in page


def test_another_organisations_project_cannot_be_linked(client, auth, org):
    other = db.session.scalar(select(Organisation).where(Organisation.name == "Trust B"))
    portfolio = make_portfolio(other, "B portfolio", objectives=["B goal"])
    make_version(portfolio, 2)
    db.session.commit()
    project = _project("G-0")
    auth.login("admin")
    assert client.get(f"/projects/{project.id}/objective").status_code == 404
    response = client.post(f"/projects/{project.id}/objective",
                           data={"objective": "B goal", "csrf_token": csrf_token(client)})
    assert response.status_code == 404
    assert db.session.get(Project, project.id).objective_override is None

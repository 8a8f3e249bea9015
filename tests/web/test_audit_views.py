"""Audit pages of a project and a portfolio: scoped, filterable, paginated, exported as formula-safe CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from portfolio import audit
from portfolio.extensions import db
from portfolio.models import AuditEvent, Project, User
from portfolio.review.auditcsv import audit_csv, safe_cell
from tests.conftest import csrf_token
from tests.factories import make_imported_portfolio, make_org


@pytest.fixture
def portfolio(org):
    p = make_imported_portfolio(org, 3)
    db.session.commit()
    return p


def _project(title: str = "Project R1") -> Project:
    return db.session.scalar(select(Project).where(Project.title == title))


def _comment(client, project_id: int, body: str) -> None:
    response = client.post(
        f"/projects/{project_id}/comments", data={"body": body, "csrf_token": csrf_token(client)}
    )
    assert response.status_code == 302


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark, for Excel
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_project_audit_lists_decisions_comments_and_actions_with_before_and_after(client, auth, portfolio):
    auth.login("board")
    project = _project()
    client.post(
        f"/projects/{project.id}/decisions",
        data={
            "move": "challenge",
            "rationale": "Who are the users?",
            "lock_version": 0,
            "csrf_token": csrf_token(client),
        },
    )
    _comment(client, project.id, "Asked the PMO")
    _comment(client, _project("Project R2").id, "Not this project")
    page = client.get(f"/projects/{project.id}/audit").get_data(as_text=True)
    assert "decision recorded" in page and "comment added" in page and "Asked the PMO" in page
    assert (
        "Who are the users?" in page and "not_reviewed" in page and "challenged" in page
    )  # before and after
    assert "Not this project" not in page
    assert "board@a.example" in page


def test_portfolio_audit_includes_the_import_and_every_projects_events(client, auth, portfolio):
    auth.login("viewer")
    page = client.get(f"/portfolios/{portfolio.id}/audit").get_data(as_text=True)
    assert "import" in page
    auth.logout()
    auth.login("pmo")
    _comment(client, _project("Project R2").id, "From the PMO")
    page = client.get(f"/portfolios/{portfolio.id}/audit").get_data(as_text=True)
    assert "From the PMO" in page and "import" in page


def test_audit_filters_by_action_user_and_date(client, auth, org, portfolio):
    auth.login("board")
    project = _project()
    _comment(client, project.id, "Board comment")
    auth.logout()
    auth.login("pmo")
    _comment(client, project.id, "PMO comment")
    old = audit.record(
        "comment_added",
        user=db.session.scalar(select(User).where(User.email == "pmo@a.example")),
        organisation_id=org.id,
        project_id=project.id,
        summary="Old one",
        after={"body": "Long ago"},
    )
    old.at = datetime.now(UTC) - timedelta(days=30)
    db.session.commit()
    base = f"/projects/{project.id}/audit"
    by_user = client.get(f"{base}?user=board%40a.example").get_data(as_text=True)
    assert "Board comment" in by_user and "PMO comment" not in by_user
    by_action = client.get(f"{base}?action=action_created").get_data(as_text=True)
    assert "No entries match" in by_action
    since = (datetime.now(UTC) - timedelta(days=1)).date().isoformat()
    recent = client.get(f"{base}?date_from={since}").get_data(as_text=True)
    assert "PMO comment" in recent and "Long ago" not in recent
    until = (datetime.now(UTC) - timedelta(days=2)).date().isoformat()
    older = client.get(f"{base}?date_to={until}").get_data(as_text=True)
    assert "Long ago" in older and "PMO comment" not in older
    bad_date = client.get(f"{base}?date_from=not-a-date")  # a date that cannot be read is ignored, not a 500
    assert bad_date.status_code == 200 and "Long ago" in bad_date.get_data(as_text=True)


def test_audit_paginates(client, auth, app, org, portfolio):
    app.config["PAGE_SIZE"] = 2
    auth.login("board")
    for i in range(5):
        _comment(client, _project().id, f"Comment number {i}")
    first = client.get(f"/projects/{_project().id}/audit").get_data(as_text=True)
    assert "Comment number 4" in first and "Comment number 2" not in first and "Showing 1 to 2 of 5" in first


def test_audit_csv_is_formula_safe_with_bom_as_attachment_not_cached(client, auth, portfolio):
    auth.login("board")
    project = _project()
    hostile = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(1,2)", "\t=1+1", "\r=1+1"]
    for body in hostile:
        _comment(client, project.id, body)
    response = client.get(f"/projects/{project.id}/audit?format=csv&action=comment_added")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert response.headers["Content-Disposition"] == f'attachment; filename="audit-project-{project.id}.csv"'
    assert response.headers["Cache-Control"] == "no-store"
    rows = _csv_rows(response.data)
    assert rows[0][:3] == ["When (UTC)", "Who", "Action"]
    assert len(rows) == 1 + len(hostile)
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    after = {row[8] for row in rows[1:]}
    assert (
        '{"body": "=HYPERLINK(\\"http://evil.example\\",\\"x\\")"}' in after
    )  # JSON starts with {, kept as is
    summaries = {row[3] for row in rows[1:]}
    assert summaries == {"Comment on Project R1"}


def test_audit_of_another_organisation_is_not_found(client, auth, portfolio):
    other = make_imported_portfolio(make_org("Trust C"), 2, name="Elsewhere")
    db.session.commit()
    auth.login("admin")
    project = db.session.scalar(select(Project).where(Project.portfolio_id == other.id))
    assert client.get(f"/projects/{project.id}/audit").status_code == 404
    assert client.get(f"/portfolios/{other.id}/audit?format=csv").status_code == 404


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("plain", "plain"),
        ("", ""),
        (None, ""),
        (12, "12"),
        ("a=b", "a=b"),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_audit_csv_quotes_every_field_and_doubles_quotes():
    data = audit_csv([("2026-01-01T00:00:00+00:00", "a@b", "x", 'say "hi"', "", "", "", "", "=1")])
    text = data.decode("utf-8-sig")
    assert '"say ""hi"""' in text and '"\'=1"' in text
    assert data.startswith("\ufeff".encode())


def test_audit_event_rows_are_only_added(client, auth, portfolio):
    """The review pages write events and never change one (no route edits or deletes the trail)."""
    auth.login("board")
    _comment(client, _project().id, "First")
    first = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "comment_added"))
    snapshot = (first.id, first.at, first.after)
    _comment(client, _project().id, "Second")
    db.session.expire_all()
    again = db.session.get(AuditEvent, snapshot[0])
    assert (again.id, again.at, again.after) == snapshot

"""Board review through the test client: the queue, a project's review, decisions, comments, actions, my
actions,
the board pack and its PDF. Each test checks what users see and what is stored."""

from __future__ import annotations

import re
import shutil
import subprocess  # noqa: S404
from datetime import date, timedelta

import pytest
from sqlalchemy import event, func, select

from portfolio.extensions import db
from portfolio.importing.parser import parse_workbook
from portfolio.importing.service import import_plan
from portfolio.models import Action, AuditEvent, Comment, Decision, Project, ProjectVersion, ReviewState, User
from tests.conftest import csrf_token
from tests.factories import make_imported_portfolio, make_member, make_org, make_review_csv


@pytest.fixture
def portfolio(org):
    p = make_imported_portfolio(org, 6)
    db.session.commit()
    return p


def _project(title: str) -> Project:
    return db.session.scalar(select(Project).where(Project.title == title))


def _decide(
    client, project_id: int, move: str, rationale: str = "The evidence supports it", lock: int | None = None
):
    if lock is None:
        state = db.session.scalar(select(ReviewState).where(ReviewState.project_id == project_id))
        lock = state.lock_version if state else 0
    return client.post(
        f"/projects/{project_id}/decisions",
        data={"move": move, "rationale": rationale, "lock_version": lock, "csrf_token": csrf_token(client)},
    )


def _titles(page: str) -> list[str]:
    return re.findall(r'/review\?version=\d+">(Project R\d+)</a>', page)


# --- the queue ------------------------------------------------------------------------------------


def test_queue_orders_by_flags_then_score_then_budget(client, auth, portfolio):
    auth.login("board")
    page = client.get(f"/portfolios/{portfolio.id}/queue").get_data(as_text=True)
    stored = db.session.execute(
        select(ProjectVersion.title, ProjectVersion.flag_count, ProjectVersion.score, ProjectVersion.budget)
    ).all()
    expected = [t for t, *_ in sorted(stored, key=lambda r: (-r[1], r[2], -(r[3] or 0)))]
    assert _titles(page) == expected
    assert _titles(page)[:2] == ["Project R4", "Project R1"]  # five flags each; the bigger budget first
    assert "Not reviewed (6)" in page
    assert "No accountable owner (2)" in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("flag=no_owner", {"Project R1", "Project R4"}),
        ("owner=Chief+Nurse", {"Project R2", "Project R5"}),
        ("owner=__none__", {"Project R1", "Project R4"}),
        ("decision=endorsed", {"Project R6"}),
        ("decision=not_reviewed&flag=vague_or_hype", {"Project R1", "Project R3", "Project R4"}),
        ("objective=Faster+discharge", {"Project R2"}),
        ("principle=user_needs:partial", None),  # checked against the stored column below
        ("flag=not-a-flag", {f"Project R{i}" for i in range(1, 7)}),  # unknown values are ignored
    ],
)
def test_queue_filters(client, auth, portfolio, query, expected):
    _project("Project R2").objective_override = "Faster discharge"
    db.session.commit()
    auth.login("board")
    _decide(client, _project("Project R6").id, "endorse")
    page = client.get(f"/portfolios/{portfolio.id}/queue?{query}").get_data(as_text=True)
    if expected is None:
        expected = set(
            db.session.scalars(select(ProjectVersion.title).where(ProjectVersion.user_needs == "partial"))
        )
    assert set(_titles(page)) == expected
    assert f"{len(expected)} project" in page


def test_queue_facet_counts_apply_the_other_filters(client, auth, portfolio):
    auth.login("board")
    page = client.get(f"/portfolios/{portfolio.id}/queue?owner=Chief+Nurse").get_data(as_text=True)
    assert "Not reviewed (2)" in page  # decision counts within the owner filter
    assert "Director of IT (2)" in page  # the owner facet itself ignores the owner filter


def test_queue_paginates(client, auth, app, org):
    app.config["PAGE_SIZE"] = 4
    p = make_imported_portfolio(org, 10)
    db.session.commit()
    auth.login("viewer")
    first = client.get(f"/portfolios/{p.id}/queue").get_data(as_text=True)
    second = client.get(f"/portfolios/{p.id}/queue?page=2").get_data(as_text=True)
    assert len(_titles(first)) == 4 and "Showing 1 to 4 of 10" in first
    assert not set(_titles(first)) & set(_titles(second))


def _count_queries(app, client, url: str) -> int:
    statements: list[str] = []

    def count(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(statements)


@pytest.mark.parametrize("page", ["queue", "board-pack"])
def test_page_query_count_does_not_grow_with_the_portfolio(app, client, auth, org, page):
    small = make_imported_portfolio(org, 10, name="Small")
    big = make_imported_portfolio(org, 200, name="Big", data=make_review_csv(200, prefix="B"))
    db.session.commit()
    auth.login("board")
    for p in (small, big):  # a decision on every third project, so the joins have rows to find
        for project in db.session.scalars(select(Project).where(Project.portfolio_id == p.id)).all()[::3]:
            _decide(client, project.id, "challenge")
    counts = [_count_queries(app, client, f"/portfolios/{p.id}/{page}") for p in (small, big)]
    assert counts[0] == counts[1], counts


# --- the review page and decisions ----------------------------------------------------------------


def test_review_page_shows_flags_questions_and_decision_form(client, auth, portfolio):
    auth.login("board")
    project = _project("Project R1")
    page = client.get(f"/projects/{project.id}/review").get_data(as_text=True)
    assert "No accountable owner" in page and "Big-bang delivery" in page
    assert "Questions for the board" in page or "questions" in page.lower()
    assert 'name="lock_version" value="0"' in page
    for label in ("Endorse", "Challenge", "Pause", "Stop", "Refer back"):
        assert f">{label}<" in page or f"{label}\n" in page or label in page


def test_board_decision_is_stored_and_audited(client, auth, portfolio):
    auth.login("board")
    project = _project("Project R1")
    response = _decide(client, project.id, "challenge", "Where is the user research?")
    assert response.status_code == 302
    state = db.session.scalar(select(ReviewState).where(ReviewState.project_id == project.id))
    decision = db.session.scalar(select(Decision).where(Decision.project_id == project.id))
    assert (state.status, state.lock_version, state.decision_id) == ("challenged", 1, decision.id)
    assert decision.rationale == "Where is the user research?" and decision.user.email == "board@a.example"
    event_ = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "decision_recorded"))
    assert event_.before == {"status": "not_reviewed", "lock_version": 0}
    assert event_.after["status"] == "challenged" and event_.project_id == project.id
    assert event_.portfolio_id == portfolio.id and event_.actor == "board@a.example"
    page = client.get(f"/projects/{project.id}/review").get_data(as_text=True)
    assert "Challenged" in page and "Where is the user research?" in page


def test_decision_without_rationale_is_refused_and_nothing_stored(client, auth, portfolio):
    auth.login("board")
    response = _decide(client, _project("Project R1").id, "endorse", rationale="   ")
    assert response.status_code == 422
    assert "Give the reason for this decision" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Decision)) == 0


@pytest.mark.parametrize("role", ["viewer"])
def test_viewer_cannot_post_decisions_comments_or_actions(client, auth, portfolio, role):
    auth.login(role)
    project = _project("Project R1")
    token = csrf_token(client)
    for path in ("decisions", "comments", "actions"):
        assert (
            client.post(
                f"/projects/{project.id}/{path}",
                data={
                    "csrf_token": token,
                    "move": "endorse",
                    "rationale": "x",
                    "body": "x",
                    "title": "x",
                    "lock_version": 0,
                },
            ).status_code
            == 403
        )
    assert (
        db.session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action.in_(("decision_recorded", "comment_added", "action_created")))
        )
        == 0
    )


def test_pmo_cannot_endorse_but_responds_to_a_challenge(client, auth, portfolio):
    project = _project("Project R1")
    auth.login("pmo")
    refused = _decide(client, project.id, "endorse")
    assert refused.status_code == 422
    assert "Only a admin or board member can endorse a project" in refused.get_data(as_text=True)
    auth.logout()
    auth.login("board")
    _decide(client, project.id, "challenge", "No named users")
    auth.logout()
    auth.login("pmo")
    page = client.get(f"/projects/{project.id}/review").get_data(as_text=True)
    assert "Respond to the challenge" in page and "No named users" in page
    assert _decide(client, project.id, "respond", "We shadowed ward clerks for six weeks").status_code == 302
    assert db.session.scalar(select(ReviewState.status)) == "responded"


def test_stopped_project_stays_stopped_until_reopened_with_a_reason(client, auth, portfolio):
    project = _project("Project R3")
    auth.login("board")
    _decide(client, project.id, "stop", "Duplicates the EPR programme")
    again = _decide(client, project.id, "endorse", "Changed my mind")
    assert again.status_code == 422
    assert "stays stopped until a board member or administrator reopens it" in again.get_data(as_text=True)
    assert _decide(client, project.id, "reopen", "").status_code == 422
    assert _decide(client, project.id, "reopen", "New evidence from the PMO").status_code == 302
    assert db.session.scalar(select(ReviewState.status)) == "reopened"
    assert [d.outcome for d in db.session.scalars(select(Decision).order_by(Decision.id))] == [
        "stop",
        "reopen",
    ]


def test_stale_form_gets_the_conflict_message_and_overwrites_nothing(client, auth, org, portfolio):
    project = _project("Project R1")
    make_member(org, "board2@a.example", "board")
    db.session.commit()
    auth.login("board")
    assert (
        _decide(client, project.id, "endorse", "Strong case").status_code == 302
    )  # drawn at 0, saved: now 1
    auth.logout()
    auth.login("board2")
    stale = _decide(
        client, project.id, "stop", "Stop it", lock=0
    )  # this form was drawn before the endorsement
    page = stale.get_data(as_text=True)
    assert stale.status_code == 409
    assert "Someone else changed this decision" in page
    assert "Board changed the decision to <strong>Endorsed</strong>" in page and "Strong case" in page
    assert "Stop it" in page  # the reviewer's own text is kept
    assert 'name="lock_version" value="1"' in page  # redrawn from the current version
    assert db.session.scalar(select(ReviewState.status)) == "endorsed"
    assert db.session.scalar(select(func.count()).select_from(Decision)) == 1
    assert (
        _decide(client, project.id, "stop", "Stop it, having read the endorsement", lock=1).status_code == 302
    )


def test_decisions_carry_over_to_the_next_version(client, auth, org, portfolio):
    project = _project("Project R2")
    auth.login("board")
    _decide(client, project.id, "pause", "Wait for the EPR go-live")
    data = make_review_csv(6)
    import_plan(portfolio, parse_workbook(data, "v2.csv"), data, None)
    db.session.commit()
    page = client.get(f"/projects/{project.id}/review?version=2").get_data(as_text=True)
    assert "Version 2" in page and "Wait for the EPR go-live" in page and "(earlier version)" in page
    assert "Paused (1)" in client.get(f"/portfolios/{portfolio.id}/queue?version=2").get_data(as_text=True)


def test_other_organisations_project_is_not_found(client, auth, portfolio):
    other = make_imported_portfolio(
        db.session.scalar(select(User).where(User.email == "board@b.example")) and make_org("Trust C"),
        2,
        name="Elsewhere",
    )
    db.session.commit()
    auth.login("board")
    project = db.session.scalar(select(Project).where(Project.portfolio_id == other.id))
    assert client.get(f"/projects/{project.id}/review").status_code == 404
    assert client.get(f"/portfolios/{other.id}/queue").status_code == 404


# --- comments -------------------------------------------------------------------------------------


def test_comment_is_stored_escaped_and_audited(client, auth, portfolio):
    auth.login("board")
    project = _project("Project R1")
    body = "<script>alert(1)</script> Who is the user?"
    response = client.post(
        f"/projects/{project.id}/comments", data={"body": body, "csrf_token": csrf_token(client)}
    )
    assert response.status_code == 302
    assert db.session.scalar(select(Comment.body)) == body
    page = client.get(f"/projects/{project.id}/review").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Who is the user?" in page and "<script>alert(1)" not in page
    audit = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "comment_added"))
    assert audit.after == {"body": body} and audit.project_id == project.id


def test_blank_comment_is_refused(client, auth, portfolio):
    auth.login("pmo")
    response = client.post(
        f"/projects/{_project('Project R1').id}/comments",
        data={"body": " ", "csrf_token": csrf_token(client)},
    )
    assert response.status_code == 422 and "Write a comment" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Comment)) == 0


def test_posts_without_csrf_token_are_refused(client, auth, portfolio):
    auth.login("board")
    project = _project("Project R1")
    assert client.post(f"/projects/{project.id}/comments", data={"body": "x"}).status_code == 400
    assert (
        client.post(
            f"/projects/{project.id}/decisions", data={"move": "endorse", "rationale": "x", "lock_version": 0}
        ).status_code
        == 400
    )
    assert db.session.scalar(select(func.count()).select_from(Comment)) == 0


# --- actions --------------------------------------------------------------------------------------


def _member_id(email: str) -> int:
    return db.session.scalar(select(User.id).where(User.email == email))


def _add_action(
    client, project_id: int, owner_email: str | None, due: str = "", title: str = "Bring the user research"
):
    return client.post(
        f"/projects/{project_id}/actions",
        data={
            "title": title,
            "owner": str(_member_id(owner_email)) if owner_email else "",
            "due_date": due,
            "csrf_token": csrf_token(client),
        },
    )


def test_action_with_owner_and_due_date_is_stored_audited_and_overdue_is_tagged(client, auth, portfolio):
    auth.login("board")
    project = _project("Project R1")
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    assert _add_action(client, project.id, "pmo@a.example", yesterday).status_code == 302
    action = db.session.scalar(select(Action))
    assert (action.owner.email, action.due_date.isoformat(), action.status) == (
        "pmo@a.example",
        yesterday,
        "open",
    )
    assert (
        db.session.scalar(select(AuditEvent.after).where(AuditEvent.action == "action_created"))["owner"]
        == "Pmo"
    )
    page = client.get(f"/projects/{project.id}/review").get_data(as_text=True)
    assert "Overdue</strong>" in page and "Bring the user research" in page


def test_action_owner_must_be_a_member_of_the_organisation(client, auth, portfolio):
    auth.login("board")
    response = _add_action(client, _project("Project R1").id, "pmo@b.example")
    assert response.status_code == 422
    assert "Choose an owner who is a member of this organisation" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Action)) == 0


def test_owner_updates_action_others_cannot_and_my_actions_lists_it(client, auth, org, portfolio):
    make_member(org, "pmo2@a.example", "pmo")
    db.session.commit()
    auth.login("board")
    _add_action(client, _project("Project R1").id, "pmo@a.example", "2030-01-31")
    action = db.session.scalar(select(Action))
    auth.logout()
    auth.login("pmo2")
    refused = client.post(
        f"/actions/{action.id}",
        data={"status": "done", "lock_version": 1, "owner": "", "csrf_token": csrf_token(client)},
    )
    assert refused.status_code == 422 and "Only the action&#39;s owner" in refused.get_data(as_text=True)
    assert "You have no actions" in client.get("/my-actions").get_data(as_text=True)
    auth.logout()
    auth.login("pmo")
    mine = client.get("/my-actions").get_data(as_text=True)
    assert "Bring the user research" in mine and "Project R1" in mine and "2030-01-31" in mine
    done = client.post(
        f"/actions/{action.id}",
        data={
            "status": "done",
            "lock_version": 1,
            "due_date": "2030-01-31",
            "owner": str(action.owner_id),
            "csrf_token": csrf_token(client),
        },
    )
    assert done.status_code == 302
    db.session.refresh(action)
    assert (action.status, action.lock_version) == ("done", 2)
    audit = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "action_updated"))
    assert audit.before["status"] == "open" and audit.after["status"] == "done"
    stale = client.post(
        f"/actions/{action.id}",
        data={"status": "open", "lock_version": 1, "owner": "", "csrf_token": csrf_token(client)},
    )
    assert stale.status_code == 409 and "Someone else changed this action" in stale.get_data(as_text=True)


# --- board pack -----------------------------------------------------------------------------------


def test_board_pack_shows_verdict_signals_flagged_projects_and_decisions(client, auth, portfolio):
    auth.login("board")
    _decide(client, _project("Project R4").id, "stop", "Duplicates the EPR")
    page = client.get(f"/portfolios/{portfolio.id}/board-pack?version=1").get_data(as_text=True)
    assert "Board pack: Reviewed portfolio, version 1" in page
    assert "Signals" in page and "Flagged projects (6)" in page
    assert "Project R4" in page and "Duplicates the EPR" in page and "Questions to ask" in page
    assert client.get(f"/portfolios/{portfolio.id}/board-pack?version=9").status_code == 404


@pytest.mark.skipif(
    not shutil.which("pdftotext") or not shutil.which("pdfinfo"),
    reason="pdftotext/pdfinfo (poppler-utils) not installed",
)
def test_board_pack_pdf_holds_the_pack_text(client, auth, portfolio, tmp_path):
    from portfolio.review.pdf import find_chromium

    with client.application.test_request_context():
        if find_chromium() is None:
            pytest.skip("Chromium is not installed")
    auth.login("board")
    _decide(client, _project("Project R4").id, "stop", "Duplicates the EPR")
    response = client.get(f"/portfolios/{portfolio.id}/board-pack.pdf?version=1")
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/pdf" and response.data.startswith(b"%PDF")
    assert (
        response.headers["Content-Disposition"]
        == 'attachment; filename="board-pack-Reviewed-portfolio-v1.pdf"'
    )
    assert response.headers["Cache-Control"] == "no-store"
    path = tmp_path / "pack.pdf"
    path.write_bytes(response.data)
    text = " ".join(
        subprocess.run(  # noqa: S603 - fixed poppler tools on a file the test wrote
            ["pdftotext", str(path), "-"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
    )
    assert "Board pack: Reviewed portfolio, version 1" in text
    assert "Project R4" in text and "Duplicates the EPR" in text and "Sign out" not in text
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout  # noqa: S603,S607
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 1 <= pages <= 20
    assert "595 x 842" in info or "594.96 x 841.92" in info  # A4 in points


def test_board_pack_pdf_without_chromium_gives_a_clear_page(client, auth, portfolio, monkeypatch):
    monkeypatch.setattr("portfolio.review.pdf.find_chromium", lambda: None)
    auth.login("viewer")
    response = client.get(f"/portfolios/{portfolio.id}/board-pack.pdf")
    assert response.status_code == 503
    assert "Chromium is not installed" in response.get_data(as_text=True)


def test_board_pack_shows_the_most_pressing_projects_and_says_how_many_more(client, auth, app, portfolio):
    app.config["BOARD_PACK_PROJECTS"] = 2
    auth.login("board")
    page = client.get(f"/portfolios/{portfolio.id}/board-pack").get_data(as_text=True)
    assert "Flagged projects (6)" in page
    assert "This pack shows the 2 most pressing of the 6 flagged projects" in page
    assert "Project R4" in page and "Project R1" in page and "Project R2<" not in page


def test_review_page_query_count_does_not_grow_with_its_history(app, client, auth, portfolio):
    auth.login("board")
    quiet, busy = _project("Project R1"), _project("Project R2")
    for i in range(12):
        _decide(client, busy.id, "challenge" if i % 2 else "endorse", f"Round {i}")
        client.post(
            f"/projects/{busy.id}/comments", data={"body": f"Note {i}", "csrf_token": csrf_token(client)}
        )
        _add_action(client, busy.id, "pmo@a.example", "2030-01-01", title=f"Action {i}")
    counts = [_count_queries(app, client, f"/projects/{p.id}/review") for p in (quiet, busy)]
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize("role", ["pmo", "board", "admin", "viewer"])
def test_every_member_reads_the_review_pages_but_only_deciders_see_the_decision_form(
    client, auth, portfolio, role
):
    auth.login(role)
    project = _project("Project R1")
    for url in (
        f"/portfolios/{portfolio.id}/queue",
        f"/projects/{project.id}/review",
        f"/portfolios/{portfolio.id}/board-pack",
        f"/projects/{project.id}/audit",
        f"/portfolios/{portfolio.id}/audit",
        "/my-actions",
    ):
        assert client.get(url).status_code == 200, (role, url)
    page = client.get(f"/projects/{project.id}/review").get_data(as_text=True)
    assert ("Record decision" in page) == (role in ("board", "admin"))
    assert ("Add a comment" in page) == (role != "viewer")

"""The tagging pages through the test client: the project page with highlighted evidence, overrides (audited,
kept across re-tagging), the project list's filters, sorting and paging, and re-tagging."""

from __future__ import annotations

import pytest
from sqlalchemy import event, func, select

from portfolio.extensions import db
from portfolio.importing.parser import parse_workbook
from portfolio.importing.service import import_plan
from portfolio.models import (
    AuditEvent,
    Override,
    Portfolio,
    Project,
    ProjectFlag,
    ProjectVersion,
    Upload,
    User,
)
from tests.conftest import csrf_token
from tests.factories import make_portfolio

HEADER = [
    "Ref",
    "Project",
    "Description",
    "Benefits",
    "Owner",
    "Supplier",
    "Budget",
    "Start",
    "End",
    "RAG",
    "Notes",
]
ROWS = [
    [
        "P-1",
        "E-obs on wards",
        "User research with ward nurses showed double entry; piloted on two wards first, then the rest",
        "Reduce missed observations from 12% to 5% by March 2026",
        "Chief Nurse",
        "",
        "120000",
        "01/04/2025",
        "31/03/2026",
        "Green",
        "Board paper May",
    ],
    [
        "P-2",
        "Wi-Fi refresh",
        "Replace the wireless network across all sites in one go",
        "Modern network",
        "",
        "Netco",
        "900000",
        "01/05/2025",
        "TBC",
        "Amber",
        "<script>alert(1)</script>",
    ],
]


def _csv(rows: list[list[str]]) -> bytes:
    return ("\n".join(",".join(f'"{c}"' for c in row) for row in rows) + "\n").encode("utf-8")


def _import(portfolio: Portfolio, rows: list[list[str]], email: str = "pmo@a.example") -> Upload:
    data = _csv([HEADER, *rows])
    user = db.session.scalar(select(User).where(User.email == email))
    upload = import_plan(portfolio, parse_workbook(data, "plan.csv"), data, user)
    db.session.commit()
    return upload


def _many(count: int) -> list[list[str]]:
    return [
        [
            f"M-{i:04d}",
            f"Project {i:04d}",
            ROWS[i % 2][2],
            ROWS[i % 2][3],
            ROWS[i % 2][4],
            ROWS[i % 2][5],
            str(1000 * (i + 1)),
            "01/04/2025",
            "31/03/2026",
            "Green",
            "",
        ]
        for i in range(count)
    ]


@pytest.fixture
def portfolio(org) -> Portfolio:
    p = make_portfolio(org, "Digital")
    db.session.commit()
    _import(p, ROWS)
    return p


def _project(ref: str) -> Project:
    return db.session.scalar(select(Project).where(Project.ref == ref))


def _override(client, project_id: int, **data):
    return client.post(f"/projects/{project_id}/overrides", data={"csrf_token": csrf_token(client), **data})


# --- The project page --------------------------------------------------------------------------------------


def test_project_page_shows_tags_evidence_flags_and_the_record(client, auth, portfolio):
    auth.login("viewer")
    project = _project("P-2")
    page = client.get(f"/projects/{project.id}").get_data(as_text=True)
    assert "Wi-Fi refresh" in page and "Principles for Wi-Fi refresh" in page
    version = db.session.scalar(select(ProjectVersion).where(ProjectVersion.project_id == project.id))
    assert version.user_needs in ("missing", "partial")
    assert 'class="nhsuk-tag nhsuk-tag--red"' in page and "Missing" in page  # colour with the word
    assert "app-evidence--against" in page and "(against" in page  # marked and said in words
    assert "words that count <strong>against</strong>" in page
    assert "Questions for the board" in page
    for flag in version.flags:
        assert flag["reason"].split("'")[0][:30] in page.replace("&#39;", "'")
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    )  # extras, escaped
    assert "Netco" in page


def test_project_page_highlights_for_words_in_the_projects_own_text(client, auth, portfolio):
    auth.login("board")
    page = client.get(f"/projects/{_project('P-1').id}").get_data(as_text=True)
    assert 'app-evidence--for">' in page
    version = db.session.scalar(select(ProjectVersion).join(Project).where(Project.ref == "P-1"))
    evidence = [
        e for p in version.assessment_view["principles"].values() for e in p["evidence"] if e["polarity"] == "for"
    ]
    assert evidence
    e = evidence[0]
    assert {**version.extras, **version.fields}[e["field"]][e["start"] : e["end"]] == e["text"]
    assert f'app-evidence--for">{e["text"]}<span' in page


def test_project_page_links_versions_and_shows_an_older_one(client, auth, portfolio):
    changed = [list(ROWS[0]), list(ROWS[1])]
    changed[0][2] = "Electronic observations, second phase"
    _import(portfolio, changed)
    auth.login("viewer")
    project = _project("P-1")
    newest = client.get(f"/projects/{project.id}").get_data(as_text=True)
    assert "second phase" in newest and f"/projects/{project.id}?version=1" in newest
    older = client.get(f"/projects/{project.id}?version=1").get_data(as_text=True)
    assert "User research with ward nurses" in older and "Version 1 (shown)" in older
    assert client.get(f"/projects/{project.id}?version=9").status_code == 404


class _Record:
    def __init__(self, fields: dict[str, str], extras: dict[str, str] | None = None) -> None:
        self.fields, self.extras = fields, extras or {}


def _ev(field: str, text: str, start: int, polarity: str = "for") -> dict[str, object]:
    return {
        "field": field,
        "text": text,
        "start": start,
        "end": start + len(text),
        "polarity": polarity,
        "facet": "research",
    }


@pytest.mark.parametrize(
    ("fields", "extras", "evidence", "segments", "loose"),
    [
        (
            {"description": "We shadowed nurses"},
            {},
            [_ev("description", "shadowed", 3)],
            [("We ", None, ""), ("shadowed", "for", "research"), (" nurses", None, "")],
            0,
        ),
        (
            {"description": "Replace servers now"},
            {},
            [_ev("description", "servers", 8, "against"), _ev("description", "Replace", 0, "against")],
            [
                ("Replace", "against", "research"),
                (" ", None, ""),
                ("servers", "against", "research"),
                (" now", None, ""),
            ],
            0,
        ),
        (
            {"description": "abc def"},
            {},
            [_ev("description", "abc def", 0), _ev("description", "def", 4)],
            [("abc def", "for", "research")],
            0,
        ),  # overlapping words are highlighted once
        ({"description": "text changed since"}, {}, [_ev("description", "shadowed", 3)], [], 1),
        (
            {},
            {"Notes": "Board paper"},
            [_ev("Notes", "Board", 0)],
            [("Board", "for", "research"), (" paper", None, "")],
            0,
        ),  # a column kept as an extra
    ],
)
def test_evidence_is_cut_into_segments_of_the_projects_own_text(
    app, fields, extras, evidence, segments, loose
):
    from portfolio.tagging.views import evidence_by_field

    (found,) = evidence_by_field(_Record(fields, extras), evidence)  # type: ignore[arg-type]
    assert found["segments"] == segments and len(found["loose"]) == loose


# --- Overrides -------------------------------------------------------------------------------------------


def test_board_member_overrides_a_principle_with_a_reason_and_it_is_audited(client, auth, portfolio):
    auth.login("board")
    project = _project("P-2")
    automatic = db.session.scalar(
        select(ProjectVersion.user_needs).where(ProjectVersion.project_id == project.id)
    )
    response = _override(
        client,
        project.id,
        principle="user_needs",
        status="evident",
        reason="Staff survey in the business case",
    )
    assert response.status_code == 302
    stored = db.session.scalar(select(Override).where(Override.project_id == project.id))
    assert (stored.principle, stored.status, stored.active) == ("user_needs", "evident", True)
    event_ = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "override_set"))
    assert event_.before == {"principle": "user_needs", "automatic": automatic, "override": None}
    assert event_.after["override"] == {"status": "evident", "reason": "Staff survey in the business case"}
    assert event_.project_id == project.id and event_.actor == "board@a.example"
    page = client.get(f"/projects/{project.id}").get_data(as_text=True)
    assert "Overridden by Board" in page and "reason: Staff survey in the business case" in page
    assert (
        "Automatic result" in page and "No override" in page
    )  # the other principles, and the automatic column
    assert (
        db.session.scalar(select(ProjectVersion.user_needs).where(ProjectVersion.project_id == project.id))
        == automatic
    )


def test_override_needs_a_reason_and_a_known_status(client, auth, portfolio):
    auth.login("pmo")
    project = _project("P-2")
    response = _override(client, project.id, principle="user_needs", status="evident", reason="  ")
    assert response.status_code == 422 and "Give the reason for the override" in response.get_data(
        as_text=True
    )
    assert (
        _override(client, project.id, principle="user_needs", status="great", reason="x").status_code == 422
    )
    assert _override(client, project.id, principle="nope", status="evident", reason="x").status_code == 422
    assert db.session.scalar(select(func.count()).select_from(Override)) == 0


def test_clearing_an_override_needs_a_reason_and_is_audited(client, auth, portfolio):
    auth.login("admin")
    project = _project("P-1")
    assert (
        _override(client, project.id, principle="clear_goals", status="clear", reason="x").status_code == 422
    )
    _override(client, project.id, principle="clear_goals", status="partial", reason="Targets are guesses")
    _override(client, project.id, principle="clear_goals", status="missing", reason="No baseline after all")
    assert db.session.scalar(select(func.count()).select_from(Override).where(Override.active.is_(True))) == 1
    assert (
        _override(client, project.id, principle="clear_goals", status="clear", reason="").status_code == 422
    )
    assert (
        _override(
            client, project.id, principle="clear_goals", status="clear", reason="Board agreed the tagger"
        ).status_code
        == 302
    )
    assert db.session.scalar(select(func.count()).select_from(Override).where(Override.active.is_(True))) == 0
    cleared = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "override_cleared"))
    assert cleared.before["override"] == {"status": "missing", "reason": "No baseline after all"}
    assert cleared.after["override"] is None and cleared.after["reason"] == "Board agreed the tagger"


def test_viewer_cannot_override(client, auth, portfolio):
    auth.login("viewer")
    project = _project("P-1")
    assert "Override a principle" not in client.get(f"/projects/{project.id}").get_data(as_text=True)
    assert (
        _override(client, project.id, principle="user_needs", status="evident", reason="x").status_code == 403
    )
    assert db.session.scalar(select(func.count()).select_from(Override)) == 0


def test_override_without_csrf_token_is_refused(client, auth, portfolio):
    auth.login("board")
    project = _project("P-1")
    response = client.post(
        f"/projects/{project.id}/overrides",
        data={"principle": "user_needs", "status": "evident", "reason": "x"},
    )
    assert response.status_code == 400
    assert db.session.scalar(select(func.count()).select_from(Override)) == 0


# --- Re-tagging ------------------------------------------------------------------------------------------


def test_retag_replaces_results_keeps_overrides_and_is_audited(client, auth, portfolio):
    auth.login("pmo")
    project = _project("P-2")
    _override(client, project.id, principle="user_needs", status="evident", reason="Seen the research")
    upload = db.session.scalar(select(Upload))
    ProjectFlag.__table__  # noqa: B018
    db.session.execute(ProjectFlag.__table__.delete())
    db.session.execute(ProjectVersion.__table__.update().values(user_needs="evident", flag_count=0, flags=[]))
    upload.verdict, upload.rubric_version = None, "stale"
    db.session.commit()
    response = client.post(f"/portfolios/{portfolio.id}/retag", data={"csrf_token": csrf_token(client)})
    assert response.status_code == 302
    version = db.session.scalar(select(ProjectVersion).where(ProjectVersion.project_id == project.id))
    db.session.refresh(version)
    assert version.user_needs in ("missing", "partial") and version.flag_count == len(version.flags) > 0
    assert db.session.scalar(select(func.count()).select_from(ProjectFlag)) == sum(
        db.session.scalars(select(ProjectVersion.flag_count))
    )
    upload = db.session.scalar(select(Upload))
    db.session.refresh(upload)
    assert upload.verdict in ("coherent", "shopping_list") and upload.rubric_version != "stale"
    assert version.assessment["rubric_version"] == upload.rubric_version
    assert db.session.scalar(select(Override.status).where(Override.active.is_(True))) == "evident"
    audit_row = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "retag"))
    assert audit_row.before["rubric_version"] == "stale" and audit_row.after["projects_changed"] == 2


@pytest.mark.parametrize("role", ["board", "viewer"])
def test_only_pmo_and_admin_retag(client, auth, portfolio, role):
    auth.login(role)
    response = client.post(f"/portfolios/{portfolio.id}/retag", data={"csrf_token": csrf_token(client)})
    assert response.status_code == 403
    assert (
        db.session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "retag"))
        == 0
    )


def test_retag_of_an_empty_portfolio_says_import_first(client, auth, org):
    empty = make_portfolio(org, "Empty")
    db.session.commit()
    auth.login("admin")
    page = client.post(
        f"/portfolios/{empty.id}/retag", data={"csrf_token": csrf_token(client)}, follow_redirects=True
    ).get_data(as_text=True)
    assert "Import the project list before re-tagging it." in page


# --- The project list ------------------------------------------------------------------------------------


def test_project_list_shows_status_words_in_coloured_cells(client, auth, portfolio):
    auth.login("viewer")
    page = client.get(f"/portfolios/{portfolio.id}/projects").get_data(as_text=True)
    assert "E-obs on wards" in page and "Wi-Fi refresh" in page
    assert "nhsuk-tag--green" in page or "nhsuk-tag--yellow" in page
    assert "Missing" in page and "<caption" in page and 'scope="col"' in page
    assert 'aria-sort="ascending"' in page  # sorted by ref by default


def test_project_list_filters_by_principle_status_flag_objective_and_text(client, auth, portfolio):
    auth.login("viewer")
    url = f"/portfolios/{portfolio.id}/projects"
    p2 = db.session.scalar(select(ProjectVersion).join(Project).where(Project.ref == "P-2"))
    page = client.get(f"{url}?principle=user_needs&status={p2.user_needs}").get_data(as_text=True)
    assert "Wi-Fi refresh" in page
    flag = p2.flags[0]["id"]
    p1 = db.session.scalar(select(ProjectVersion).join(Project).where(Project.ref == "P-1"))
    page = client.get(f"{url}?flag={flag}").get_data(as_text=True)
    assert "Wi-Fi refresh" in page and (("E-obs on wards" in page) == (flag in [f["id"] for f in p1.flags]))
    page = client.get(f"{url}?q=wi-fi").get_data(as_text=True)
    assert "Wi-Fi refresh" in page and "E-obs on wards" not in page
    page = client.get(f"{url}?q=ward nurses").get_data(as_text=True)  # in the description
    assert "E-obs on wards" in page and "Wi-Fi refresh" not in page
    page = client.get(f"{url}?q=%25").get_data(as_text=True)  # a LIKE wildcard is searched for literally
    assert "0 projects" in page
    page = client.get(f"{url}?objective=__none__").get_data(as_text=True)
    assert "2 projects" in page


def test_project_list_filter_counts_an_override(client, auth, portfolio):
    auth.login("board")
    project = _project("P-2")
    _override(client, project.id, principle="user_needs", status="evident", reason="Research seen")
    page = client.get(f"/portfolios/{portfolio.id}/projects?principle=user_needs&status=evident").get_data(
        as_text=True
    )
    assert "Wi-Fi refresh" in page and "reviewer" in page


def test_project_list_sorts_from_an_allow_list_only(client, auth, portfolio):
    auth.login("viewer")
    url = f"/portfolios/{portfolio.id}/projects"
    page = client.get(f"{url}?sort=budget&order=desc").get_data(as_text=True)
    assert page.index("Wi-Fi refresh") < page.index("E-obs on wards")
    page = client.get(f"{url}?sort=budget&order=asc").get_data(as_text=True)
    assert page.index("E-obs on wards") < page.index("Wi-Fi refresh")
    for hostile in ("name; DROP TABLE project", "(CASE WHEN 1=1 THEN title END)"):
        response = client.get(url, query_string={"sort": hostile, "q": "' OR 1=1 --"})
        assert response.status_code == 422 and "Not a valid choice" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Project)) == 2


def test_project_list_is_paginated(client, auth, org, app):
    app.config["PAGE_SIZE"] = 10
    big = make_portfolio(org, "Big")
    db.session.commit()
    _import(big, _many(25))
    auth.login("viewer")
    page = client.get(f"/portfolios/{big.id}/projects?page=3").get_data(as_text=True)
    assert "Project 0020" in page and "Project 0019" not in page and "Page 2 of 3" in page
    assert "25 projects" in page


def _statements(client, url: str) -> int:
    count = 0

    def counter(*_args) -> None:
        nonlocal count
        count += 1

    event.listen(db.engine, "before_cursor_execute", counter)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", counter)
    return count


def test_page_query_counts_do_not_grow_with_the_portfolio(client, auth, org):
    small, large = make_portfolio(org, "Small"), make_portfolio(org, "Large")
    db.session.commit()
    _import(small, _many(10))
    _import(large, _many(1000))
    auth.login("board")
    for portfolio in (small, large):  # overrides on the page are read in one query whatever their number
        for ref in ("M-0000", "M-0001"):
            project = db.session.scalar(
                select(Project).where(Project.portfolio_id == portfolio.id, Project.ref == ref)
            )
            _override(client, project.id, principle="adapt_plan", status="partial", reason="Checked")
    counts = {}
    for name, portfolio in (("small", small), ("large", large)):
        counts[name] = (
            _statements(client, f"/portfolios/{portfolio.id}/projects"),
            _statements(
                client,
                f"/portfolios/{portfolio.id}/projects?principle=user_needs&"
                "status=missing&sort=score&order=desc&q=project",
            ),
        )
        project = db.session.scalar(select(Project).where(Project.portfolio_id == portfolio.id))
        counts[name] += (_statements(client, f"/projects/{project.id}"),)
    assert counts["small"] == counts["large"], counts

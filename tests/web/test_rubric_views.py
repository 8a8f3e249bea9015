"""The rubric editor: an admin edits questions, cue lists and thresholds; every problem is listed and nothing
is saved; a good edit is a new audited RubricVersion that re-tagging applies and every assessment records."""

from __future__ import annotations

import html
import json
import re

import pytest
from sqlalchemy import func, select

from portfolio.extensions import db
from portfolio.importing.parser import parse_workbook
from portfolio.importing.service import import_plan
from portfolio.models import AuditEvent, ProjectVersion, RubricVersion, Upload
from portfolio.tagging.forms import merge_rubric, split_rubric
from portfolio.tagging.rubric import load_rubric
from tests.conftest import csrf_token
from tests.factories import make_portfolio

CSV = (
    b'Ref,Project,Description\nP-1,"Ward rounds","Nurses told us rounds take too long; we will shadow them"\n'
    b'P-2,"Server refresh","Replace the servers"\n'
)


def _form(client) -> dict[str, str]:
    """Every field of the editor as the page filled it in (textareas, the version it was drawn from) and
    the CSRF token."""
    page = client.get("/rubric").get_data(as_text=True)
    fields = {
        m.group(1): m.group(2)
        for m in re.finditer(r'<textarea[^>]*name="([^"]+)"[^>]*>\n?(.*?)</textarea>', page, re.S)
    }
    based_on = re.search(r'name="based_on" value="([^"]*)"', page).group(1)
    return {name: html.unescape(value) for name, value in fields.items()} | {
        "csrf_token": csrf_token(client, "/rubric"),
        "based_on": html.unescape(based_on),
    }


def test_split_then_merge_gives_back_the_rubric():
    data = dict(load_rubric().data)
    rest, boxes = split_rubric(json.loads(json.dumps(data)))
    assert "questions" not in rest["principles"][0] and boxes["questions-user_needs"]
    assert merge_rubric(rest, boxes) == json.loads(json.dumps(data))


def test_admin_sees_questions_and_cues_per_principle(client, auth):
    auth.login("admin")
    page = client.get("/rubric").get_data(as_text=True)
    assert "Board questions, one per line" in page and "Words that count against" in page
    assert 'id="questions-user_needs"' in page and 'id="signals"' in page and "Re-tag" not in page


@pytest.mark.parametrize("role", ["pmo", "board", "viewer"])
def test_only_admins_edit_the_rubric(client, auth, role):
    auth.login(role)
    assert client.get("/rubric").status_code == 403
    assert client.post("/rubric", data={"csrf_token": csrf_token(client)}).status_code == 403


def test_saving_an_edit_makes_an_audited_version_that_retagging_applies(client, auth, org):
    portfolio = make_portfolio(org, "Digital")
    db.session.commit()
    import_plan(portfolio, parse_workbook(CSV, "plan.csv"), CSV, None)
    db.session.commit()
    auth.login("admin")
    data = _form(client)
    data["questions-user_needs"] = "Who exactly is the user?\nWhat did the shadowing find?"
    response = client.post("/rubric", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    saved = db.session.scalar(select(RubricVersion))
    rubric_part = saved.version.rsplit(".", 1)[0]
    assert saved.data["rubric"]["principles"][0]["questions"] == [
        "Who exactly is the user?",
        "What did the shadowing find?",
    ]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "rubric_saved"))
    assert event.after == {"version": saved.version} and event.before["version"] != saved.version
    page = client.get("/rubric").get_data(as_text=True)
    assert f"Version in use: <strong>{saved.version}</strong>" in page and "Re-tag Digital" in page
    assert (
        client.post(f"/portfolios/{portfolio.id}/retag", data={"csrf_token": csrf_token(client)}).status_code
        == 302
    )
    upload = db.session.scalar(select(Upload))
    assert upload.rubric_version == rubric_part
    versions = db.session.scalars(select(ProjectVersion)).all()
    assert {v.assessment["rubric_version"] for v in versions} == {rubric_part}
    server = next(v for v in versions if v.ref == "P-2")
    shown = server.assessment_view["principles"]["user_needs"]
    assert shown["questions"][1] == "What did the shadowing find?"


def test_every_problem_is_listed_and_nothing_is_saved(client, auth):
    auth.login("admin")
    data = _form(client)
    data["cues-user_needs-for-0"] = "(unclosed"
    rest = json.loads(data["rest"])
    rest["thresholds"]["evident"] = 7
    data["rest"] = json.dumps(rest)
    signals = json.loads(data["signals"])
    signals["version"] = 0
    data["signals"] = json.dumps(signals)
    response = client.post("/rubric", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "There is a problem: nothing was saved" in page
    assert "is not a valid regular expression" in page
    assert "threshold &#39;evident&#39; is 7" in page
    assert "Thresholds: &#39;version&#39; must be a whole number" in page
    assert db.session.scalar(select(func.count()).select_from(RubricVersion)) == 0


def test_broken_json_is_named_with_its_line_and_nothing_changed_is_refused(client, auth):
    auth.login("admin")
    data = _form(client)
    response = client.post("/rubric", data={**data, "signals": '{"version": 1,\n "signals": }'})
    assert response.status_code == 422
    assert "Signal thresholds: the JSON is not valid at line 2" in response.get_data(as_text=True)
    response = client.post("/rubric", data=data)
    assert "Nothing was changed" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(RubricVersion)) == 0


def test_a_second_admin_does_not_overwrite_a_newer_version(client, auth):
    auth.login("admin")
    first, second = _form(client), _form(client)
    first["questions-clear_goals"] = "What is the one aim?"
    assert client.post("/rubric", data=first).status_code == 302
    second["questions-adapt_plan"] = "When do we next decide?"
    response = client.post("/rubric", data=second)
    assert response.status_code == 422 and "after you opened this page" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(RubricVersion)) == 1

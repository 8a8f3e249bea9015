"""Downloading the annotated workbook, CSV and JSON of a portfolio version."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from portfolio.extensions import db
from portfolio.importing.parser import parse_workbook
from portfolio.importing.service import import_plan
from portfolio.models import AuditEvent
from tests.conftest import SHARED
from tests.factories import make_portfolio

HOLLINBROOK = SHARED / "labelled" / "hollinbrook_valley_nhsft_portfolio.xlsx"
CSV = (b'Ref,Project,Description,Owner\r\nX-1,"=HYPERLINK(""http://evil.example"",""x"")",'
       b'"Replace the network",Head of IT\r\nX-2,"Ward e-obs","Nurses asked for it; trialled on one ward",COO\r\n')


@pytest.fixture
def imported(org):
    def make(data: bytes, name: str, portfolio_name: str | None = None):
        portfolio = make_portfolio(org, portfolio_name or name)
        upload = import_plan(portfolio, parse_workbook(data, name), data, None)
        db.session.commit()
        return portfolio, upload
    return make


def test_annotated_xlsx_keeps_every_original_part_and_adds_review(client, auth, imported):
    data = HOLLINBROOK.read_bytes()
    portfolio, upload = imported(data, HOLLINBROOK.name)
    auth.login("viewer")
    response = client.get(f"/portfolios/{portfolio.id}/export/xlsx")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    original, exported = zipfile.ZipFile(io.BytesIO(data)), zipfile.ZipFile(io.BytesIO(response.data))
    for name in original.namelist():  # the strategy sheet and shared parts are untouched byte for byte
        if "sheet2" not in name and name not in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                                 "[Content_Types].xml", "xl/styles.xml"):
            assert exported.read(name) == original.read(name), name
    book = load_workbook(io.BytesIO(response.data))
    assert {"Summary", "Board questions", "Duplicates", "Changes since last version"} <= set(book.sheetnames)
    sheet = book[upload.sheet]
    headers = [c.value for c in sheet[1]]
    assert "Board decision" in headers and "Link to project page" in headers
    status_col = headers.index(next(h for h in headers if h and h.startswith("Review: ")))
    assert sheet.cell(row=2, column=status_col + 1).value in ("evident", "partial", "missing")
    assert db.session.scalar(select(AuditEvent.action).where(AuditEvent.action == "export")) == "export"


def test_csv_upload_exports_new_workbook_with_formulas_defused(client, auth, imported):
    portfolio, _ = imported(CSV, "plan.csv")
    auth.login("pmo")
    response = client.get(f"/portfolios/{portfolio.id}/export/xlsx")
    book = load_workbook(io.BytesIO(response.data))
    cells = [c for row in book.worksheets[0].iter_rows() for c in row if isinstance(c.value, str)]
    hostile = next(c for c in cells if "HYPERLINK" in c.value and "evil" in c.value)
    assert hostile.data_type == "s"  # text, never a live formula


def test_csv_export_has_bom_and_defused_text(client, auth, imported):
    portfolio, _ = imported(CSV, "plan.csv")
    auth.login("board")
    response = client.get(f"/portfolios/{portfolio.id}/export/csv")
    assert response.data.startswith(b"\xef\xbb\xbf")
    assert b"'=HYPERLINK" in response.data


def test_json_export_lists_rows_with_review_columns(client, auth, imported):
    portfolio, _ = imported(CSV, "plan.csv")
    auth.login("viewer")
    document = json.loads(client.get(f"/portfolios/{portfolio.id}/export/json").data)
    assert "Board decision" in document["columns"] and len(document["rows"]) == 2


def test_download_name_is_cleaned(client, auth, org, imported):
    portfolio, _ = imported(CSV, "plan.csv", 'Evil"\r\nSet-Cookie: a=b')
    auth.login("viewer")
    response = client.get(f"/portfolios/{portfolio.id}/export/csv")
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    assert response.headers["Content-Disposition"] == 'attachment; filename="EvilSet-Cookie ab v1 review.csv"'


def test_export_of_missing_version_is_404(client, auth, imported):
    portfolio, _ = imported(CSV, "plan.csv")
    auth.login("viewer")
    assert client.get(f"/portfolios/{portfolio.id}/export/xlsx?version=7").status_code == 404


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "json"])
def test_cli_export_writes_the_file(runner, imported, tmp_path, fmt):
    portfolio, _ = imported(CSV, "plan.csv", "Digital")
    out = tmp_path / f"review.{fmt}"
    result = runner.invoke(args=["portfolio", "export", "--org", "Trust A", "--portfolio", "Digital",
                                 "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and out.stat().st_size > 100


def test_cli_export_unknown_version_fails_cleanly(runner, imported, tmp_path):
    imported(CSV, "plan.csv", "Digital")
    result = runner.invoke(args=["portfolio", "export", "--org", "Trust A", "--portfolio", "Digital",
                                 "--version", "5", "-o", str(tmp_path / "x.xlsx")])
    assert result.exit_code != 0 and "no version 5" in result.output


def _edit_decisions(data: bytes, sheet: str, edits: dict[int, dict[str, str]]) -> bytes:
    """Fill the decision/rationale/comment cells of the given sheet rows, as a board secretary would in Excel."""
    book = load_workbook(io.BytesIO(data))
    ws = book[sheet]
    headers = {c.value: c.column for c in ws[1] if c.value}
    names = {"decision": "Board decision", "rationale": "Decision rationale", "comment": "Latest comment"}
    for row, values in edits.items():
        for key, value in values.items():
            ws.cell(row=row, column=headers[names[key]], value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _upload_returned(client, portfolio_id: int, data: bytes):
    from tests.conftest import csrf_token

    return client.post(f"/portfolios/{portfolio_id}/returned", content_type="multipart/form-data",
                       data={"file": (io.BytesIO(data), "review.xlsx"), "csrf_token": csrf_token(client)})


def test_returned_workbook_decisions_are_previewed_then_applied_and_audited(client, auth, imported):
    from portfolio.models import Comment, Decision, ReviewState
    from tests.conftest import csrf_token

    portfolio, upload = imported(CSV, "plan.csv")
    auth.login("board")
    exported = client.get(f"/portfolios/{portfolio.id}/export/xlsx").data
    sheet = load_workbook(io.BytesIO(exported)).sheetnames[0]
    edited = _edit_decisions(exported, sheet, {2: {"decision": "challenge", "rationale": "No user research yet"},
                                               3: {"comment": "Ask the ward for the trial results"}})
    response = _upload_returned(client, portfolio.id, edited)
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    preview = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "No user research yet" in preview and "Will be applied" in preview
    assert db.session.scalar(select(Decision)) is None  # nothing applied before confirming
    pending_id = response.headers["Location"].rsplit("/", 1)[1]
    client.post(f"/returns/{pending_id}/apply", data={"csrf_token": csrf_token(client)})
    decision = db.session.scalar(select(Decision))
    assert (decision.outcome, decision.rationale) == ("challenge", "No user research yet")
    assert db.session.scalar(select(ReviewState.status)) == "challenged"
    assert db.session.scalar(select(Comment.body)) == "Ask the ward for the trial results"
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "returned_workbook_applied"))


def test_returned_decision_changed_in_app_since_export_is_shown_as_conflict(client, auth, imported, org):
    from portfolio.models import Decision, Project, User
    from portfolio.review.service import record_decision
    from tests.conftest import csrf_token

    portfolio, upload = imported(CSV, "plan.csv")
    auth.login("board")
    exported = client.get(f"/portfolios/{portfolio.id}/export/xlsx").data
    project = db.session.scalar(select(Project).where(Project.ref == "X-1"))
    board = db.session.scalar(select(User).where(User.email == "board@a.example"))
    record_decision(project, upload, "endorse", "Endorsed at the meeting", 0, board, "board")
    db.session.commit()
    sheet = load_workbook(io.BytesIO(exported)).sheetnames[0]
    edited = _edit_decisions(exported, sheet, {2: {"decision": "stop", "rationale": "Stop it"}})
    response = _upload_returned(client, portfolio.id, edited)
    preview = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "changed in the app after this workbook was downloaded" in preview
    returned = response.headers["Location"].rsplit("/", 1)[1]
    client.post(f"/returns/{returned}/apply", data={"csrf_token": csrf_token(client)})
    assert [d.outcome for d in db.session.scalars(select(Decision))] == ["endorse"]


def test_uploading_a_plain_workbook_as_returned_is_refused(client, auth, imported):
    portfolio, _ = imported(CSV, "plan.csv")
    auth.login("board")
    response = _upload_returned(client, portfolio.id, HOLLINBROOK.read_bytes())
    assert response.status_code == 422
    assert "not a review workbook downloaded from this service" in response.get_data(as_text=True)

"""The import journey through the test client: upload, check columns, preview, confirm; versions; refusals."""

from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import func, select

from portfolio.extensions import db
from portfolio.models import (
    AuditEvent,
    MappingMemory,
    PendingImport,
    Project,
    ProjectFlag,
    ProjectVersion,
    Upload,
)
from tests.conftest import SHARED, csrf_token
from tests.factories import make_portfolio

LABELLED = SHARED / "labelled"
HOLLINBROOK = LABELLED / "hollinbrook_valley_nhsft_portfolio.xlsx"


def _csv(rows: list[list[str]]) -> bytes:
    return "\n".join(",".join(f'"{c}"' for c in row) for row in rows).encode("utf-8")


SIMPLE = _csv([
    ["Ref", "Project", "Description", "Owner", "Start", "End", "RAG"],
    ["P-1", "E-obs on wards", "Electronic observations for nurses on two wards first, then the rest", "Chief Nurse",
     "01/04/2025", "31/03/2026", "Green"],
    ["P-2", "Wi-Fi refresh", "Replace the wireless network", "Director of Finance", "01/05/2025", "TBC", "Amber"],
])


def _upload(client, portfolio_id: int, data: bytes, name: str):
    return client.post(f"/portfolios/{portfolio_id}/upload", data={
        "file": (io.BytesIO(data), name), "csrf_token": csrf_token(client)}, content_type="multipart/form-data")


def _import(client, portfolio_id: int, data: bytes, name: str) -> int:
    response = _upload(client, portfolio_id, data, name)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    pending_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert client.get(f"/imports/{pending_id}/preview").status_code == 200
    response = client.post(f"/imports/{pending_id}/confirm", data={"csrf_token": csrf_token(client)})
    assert response.status_code == 302
    return pending_id


@pytest.fixture
def portfolio(org):
    p = make_portfolio(org, "Digital")
    db.session.commit()
    return p


def test_upload_then_check_page_shows_every_column_with_samples(client, auth, portfolio):
    auth.login("pmo")
    response = _upload(client, portfolio.id, SIMPLE, "plan.csv")
    pending = db.session.scalar(select(PendingImport))
    assert response.headers["Location"] == f"/imports/{pending.id}"
    page = client.get(f"/imports/{pending.id}").get_data(as_text=True)
    for header in ("Ref", "Project", "Description", "Owner", "Start", "End", "RAG"):
        assert f">{header}<" in page
    assert "E-obs on wards" in page  # a sample value
    assert db.session.scalar(select(func.count()).select_from(Upload)) == 0


def test_preview_lists_counts_and_problems_and_writes_nothing(client, auth, portfolio):
    auth.login("pmo")
    _upload(client, portfolio.id, SIMPLE, "plan.csv")
    pending = db.session.scalar(select(PendingImport))
    page = client.get(f"/imports/{pending.id}/preview").get_data(as_text=True)
    assert "Confirm and import 2 projects" in page
    assert db.session.scalar(select(func.count()).select_from(Project)) == 0


def test_confirm_imports_projects_tags_and_flags_in_one_go(client, auth, portfolio):
    auth.login("pmo")
    _import(client, portfolio.id, SIMPLE, "plan.csv")
    upload = db.session.scalar(select(Upload))
    assert (upload.version, upload.project_count, upload.sheet) == (1, 2, upload.sheet)
    assert upload.content == SIMPLE and upload.verdict in ("coherent", "shopping_list")
    versions = db.session.scalars(select(ProjectVersion).order_by(ProjectVersion.row)).all()
    assert [(v.row, v.ref, v.title) for v in versions] == [(2, "P-1", "E-obs on wards"), (3, "P-2", "Wi-Fi refresh")]
    assert versions[0].start_date.isoformat() == "2025-04-01"  # day-first
    assert set(versions[0].assessment_view["principles"]) == {
        "user_needs", "clear_goals", "measure_learn", "deliver_incrementally", "in_house_team",
        "supplier_value", "build_trust", "adapt_plan"}
    flags = set(db.session.scalars(select(ProjectFlag.flag).where(ProjectFlag.project_version_id == versions[1].id)))
    assert "missing_dates" in flags  # end date TBC
    assert db.session.scalar(select(PendingImport)) is None
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "import"))
    assert event.after["projects"] == 2 and event.portfolio_id == portfolio.id


def test_labelled_workbook_imports_with_its_labelled_header_and_sheet(client, auth, portfolio):
    auth.login("pmo")
    _import(client, portfolio.id, HOLLINBROOK.read_bytes(), HOLLINBROOK.name)
    upload = db.session.scalar(select(Upload))
    assert (upload.sheet, upload.header_row, upload.project_count) == ("Portfolio 25-26", 1, 18)
    assert len(upload.analysis["objectives"]) == 5


def test_changing_a_mapping_is_used_by_preview_and_remembered(client, auth, portfolio):
    auth.login("pmo")
    _upload(client, portfolio.id, SIMPLE, "plan.csv")
    pending = db.session.scalar(select(PendingImport))
    page = client.get(f"/imports/{pending.id}").get_data(as_text=True)
    owner_field = re.search(r'<select class="nhsuk-select" id="(col_\d+)" name="col_\d+">(?:(?!</select>).)*?'
                            r'value="owner" selected', page, re.S).group(1)
    form = {name: value for name, value in re.findall(r'<select[^>]*name="(col_\d+)">(?:(?!</select>).)*?'
                                                       r'value="([a-z_]*)" selected', page, re.S)}
    form.update({owner_field: "", "sheet": pending.sheet, "header_row": "1", "action": "preview",
                 "csrf_token": csrf_token(client)})
    assert client.post(f"/imports/{pending.id}", data=form).status_code == 302
    client.post(f"/imports/{pending.id}/confirm", data={"csrf_token": csrf_token(client)})
    version = db.session.scalar(select(ProjectVersion).where(ProjectVersion.row == 2))
    assert "owner" not in version.fields and version.extras["Owner"] == "Chief Nurse"
    memory = db.session.scalar(select(MappingMemory))
    assert memory.mapping["Owner"] is None
    _upload(client, portfolio.id, SIMPLE, "again.csv")
    again = db.session.scalar(select(PendingImport))
    assert again.mapping["Owner"] is None  # the confirmed mapping comes back for the same headers


def test_second_version_matches_projects_and_preview_shows_changes(client, auth, portfolio):
    auth.login("pmo")
    _import(client, portfolio.id, SIMPLE, "q1.csv")
    q2 = SIMPLE.replace(b'"Replace the wireless network"', b'"Replace the wireless network on every ward"')
    q2 = q2.replace(b'\n"P-1"', b'\n"P-3","New discharge app","An app for discharge","COO","","",""\n"P-1"')
    response = _upload(client, portfolio.id, q2, "q2.csv")
    pending_id = int(response.headers["Location"].rsplit("/", 1)[1])
    page = client.get(f"/imports/{pending_id}/preview").get_data(as_text=True)
    assert "Changes since version 1" in page and "New discharge app" in page
    assert "every ward" in page
    counts = _summary(page)  # a count of none says 0, not a blank a reader takes for missing data
    assert [counts[k] for k in ("New projects", "Changed projects", "Unchanged projects", "No longer in the list")] == [
        "1", "1", "1", "0"]
    assert counts["Projects found"] == "3"
    client.post(f"/imports/{pending_id}/confirm", data={"csrf_token": csrf_token(client)})
    assert db.session.scalar(select(func.count()).select_from(Project)) == 3
    assert db.session.scalar(select(func.max(Upload.version))) == 2
    wifi = db.session.scalars(select(ProjectVersion.project_id).where(ProjectVersion.ref == "P-2")).all()
    assert len(wifi) == 2 and wifi[0] == wifi[1]  # one project, two versions


def _summary(page: str) -> dict[str, str]:
    """A page's summary-list rows as {key: value text}."""
    rows = re.findall(r'summary-list__key">\s*(.*?)\s*</dt>\s*<dd class="nhsuk-summary-list__value">\s*(.*?)\s*</dd>',
                      page, re.S)
    return dict(rows)


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"", "empty.xlsx", "empty"),
    (b"%PDF-1.4 not a workbook", "report.xlsx", "not"),
    (b"PK\x03\x04broken", "broken.xlsx", ""),
])
def test_bad_file_is_refused_with_message_and_nothing_stored(client, auth, portfolio, data, name, message):
    auth.login("pmo")
    response = _upload(client, portfolio.id, data, name)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True).lower()
    assert db.session.scalar(select(func.count()).select_from(PendingImport)) == 0


def test_wrong_extension_is_refused_by_the_form(client, auth, portfolio):
    auth.login("pmo")
    response = _upload(client, portfolio.id, b"hello", "notes.txt")
    assert "must be an Excel workbook" in response.get_data(as_text=True)
    assert db.session.scalar(select(PendingImport)) is None


def test_hostile_file_name_is_cleaned(client, auth, portfolio):
    auth.login("pmo")
    _upload(client, portfolio.id, SIMPLE, "../../instance/\u202eevil.csv")
    assert db.session.scalar(select(PendingImport.filename)) == "instance_evil.csv"


def test_parse_in_child_process_gives_same_result(app, client, auth, portfolio):
    app.config["PARSE_IN_CHILD"] = True
    auth.login("pmo")
    _import(client, portfolio.id, SIMPLE, "plan.csv")
    assert db.session.scalar(select(Upload.project_count)) == 2


@pytest.mark.parametrize("role", ["board", "viewer"])
def test_readers_cannot_upload(client, auth, portfolio, role):
    auth.login(role)
    assert _upload(client, portfolio.id, SIMPLE, "plan.csv").status_code == 403
    assert db.session.scalar(select(PendingImport)) is None


def test_cancel_discards_the_pending_upload(client, auth, portfolio):
    auth.login("pmo")
    _upload(client, portfolio.id, SIMPLE, "plan.csv")
    pending = db.session.scalar(select(PendingImport))
    client.post(f"/imports/{pending.id}/cancel", data={"csrf_token": csrf_token(client)})
    assert db.session.scalar(select(PendingImport)) is None and db.session.scalar(select(Upload)) is None


def test_changes_page_compares_any_two_versions(client, auth, portfolio):
    auth.login("pmo")
    _import(client, portfolio.id, SIMPLE, "q1.csv")
    _import(client, portfolio.id, SIMPLE.replace(b"Wi-Fi refresh", b"Wireless refresh"), "q2.csv")
    _import(client, portfolio.id, SIMPLE, "q3.csv")
    auth.logout()
    auth.login("viewer")
    page = client.get(f"/portfolios/{portfolio.id}/changes?from=1&to=2").get_data(as_text=True)
    assert "Changes from version 1 to version 2" in page and "Wireless refresh" in page
    page = client.get(f"/portfolios/{portfolio.id}/changes?from=1&to=3").get_data(as_text=True)
    assert "Wireless refresh" not in page
    assert client.get(f"/portfolios/{portfolio.id}/changes?to=9").status_code == 404


def test_check_page_shows_each_column_under_its_group_and_notes_cut_at_a_word(client, auth, portfolio):
    from tests.unit.conftest_import import xlsx

    note = "Source: PMO tracker, exported 16/01/2026. Strategic aims: see the strategy tab"
    rows = [["", "", "Finance", ""], ["Ref", "Project", "Capital £k", "Revenue £k"],
            ["A1", "EPR", 100, 20], ["A2", "Ward app", 10, 5], [note, "", "", ""]]
    auth.login("pmo")
    response = _upload(client, portfolio.id, xlsx(rows), "grouped.xlsx")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "<span class=\"nhsuk-caption-m\">Finance</span> Capital £k<" in page
    assert "(&#39;Source: PMO tracker, exported 16/01/2026. Strategic aims…&#39;)" in page
    assert db.session.scalar(select(func.count()).select_from(Upload)) == 0  # nothing stored before confirm

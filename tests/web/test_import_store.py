"""The store of a confirmed import (``version_service`` through ``bulkwrite``'s driver-level bulk path) keeps
exactly the data the ORM path stored: checked field by field against the documents built from the judgement,
and between two imports of the same file. The assessment is stored compact (``portfolio.tagging.stored``);
the full document read back from it is the one the ORM path stored, evidence words and offsets included."""

from __future__ import annotations

import io
from typing import Any

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from portfolio.extensions import db
from portfolio.importing.service import read_file
from portfolio.models import Organisation, Portfolio, Project, ProjectFlag, ProjectVersion, Upload
from portfolio.models.imports import PRINCIPLE_COLUMNS
from portfolio.pipeline import judge, merge_context
from portfolio.rubrics import current_rubric
from portfolio.tagging.stored import VERSION, full_document
from tests.assessments import document_in_full
from tests.conftest import SHARED, csrf_token
from tests.factories import make_portfolio

LABELLED = sorted((SHARED / "labelled").glob("*.xlsx"))
VERSION_TABLE = ProjectVersion.__table__


def _import(client, portfolio_id: int, data: bytes, name: str) -> None:
    response = client.post(f"/portfolios/{portfolio_id}/upload", content_type="multipart/form-data",
                           data={"file": (io.BytesIO(data), name), "csrf_token": csrf_token(client)})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    pending_id = int(response.headers["Location"].rsplit("/", 1)[1])
    response = client.post(f"/imports/{pending_id}/confirm", data={"csrf_token": csrf_token(client)})
    assert response.status_code == 302


def _stored(upload_id: int) -> dict[int, dict[str, Any]]:
    """Every ProjectVersion column of one upload, by sheet row, read back through the column types."""
    rows = db.session.execute(select(VERSION_TABLE).where(VERSION_TABLE.c.upload_id == upload_id)).mappings()
    return {row["row"]: dict(row) for row in rows}


def _flags(upload_id: int) -> list[tuple[int, int, str, str]]:
    return sorted(db.session.execute(
        select(ProjectVersion.row, ProjectFlag.organisation_id, ProjectFlag.flag, ProjectFlag.reason)
        .join(ProjectVersion, ProjectFlag.project_version_id == ProjectVersion.id)
        .where(ProjectFlag.upload_id == upload_id, ProjectVersion.upload_id == upload_id)
    ).all())


def _expected(portfolio: Portfolio, upload: Upload, data: bytes, name: str) -> dict[int, dict[str, Any]]:
    """What the ORM-era store wrote for each row (its dicts, built the way it built them), by sheet row."""
    plan = read_file(data, name)
    rubric, thresholds = current_rubric(portfolio.organisation_id)
    context = merge_context(plan.context, objectives=portfolio.objectives,
                            in_house_fte=portfolio.in_house_fte, in_house_teams=portfolio.in_house_teams)
    judgement = judge(plan.records, context, rubric, thresholds)
    links = upload.analysis.get("links", {})
    expected = {}
    for record, assessment in zip(judgement.records, judgement.assessments, strict=True):
        principles = {str(p): r for p, r in assessment.principles.items()}
        expected[record.row] = {
            "organisation_id": upload.organisation_id, "upload_id": upload.id, "row": record.row,
            "ref": record.ref, "title": record.title, "fields": dict(record.text),
            "extras": dict(record.extras), "budget": record.budget,
            "budget_lines": [
                {"header": b.header, "amount": b.amount, "kind": b.kind} for b in record.budget_lines
            ],
            "start_date": record.start_date, "end_date": record.end_date, "rag": record.rag,
            "priority": record.priority,
            "objective": links.get(record.ref or record.title or f"row {record.row}"),
            "score": round(sum(r.score for r in principles.values()) / max(len(principles), 1), 4),
            "flag_count": len(assessment.flags),
            "flags": [{"id": str(f.flag), "reason": f.reason} for f in assessment.flags],
            "full assessment": document_in_full(assessment),
            **{p: str(r.status) for p, r in principles.items()},
        }
    return expected


@pytest.mark.parametrize("path", LABELLED, ids=lambda p: p.stem)
def test_store_same_file_twice_stores_identical_rows_as_the_orm_path_did(client, auth, org, path):
    portfolio = make_portfolio(org, "Digital")
    db.session.commit()
    auth.login("pmo")
    data = path.read_bytes()
    _import(client, portfolio.id, data, path.name)
    _import(client, portfolio.id, data, path.name)

    first, second = db.session.scalars(select(Upload).order_by(Upload.version)).all()
    v1, v2 = _stored(first.id), _stored(second.id)
    assert len(v1) == first.project_count > 0
    expected = _expected(portfolio, first, data, path.name)
    assert v1.keys() == v2.keys() == expected.keys()
    for row, stored in v1.items():
        full = expected[row].pop("full assessment")
        assert {k: stored[k] for k in expected[row]} == expected[row], f"row {row}"
        assert set(stored) - set(expected[row]) == {"id", "project_id", "assessment"}
        assert stored["assessment"]["v"] == VERSION
        assert full_document(stored["assessment"], stored["fields"], stored["extras"], stored["flags"]) == full
        again = v2[row]
        for column in VERSION_TABLE.c.keys():
            if column not in ("id", "upload_id"):  # every other field, the project included, is the same
                assert again[column] == stored[column], f"row {row}, {column}"
        assert all(stored[p] in ("evident", "partial", "missing") for p in PRINCIPLE_COLUMNS)

    flags1, flags2 = _flags(first.id), _flags(second.id)
    assert flags1 == flags2 == sorted(
        (row, org.id, f["id"], f["reason"]) for row, e in expected.items() for f in e["flags"])
    projects = db.session.execute(select(Project.id, Project.created_at, Project.portfolio_id)).all()
    assert len(projects) == len(v1) and {p.id for p in projects} == {s["project_id"] for s in v1.values()}
    assert all(p.created_at is not None and p.portfolio_id == portfolio.id for p in projects)
    assert db.session.scalar(select(func.count()).select_from(ProjectFlag)) == 2 * len(flags1)


def test_store_keeps_board_questions_once_per_upload_and_the_view_puts_them_back(client, auth, org):
    portfolio = make_portfolio(org, "Digital")
    db.session.commit()
    auth.login("pmo")
    path = LABELLED[0]
    _import(client, portfolio.id, path.read_bytes(), path.name)

    upload = db.session.scalars(select(Upload)).one()
    rubric, _ = current_rubric(org.id)
    questions = upload.analysis["questions"]
    assert questions and all(questions[str(p)] == list(r.questions) for p, r in rubric.principles.items()
                             if str(p) in questions)
    versions = db.session.scalars(select(ProjectVersion).where(ProjectVersion.upload_id == upload.id)).all()
    for version in versions:
        stored = version.assessment["principles"]
        assert all(len(result) == 4 for result in stored)  # principle, status, score, evidence: no questions
        shown = version.assessment_view["principles"]
        for pid, result in shown.items():
            expected = [] if result["status"] == "evident" else questions[pid]
            assert result["questions"] == expected, (version.row, pid)
    missing = next(v for v in versions if v.adapt_plan != "evident")
    page = client.get(f"/projects/{missing.project_id}").get_data(as_text=True)
    assert questions["adapt_plan"][0].replace("'", "&#39;") in page


def test_a_flag_or_version_naming_another_organisation_than_its_own_is_refused(client, auth, org):
    """One key each ties a flag to its version's upload and organisation, and a version to its upload's."""
    portfolio = make_portfolio(org, "Digital")
    db.session.commit()
    auth.login("pmo")
    path = LABELLED[0]
    _import(client, portfolio.id, path.read_bytes(), path.name)
    other = db.session.scalar(select(Organisation.id).where(Organisation.id != org.id))
    version = db.session.scalars(select(ProjectVersion)).first()
    flags_before = db.session.scalar(select(func.count()).select_from(ProjectFlag))

    rows = [
        (ProjectFlag, {"organisation_id": other, "upload_id": version.upload_id, "project_version_id": version.id,
                       "flag": "no_owner", "reason": "r"}),
        (ProjectFlag, {"organisation_id": org.id, "upload_id": version.upload_id + 1,
                       "project_version_id": version.id, "flag": "no_owner", "reason": "r"}),
        (ProjectVersion, {"organisation_id": other, "upload_id": version.upload_id,
                          "project_id": version.project_id, "row": 99_999, "title": "Elsewhere"}),
    ]
    for model, values in rows:
        with pytest.raises(IntegrityError):
            with db.session.begin_nested():
                db.session.execute(insert(model).values(**values))
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(ProjectFlag)) == flags_before
    assert db.session.scalar(select(func.count()).select_from(ProjectVersion).where(ProjectVersion.row == 99_999)) == 0

"""`flask portfolio import` and `flask assess` (the JSON contract of DESIGN.md)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from portfolio.extensions import db
from portfolio.models import Portfolio, ProjectVersion, Upload
from portfolio.principles import FlagId, Principle, SignalId
from tests.conftest import SHARED
from tests.factories import make_org

LABELLED = SHARED / "labelled"


def test_portfolio_import_without_yes_previews_and_writes_nothing(runner):
    make_org("Trust X")
    db.session.commit()
    path = LABELLED / "wyvern_coast_digital_tracker_2025-26.xlsx"
    result = runner.invoke(args=["portfolio", "import", str(path), "--org", "Trust X"])
    assert result.exit_code == 0, result.output
    assert "header row 4" in result.output and "Preview only" in result.output
    assert db.session.scalar(select(func.count()).select_from(Upload)) == 0


def test_portfolio_import_with_yes_creates_portfolio_and_version(runner):
    make_org("Trust X")
    db.session.commit()
    path = LABELLED / "wyvern_coast_digital_tracker_2025-26.xlsx"
    args = ["portfolio", "import", str(path), "--org", "Trust X", "--portfolio", "Digital", "--yes"]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    upload = db.session.scalar(select(Upload))
    assert db.session.scalar(select(Portfolio.name)) == "Digital"
    assert (upload.project_count, upload.verdict) == (25, "shopping_list")
    assert db.session.scalar(select(func.count()).select_from(ProjectVersion)) == 25


def test_portfolio_import_unreadable_file_fails_cleanly(runner, tmp_path):
    make_org("Trust X")
    db.session.commit()
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook at all")
    result = runner.invoke(args=["portfolio", "import", str(bad), "--org", "Trust X", "--yes"])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert db.session.scalar(select(func.count()).select_from(Upload)) == 0


@pytest.mark.parametrize("name", sorted(p.name for p in LABELLED.glob("*.xlsx")))
def test_assess_json_follows_the_contract_and_matches_labels(runner, name):
    labels = json.loads((LABELLED / name.replace(".xlsx", ".labels.json")).read_text())
    result = runner.invoke(args=["assess", str(LABELLED / name), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["source"] == {"file": name, "sheet": labels["sheet"], "header_row": labels["header_row"],
                             "rows_read": doc["source"]["rows_read"]}
    assert set(doc["columns"]) == set(labels["columns"])
    assert {p["ref"]: p["row"] for p in doc["projects"]} == {ref: v["row"] for ref, v in labels["projects"].items()}
    for project in doc["projects"]:
        assert set(project["principles"]) == {p.value for p in Principle}
        for result_ in project["principles"].values():
            assert result_["status"] in ("evident", "partial", "missing") and 0 <= result_["score"] <= 1
        assert all(FlagId(f["id"]) and f["reason"] for f in project["flags"])
    portfolio = doc["portfolio"]
    assert portfolio["verdict"] == labels["portfolio"]["verdict"]
    assert 0 <= portfolio["score"] <= 100
    assert [s["id"] for s in portfolio["signals"]] == [s.value for s in SignalId]
    assert all(s["level"] in ("ok", "amber", "red") for s in portfolio["signals"])


def test_assess_with_objectives_and_fte_options_uses_them(runner):
    path = LABELLED / "wyvern_coast_digital_tracker_2025-26.xlsx"
    result = runner.invoke(args=["assess", str(path), "--objective", "Digital", "--in-house-fte", "500", "--json"])
    doc = json.loads(result.output)
    capacity = next(s for s in doc["portfolio"]["signals"] if s["id"] == "over_capacity")
    assert capacity["level"] == "ok"


@pytest.mark.parametrize("content", [b"", b"\x00\x01garbage", b"PK\x03\x04not really a zip"])
def test_assess_unreadable_input_exits_2_with_one_sentence(runner, tmp_path, content):
    path = tmp_path / "input.xlsx"
    path.write_bytes(content)
    result = runner.invoke(args=["assess", str(path), "--json"])
    assert result.exit_code == 2
    assert result.stdout == "" and result.stderr.strip() and "Traceback" not in result.stderr

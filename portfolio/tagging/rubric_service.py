"""Editing an organisation's rubric (cues, questions, thresholds) and re-tagging a portfolio with it.
Adds and flushes, never commits."""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from typing import Any

from sqlalchemy import delete, insert, select, update

from portfolio import audit
from portfolio.analysis.thresholds import validate_thresholds
from portfolio.extensions import db
from portfolio.importing.service import store_judgement, to_record
from portfolio.models import (
    PRINCIPLE_COLUMNS,
    Portfolio,
    ProjectFlag,
    ProjectVersion,
    RubricVersion,
    Upload,
    User,
)
from portfolio.pipeline import judge, merge_context
from portfolio.records import PortfolioContext
from portfolio.rubrics import current_rubric
from portfolio.tagging.rubric import content_hash, validate_rubric
from portfolio.tagging.stored import stored_document
from portfolio.versions import latest_upload


class RubricRefused(ValueError):
    """Rubric or threshold data with problems; ``problems`` lists every one in plain words."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class NothingToRetag(ValueError):
    """The portfolio has no imported version yet."""


def rubric_document(organisation_id: int) -> tuple[dict[str, Any], dict[str, Any], str]:
    """The rubric data, the signal thresholds and the version string that apply to the organisation now."""
    rubric, thresholds = current_rubric(organisation_id)
    edited = db.session.scalar(
        select(RubricVersion)
        .where(RubricVersion.organisation_id == organisation_id)
        .order_by(RubricVersion.id.desc())
        .limit(1)
    )
    if edited is not None:
        return dict(edited.data["rubric"]), dict(edited.data["signals"]), edited.version
    packaged = resources.files("portfolio.analysis").joinpath("signals.json").read_text(encoding="utf-8")
    return _plain(rubric.data), json.loads(packaged), rubric.version


def _plain(value: Any) -> Any:
    """MappingProxy-free copy of rubric data (the loaded Rubric keeps it read-only)."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def save_rubric(
    organisation_id: int, rubric: Any, signals: Any, user: User, based_on: str | None = None
) -> RubricVersion:
    """Keep edited rubric data and signal thresholds as the organisation's new ``RubricVersion``.

    Raises RubricRefused listing every problem ``validate_rubric`` and ``validate_thresholds`` find, when
    nothing changed, or when ``based_on`` (the version the editor was drawn from) is no longer the one in use,
    so one administrator never silently overwrites another's edit. The version string is
    ``<declared version>+<rubric hash>.<thresholds hash>``: its first part is what every assessment made with
    it records. Audited with the versions before and after."""
    problems = [f"Rubric: {p}" for p in validate_rubric(rubric)]
    problems += [f"Thresholds: {p}" for p in validate_thresholds(signals)]
    if problems:
        raise RubricRefused(problems)
    current_rubric_data, current_signals, before = rubric_document(organisation_id)
    if based_on is not None and based_on != before:
        raise RubricRefused(
            [
                f"Someone saved rubric version {before} after you opened this page, so your "
                "changes were not saved. Copy them, reload the page and make them again."
            ]
        )
    if content_hash(rubric) == content_hash(current_rubric_data) and content_hash(signals) == content_hash(
        current_signals
    ):
        raise RubricRefused(["Nothing was changed, so no new rubric version was saved."])
    version = (
        f"{str(rubric.get('version', 'edited'))[:40]}+{content_hash(rubric)}.{content_hash(signals)[:8]}"
    )
    saved = RubricVersion(
        organisation_id=organisation_id,
        version=version,
        data={"rubric": rubric, "signals": signals},
        created_by_id=user.id,
    )
    db.session.add(saved)
    db.session.flush()
    audit.record(
        "rubric_saved",
        user=user,
        organisation_id=organisation_id,
        target=saved,
        summary=f"Saved rubric version {version}",
        before={"version": before},
        after={"version": version},
    )
    return saved


def retag_portfolio(portfolio: Portfolio, user: User) -> tuple[Upload, int]:
    """Tag every project of the latest version again with the organisation's current rubric and judge the
    portfolio again, replacing statuses, assessments, flags (and their ProjectFlag rows), the verdict, score,
    signals and analysis, in the caller's transaction. Overrides are untouched. Audited.

    Returns the upload and how many projects' statuses or flags changed. Raises NothingToRetag."""
    upload = latest_upload(portfolio.id)
    if upload is None:
        raise NothingToRetag("Import the project list before re-tagging it.")
    versions = list(
        db.session.scalars(
            select(ProjectVersion).where(ProjectVersion.upload_id == upload.id).order_by(ProjectVersion.row)
        )
    )
    records = [to_record(v) for v in versions]
    stored = upload.analysis or {}
    context = merge_context(
        PortfolioContext(
            objectives=tuple(stored.get("objectives") or ()),
            in_house_fte=stored.get("in_house_fte"),
            in_house_teams=stored.get("in_house_teams"),
        ),
        objectives=portfolio.objectives,
        in_house_fte=portfolio.in_house_fte,
        in_house_teams=portfolio.in_house_teams,
    )
    rubric, thresholds = current_rubric(portfolio.organisation_id)
    judgement = judge(records, context, rubric, thresholds)
    before = {"rubric_version": upload.rubric_version, "verdict": upload.verdict, "score": upload.score}
    store_judgement(upload, judgement)
    upload.rubric_version = rubric.version
    links = upload.analysis.get("links", {})
    rows, changed = [], 0
    for version, record, assessment in zip(versions, judgement.records, judgement.assessments, strict=True):
        statuses = {str(p): str(r.status) for p, r in assessment.principles.items()}
        flags = [{"id": str(f.flag), "reason": f.reason} for f in assessment.flags]
        old = ({p: getattr(version, p) for p in PRINCIPLE_COLUMNS}, [f["id"] for f in version.flags])
        changed += old != (statuses, [f["id"] for f in flags])
        rows.append(
            {
                "id": version.id,
                "objective": links.get(record.ref or record.title or f"row {record.row}"),
                "score": round(
                    sum(r.score for r in assessment.principles.values()) / max(len(assessment.principles), 1),
                    4,
                ),
                "flag_count": len(flags),
                "flags": flags,
                "assessment": stored_document(assessment, record.text, record.extras),
                **statuses,
            }
        )
    if rows:
        db.session.execute(update(ProjectVersion), rows)
    db.session.execute(delete(ProjectFlag).where(ProjectFlag.upload_id == upload.id))
    flag_rows = [
        {
            "organisation_id": upload.organisation_id,
            "upload_id": upload.id,
            "project_version_id": row["id"],
            "flag": f["id"],
            "reason": f["reason"],
        }
        for row in rows
        for f in row["flags"]
    ]
    if flag_rows:
        db.session.execute(insert(ProjectFlag), flag_rows)
    db.session.flush()
    audit.record(
        "retag",
        user=user,
        organisation_id=portfolio.organisation_id,
        target=upload,
        portfolio_id=portfolio.id,
        summary=f"Re-tagged version {upload.version} of {portfolio.name[:200]} with rubric "
        f"{rubric.version}: {changed} of {len(rows)} projects changed",
        before=before,
        after={
            "rubric_version": upload.rubric_version,
            "verdict": upload.verdict,
            "score": upload.score,
            "projects_changed": changed,
        },
    )
    return upload, changed

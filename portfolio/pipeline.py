"""The whole judgement, pure: an import plan in, every project tagged and the portfolio judged out.

Backs the web import, the CLI and the ``assess`` JSON contract alike (DESIGN.md). No Flask, no database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from portfolio.analysis.assess import PortfolioResult, assess_portfolio
from portfolio.analysis.contract import portfolio_to_json
from portfolio.analysis.facts import ProjectFacts
from portfolio.analysis.thresholds import Thresholds
from portfolio.collector import collector_paused
from portfolio.importing.plan import ImportPlan
from portfolio.records import PortfolioContext, ProjectRecord
from portfolio.tagging.results import ProjectAssessment, assessment_to_json
from portfolio.tagging.rubric import Rubric
from portfolio.tagging.rules import tag_projects


@dataclass(frozen=True)
class Judgement:
    """Every record's assessment (aligned with ``records``) and the portfolio's result."""

    records: tuple[ProjectRecord, ...]
    assessments: tuple[ProjectAssessment, ...]
    portfolio: PortfolioResult
    context: PortfolioContext


def merge_context(
    found: PortfolioContext,
    *,
    objectives: Sequence[str] = (),
    in_house_fte: float | None = None,
    in_house_teams: int | None = None,
) -> PortfolioContext:
    """What the user gave wins over what the workbook said; the workbook fills the gaps."""
    return replace(
        found,
        objectives=tuple(objectives) or found.objectives,
        in_house_fte=in_house_fte if in_house_fte is not None else found.in_house_fte,
        in_house_teams=in_house_teams if in_house_teams is not None else found.in_house_teams,
    )


def judge(
    records: Sequence[ProjectRecord],
    context: PortfolioContext,
    rubric: Rubric,
    thresholds: Thresholds,
    organisation: str | None = None,
) -> Judgement:
    """Tag every record, then judge the portfolio from the records and their flags and statuses.

    The garbage collector stays paused throughout: resumed between the two steps, its first pass would walk
    every assessment just made (seconds for 20,000 projects) to find the few cycles the analysis leaves."""
    with collector_paused():
        assessments = tag_projects(records, rubric, context)
        facts = [
            ProjectFacts(
                record=record,
                flags=frozenset(a.flag_ids),
                statuses={p: r.status for p, r in a.principles.items()},
                organisation=organisation,
            )
            for record, a in zip(records, assessments, strict=True)
        ]
        result = assess_portfolio(facts, context, thresholds)
    return Judgement(tuple(records), assessments, result, context)


def assess_document(plan: ImportPlan, judgement: Judgement) -> dict[str, Any]:
    """The ``assess`` JSON contract of DESIGN.md for one read file."""
    return {
        "source": {
            "file": plan.filename,
            "sheet": plan.sheet if plan.file_format != "csv" else None,
            "header_row": plan.header_row,
            "rows_read": plan.rows_read,
        },
        "columns": {c.header: c.field for c in plan.columns},
        # A problem with the sheet as a whole (no one row) is reported on the header row.
        "problems": [
            {"row": p.row if p.row is not None else plan.header_row, "column": p.column, "message": p.message}
            for p in plan.problems
        ],
        "projects": [
            {"row": record.row, "ref": record.ref, "title": record.title, **assessment_to_json(assessment)}
            for record, assessment in zip(judgement.records, judgement.assessments, strict=True)
        ],
        "portfolio": portfolio_to_json(judgement.portfolio),
    }

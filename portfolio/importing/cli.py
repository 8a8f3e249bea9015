"""`flask portfolio import` and `flask assess`: the import and the judgement from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from sqlalchemy import select

from portfolio.extensions import db
from portfolio.importing.errors import ImportRejected


@click.group("portfolio", help="Import and export portfolios.")
def portfolio_group() -> None:
    pass


@portfolio_group.command(
    "import", help="Read a workbook or CSV into a portfolio: prints the preview; imports with --yes."
)
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--org", "org_name", required=True, help="The organisation's name.")
@click.option("--portfolio", "portfolio_name", default=None, help="Portfolio name (default: the file's name). "
              "Created when it does not exist yet.")
@click.option("--sheet", default=None, help="The sheet holding the project list (default: detected).")
@click.option("--yes", is_flag=True, help="Import after the preview, without asking.")
def import_command(path: Path, org_name: str, portfolio_name: str | None, sheet: str | None, yes: bool) -> None:
    from portfolio.importing import service
    from portfolio.models import Organisation, Portfolio
    from portfolio.portfolios.service import create_portfolio

    org = db.session.scalar(select(Organisation).where(Organisation.name == org_name))
    if org is None:
        raise click.ClickException(f"No organisation called {org_name!r}. Create it with: flask orgs create NAME")
    name = portfolio_name or path.stem
    portfolio = db.session.scalar(select(Portfolio).where(Portfolio.organisation_id == org.id, Portfolio.name == name))
    data = path.read_bytes()
    try:
        plan = service.read_file(data, path.name, sheet=sheet)
    except ImportRejected as rejected:
        raise click.ClickException(str(rejected)) from None
    click.echo(f"{path.name}: sheet '{plan.sheet}', header row {plan.header_row}, {len(plan.records)} projects, "
               f"{len(plan.problems)} problems")
    for column in plan.columns:
        click.echo(f"  {column.header!r:40} -> {column.field or '(extra)'}")
    for problem in plan.problems[:50]:
        click.echo(f"  row {problem.row or '-'} {problem.column or ''}: {problem.message}")
    if not yes:
        click.echo("Preview only: nothing imported. Add --yes to import.")
        return
    if portfolio is None:
        portfolio = create_portfolio(org, name, actor=None)
    try:
        upload = service.import_plan(portfolio, plan, data, user=None)
    except ImportRejected as rejected:
        db.session.rollback()
        raise click.ClickException(str(rejected)) from None
    db.session.commit()
    click.echo(f"Imported {upload.project_count} projects into '{portfolio.name}' as version {upload.version}: "
               f"{upload.verdict.replace('_', ' ') if upload.verdict else ''} (score {upload.score}).")


@click.command("assess", help="Read one workbook or CSV and print the app's judgement as JSON. Touches no database.")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--sheet", default=None, help="The sheet holding the project list (default: detected).")
@click.option("--objective", "objectives", multiple=True, help="A strategic objective (repeat for each).")
@click.option("--in-house-fte", type=float, default=None, help="In-house digital delivery staff (FTE).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the only output format).")
def assess_command(path: Path, sheet: str | None, objectives: tuple[str, ...], in_house_fte: float | None,
                   as_json: bool) -> None:
    from portfolio.importing.parser import parse_workbook
    from portfolio.pipeline import assess_document, judge, merge_context
    from portfolio.rubrics import packaged

    try:
        data = path.read_bytes()
    except OSError as error:
        _fail(f"Cannot read {path}: {error.strerror or error}. Check the path and try again.")
    try:
        plan = parse_workbook(data, path.name, sheet=sheet)
    except ImportRejected as rejected:
        _fail(str(rejected))
    rubric, thresholds = packaged()
    context = merge_context(plan.context, objectives=objectives, in_house_fte=in_house_fte)
    document = assess_document(plan, judge(plan.records, context, rubric, thresholds))
    click.echo(json.dumps(document, ensure_ascii=False, indent=1, default=str))


def _fail(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(2)

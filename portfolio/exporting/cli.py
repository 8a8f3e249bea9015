"""`flask portfolio export`: scheduled exports of a portfolio version to a file."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from sqlalchemy import select

from portfolio import audit
from portfolio.exporting.model import ExportFailed
from portfolio.exporting.service import export_version
from portfolio.extensions import db
from portfolio.models import Organisation, Portfolio, Upload


@click.command(
    "export", help="Write a portfolio version's review (annotated workbook, CSV or JSON) to a file."
)
@click.option("--org", "org_name", required=True, help="The organisation's name.")
@click.option("--portfolio", "portfolio_name", required=True, help="The portfolio's name.")
@click.option("--version", type=int, default=None, help="Version number (default: the latest).")
@click.option(
    "--format", "fmt", type=click.Choice(["xlsx", "csv", "json"]), default="xlsx", show_default=True
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
def export_command(org_name: str, portfolio_name: str, version: int | None, fmt: str, output: Path) -> None:
    portfolio = db.session.scalar(
        select(Portfolio)
        .join(Organisation)
        .where(Organisation.name == org_name, Portfolio.name == portfolio_name)
    )
    if portfolio is None:
        raise click.ClickException(f"No portfolio {portfolio_name!r} in {org_name!r}.")
    query = select(Upload).where(Upload.portfolio_id == portfolio.id)
    query = (
        query.where(Upload.version == version) if version else query.order_by(Upload.version.desc()).limit(1)
    )
    upload = db.session.scalar(query)
    if upload is None:
        raise click.ClickException(f"{portfolio_name!r} has no version {version or ''}".rstrip() + ".")
    base = current_app.config.get("BASE_URL", "http://127.0.0.1:5000").rstrip("/")
    try:
        export = export_version(upload, fmt, lambda pid: f"{base}/projects/{pid}")
    except ExportFailed as failed:
        raise click.ClickException(failed.message) from None
    if output.suffix.lstrip(".") != export.extension:
        output = output.with_suffix(f".{export.extension}")
    output.write_bytes(export.data)
    audit.record(
        "export",
        user=None,
        organisation_id=portfolio.organisation_id,
        target=upload,
        portfolio_id=portfolio.id,
        summary=f"Exported version {upload.version} as {fmt} (command line)",
        after={"format": fmt, "version": upload.version, "path": str(output)},
    )
    db.session.commit()
    click.echo(f"Wrote {output} ({len(export.data):,} bytes): version {upload.version} of {portfolio_name}.")

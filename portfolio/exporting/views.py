"""Downloading a portfolio version: the trust's own workbook annotated, or CSV / JSON of the same table."""

from __future__ import annotations

import re

from flask import Blueprint, Response, abort, flash, g, redirect, render_template, request, url_for
from flask_login import current_user

from portfolio import audit
from portfolio.access import get_in_org_or_404
from portfolio.auth.decorators import member_required, role_required
from portfolio.exporting import returned_service
from portfolio.exporting.forms import ReturnedForm
from portfolio.exporting.model import ExportFailed
from portfolio.exporting.service import export_version
from portfolio.extensions import db
from portfolio.importing.views import display_name
from portfolio.models import PendingImport, Portfolio, Role
from portfolio.versions import upload_or_404

bp = Blueprint("exporting", __name__)


def download_name(portfolio_name: str, version: int, extension: str) -> str:
    """A file name safe in a Content-Disposition header: letters, digits, spaces, dots, dashes only."""
    stem = re.sub(r"[^A-Za-z0-9 ._-]+", "", portfolio_name).strip(" .")[:80] or "portfolio"
    return f"{stem} v{version} review.{extension}"


@bp.get("/portfolios/<int:portfolio_id>/export")
@member_required
def choose(portfolio_id: int) -> str:
    portfolio = get_in_org_or_404(Portfolio, portfolio_id)
    upload = upload_or_404(portfolio, request.args.get("version", type=int))
    return render_template("exporting/choose.html", portfolio=portfolio, upload=upload)


@bp.get("/portfolios/<int:portfolio_id>/export/<any(xlsx, csv, json):fmt>")
@member_required
def download(portfolio_id: int, fmt: str) -> Response:
    portfolio = get_in_org_or_404(Portfolio, portfolio_id)
    upload = upload_or_404(portfolio, request.args.get("version", type=int))
    try:
        export = export_version(
            upload, fmt, lambda pid: url_for("tagging.show", project_id=pid, _external=True)
        )
    except ExportFailed as failed:
        flash(f"The export could not be made: {failed.message}", "error")
        return redirect(url_for("exporting.choose", portfolio_id=portfolio.id))
    audit.record(
        "export",
        user=current_user.user,
        organisation_id=portfolio.organisation_id,
        target=upload,
        portfolio_id=portfolio.id,
        summary=f"Exported version {upload.version} as {fmt}",
        after={"format": fmt, "version": upload.version},
    )
    db.session.commit()
    response = Response(export.data, mimetype=export.mimetype)
    response.headers.set(
        "Content-Disposition",
        "attachment",
        filename=download_name(portfolio.name, upload.version, export.extension),
    )
    return response


@bp.route("/portfolios/<int:portfolio_id>/returned", methods=["GET", "POST"])
@role_required(Role.PMO, Role.BOARD, Role.ADMIN)
def returned_upload(portfolio_id: int) -> Response | str | tuple[str, int]:
    portfolio = get_in_org_or_404(Portfolio, portfolio_id)
    form = ReturnedForm()
    if form.validate_on_submit():
        try:
            pending = returned_service.start_return(
                portfolio,
                display_name(form.file.data.filename or ""),
                form.file.data.read(),
                current_user.user,
            )
        except returned_service.ReturnRefused as refused:
            form.file.errors = [str(refused)]
            return render_template("exporting/returned_upload.html", form=form, portfolio=portfolio), 422
        db.session.commit()
        return redirect(url_for("exporting.returned_preview", pending_id=pending.id))
    return render_template("exporting/returned_upload.html", form=form, portfolio=portfolio)


@bp.get("/returns/<int:pending_id>")
@role_required(Role.PMO, Role.BOARD, Role.ADMIN)
def returned_preview(pending_id: int) -> str:
    pending = _returned_or_404(pending_id)
    changes = returned_service.returned_changes(pending)
    return render_template("exporting/returned_preview.html", pending=pending, changes=changes)


@bp.post("/returns/<int:pending_id>/apply")
@role_required(Role.PMO, Role.BOARD, Role.ADMIN)
def returned_apply(pending_id: int) -> Response:
    pending = _returned_or_404(pending_id)
    portfolio_id = pending.portfolio_id
    applied, skipped = returned_service.apply_return(pending, current_user.user, g.membership.role)
    db.session.commit()
    flash(
        f"Applied {applied} change{'s' if applied != 1 else ''} from the workbook"
        + (f"; {skipped} not applied (see the preview's reasons)." if skipped else "."),
        "success",
    )
    return redirect(url_for("portfolios.show", portfolio_id=portfolio_id))


def _returned_or_404(pending_id: int) -> PendingImport:
    """A returned review workbook of the user's organisation; a pending new version of the list is not one."""
    pending = get_in_org_or_404(PendingImport, pending_id)
    if pending.kind != "returned":
        abort(404)
    return pending

"""The import journey: upload, check how the columns were read, preview, confirm."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.utils import secure_filename
from werkzeug.wrappers import Response

from portfolio.access import get_in_org_or_404
from portfolio.auth.decorators import role_required
from portfolio.extensions import db
from portfolio.importing import service
from portfolio.importing.errors import ImportRejected
from portfolio.importing.forms import FIELD_LABELS, UploadForm, mapping_form
from portfolio.models import PendingImport, Portfolio, Role

bp = Blueprint("importing", __name__)
EDITORS = (Role.PMO, Role.ADMIN)


def display_name(filename: str) -> str:
    """A name safe to store and show: no path, no control or direction-changing characters, at most 120 chars."""
    cleaned = secure_filename(filename.replace("\u202e", "").replace("\u202d", "")) or "upload"
    return cleaned[-120:]


@bp.route("/portfolios/<int:portfolio_id>/upload", methods=["GET", "POST"])
@role_required(*EDITORS)
def upload(portfolio_id: int) -> Response | str | tuple[str, int]:
    portfolio = get_in_org_or_404(Portfolio, portfolio_id)
    form = UploadForm()
    if form.validate_on_submit():
        try:
            pending = service.start_import(
                portfolio,
                display_name(form.file.data.filename or ""),
                form.file.data.read(),
                current_user.user,
            )
        except ImportRejected as rejected:
            form.file.errors = [str(rejected)]
            return render_template("importing/upload.html", form=form, portfolio=portfolio), 422
        db.session.commit()
        return redirect(url_for("importing.check", pending_id=pending.id))
    return render_template("importing/upload.html", form=form, portfolio=portfolio)


@bp.route("/imports/<int:pending_id>", methods=["GET", "POST"])
@role_required(*EDITORS)
def check(pending_id: int) -> Response | str | tuple[str, int]:
    pending = get_in_org_or_404(PendingImport, pending_id)
    try:
        plan = service.read_pending(pending)
    except ImportRejected as rejected:
        flash(str(rejected), "error")
        return render_template("importing/check.html", pending=pending, plan=None, form=None), 422
    form = mapping_form(plan, request.form if request.method == "POST" else None)
    if request.method == "POST" and form.validate():
        service.choose_reading(pending, plan, form.data)
        db.session.commit()
        if request.form.get("action") == "preview":
            return redirect(url_for("importing.preview", pending_id=pending.id))
        return redirect(url_for("importing.check", pending_id=pending.id))
    return render_template("importing/check.html", pending=pending, plan=plan, form=form, labels=FIELD_LABELS)


@bp.get("/imports/<int:pending_id>/preview")
@role_required(*EDITORS)
def preview(pending_id: int) -> str | tuple[str, int]:
    pending = get_in_org_or_404(PendingImport, pending_id)
    try:
        result = service.preview(pending)
    except ImportRejected as rejected:
        flash(str(rejected), "error")
        return render_template("importing/check.html", pending=pending, plan=None, form=None), 422
    return render_template("importing/preview.html", pending=pending, preview=result, labels=FIELD_LABELS)


@bp.post("/imports/<int:pending_id>/confirm")
@role_required(*EDITORS)
def confirm(pending_id: int) -> Response | tuple[str, int]:
    pending = get_in_org_or_404(PendingImport, pending_id)
    portfolio_id = pending.portfolio_id
    try:
        upload = service.confirm_import(pending, current_user.user)
    except ImportRejected as rejected:
        db.session.rollback()
        flash(str(rejected), "error")
        return redirect(url_for("importing.check", pending_id=pending_id))
    db.session.commit()
    flash(f"Imported {upload.project_count} projects as version {upload.version}.", "success")
    return redirect(url_for("portfolios.show", portfolio_id=portfolio_id))


@bp.post("/imports/<int:pending_id>/cancel")
@role_required(*EDITORS)
def cancel(pending_id: int) -> Response:
    pending = get_in_org_or_404(PendingImport, pending_id)
    portfolio_id = pending.portfolio_id
    db.session.delete(pending)
    db.session.commit()
    flash("Upload cancelled. Nothing was imported.", "success")
    return redirect(url_for("portfolios.show", portfolio_id=portfolio_id))

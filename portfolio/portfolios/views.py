"""The dashboard: an organisation's portfolios."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from portfolio.access import current_org, get_in_org_or_404
from portfolio.auth.decorators import member_required, role_required
from portfolio.extensions import db
from portfolio.importing.diff import diff_records
from portfolio.importing.forms import FIELD_LABELS
from portfolio.importing.service import version_records
from portfolio.models import Portfolio, Role, Upload
from portfolio.portfolios.forms import PortfolioForm
from portfolio.portfolios.service import (
    PortfolioRefused,
    create_portfolio,
    parse_objectives,
    portfolio_summaries,
    update_portfolio,
)
from portfolio.versions import upload_or_404

bp = Blueprint("portfolios", __name__)
EDITORS = (Role.PMO, Role.ADMIN)


@bp.get("/")
@member_required
def index() -> str:
    org = current_org()
    return render_template("portfolios/index.html", summaries=portfolio_summaries(org.id), org=org)


@bp.route("/portfolios/new", methods=["GET", "POST"])
@role_required(*EDITORS)
def create() -> Response | str:
    form = PortfolioForm()
    if form.validate_on_submit():
        try:
            portfolio = create_portfolio(
                current_org(), form.name.data or "", current_user.user, description=form.description.data or "",
                objectives=parse_objectives(form.objectives.data or ""),
                in_house_fte=float(form.in_house_fte.data) if form.in_house_fte.data is not None else None,
                in_house_teams=form.in_house_teams.data)
        except PortfolioRefused as refused:
            form.name.errors = [str(refused)]
        else:
            db.session.commit()
            flash(f"Portfolio {portfolio.name} created.", "success")
            return redirect(url_for("portfolios.show", portfolio_id=portfolio.id))
    return render_template("portfolios/form.html", form=form, portfolio=None)


@bp.get("/portfolios/<int:portfolio_id>")
@member_required
def show(portfolio_id: int) -> str:
    portfolio = get_in_org_or_404(Portfolio, portfolio_id)
    uploads = db.session.scalars(select(Upload).where(Upload.portfolio_id == portfolio.id)
                                 .order_by(Upload.version.desc())).all()
    return render_template("portfolios/show.html", portfolio=portfolio, uploads=uploads)


@bp.route("/portfolios/<int:portfolio_id>/edit", methods=["GET", "POST"])
@role_required(*EDITORS)
def edit(portfolio_id: int) -> Response | str:
    portfolio = get_in_org_or_404(Portfolio, portfolio_id)
    form = PortfolioForm(obj=portfolio, objectives="\n".join(portfolio.objectives))
    if form.validate_on_submit():
        update_portfolio(
            portfolio, current_user.user, name=form.name.data or "", description=form.description.data or "",
            objectives=parse_objectives(form.objectives.data or ""),
            in_house_fte=float(form.in_house_fte.data) if form.in_house_fte.data is not None else None,
            in_house_teams=form.in_house_teams.data,
        )
        db.session.commit()
        flash("Portfolio details saved.", "success")
        return redirect(url_for("portfolios.show", portfolio_id=portfolio.id))
    return render_template("portfolios/form.html", form=form, portfolio=portfolio)


@bp.get("/portfolios/<int:portfolio_id>/changes")
@member_required
def changes(portfolio_id: int) -> str:
    """What changed between any two versions (default: the one before the latest, and the latest)."""
    portfolio = get_in_org_or_404(Portfolio, portfolio_id)
    newer = upload_or_404(portfolio, request.args.get("to", type=int))
    older = upload_or_404(portfolio, request.args.get("from", type=int) or max(newer.version - 1, 1))
    diff = diff_records(version_records(older.id), version_records(newer.id))
    versions = db.session.scalars(select(Upload.version).where(Upload.portfolio_id == portfolio.id)
                                  .order_by(Upload.version)).all()
    return render_template("portfolios/changes.html", portfolio=portfolio, older=older, newer=newer, diff=diff,
                           versions=versions, labels=FIELD_LABELS)

"""Audit pages: what happened to a project or a portfolio, who did it, when, before and after; filterable,
paginated, and exportable as a formula-safe CSV."""

from __future__ import annotations

import re

from flask import Blueprint, Response, render_template, request
from sqlalchemy import ColumnElement
from werkzeug.wrappers import Response as BaseResponse
from wtforms.fields.choices import SelectChoice

from portfolio.access import get_in_org_or_404
from portfolio.auth.decorators import member_required
from portfolio.models import Portfolio, Project
from portfolio.pagination import paginate
from portfolio.review import auditlog
from portfolio.review.auditcsv import audit_csv
from portfolio.review.forms import AuditFilterForm

bp = Blueprint("audit", __name__)


@bp.get("/projects/<int:project_id>/audit")
@member_required
def project_events(project_id: int) -> BaseResponse | str:
    project = get_in_org_or_404(Project, project_id)
    return _events(
        auditlog.project_scope(project),
        f"audit-project-{project.id}",
        project=project,
        portfolio=None,
        heading=project.title,
    )


@bp.get("/portfolios/<int:portfolio_id>/audit")
@member_required
def portfolio_events(portfolio_id: int) -> BaseResponse | str:
    portfolio = get_in_org_or_404(Portfolio, portfolio_id)
    return _events(
        auditlog.portfolio_scope(portfolio),
        f"audit-portfolio-{portfolio.id}",
        project=None,
        portfolio=portfolio,
        heading=portfolio.name,
    )


def _events(scope: ColumnElement[bool], filename: str, **context: object) -> BaseResponse | str:
    """The filtered page, or the whole filtered trail as CSV with ?format=csv."""
    form = AuditFilterForm(request.args)
    actions, actors = auditlog.choices(scope)
    form.action.choices = [SelectChoice("", "Any action")] + [
        SelectChoice(a, a.replace("_", " ")) for a in actions
    ]
    form.user.choices = [SelectChoice("", "Anyone")] + [SelectChoice(a, a) for a in actors]
    form.validate()
    filters = auditlog.AuditFilters(
        action=(form.action.data or "")[:60],
        user=(form.user.data or "")[:254],
        date_from=None if form.date_from.errors else form.date_from.data,
        date_to=None if form.date_to.errors else form.date_to.data,
    )
    query = auditlog.events(scope, filters)
    if request.args.get("format") == "csv":
        response = Response(audit_csv(auditlog.all_rows(query)), mimetype="text/csv; charset=utf-8")
        safe = re.sub(r"[^A-Za-z0-9._-]+", "-", filename)
        response.headers["Content-Disposition"] = f'attachment; filename="{safe}.csv"'
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response
    return render_template(
        "audit/events.html",
        form=form,
        pager=paginate(query),
        csv_args={k: v for k, v in {**request.args.to_dict(), "format": "csv"}.items() if k != "page"},
        **context,
    )

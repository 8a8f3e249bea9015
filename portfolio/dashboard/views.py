"""The portfolio dashboard, the system (ICS) view, and linking a project to an objective by hand."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from portfolio.access import get_in_org_or_404
from portfolio.auth.decorators import member_required, role_required
from portfolio.dashboard import charts, service
from portfolio.dashboard.forms import objective_form
from portfolio.dashboard.system import build_system_view
from portfolio.extensions import db
from portfolio.labels import LEVEL_TAG_CLASSES
from portfolio.models import Portfolio, Project, Role

bp = Blueprint("dashboard", __name__)
#: Its own blueprint so that the menu marks "System view", not it, as the current page on a dashboard.
system_bp = Blueprint("system", __name__)
EDITORS = (Role.PMO, Role.ADMIN)
FORMATS = {"money": charts.money, "count": charts.count_text, "level_classes": LEVEL_TAG_CLASSES}


@bp.get("/portfolios/<int:portfolio_id>/dashboard")
@member_required
def show(portfolio_id: int) -> str:
    portfolio = get_in_org_or_404(Portfolio, portfolio_id)
    version = request.args.get("version", type=int)
    upload = service.find_version(portfolio, version)
    if upload is None and version is not None:
        abort(404)
    board = service.build_dashboard(portfolio, upload) if upload else None
    return render_template("dashboard/show.html", portfolio=portfolio, board=board, **FORMATS)


@system_bp.get("/system", endpoint="show")
@member_required
def show_system() -> str:
    view = build_system_view(g.memberships, g.membership)
    return render_template("dashboard/system.html", view=view, **FORMATS)


@bp.route("/projects/<int:project_id>/objective", methods=["GET", "POST"])
@role_required(*EDITORS)
def objective(project_id: int) -> Response | str | tuple[str, int]:
    project = get_in_org_or_404(Project, project_id)
    portfolio = get_in_org_or_404(Portfolio, project.portfolio_id)
    choices = service.objective_choices(portfolio)
    automatic = service.automatic_objective(project)
    form = objective_form(choices, automatic, project.objective_override)
    if form.validate_on_submit():
        try:
            changed = service.link_objective(project, form.objective.data, choices, current_user.user)
        except service.ObjectiveRefused as refused:
            form.objective.errors = [str(refused)]
        else:
            db.session.commit()
            name = project.ref or project.title
            said = f"{name} is now linked to {form.objective.data}." if form.objective.data else \
                f"{name} now uses its automatic objective link."
            flash(said if changed else "Nothing changed: that was already the link.", "success")
            return redirect(url_for("dashboard.show", portfolio_id=portfolio.id))
    status = 422 if form.errors else 200
    return render_template("dashboard/objective.html", project=project, portfolio=portfolio, form=form,
                           automatic=automatic, choices=choices), status

"""The tagging pages: a project's assessment with its evidence, the portfolio's project list (heatmap),
reviewers' overrides, the rubric editor and re-tagging."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from portfolio.access import current_org, get_in_org_or_404, in_org
from portfolio.auth.decorators import member_required, role_required
from portfolio.extensions import db
from portfolio.importing.forms import FIELD_LABELS
from portfolio.labels import FLAG_LABELS
from portfolio.models import Portfolio, Project, ProjectVersion, Role, Upload
from portfolio.pagination import paginate
from portfolio.rubrics import current_rubric
from portfolio.tagging import rubric_service, service
from portfolio.tagging.forms import (
    CLEAR,
    OverrideForm,
    box_fields,
    choices,
    list_form,
    merge_rubric,
    parse_json,
    rubric_form,
)
from portfolio.versions import project_version_or_404, upload_or_404

bp = Blueprint("tagging", __name__)
#: The rubric editor is its own blueprint so the menu marks "Rubric" current only on its pages.
rubric_bp = Blueprint("rubric", __name__)
REVIEWERS = (Role.PMO, Role.BOARD, Role.ADMIN)
EDITORS = (Role.PMO, Role.ADMIN)


@bp.app_template_global()
def principle_names() -> dict[str, str]:
    """{principle id: name} from the organisation's current rubric, in rubric order."""
    rubric, _ = current_rubric(current_org().id)
    return {str(p): r.name for p, r in rubric.principles.items()}


@bp.app_template_global()
def field_label(name: str) -> str:
    return FIELD_LABELS.get(name, name)


@bp.app_template_global()
def evidence_by_field(version: ProjectVersion, evidence: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The project's own text of each field with evidence, cut into segments to highlight:
    [{"field", "segments": [(text, polarity or None, facet)], "loose": [evidence whose words moved]}]."""
    texts = {**(version.extras or {}), **(version.fields or {})}
    grouped: dict[str, list[Mapping[str, Any]]] = {}
    for item in evidence:
        grouped.setdefault(item.get("field", ""), []).append(item)
    out = []
    for field, items in grouped.items():
        text = str(texts.get(field) or "")
        spans, loose, end = [], [], 0
        for item in sorted(items, key=lambda e: (e.get("start", 0), -e.get("end", 0))):
            start, stop = item.get("start"), item.get("end")
            if (
                not isinstance(start, int)
                or not isinstance(stop, int)
                or text[start:stop] != item.get("text")
            ):
                loose.append(item)
            elif start >= end:  # overlapping words are already highlighted
                spans.append((start, stop, item))
                end = stop
        segments, at = [], 0
        for start, stop, item in spans:
            if start > at:
                segments.append((text[at:start], None, ""))
            segments.append((text[start:stop], item.get("polarity", "for"), item.get("facet", "")))
            at = stop
        if spans and at < len(text):
            segments.append((text[at:], None, ""))
        out.append({"field": field, "segments": segments, "loose": loose})
    return out


def _render_project(project: Project, version: ProjectVersion, form: OverrideForm, status: int = 200) -> Any:
    form.principle.choices = choices(principle_names().items())
    if not form.principle.data and request.args.get("principle") in principle_names():
        form.principle.data = request.args["principle"]
    overrides = service.overrides_for([project.id]).get(project.id, {})
    return render_template(
        "tagging/project.html",
        project=project,
        version=version,
        form=form,
        overrides=overrides,
        versions=service.version_numbers(project),
        flag_labels=FLAG_LABELS,
        can_override=g.membership.role in REVIEWERS,
    ), status


@bp.get("/projects/<int:project_id>")
@member_required
def show(project_id: int) -> Any:
    project = get_in_org_or_404(Project, project_id)
    version = project_version_or_404(project, request.args.get("version", type=int))
    return _render_project(project, version, OverrideForm(formdata=None))


@bp.post("/projects/<int:project_id>/overrides")
@role_required(*REVIEWERS)
def override(project_id: int) -> Any:
    project = get_in_org_or_404(Project, project_id)
    form = OverrideForm()
    form.principle.choices = choices(principle_names().items())
    if form.validate_on_submit():
        status = None if form.status.data == CLEAR else form.status.data
        try:
            service.set_override(project, form.principle.data, status, form.reason.data, current_user.user)
        except service.OverrideRefused as refused:
            form.reason.errors = [str(refused)]
        else:
            db.session.commit()
            flash(
                "Override saved." if status else "Override removed: the automatic result applies.", "success"
            )
            return redirect(
                url_for("tagging.show", project_id=project.id, _anchor=f"principle-{form.principle.data}")
            )
    return _render_project(project, project_version_or_404(project), form, 422)


@bp.get("/portfolios/<int:portfolio_id>/projects")
@member_required
def heatmap(portfolio_id: int) -> Any:
    portfolio = get_in_org_or_404(Portfolio, portfolio_id)
    upload = upload_or_404(portfolio, request.args.get("version", type=int))
    names = principle_names()
    flags = service.flag_counts(upload)
    form = list_form(request.args, names, flags, service.objectives_in(upload))
    valid = form.validate()
    query = (
        service.ListQuery(
            form.principle.data or None,
            form.status.data or None,
            form.flag.data or None,
            form.objective.data or None,
            (form.q.data or "").strip() or None,
            form.sort.data or "ref",
            form.order.data == "desc",
        )
        if valid
        else service.ListQuery()
    )
    pager = paginate(service.project_list(upload, query))
    versions = db.session.scalars(
        select(Upload.version).where(Upload.portfolio_id == portfolio.id).order_by(Upload.version)
    ).all()
    return render_template(
        "tagging/heatmap.html",
        portfolio=portfolio,
        upload=upload,
        form=form,
        pager=pager,
        query=query,
        counts=service.status_counts(upload),
        flags=flags,
        versions=versions,
        overrides=service.overrides_for([v.project_id for v in pager.items]),
        names=names,
        flag_labels=FLAG_LABELS,
        can_retag=g.membership.role in EDITORS,
    ), (200 if valid else 422)


@bp.post("/portfolios/<int:portfolio_id>/retag")
@role_required(*EDITORS)
def retag(portfolio_id: int) -> Response:
    portfolio = get_in_org_or_404(Portfolio, portfolio_id)
    try:
        upload, changed = rubric_service.retag_portfolio(portfolio, current_user.user)
    except rubric_service.NothingToRetag as refused:
        flash(str(refused), "error")
        return redirect(url_for("portfolios.show", portfolio_id=portfolio.id))
    db.session.commit()
    flash(
        f"Re-tagged version {upload.version} with rubric {upload.rubric_version}: "
        f"{changed} of {upload.project_count} projects changed. Overrides were kept.",
        "success",
    )
    return redirect(url_for("tagging.heatmap", portfolio_id=portfolio.id))


@rubric_bp.route("/rubric", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit() -> Any:
    organisation = current_org()
    data, signals, version = rubric_service.rubric_document(organisation.id)
    form = rubric_form(data, signals, version, request.form if request.method == "POST" else None)
    problems: list[str] = []
    if request.method == "POST" and form.validate():
        rest, problems = parse_json(form.rest.data, "The rest of the rubric")
        edited_signals, more = parse_json(form.signals.data, "Signal thresholds")
        problems += more
        if not problems:
            edited = merge_rubric(rest, {name: f.data for name, f in box_fields(form).items()})
            try:
                saved = rubric_service.save_rubric(
                    organisation.id, edited, edited_signals, current_user.user, form.based_on.data or None
                )
            except rubric_service.RubricRefused as refused:
                problems = refused.problems
            else:
                db.session.commit()
                flash(f"Saved rubric version {saved.version}. Re-tag a portfolio to apply it.", "success")
                return redirect(url_for("rubric.edit"))
    portfolios = db.session.scalars(in_org(Portfolio).order_by(Portfolio.name)).all()
    return render_template(
        "tagging/rubric.html",
        form=form,
        problems=problems,
        version=version,
        data=data,
        boxes=box_fields(form),
        portfolios=portfolios,
    ), (422 if request.method == "POST" else 200)

"""Board review pages: the queue, a project's review (decisions, comments, actions), my actions, the board
pack."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from portfolio.access import current_org, get_in_org_or_404
from portfolio.auth.decorators import member_required, role_required
from portfolio.extensions import db
from portfolio.models import Action, Portfolio, Project, Role
from portfolio.pagination import paginate
from portfolio.review import actions, pages, pdf, queue, service
from portfolio.review.forms import ActionForm, ActionUpdateForm, CommentForm
from portfolio.versions import project_version_or_404, upload_or_404

bp = Blueprint("review", __name__)
WRITERS = (Role.BOARD, Role.ADMIN, Role.PMO)


def _role() -> str:
    return str(g.membership.role)


@bp.get("/portfolios/<int:portfolio_id>/queue")
@member_required
def queue_page(portfolio_id: int) -> str:
    portfolio = get_in_org_or_404(Portfolio, portfolio_id)
    upload = upload_or_404(portfolio, request.args.get("version", type=int))
    filters = queue.QueueFilters.from_args(request.args)
    pager = paginate(queue.queue_query(upload.id, filters))
    states = queue.states_for([v.project_id for v in pager.items])
    return render_template(
        "review/queue.html",
        portfolio=portfolio,
        upload=upload,
        pager=pager,
        states=states,
        filters=filters,
        facets=queue.facet_counts(upload.id, filters),
        **pages.shared(),
    )


@bp.get("/projects/<int:project_id>/review")
@member_required
def show(project_id: int) -> str:
    project = get_in_org_or_404(Project, project_id)
    version = project_version_or_404(project, request.args.get("version", type=int))
    return pages.render_review(project, version, _role())


@bp.post("/projects/<int:project_id>/decisions")
@role_required(*WRITERS)
def decide(project_id: int) -> Response | tuple[str, int]:
    project = get_in_org_or_404(Project, project_id)
    version = project_version_or_404(project, request.form.get("version", type=int))
    form = pages.decision_form()
    if not form.validate_on_submit():
        return pages.render_review(project, version, _role(), decision_form=form), 422
    try:
        decision = service.record_decision(
            project,
            version.upload,
            form.move.data,
            form.rationale.data or "",
            form.lock_version.data or 0,
            current_user.user,
            _role(),
        )
    except service.ReviewConflict:
        db.session.rollback()
        return pages.render_conflict(project, version, _role(), form), 409
    except service.TransitionNotAllowed as refused:
        db.session.rollback()
        form.move.errors = [str(refused)]
        return pages.render_review(project, version, _role(), decision_form=form), 422
    db.session.commit()
    flash(f"Decision recorded: {pages.MOVE_LABELS[decision.outcome]}.", "success")
    return redirect(url_for("review.show", project_id=project.id, version=version.upload.version))


@bp.post("/projects/<int:project_id>/comments")
@role_required(*WRITERS)
def comment(project_id: int) -> Response | tuple[str, int]:
    project = get_in_org_or_404(Project, project_id)
    version = project_version_or_404(project, request.form.get("version", type=int))
    form = CommentForm()
    if not form.validate_on_submit():
        return pages.render_review(project, version, _role(), comment_form=form), 422
    service.add_comment(project, version.upload, form.body.data or "", current_user.user)
    db.session.commit()
    flash("Comment added.", "success")
    return redirect(
        url_for("review.show", project_id=project.id, version=version.upload.version) + "#comments"
    )


@bp.post("/projects/<int:project_id>/actions")
@role_required(*WRITERS)
def add_action(project_id: int) -> Response | tuple[str, int]:
    project = get_in_org_or_404(Project, project_id)
    version = project_version_or_404(project, request.form.get("version", type=int))
    form = ActionForm().offer(service.members(project.organisation_id))
    if form.validate_on_submit():
        try:
            actions.add_action(
                project, form.title.data or "", form.owner.data, form.due_date.data, current_user.user
            )
        except service.ActionRefused as refused:
            db.session.rollback()
            form.owner.errors = [str(refused)]
        else:
            db.session.commit()
            flash("Action added.", "success")
            return redirect(
                url_for("review.show", project_id=project.id, version=version.upload.version) + "#actions"
            )
    return pages.render_review(project, version, _role(), action_form=form), 422


@bp.route("/actions/<int:action_id>", methods=["GET", "POST"])
@member_required
def update_action(action_id: int) -> Response | str | tuple[str, int]:
    action = get_in_org_or_404(Action, action_id)
    form = ActionUpdateForm(obj=action, owner=action.owner_id).offer(service.members(action.organisation_id))
    if form.validate_on_submit():
        try:
            actions.update_action(
                action,
                form.status.data,
                form.owner.data,
                form.due_date.data,
                form.lock_version.data or 0,
                current_user.user,
                _role(),
            )
        except (service.ActionRefused, service.ReviewConflict) as refused:
            db.session.rollback()
            action = get_in_org_or_404(Action, action_id)
            form.lock_version.data = action.lock_version
            form.status.errors = [str(refused)]
            return pages.render_action(action, form), 409 if isinstance(
                refused, service.ReviewConflict
            ) else 422
        db.session.commit()
        flash("Action updated.", "success")
        return redirect(url_for("review.show", project_id=action.project_id) + "#actions")
    return pages.render_action(action, form), 422 if form.errors else 200


@bp.get("/my-actions")
@member_required
def my_actions() -> str:
    pager = paginate(actions.my_actions_query(current_user.user, current_org().id))
    titles = actions.project_titles([a.project_id for a in pager.items])
    return render_template("review/my_actions.html", pager=pager, titles=titles, **pages.shared())


@bp.get("/portfolios/<int:portfolio_id>/board-pack")
@member_required
def board_pack(portfolio_id: int) -> str:
    portfolio = get_in_org_or_404(Portfolio, portfolio_id)
    upload = upload_or_404(portfolio, request.args.get("version", type=int))
    return render_template("review/board_pack.html", **pages.board_pack(portfolio, upload))


@bp.get("/portfolios/<int:portfolio_id>/board-pack.pdf")
@member_required
def board_pack_pdf(portfolio_id: int) -> Response | tuple[str, int]:
    portfolio = get_in_org_or_404(Portfolio, portfolio_id)
    upload = upload_or_404(portfolio, request.args.get("version", type=int))
    html = render_template("review/board_pack.html", standalone=True, **pages.board_pack(portfolio, upload))
    try:
        data = pdf.html_to_pdf(html)
    except pdf.PdfUnavailable as problem:
        return render_template(
            "review/pdf_error.html", portfolio=portfolio, upload=upload, problem=str(problem)
        ), 503
    return pdf.send_pdf(data, f"board-pack-{portfolio.name}-v{upload.version}")

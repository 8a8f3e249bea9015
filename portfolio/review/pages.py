"""Rendering the review pages: the context every review template shares, and the review page in its states
(plain, with a form's errors, after a conflict). Keeps views.py to validate-call-commit-redirect."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import current_app, render_template

from portfolio import labels
from portfolio.access import current_org
from portfolio.models import Action, Portfolio, Project, ProjectVersion, Upload
from portfolio.review import actions, queue, service
from portfolio.review.forms import ActionForm, ActionUpdateForm, CommentForm, DecisionForm
from portfolio.review.workflow import (
    ACTION_STATUSES,
    MOVE_LABELS,
    STATUS_LABELS,
    STATUS_TAG_CLASSES,
    Move,
    Status,
    allowed_moves,
    is_overdue,
)
from portfolio.rubrics import current_rubric
from portfolio.tagging.service import overrides_for

__all__ = [
    "MOVE_LABELS",
    "board_pack",
    "decision_form",
    "render_action",
    "render_conflict",
    "render_review",
    "shared",
]


def shared() -> dict[str, Any]:
    """Labels every review template uses: ids to words, tag colours (always with words), principle names."""
    rubric, _ = current_rubric(current_org().id)
    return {
        "flag_labels": labels.FLAG_LABELS,
        "principle_status_labels": labels.STATUS_LABELS,
        "principle_status_classes": labels.STATUS_TAG_CLASSES,
        "decision_labels": STATUS_LABELS,
        "decision_classes": STATUS_TAG_CLASSES,
        "move_labels": MOVE_LABELS,
        "action_statuses": ACTION_STATUSES,
        "principle_titles": {str(p): r.name for p, r in rubric.principles.items()},
        "is_overdue": is_overdue,
        "today": datetime.now(UTC).date(),
        "level_labels": labels.LEVEL_LABELS,
        "level_classes": labels.LEVEL_TAG_CLASSES,
        "signal_labels": labels.SIGNAL_LABELS,
        "verdict_labels": labels.VERDICT_LABELS,
    }


def decision_form() -> DecisionForm:
    """The posted decision form, accepting any move: the workflow table, not the form, says which are allowed
    (so a move made stale by another reviewer gets the conflict message, not 'not a valid choice')."""
    return DecisionForm().offer(list(Move))


def render_review(
    project: Project,
    version: ProjectVersion,
    role: str,
    *,
    decision_form: DecisionForm | None = None,
    comment_form: CommentForm | None = None,
    action_form: ActionForm | None = None,
    conflict: service.Change | None = None,
) -> str:
    page = service.review_page(project, version)
    number = version.upload.version
    moves = allowed_moves(page.status, role)
    if decision_form is None:
        decision_form = DecisionForm(
            formdata=None, data={"lock_version": page.lock_version, "version": number}
        )
    decision_form.offer(moves)
    comment_form = comment_form or CommentForm(formdata=None, data={"version": number})
    action_form = (action_form or ActionForm(formdata=None)).offer(page.members)
    return render_template(
        "review/project.html",
        page=page,
        project=project,
        version=version,
        upload=version.upload,
        project_version=version,
        decision_form=decision_form,
        comment_form=comment_form,
        action_form=action_form,
        moves=moves,
        conflict=conflict,
        role=role,
        can_write=role in ("board", "admin", "pmo"),
        overrides=overrides_for([project.id]).get(project.id, {}),
        heading_level=2,
        **shared(),
    )


def render_conflict(project: Project, version: ProjectVersion, role: str, form: DecisionForm) -> str:
    """The review page after a lost race: who changed the decision to what, when; the reviewer's text kept and
    the form redrawn from the current version, so they can decide again knowingly."""
    change = service.latest_change(project)
    form.lock_version.data = change.lock_version if change else 0
    form.move.errors = [
        "Someone else changed this decision while you were working on it. Nothing you entered "
        "was saved. Read their change, then decide again."
    ]
    return render_review(project, version, role, decision_form=form, conflict=change)


def render_action(action: Action, form: ActionUpdateForm) -> str:
    project = actions.project_titles([action.project_id])
    form.lock_version.data = action.lock_version if form.lock_version.data is None else form.lock_version.data
    return render_template(
        "review/action.html",
        action=action,
        form=form,
        project_title=project.get(action.project_id, ""),
        **shared(),
    )


def board_pack(portfolio: Portfolio, upload: Upload) -> dict[str, Any]:
    """What the board pack shows: verdict and signals, then each flagged project with its evidence, the
    questions to ask and where its review stands (a fixed number of queries). A board reads the most pressing
    BOARD_PACK_PROJECTS (default 100); the rest are in the review queue."""
    flagged, total = queue.flagged_versions(upload, int(current_app.config.get("BOARD_PACK_PROJECTS", 100)))
    return {
        "portfolio": portfolio,
        "upload": upload,
        "flagged": flagged,
        "flagged_total": total,
        "states": queue.states_for([v.project_id for v in flagged]),
        "status_counts": queue.status_counts(upload),
        "not_reviewed": Status.NOT_REVIEWED.value,
        "generated_at": datetime.now(UTC),
        **shared(),
    }

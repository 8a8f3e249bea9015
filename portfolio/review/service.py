"""Board review: decisions (with optimistic locking), comments and actions on a project, and what the review
page shows. Services add and flush, never commit; they take the acting user and raise domain errors in plain
words."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.exc import StaleDataError

from portfolio import audit
from portfolio.extensions import db
from portfolio.models import (
    Action,
    Comment,
    Decision,
    Membership,
    Project,
    ProjectVersion,
    ReviewState,
    Upload,
    User,
)
from portfolio.models.columns import utcnow
from portfolio.review.workflow import (
    MOVE_LABELS,
    STATUS_LABELS,
    Status,
    TransitionNotAllowed,
    apply_move,
)

__all__ = ["ActionRefused", "ReviewConflict", "TransitionNotAllowed"]


class ReviewConflict(Exception):
    """Someone else changed the record after the form was drawn; nothing was saved."""


class ActionRefused(Exception):
    """An action that cannot be saved as asked; the message says why."""


@dataclass(frozen=True)
class Change:
    """The latest change to a project's review, to show a reviewer whose form went stale."""

    who: str
    status: str
    at: Any
    rationale: str
    lock_version: int


@dataclass
class ReviewPage:
    project: Project
    version: ProjectVersion
    state: ReviewState | None
    decisions: list[tuple[Decision, int | None]] = field(default_factory=list)
    comments: list[tuple[Comment, int | None]] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    members: list[User] = field(default_factory=list)

    @property
    def status(self) -> str:
        return self.state.status if self.state else Status.NOT_REVIEWED

    @property
    def lock_version(self) -> int:
        return self.state.lock_version if self.state else 0


def state_of(project: Project) -> ReviewState | None:
    return db.session.scalar(select(ReviewState).where(ReviewState.project_id == project.id))


def review_page(project: Project, version: ProjectVersion) -> ReviewPage:
    """Everything the review page shows, in a fixed number of queries (decisions carry over between versions:
    they hang on the Project)."""
    decisions = db.session.execute(
        select(Decision, Upload.version)
        .outerjoin(Upload, Upload.id == Decision.upload_id)
        .options(joinedload(Decision.user))
        .where(Decision.project_id == project.id)
        .order_by(Decision.created_at.desc(), Decision.id.desc())
    ).all()
    comments = db.session.execute(
        select(Comment, Upload.version)
        .outerjoin(Upload, Upload.id == Comment.upload_id)
        .options(joinedload(Comment.user))
        .where(Comment.project_id == project.id)
        .order_by(Comment.created_at, Comment.id)
        .limit(500)
    ).all()
    actions = db.session.scalars(
        select(Action)
        .options(joinedload(Action.owner))
        .where(Action.project_id == project.id)
        .order_by(Action.due_date.is_(None), Action.due_date, Action.id)
    ).all()
    return ReviewPage(
        project=project,
        version=version,
        state=state_of(project),
        decisions=[(d, v) for d, v in decisions],
        comments=[(c, v) for c, v in comments],
        actions=list(actions),
        members=members(project.organisation_id),
    )


def members(organisation_id: int) -> list[User]:
    """The organisation's active members, who may own actions."""
    return list(
        db.session.scalars(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(
                Membership.organisation_id == organisation_id,
                Membership.active.is_(True),
                User.active.is_(True),
            )
            .order_by(User.name)
        ).all()
    )


def latest_change(project: Project) -> Change | None:
    """Who last changed the project's review, to what, when and why (None when nobody has yet)."""
    row = db.session.execute(
        select(ReviewState, Decision)
        .outerjoin(Decision, Decision.id == ReviewState.decision_id)
        .options(joinedload(Decision.user))
        .where(ReviewState.project_id == project.id)
    ).first()
    if row is None:
        return None
    state, decision = row
    who = decision.user.name if decision is not None and decision.user is not None else "someone"
    return Change(
        who=who,
        status=STATUS_LABELS.get(state.status, state.status),
        at=state.updated_at,
        rationale=decision.rationale if decision is not None else "",
        lock_version=state.lock_version,
    )


def record_decision(
    project: Project,
    upload: Upload | None,
    move: str,
    rationale: str,
    drawn_version: int,
    user: User,
    role: str,
) -> Decision:
    """Record a board decision (or a PMO response, or a reopening) and move the project's review status.

    ``drawn_version`` is the ReviewState.lock_version the form was drawn from (0 when there was no state yet).
    Raises ReviewConflict when the state changed since (checked here, and by version_id_col at flush for the
    last moment), TransitionNotAllowed when the workflow table refuses the move. The caller rolls back on
    error.
    """
    state = state_of(project)
    if (state.lock_version if state else 0) != drawn_version:
        raise ReviewConflict("Someone else changed this decision after you opened the page.")
    before = {
        "status": state.status if state else Status.NOT_REVIEWED,
        "lock_version": state.lock_version if state else 0,
    }
    target = apply_move(str(before["status"]), move, role, rationale)
    decision = Decision(
        organisation_id=project.organisation_id,
        project_id=project.id,
        upload_id=upload.id if upload else None,
        outcome=move,
        rationale=rationale.strip(),
        user_id=user.id,
        created_at=utcnow(),
    )
    db.session.add(decision)
    db.session.flush()
    if state is None:
        state = ReviewState(organisation_id=project.organisation_id, project_id=project.id)
        db.session.add(state)
    state.status = target
    state.decision_id = decision.id
    state.updated_at = decision.created_at
    state.updated_by_id = user.id
    try:
        db.session.flush()
    except (StaleDataError, IntegrityError) as stale:  # another reviewer's write landed in between
        raise ReviewConflict("Someone else changed this decision while you were saving yours.") from stale
    audit.record(
        "decision_recorded",
        user=user,
        organisation_id=project.organisation_id,
        target=decision,
        portfolio_id=project.portfolio_id,
        project_id=project.id,
        summary=f"{MOVE_LABELS[move]}: {project.title}"[:500],
        before=before,
        after={
            "status": str(target),
            "outcome": move,
            "rationale": decision.rationale,
            "lock_version": state.lock_version,
        },
    )
    return decision


def add_comment(project: Project, upload: Upload | None, body: str, user: User) -> Comment:
    """Add a comment to the project's thread. Raises ActionRefused for a blank comment."""
    if not body.strip():
        raise ActionRefused("Write a comment before sending it.")
    comment = Comment(
        organisation_id=project.organisation_id,
        project_id=project.id,
        upload_id=upload.id if upload else None,
        user_id=user.id,
        body=body.strip(),
        created_at=utcnow(),
    )
    db.session.add(comment)
    db.session.flush()
    audit.record(
        "comment_added",
        user=user,
        organisation_id=project.organisation_id,
        target=comment,
        portfolio_id=project.portfolio_id,
        project_id=project.id,
        summary=f"Comment on {project.title}"[:500],
        after={"body": comment.body},
    )
    return comment

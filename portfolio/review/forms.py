"""Forms for board review: their shape only (required, lengths, choices). The workflow rules are in
workflow.py."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from portfolio.models import User
from portfolio.review.workflow import ACTION_STATUSES, MOVE_LABELS, Move

TEXT_LIMIT = 5000


def _owner_choice(value: str) -> int | None:
    return int(value) if value not in ("", None) else None


class DecisionForm(FlaskForm):
    move = RadioField("Decision", choices=[], validators=[InputRequired("Choose a decision")])
    rationale = TextAreaField(
        "Rationale",
        validators=[DataRequired("Give the reason for this decision"), Length(max=TEXT_LIMIT)],
        description="The board and the PMO will read this later. Say what you weighed.",
    )
    lock_version = IntegerField(validators=[InputRequired(), NumberRange(min=0)])
    version = HiddenField()

    def offer(self, moves: list[Move]) -> DecisionForm:
        self.move.choices = [SelectChoice(m.value, MOVE_LABELS[m]) for m in moves]
        return self


class CommentForm(FlaskForm):
    body = TextAreaField(
        "Add a comment",
        validators=[DataRequired("Write a comment before sending it"), Length(max=TEXT_LIMIT)],
    )
    version = HiddenField()


def _owners(members: list[User]) -> list[SelectChoice]:
    return [SelectChoice("", "No owner yet")] + [SelectChoice(str(u.id), u.name) for u in members]


class ActionForm(FlaskForm):
    title = StringField(
        "What needs to be done", validators=[DataRequired("Say what needs to be done"), Length(max=1000)]
    )
    owner = SelectField(
        "Owner",
        choices=[],
        coerce=_owner_choice,
        validate_choice=False,
        description="A member of this organisation.",
    )
    due_date = DateField("Due date", validators=[Optional()], description="For example, 2026-03-31")

    def offer(self, members: list[User]) -> ActionForm:
        self.owner.choices = _owners(members)
        return self


class ActionUpdateForm(ActionForm):
    title = None  # type: ignore[assignment]  # the title stays as written
    status = SelectField(
        "Status",
        choices=[SelectChoice(k, v) for k, v in ACTION_STATUSES.items()],
        validators=[DataRequired("Choose a status")],
    )
    lock_version = IntegerField(validators=[InputRequired(), NumberRange(min=0)])


class AuditFilterForm(FlaskForm):
    """Read from the query string (GET): no CSRF token needed."""

    class Meta:
        csrf = False

    action = SelectField("Action", choices=[], validate_choice=False)
    user = SelectField("User", choices=[], validate_choice=False)
    date_from = DateField("From", validators=[Optional()])
    date_to = DateField("To", validators=[Optional()])

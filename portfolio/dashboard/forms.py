"""The one form of the dashboard feature: which objective a project serves."""

from __future__ import annotations

from collections.abc import Sequence

from flask_wtf import FlaskForm
from wtforms import SelectField
from wtforms.fields.choices import SelectChoice


class ObjectiveForm(FlaskForm):
    objective = SelectField("Strategic objective this project serves", choices=[])


def objective_form(choices: Sequence[str], automatic: str | None, current: str | None) -> ObjectiveForm:
    """The form with the portfolio's objectives, plus "use the automatic link" (the empty value)."""
    automatic_text = f"the automatic link: {automatic}" if automatic else "the automatic link: none found"
    form = ObjectiveForm(data={"objective": current or ""})
    form.objective.choices = [SelectChoice("", f"No choice made: use {automatic_text}"),
                             *(SelectChoice(c, c) for c in choices)]
    return form

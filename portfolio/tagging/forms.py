"""Forms for the tagging pages: an override, the project list filters, and the rubric editor.

The rubric editor shows each principle's board questions and cue lists as one-per-line boxes and the rest of
the rubric as JSON; ``split_rubric`` and ``merge_rubric`` move between the two shapes (no business rules here:
``validate_rubric`` judges the result).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from typing import Any

from flask_wtf import FlaskForm
from wtforms import Field, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from portfolio.labels import FLAG_LABELS, STATUS_LABELS
from portfolio.tagging.service import SORT_COLUMNS, UNLINKED

CLEAR = "clear"
SORT_LABELS = {
    "ref": "Reference",
    "title": "Title",
    "score": "Score",
    "flags": "Number of flags",
    "budget": "Budget",
}


def choices(pairs: Any) -> list[SelectChoice]:
    """(value, label) pairs as the choices the _forms.html macros render."""
    return [SelectChoice(value, label) for value, label in pairs]


class OverrideForm(FlaskForm):
    principle = SelectField("Principle", validators=[DataRequired("Choose a principle")])
    status = RadioField(
        "Status to record",
        choices=choices(
            [*STATUS_LABELS.items(), (CLEAR, "Remove the override and use the automatic result")]
        ),
        validators=[DataRequired("Choose the status to record, or remove the override")],
    )
    reason = TextAreaField(
        "Reason",
        validators=[DataRequired("Give the reason for the override"), Length(max=2000)],
        description="Say why the automatic result is wrong, or why you are removing the override. "
        "It is kept in the audit trail.",
    )


class ListForm(FlaskForm):
    """The project list's filters and sort, read from the query string (a GET form: no CSRF token)."""

    class Meta:
        csrf = False

    principle = SelectField("Principle", validators=[Optional()])
    status = SelectField(
        "Status", choices=choices([("", "Any status"), *STATUS_LABELS.items()]), validators=[Optional()]
    )
    flag = SelectField("Flag", validators=[Optional()])
    objective = SelectField("Strategic objective", validators=[Optional()])
    q = StringField("Search titles, references and descriptions", validators=[Optional(), Length(max=200)])
    sort = SelectField(
        "Sort by",
        choices=choices((k, SORT_LABELS[k]) for k in SORT_COLUMNS),
        default="ref",
        validators=[Optional()],
    )
    order = SelectField(
        "Order",
        choices=choices([("asc", "Ascending"), ("desc", "Descending")]),
        default="asc",
        validators=[Optional()],
    )


def list_form(
    args: Mapping[str, str],
    principle_names: Mapping[str, str],
    flags_seen: Mapping[str, int],
    objectives: list[str],
) -> ListForm:
    form = ListForm(formdata=args)  # type: ignore[arg-type]
    form.principle.choices = choices([("", "Any principle"), *principle_names.items()])
    form.flag.choices = choices(
        [
            ("", "Any flag or none"),
            *((f, f"{FLAG_LABELS.get(f, f)} ({n})") for f, n in sorted(flags_seen.items())),
        ]
    )
    form.objective.choices = choices(
        [("", "Any objective"), (UNLINKED, "Not linked to an objective"), *((o, o[:120]) for o in objectives)]
    )
    return form


# --- The rubric editor --------------------------------------------------------------------------------------


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def split_rubric(rubric: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The rubric without its questions and cue lists, and those as one-per-line texts keyed by form field
    name (``questions-<principle>``, ``cues-<principle>-<for|against>-<n>``)."""
    rest = copy.deepcopy(dict(rubric))
    boxes: dict[str, str] = {}
    for item in rest.get("principles", []):
        if not isinstance(item, dict):
            continue
        pid = item.get("id")
        boxes[f"questions-{pid}"] = "\n".join(item.pop("questions", []))
        for kind, key in (("for", "facets"), ("against", "red_flags")):
            for n, facet in enumerate(item.get(key) or []):
                if isinstance(facet, dict):
                    boxes[f"cues-{pid}-{kind}-{n}"] = "\n".join(facet.pop("cues", []))
    return rest, boxes


def merge_rubric(rest: Any, boxes: Mapping[str, str]) -> Any:
    """Put the questions and cue lists from ``boxes`` back into ``rest`` (anything not a dict is returned as
    it is, for ``validate_rubric`` to report). A box missing from the form leaves the JSON's own list."""
    if not isinstance(rest, dict):
        return rest
    merged = copy.deepcopy(rest)
    for item in merged.get("principles", []) if isinstance(merged.get("principles"), list) else []:
        if not isinstance(item, dict):
            continue
        pid = item.get("id")
        if f"questions-{pid}" in boxes:
            item["questions"] = _lines(boxes[f"questions-{pid}"])
        for kind, key in (("for", "facets"), ("against", "red_flags")):
            for n, facet in enumerate(item.get(key) or [] if isinstance(item.get(key), list) else []):
                name = f"cues-{pid}-{kind}-{n}"
                if isinstance(facet, dict) and name in boxes:
                    facet["cues"] = _lines(boxes[name])
    return merged


class RubricForm(FlaskForm):
    based_on = (
        HiddenField()
    )  # the version the page was drawn from: a newer one saved meanwhile is not overwritten
    rest = TextAreaField(
        "The rest of the rubric (JSON)",
        validators=[DataRequired("Enter the rubric JSON")],
        description="Principles' names, fields, facets and weights, flag cue lists, negation and "
        "thresholds. The questions and cue lists above are merged into it.",
    )
    signals = TextAreaField(
        "Signal thresholds (JSON)",
        validators=[DataRequired("Enter the signal thresholds JSON")],
        description="Amber and red thresholds for each portfolio signal, tuning parameters, the "
        "composite rule and the advice.",
    )


def rubric_form(
    rubric: Mapping[str, Any], signals: Mapping[str, Any], version: str, formdata: Any = None
) -> RubricForm:
    """The editor for ``rubric`` and ``signals``, with one box per principle's questions and per cue list."""
    rest, boxes = split_rubric(rubric)
    labels = {}
    for item in rubric.get("principles", []):
        labels[f"questions-{item.get('id')}"] = "Board questions, one per line"
        for kind, key in (("for", "facets"), ("against", "red_flags")):
            for n, facet in enumerate(item.get(key) or []):
                labels[f"cues-{item.get('id')}-{kind}-{n}"] = (
                    f"Words that count {kind}: {facet.get('label', facet.get('id'))}, one pattern per line"
                )
    fields = {
        name: TextAreaField(labels.get(name, name), default=text, validators=[Length(max=50000)])
        for name, text in boxes.items()
    }
    form_class = type("BoundRubricForm", (RubricForm,), fields)
    form = form_class(
        formdata=formdata,
        rest=json.dumps(rest, indent=1, ensure_ascii=False),
        signals=json.dumps(dict(signals), indent=1, ensure_ascii=False),
        based_on=version,
    )
    return form


def box_fields(form: RubricForm) -> dict[str, Field]:
    return {f.name: f for f in form if f.name.startswith(("questions-", "cues-"))}


def parse_json(text: str | None, what: str) -> tuple[Any, list[str]]:
    """JSON text to data, or a plain message naming the line and column of the mistake."""
    try:
        return json.loads(text or ""), []
    except json.JSONDecodeError as exc:
        return None, [f"{what}: the JSON is not valid at line {exc.lineno}, column {exc.colno} ({exc.msg})."]

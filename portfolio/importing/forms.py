"""Forms for the import journey: the file, then how its columns were read."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import IntegerField, RadioField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, NumberRange, Optional

from portfolio.importing.plan import ImportPlan
from portfolio.principles import CANONICAL_FIELDS

ACCEPTED = ["xlsx", "xlsm", "xlsb", "xls", "ods", "csv"]
FIELD_LABELS = {
    "ref": "Reference",
    "title": "Project title",
    "description": "Description",
    "strategic_objective": "Strategic objective",
    "benefits": "Benefits",
    "kpis": "KPIs or success measures",
    "owner": "Owner (SRO)",
    "clinical_lead": "Clinical lead",
    "supplier": "Supplier",
    "delivery_approach": "Delivery approach",
    "stage": "Stage or status",
    "budget": "Budget",
    "start_date": "Start date",
    "end_date": "End date",
    "rag": "RAG or delivery confidence",
    "priority": "Priority",
    "trust": "Trust or organisation",
}


class UploadForm(FlaskForm):
    file = FileField(
        "Upload your portfolio workbook",
        validators=[
            FileRequired("Choose the workbook or CSV file to upload"),
            FileAllowed(
                ACCEPTED,
                "The file must be an Excel workbook (.xlsx, .xlsm, .xlsb, .xls), "
                "an OpenDocument spreadsheet (.ods) or a CSV file",
            ),
        ],
        description="Excel (.xlsx, .xlsm, .xlsb, .xls), OpenDocument (.ods) or CSV, as your trust keeps it. "
        "Title rows, notes and several sheets are fine.",
    )


def mapping_form(plan: ImportPlan, formdata: object = None) -> FlaskForm:
    """A form with the sheet, the header row and one choice of field per column of ``plan``."""
    field_choices = [SelectChoice("", "Keep as an extra column")] + [
        SelectChoice(name, FIELD_LABELS[name]) for name in CANONICAL_FIELDS
    ]

    class MappingForm(FlaskForm):
        sheet = RadioField(
            "Which sheet holds the project list?",
            validators=[InputRequired("Choose a sheet")],
            choices=[
                SelectChoice(s.name, f"{s.name} ({s.rows} rows{', hidden' if s.hidden else ''})")
                for s in plan.sheets
            ],
        )
        header_row = IntegerField(
            "Header row",
            validators=[Optional(), NumberRange(min=1, max=1_048_576)],
            description="The row number (as Excel shows it) that holds the column headings.",
        )

    for column in plan.columns:
        setattr(
            MappingForm,
            f"col_{column.index}",
            SelectField(
                column.header or f"Column {column.index + 1}", choices=field_choices, validators=[Optional()]
            ),
        )
    data = {
        "sheet": plan.sheet,
        "header_row": plan.header_row,
        **{f"col_{c.index}": c.field or "" for c in plan.columns},
    }
    return MappingForm(formdata=formdata, data=data) if formdata is not None else MappingForm(data=data)

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired


class ReturnedForm(FlaskForm):
    file = FileField(
        "Upload the review workbook with the board's decisions",
        validators=[
            FileRequired("Choose the review workbook to upload"),
            FileAllowed(
                ["xlsx", "xlsm"], "The file must be the review workbook (.xlsx or .xlsm) downloaded from here"
            ),
        ],
        description="The annotated workbook you downloaded from this service, with decisions, rationales or "
        "comments filled in.",
    )

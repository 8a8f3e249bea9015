from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, Optional

from portfolio.models import Role

ROLE_CHOICES = [SelectChoice(r.value, r.label) for r in Role]


class AddMemberForm(FlaskForm):
    email = EmailField("Email address", validators=[DataRequired("Enter an email address"),
                                                    Email("Enter an email address like name@nhs.net"), Length(max=254)])
    name = StringField("Full name", validators=[Optional(), Length(max=200)])
    role = RadioField("Role", choices=ROLE_CHOICES, validators=[DataRequired("Choose a role")])
    password = PasswordField("Temporary password", validators=[Optional(), Length(max=200)],
                             description="Only for someone new to this service. At least 12 characters: "
                                         "three random words work well. Give it to them in person or by phone.")


class RoleForm(FlaskForm):
    role = RadioField("Role", choices=ROLE_CHOICES, validators=[DataRequired("Choose a role")])


class ActiveForm(FlaskForm):
    """Only the CSRF token: the URL says what to do."""

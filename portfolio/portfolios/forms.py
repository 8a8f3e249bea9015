from flask_wtf import FlaskForm
from wtforms import DecimalField, IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional


class PortfolioForm(FlaskForm):
    name = StringField("Portfolio name", validators=[DataRequired("Enter a name for the portfolio"), Length(max=200)],
                       description="For example, Digital portfolio 2025 to 2026")
    description = TextAreaField("Description (optional)", validators=[Optional(), Length(max=2000)])
    objectives = TextAreaField("Strategic objectives (optional)", validators=[Optional(), Length(max=10000)],
                               description="One per line, as your trust strategy states them. If your workbook has a "
                                           "strategy sheet, they are read from it when you import.")
    in_house_fte = DecimalField("In-house digital delivery staff, full-time equivalent (optional)", places=1,
                                validators=[Optional(), NumberRange(min=0, max=100000)])
    in_house_teams = IntegerField("In-house delivery teams (optional)",
                                  validators=[Optional(), NumberRange(min=0, max=10000)])

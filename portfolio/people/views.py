"""An administrator manages the members of their own organisation."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy.orm import joinedload
from werkzeug.wrappers import Response

from portfolio.access import current_org, get_in_org_or_404, in_org
from portfolio.auth.decorators import role_required
from portfolio.extensions import db
from portfolio.models import Membership, Role
from portfolio.people.forms import ActiveForm, AddMemberForm, RoleForm
from portfolio.people.service import MembershipRefused, add_member, change_role, set_active

bp = Blueprint("people", __name__, url_prefix="/people")


@bp.get("/")
@role_required(Role.ADMIN)
def index() -> str:
    members = db.session.scalars(in_org(Membership).options(joinedload(Membership.user)).order_by(Membership.id)).all()
    return render_template("people/index.html", members=members, active_form=ActiveForm())


@bp.route("/add", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def add() -> Response | str:
    form = AddMemberForm()
    if form.validate_on_submit():
        try:
            add_member(current_org(), form.email.data or "", form.name.data or "", Role(form.role.data),
                       form.password.data, current_user.user)
        except MembershipRefused as refused:
            form.email.errors = [str(refused)]
        else:
            db.session.commit()
            flash(f"{form.email.data} can now sign in to {current_org().name}.", "success")
            return redirect(url_for("people.index"))
    return render_template("people/add.html", form=form)


@bp.route("/<int:membership_id>/role", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit_role(membership_id: int) -> Response | str:
    membership = get_in_org_or_404(Membership, membership_id)
    form = RoleForm(role=membership.role)
    if form.validate_on_submit():
        try:
            change_role(membership, Role(form.role.data), current_user.user)
        except MembershipRefused as refused:
            form.role.errors = [str(refused)]
        else:
            db.session.commit()
            flash(f"{membership.user.email} is now {Role(membership.role).label}.", "success")
            return redirect(url_for("people.index"))
    return render_template("people/role.html", form=form, membership=membership)


@bp.post("/<int:membership_id>/<any(activate, deactivate):change>")
@role_required(Role.ADMIN)
def set_active_view(membership_id: int, change: str) -> Response:
    membership = get_in_org_or_404(Membership, membership_id)
    if ActiveForm().validate_on_submit():
        try:
            set_active(membership, change == "activate", current_user.user)
        except MembershipRefused as refused:
            flash(str(refused), "error")
        else:
            db.session.commit()
            now = "can sign in again" if membership.active else "can no longer sign in here"
            flash(f"{membership.user.email} {now}.", "success")
    return redirect(url_for("people.index"))

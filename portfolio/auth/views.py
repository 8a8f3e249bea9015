"""Sign in, sign out and choosing the organisation to work in."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response

from portfolio.auth.decorators import member_required
from portfolio.auth.forms import SignInForm
from portfolio.auth.service import SignInRefused, authenticate, end_session, start_session
from portfolio.extensions import db

bp = Blueprint("auth", __name__)


def safe_next(target: str | None) -> str:
    """Only a path on this site: '/x' but never '//host', '/\\host' or anything with a scheme or host."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return url_for("portfolios.index")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or any(ch in target for ch in "\\\t\r\n"):
        return url_for("portfolios.index")
    return target


@bp.route("/sign-in", methods=["GET", "POST"])
def login() -> Response | str | tuple[str, int]:
    if current_user.is_authenticated:
        return redirect(url_for("portfolios.index"))
    form = SignInForm()
    if form.validate_on_submit():
        try:
            user = authenticate(form.email.data or "", form.password.data or "", request.remote_addr or "unknown",
                                max_failures=current_app.config["LOGIN_MAX_FAILURES"],
                                window_seconds=current_app.config["LOGIN_WINDOW_SECONDS"])
        except SignInRefused as refused:
            db.session.commit()  # keep the failure record: it is what throttles the next attempt
            form.password.errors = [str(refused)]
            return render_template("auth/sign_in.html", form=form), 401
        session.clear()  # a new session on sign-in: nothing from before carries over
        login_user(start_session(user))
        db.session.commit()
        return redirect(safe_next(request.args.get("next")))
    return render_template("auth/sign_in.html", form=form)


@bp.post("/sign-out")
def logout() -> Response:
    if current_user.is_authenticated:
        end_session(current_user._get_current_object())
        db.session.commit()
    logout_user()
    session.clear()
    flash("You have signed out.", "success")
    return redirect(url_for("auth.login"))


@bp.post("/organisation")
@member_required
def switch_organisation() -> Response:
    wanted = request.form.get("organisation_id", type=int)
    chosen = next((m for m in g.memberships if m.organisation_id == wanted), None)
    if chosen is None:
        flash("You are not a member of that organisation.", "error")
    else:
        session["org_id"] = chosen.organisation_id
        flash(f"You are now working in {chosen.organisation.name}.", "success")
    return redirect(url_for("portfolios.index"))

"""Signing in and out, with throttling counted in the database so it holds across every server process."""

from __future__ import annotations

import secrets
from datetime import timedelta

from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from portfolio import audit
from portfolio.extensions import db
from portfolio.models import LoginFailure, LoginSession, Membership, User
from portfolio.models.columns import utcnow

# Checked against when the email is unknown, so that a wrong email costs as long as a wrong password.
_DUMMY_HASH = generate_password_hash("not-a-real-password-" + secrets.token_hex(8))


class SignInRefused(Exception):
    """Sign-in failed; the message is the same whether or not the email exists."""


THROTTLED = "Too many failed attempts to sign in. Wait 15 minutes, then try again."
WRONG = "Enter a correct email address and password."


def authenticate(email: str, password: str, address: str, *, max_failures: int, window_seconds: int) -> User:
    """Return the active user with this email and password, or raise SignInRefused.

    Failures are recorded (flushed, committed by the caller). A locked-out email or address is refused
    before the password is checked, with the same message for known and unknown emails.
    """
    email = email.strip().lower()
    since = utcnow() - timedelta(seconds=window_seconds)
    by_email = db.session.scalar(
        select(func.count()).select_from(LoginFailure).where(LoginFailure.email == email, LoginFailure.at >= since)
    )
    by_address = db.session.scalar(
        select(func.count()).select_from(LoginFailure).where(LoginFailure.address == address, LoginFailure.at >= since)
    )
    if (by_email or 0) >= max_failures or (by_address or 0) >= max_failures * 4:
        raise SignInRefused(THROTTLED)
    user = db.session.scalar(select(User).where(User.email == email))
    valid = check_password_hash(user.password_hash if user else _DUMMY_HASH, password)
    if not (user and valid and user.active and _has_active_membership(user)):
        db.session.add(LoginFailure(email=email, address=address[:64]))
        audit.record("sign_in_failed", user=None, organisation_id=None, summary=f"Failed sign-in for {email[:200]}")
        db.session.flush()
        raise SignInRefused(WRONG)
    return user


def _has_active_membership(user: User) -> bool:
    return db.session.scalar(
        select(func.count()).select_from(Membership).where(Membership.user_id == user.id, Membership.active.is_(True))
    ) > 0


def start_session(user: User) -> LoginSession:
    login = LoginSession(id=secrets.token_urlsafe(32), user_id=user.id)
    db.session.add(login)
    user.last_login_at = utcnow()
    audit.record("sign_in", user=user, organisation_id=None, summary="Signed in")
    db.session.flush()
    return login


def end_session(login: LoginSession) -> None:
    login.ended_at = utcnow()
    audit.record("sign_out", user=login.user, organisation_id=None, summary="Signed out")


def create_user(email: str, name: str, password: str) -> User:
    user = User(email=email.strip().lower(), name=name.strip(), password_hash=generate_password_hash(password))
    db.session.add(user)
    db.session.flush()
    return user

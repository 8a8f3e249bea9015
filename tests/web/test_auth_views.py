"""Signing in and out: sessions, throttling, enumeration, redirects, CSRF, deactivation."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from portfolio.extensions import db
from portfolio.models import AuditEvent, LoginFailure, LoginSession, Membership, User
from tests.conftest import csrf_token


def test_login_valid_password_shows_dashboard_and_records_session(client, auth):
    response = auth.login("pmo")
    assert response.status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert "Portfolios" in page and "Trust A" in page
    session = db.session.scalar(select(LoginSession))
    assert session.user.email == "pmo@a.example" and session.ended_at is None
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "sign_in")) is not None


@pytest.mark.parametrize("email", ["pmo@a.example", "nobody@a.example"])
def test_login_wrong_password_same_message_whether_or_not_user_exists(client, auth, email):
    client.get("/sign-in")
    response = client.post("/sign-in", data={"email": email, "password": "wrong-password-x",
                                             "csrf_token": csrf_token(client, "/sign-in")})
    assert response.status_code == 401
    assert "Enter a correct email address and password" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(LoginFailure)) == 1


def test_login_after_five_failures_is_throttled_even_with_right_password(client, auth):
    for _ in range(5):
        client.post("/sign-in", data={"email": "pmo@a.example", "password": "nope-nope-nope",
                                      "csrf_token": csrf_token(client, "/sign-in")})
    response = auth.login("pmo")
    assert response.status_code == 401
    assert "Too many failed attempts" in response.get_data(as_text=True)
    assert db.session.scalar(select(LoginSession)) is None


def test_login_without_csrf_token_is_refused(client, auth):
    response = client.post("/sign-in", data={"email": "pmo@a.example", "password": "correct-horse-battery"})
    assert response.status_code == 400
    assert db.session.scalar(select(LoginSession)) is None


def test_login_gives_a_new_session_cookie(client, auth):
    client.get("/sign-in")
    before = client.get_cookie("session").value
    auth.login("pmo")
    assert client.get_cookie("session").value != before


def test_logout_ends_the_session_on_the_server(client, auth):
    auth.login("pmo")
    stolen = client.get_cookie("session").value
    auth.logout()
    assert db.session.scalar(select(LoginSession)).ended_at is not None
    client.set_cookie("session", stolen)
    assert client.get("/").status_code == 302  # the replayed cookie no longer signs anyone in


def test_logout_without_csrf_token_is_refused(client, auth):
    auth.login("pmo")
    assert client.post("/sign-out").status_code == 400
    assert db.session.scalar(select(LoginSession)).ended_at is None


def test_deactivated_member_is_locked_out_at_once(client, auth):
    auth.login("viewer")
    assert client.get("/").status_code == 200
    user = db.session.scalar(select(User).where(User.email == "viewer@a.example"))
    db.session.execute(Membership.__table__.update().where(Membership.user_id == user.id).values(active=False))
    db.session.commit()
    assert client.get("/").status_code == 403
    auth.logout()
    assert auth.login("viewer").status_code == 401


def test_tampered_session_cookie_is_treated_as_anonymous(client, auth):
    auth.login("pmo")
    client.set_cookie("session", client.get_cookie("session").value[:-4] + "AAAA")
    response = client.get("/")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


@pytest.mark.parametrize("target", ["https://evil.example", "//evil.example", "/\\evil.example",
                                    "\t//evil.example", "javascript:alert(1)", "http:evil.example"])
def test_login_next_to_another_site_goes_to_dashboard(client, auth, target):
    client.get("/sign-in")
    response = client.post(f"/sign-in?next={target}", data={
        "email": "pmo@a.example", "password": "correct-horse-battery", "csrf_token": csrf_token(client, "/sign-in")})
    assert response.headers["Location"] == "/"


def test_login_next_to_own_page_is_followed(client, auth):
    client.get("/sign-in")
    response = client.post("/sign-in?next=/people/", data={
        "email": "pmo@a.example", "password": "correct-horse-battery", "csrf_token": csrf_token(client, "/sign-in")})
    assert response.headers["Location"] == "/people/"


def test_cookies_are_httponly_and_samesite_lax(client, auth):
    auth.login("pmo")
    cookie = client.get_cookie("session")
    assert cookie.http_only and cookie.same_site == "Lax"


def test_security_headers_on_every_page(client):
    response = client.get("/sign-in")
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_passwords_are_stored_as_scrypt_hashes(app, org):
    from portfolio.models import Role
    from portfolio.people.service import add_member

    add_member(org, "new@a.example", "New Person", Role.VIEWER, "three-random-words-here", actor=None)
    user = db.session.scalar(select(User).where(User.email == "new@a.example"))
    assert user.password_hash.startswith("scrypt:32768:8:1$")

"""An administrator manages the members of their own organisation only."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from portfolio.extensions import db
from portfolio.models import AuditEvent, Membership, Organisation, User
from tests.conftest import csrf_token


def _membership(email: str, org_name: str = "Trust A") -> Membership:
    return db.session.scalar(select(Membership).join(User).join(Organisation).where(
        User.email == email, Organisation.name == org_name))


def test_admin_adds_new_person_who_can_then_sign_in(client, auth):
    auth.login("admin")
    response = client.post("/people/add", data={
        "email": "New.Person@a.example", "name": "New Person", "role": "board",
        "password": "river-stone-lamp-9", "csrf_token": csrf_token(client)})
    assert response.status_code == 302
    member = _membership("new.person@a.example")
    assert member.role == "board" and member.active
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "member_added")).after["role"] == "board"
    auth.logout()
    client.get("/sign-in")
    response = client.post("/sign-in", data={"email": "new.person@a.example", "password": "river-stone-lamp-9",
                                             "csrf_token": csrf_token(client, "/sign-in")})
    assert response.status_code == 302


@pytest.mark.parametrize(("password", "message"), [
    ("short", "at least 12 characters"),
    ("aaaaaaaaaaaaaaaa", "too easy to guess"),
    ("newcomer-secret-99", "must not contain your email name"),
])
def test_admin_adds_person_with_weak_password_is_refused(client, auth, password, message):
    auth.login("admin")
    response = client.post("/people/add", data={
        "email": "newcomer@a.example", "name": "N", "role": "viewer", "password": password,
        "csrf_token": csrf_token(client)})
    assert response.status_code == 200 and message in response.get_data(as_text=True)
    assert db.session.scalar(select(User).where(User.email == "newcomer@a.example")) is None


def test_admin_adds_member_of_other_org_without_touching_their_password(client, auth):
    auth.login("admin")
    client.post("/people/add", data={"email": "pmo@b.example", "role": "viewer", "csrf_token": csrf_token(client)})
    assert _membership("pmo@b.example", "Trust A").role == "viewer"
    assert _membership("pmo@b.example", "Trust B").role == "pmo"


def test_admin_changes_role_and_it_is_audited(client, auth):
    auth.login("admin")
    target = _membership("viewer@a.example")
    response = client.post(f"/people/{target.id}/role", data={"role": "board", "csrf_token": csrf_token(client)})
    assert response.status_code == 302
    assert _membership("viewer@a.example").role == "board"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "role_changed"))
    assert (event.before, event.after) == ({"role": "viewer"}, {"role": "board"})


def test_admin_deactivates_then_reactivates_member(client, auth):
    auth.login("admin")
    target = _membership("pmo@a.example")
    client.post(f"/people/{target.id}/deactivate", data={"csrf_token": csrf_token(client)})
    assert _membership("pmo@a.example").active is False
    client.post(f"/people/{target.id}/activate", data={"csrf_token": csrf_token(client)})
    assert _membership("pmo@a.example").active is True


def test_admin_cannot_deactivate_themselves(client, auth):
    auth.login("admin")
    me = _membership("admin@a.example")
    response = client.post(f"/people/{me.id}/deactivate", data={"csrf_token": csrf_token(client)},
                           follow_redirects=True)
    assert "You cannot deactivate yourself" in response.get_data(as_text=True)
    assert _membership("admin@a.example").active is True


def test_admin_cannot_change_member_of_other_org(client, auth):
    auth.login("admin")
    other = _membership("viewer@b.example", "Trust B")
    assert client.post(f"/people/{other.id}/role", data={"role": "admin", "csrf_token": csrf_token(client)}
                       ).status_code == 404
    assert client.post(f"/people/{other.id}/deactivate", data={"csrf_token": csrf_token(client)}).status_code == 404
    assert _membership("viewer@b.example", "Trust B").role == "viewer"
    assert _membership("viewer@b.example", "Trust B").active is True


def test_people_page_lists_only_own_organisation(client, auth):
    auth.login("admin")
    page = client.get("/people/").get_data(as_text=True)
    assert "viewer@a.example" in page and "viewer@b.example" not in page


@pytest.mark.parametrize("role", ["pmo", "board", "viewer"])
def test_people_pages_refuse_non_admins(client, auth, role):
    auth.login(role)
    assert client.get("/people/").status_code == 403
    response = client.post("/people/add", data={"email": "x@a.example", "role": "admin", "password": "x" * 20,
                                                "csrf_token": csrf_token(client)})
    assert response.status_code == 403
    assert db.session.scalar(select(User).where(User.email == "x@a.example")) is None

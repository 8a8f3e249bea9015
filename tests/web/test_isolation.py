"""Tenant isolation, generated from the URL map: every route with an id, for every role of Trust A, tried
with the ids of Trust B's objects, by GET and by POST with a valid CSRF token. Never data, never a change."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import func, select
from werkzeug.routing import AnyConverter

from portfolio.extensions import db
from portfolio.models import AuditEvent, Membership, Organisation, User
from tests.conftest import csrf_token
from tests.isolation_targets import CANARY, make_tenant_b_objects

ROLES = ["pmo", "board", "admin", "viewer"]


def _urls(app: Flask, ids: dict[str, int]) -> list[str]:
    """Every URL of every route that takes arguments, filled with Trust B's ids (each option of an ``any``)."""
    adapter = app.url_map.bind("localhost")
    urls = []
    for rule in app.url_map.iter_rules():
        if not rule.arguments or rule.endpoint == "static":
            continue
        choices: list[dict[str, object]] = [{}]
        for name in sorted(rule.arguments):
            converter = rule._converters[name]
            if isinstance(converter, AnyConverter):
                choices = [{**c, name: item} for c in choices for item in sorted(converter.items)]
            else:
                missing = f"{rule.endpoint}: no Trust B object for {name}; add one to tests/isolation_targets.py"
                assert name in ids, missing
                choices = [{**c, name: ids[name]} for c in choices]
        urls += [adapter.build(rule.endpoint, values) for values in choices]
    return sorted(set(urls))


def _state() -> tuple[int, ...]:
    """Counts that any change to Trust B would alter."""
    from tests.isolation_targets import counted_models

    return tuple(db.session.scalar(select(func.count()).select_from(m)) for m in counted_models())


@pytest.mark.parametrize("role", ROLES)
def test_every_id_route_with_other_orgs_ids_gives_404_or_403(app, client, auth, org, role):
    ids = make_tenant_b_objects()
    urls = _urls(app, ids)
    assert urls, "the URL map has no routes with ids"
    auth.login(role)
    token = csrf_token(client)
    before = _state()
    for url in urls:
        for method in ("GET", "POST"):
            response = client.open(url, method=method, data={"csrf_token": token} if method == "POST" else None)
            assert response.status_code in (403, 404, 405), f"{role} {method} {url}: {response.status_code}"
            assert CANARY not in response.get_data(as_text=True), f"{role} {method} {url} leaked data"
    assert _state() == before


def test_cross_org_attempts_change_no_membership(app, client, auth, org):
    make_tenant_b_objects()
    auth.login("admin")
    other = db.session.scalar(select(Membership).join(User).join(Organisation).where(
        Organisation.name == "Trust B", User.email == "admin@b.example"))
    client.post(f"/people/{other.id}/deactivate", data={"csrf_token": csrf_token(client)})
    assert db.session.get(Membership, other.id).active is True
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "member_deactivated")) is None

"""Guards every route must have: CSRF on every POST, a role decorator on every view, sign-in required."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import func, select
from werkzeug.routing import AnyConverter

from portfolio.extensions import db
from portfolio.models import AuditEvent, Portfolio
from tests.isolation_targets import make_tenant_b_objects

PUBLIC = {"static", "auth.login", "auth.logout"}


def _own_urls(app: Flask, ids: dict[str, int], method: str) -> list[str]:
    adapter = app.url_map.bind("localhost")
    urls = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or method not in (rule.methods or ()):
            continue
        values: dict[str, object] = {}
        for name in rule.arguments:
            converter = rule._converters[name]
            values[name] = sorted(converter.items)[0] if isinstance(converter, AnyConverter) else ids[name]
        urls.append(adapter.build(rule.endpoint, values))
    return urls


def _own_ids(org) -> dict[str, int]:
    return make_tenant_b_objects(org.name)


def test_every_post_route_without_csrf_token_is_refused_and_changes_nothing(app, client, auth, org):
    ids = _own_ids(org)
    auth.login("admin")
    audit_before = db.session.scalar(select(func.count()).select_from(AuditEvent))
    for url in _own_urls(app, ids, "POST"):
        response = client.post(url, data={"name": "changed", "role": "viewer"})
        assert response.status_code == 400, url
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)) == audit_before
    assert db.session.scalar(select(Portfolio.name)) == "TRUST_B_CANARY portfolio"


def test_every_view_declares_who_may_use_it(app):
    unguarded = [endpoint for endpoint, view in app.view_functions.items()
                 if endpoint not in PUBLIC and not hasattr(view, "allowed_roles")]
    assert unguarded == []


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_every_private_route_sends_anonymous_users_to_sign_in(app, client, org, method):
    ids = _own_ids(org)
    for url in _own_urls(app, ids, method):
        endpoint = app.url_map.bind("localhost").match(url, method=method)[0]
        if endpoint in PUBLIC:
            continue
        response = client.open(url, method=method)
        assert response.status_code in (302, 400), url  # 400: CSRF is checked before sign-in on POST
        if response.status_code == 302:
            assert response.headers["Location"].startswith("/sign-in"), url


ROLE_TABLE = [
    ("/people/", {"admin"}),
    ("/portfolios/new", {"pmo", "admin"}),
    ("/", {"pmo", "board", "admin", "viewer"}),
]


@pytest.mark.parametrize(("url", "allowed"), ROLE_TABLE)
@pytest.mark.parametrize("role", ["pmo", "board", "admin", "viewer"])
def test_role_table(client, auth, url, allowed, role):
    auth.login(role)
    assert client.get(url).status_code == (200 if role in allowed else 403)

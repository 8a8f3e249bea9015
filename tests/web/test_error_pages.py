"""Errors get a page in the service's style, never a traceback; the app refuses to run without a key."""

from __future__ import annotations

import pytest

from portfolio import create_app
from portfolio.config import Config


def test_unknown_page_is_friendly_404(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404 and "Page not found" in response.get_data(as_text=True)


def test_unexpected_error_shows_generic_page_without_traceback(app, client):
    app.config["PROPAGATE_UNEXPECTED"] = False
    app.add_url_rule("/boom", "boom", lambda: 1 / 0)
    response = client.get("/boom")
    page = response.get_data(as_text=True)
    assert response.status_code == 500 and "Sorry, there is a problem" in page
    assert "Traceback" not in page and "ZeroDivisionError" not in page


def test_oversized_body_gets_413_page_naming_the_limit(app, client):
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    response = client.post("/sign-in", data=b"x" * (1024 * 1024 + 1), content_type="application/octet-stream")
    assert response.status_code == 413 and "smaller than 1 MB" in response.get_data(as_text=True)


def test_production_without_secret_key_refuses_to_start(monkeypatch):
    class Production(Config):
        SECRET_KEY = None
        SQLALCHEMY_DATABASE_URI = "sqlite://"

    with pytest.raises(RuntimeError, match="SECRET_KEY must be set"):
        create_app(Production)

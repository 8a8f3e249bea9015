"""Fixtures shared by the web and browser tests: app, client, runner, a seeded organisation, login(role)."""

from __future__ import annotations

import contextvars
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask, has_app_context
from flask.testing import FlaskClient, FlaskCliRunner
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from sqlalchemy import create_engine, text

from portfolio import create_app
from portfolio.build import stale_builds
from portfolio.config import TestConfig
from portfolio.extensions import db
from tests.factories import make_member, make_org

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    """Refuse to test a stale compiled module: Python would load the old build, not the edited source."""
    stale = stale_builds()
    if stale:
        names = ", ".join(f"portfolio/{name}.py" for name in stale)
        pytest.exit(f"{names} changed after it was compiled: run `make install` to rebuild", returncode=4)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str | None]:
    """TEST_DATABASE_URL with a fresh schema for this run, or None to use SQLite."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    yield url


def _empty_postgres() -> None:
    """Empty every table (far faster than rebuilding the schema for each test)."""
    names = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
    with db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates shared by every test's app: compiling the NHS.UK macros anew per test is slow."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._store:
            bucket.bytecode_from_string(self._store[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


_TEMPLATE_CACHE = _MemoryBytecodeCache()


class IsolatedClient(FlaskClient):
    """A test client whose requests run as in production: each in a fresh app context and database session.

    The test keeps its own app context (so it can query the database); before each request its open
    transaction is ended, so the request sees what was committed and is never blocked by the test's lock.
    """

    def open(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if not has_app_context():  # a redirect followed inside the request's own fresh context
            return super().open(*args, **kwargs)
        db.session.rollback()
        return contextvars.Context().run(super().open, *args, **kwargs)


@pytest.fixture
def app(tmp_path: Path, postgres_url: str | None) -> Iterator[Flask]:
    """A fresh app and empty database per test: a SQLite file, or TEST_DATABASE_URL (PostgreSQL) when set."""
    url = postgres_url or f"sqlite:///{tmp_path / 'test.db'}"
    app = create_app({**{k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()},
                      "SQLALCHEMY_DATABASE_URI": url})
    app.instance_path = str(tmp_path / "instance")
    app.test_client_class = IsolatedClient
    app.jinja_env.bytecode_cache = _TEMPLATE_CACHE
    with app.app_context():
        db.create_all()  # tests/web/test_migrations.py checks the migrations build this same schema
        if postgres_url:
            _empty_postgres()
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


@pytest.fixture
def org(app: Flask):
    """Two organisations in one system, each with one member per role (password: 'correct-horse-battery')."""
    trust = make_org("Trust A")
    other = make_org("Trust B")
    for role in ("pmo", "board", "admin", "viewer"):
        make_member(trust, f"{role}@a.example", role)
        make_member(other, f"{role}@b.example", role)
    db.session.commit()
    return trust


class AuthActions:
    def __init__(self, client: FlaskClient) -> None:
        self._client = client

    def login(self, role: str = "pmo", org_letter: str = "a", password: str = "correct-horse-battery"):
        """Sign in as ``role`` of Trust A (or B) through the real form, CSRF token included."""
        self._client.get("/sign-in")
        token = csrf_token(self._client)
        return self._client.post("/sign-in", data={"email": f"{role}@{org_letter}.example", "password": password,
                                                   "csrf_token": token})

    def logout(self):
        return self._client.post("/sign-out", data={"csrf_token": csrf_token(self._client)})


def csrf_token(client: FlaskClient, path: str = "/") -> str:
    """The CSRF token of the client's session, read from a page's form as a browser would."""
    page = client.get(path, follow_redirects=True).get_data(as_text=True)
    found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert found, "no CSRF token on the page"
    return found.group(1)


@pytest.fixture
def auth(client: FlaskClient, org) -> AuthActions:
    return AuthActions(client)

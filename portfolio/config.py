"""Configuration classes, read from the environment. ``create_app`` takes one of these (or a mapping)."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

import orjson


def _json_dumps(value: object) -> str:
    # orjson: every version's assessment (evidence with offsets) is stored as JSON; the standard library's encoder
    # was the largest single cost of storing a 20,000-project import.
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


def _int_env(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


class Config:
    """Settings shared by every environment. Values come from environment variables where set."""

    SECRET_KEY: str | None = os.environ.get("SECRET_KEY")
    SQLALCHEMY_DATABASE_URI: str | None = os.environ.get("DATABASE_URL")
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True, "json_serializer": _json_dumps,
                                       "json_deserializer": orjson.loads}
    MAX_CONTENT_LENGTH: int = _int_env("MAX_UPLOAD_MB", 10) * 1024 * 1024
    MAX_FORM_MEMORY_SIZE: int = 500_000
    MAX_FORM_PARTS: int = 1_000
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = os.environ.get("SESSION_COOKIE_SECURE", "1") != "0"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    PERMANENT_SESSION_LIFETIME = _int_env("SESSION_HOURS", 8) * 3600
    WTF_CSRF_TIME_LIMIT = 8 * 3600
    # Login throttling: this many failures for one email (or one address) within the window locks it out.
    LOGIN_MAX_FAILURES = _int_env("LOGIN_MAX_FAILURES", 5)
    LOGIN_WINDOW_SECONDS = _int_env("LOGIN_WINDOW_SECONDS", 900)
    HSTS = os.environ.get("HSTS", "1") != "0"
    PREFERRED_URL_SCHEME = "https"
    PAGE_SIZE = 50
    # Where the app is served, for links written into exports made from the command line.
    BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:5000")
    # Parse uploads in a child process with memory and time caps, so a hostile file cannot take down a worker.
    PARSE_IN_CHILD = os.environ.get("PARSE_IN_CHILD", "1") != "0"


class DevelopmentConfig(Config):
    """`make run`: cookies over plain http on localhost, a development key kept in the instance folder."""

    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_SECURE = False
    HSTS = False
    PREFERRED_URL_SCHEME = "http"


class TestConfig(DevelopmentConfig):
    TESTING = True
    SECRET_KEY = "test-" + "k" * 40
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL") or "sqlite://"
    LOGIN_MAX_FAILURES = 5
    PROPAGATE_UNEXPECTED = True
    PARSE_IN_CHILD = False  # tests/web/test_import_views.py turns it on where the child is what is tested


def development_secret_key(instance_path: str) -> str:
    """Return the development key kept in the instance folder, creating it (0600) the first time.

    The key is written to a side file and renamed into place, so a write cut short (a full disk) never leaves
    an empty key behind. Raises RuntimeError, naming the folder and what to do, when the key cannot be read or
    written (a read-only folder, a full disk): a raw OSError at start-up says neither.
    """
    path = Path(instance_path) / "secret_key"
    partial = path.with_name("secret_key.new")
    try:
        key = path.read_text().strip() if path.exists() else ""
        if key:
            return key
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_hex(32)
        with os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as out:
            out.write(key)
        os.replace(partial, path)
        return key
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise RuntimeError(
            f"The instance folder {instance_path} cannot hold the development secret key "
            f"({exc.strerror or exc}): make the folder writable and check the disk has space, "
            "or set SECRET_KEY in the environment."
        ) from exc


def config_for_environment() -> type[Config]:
    """``PORTFOLIO_ENV=production`` selects Config (SECRET_KEY required); anything else the development config."""
    return Config if os.environ.get("PORTFOLIO_ENV", "development") == "production" else DevelopmentConfig

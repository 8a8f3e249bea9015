"""Error pages in the NHS.UK style: no traceback ever reaches a user."""

from __future__ import annotations

import contextlib
import logging

from flask import Flask, g, render_template
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DataError, OperationalError, SQLAlchemyError, StatementError
from werkzeug.exceptions import HTTPException, InternalServerError

from portfolio.extensions import db, login_manager

log = logging.getLogger(__name__)

MESSAGES = {
    400: ("Something was wrong with that request", "Go back, reload the page and try again."),
    403: ("You do not have permission to do that", "Ask an administrator of your organisation if you need access."),
    404: ("Page not found", "Check the address, or go back to your portfolios."),
    405: ("That action is not allowed here", "Go back and use the buttons on the page."),
    409: ("Someone else changed this first", "Reload the page to see the latest version, then try again."),
    413: ("The file is too large", "Upload a smaller file."),
    422: ("We could not use that file", "Check the file and try again."),
    429: ("Too many attempts", "Wait a few minutes and try again."),
    500: ("Sorry, there is a problem with the service", "Try again later. Nothing you entered was saved."),
    503: ("The service is temporarily unavailable", "The database cannot be reached. Try again in a few minutes."),
}


def register_error_pages(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(error: CSRFError):  # type: ignore[no-untyped-def]
        return _page(400, "Your form expired or was not sent from this site. Go back, reload the page and try again.")

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException):  # type: ignore[no-untyped-def]
        code = error.code or 500
        detail = None
        if code == 413:
            limit_mb = (app.config.get("MAX_CONTENT_LENGTH") or 0) // (1024 * 1024)
            detail = f"The file must be smaller than {limit_mb} MB. Remove unused sheets or images and try again."
        return _page(code, detail)

    @app.errorhandler(OperationalError)
    def _database_down(error: OperationalError):  # type: ignore[no-untyped-def]
        log.error("database error: %s", error)
        with contextlib.suppress(SQLAlchemyError):  # the connection may be gone: nothing left to roll back
            db.session.rollback()
        # Render signed out and outside any organisation: the page must not ask the database again (who is
        # signed in, their memberships) or the 503 turns into a bare 500 raised from the error handler.
        g._login_user = login_manager.anonymous_user()
        g.membership, g.memberships = None, []
        return _page(503)

    @app.errorhandler(DataError)
    @app.errorhandler(OverflowError)
    def _unusable_value(error: Exception):  # type: ignore[no-untyped-def]
        # A value from the request the database cannot hold: a number past its integers (SQLite raises
        # OverflowError, PostgreSQL DataError "out of range"), text too long for a column: the request's
        # fault, not the service's.
        log.warning("request value the database cannot hold: %s", error)
        db.session.rollback()
        return _page(400)

    @app.errorhandler(StatementError)
    def _statement(error: StatementError):  # type: ignore[no-untyped-def]
        if isinstance(error.orig, OverflowError):  # SQLAlchemy wraps the driver's OverflowError
            return _unusable_value(error)
        return _unexpected(error)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):  # type: ignore[no-untyped-def]
        if isinstance(error, HTTPException):
            return _http(error)
        if app.config.get("PROPAGATE_UNEXPECTED"):  # tests: show the real failure, not the friendly page
            raise error
        log.exception("unhandled error")
        db.session.rollback()
        return _page(InternalServerError.code)


def _page(code: int, detail: str | None = None) -> tuple[str, int]:
    title, hint = MESSAGES.get(code, MESSAGES[500])
    return render_template("errors/error.html", code=code, title=title, hint=detail or hint), code

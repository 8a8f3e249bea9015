"""Who is asking, for which organisation: the one scoping mechanism every view uses for tenant data.

Every table holding an organisation's data has an ``organisation_id`` column. Views fetch rows with
``get_in_org_or_404`` or build queries from ``in_org``; both take the organisation from the signed-in user's
current membership, never from the request, so an id from another organisation is a 404.
"""

from __future__ import annotations

from typing import Any, TypeVar

from flask import Flask, abort, g, session
from flask_login import current_user
from sqlalchemy import Engine, Select, event, select
from sqlalchemy.orm import joinedload

from portfolio.extensions import db, login_manager
from portfolio.models import LoginSession, Membership, Organisation

T = TypeVar("T")


@login_manager.user_loader
def load_login_session(session_id: str) -> LoginSession | None:
    """The cookie carries a LoginSession id; it counts only while that session is open and the user active."""
    found = db.session.scalar(
        select(LoginSession).options(joinedload(LoginSession.user)).where(LoginSession.id == session_id)
    )
    if found is None or found.ended_at is not None or not found.user.active:
        return None
    return found


def register_request_context(app: Flask) -> None:
    app.before_request(load_membership)
    app.context_processor(lambda: {"membership": g.get("membership"), "memberships": g.get("memberships", [])})


def load_membership() -> None:
    """Put the user's active memberships and the current one on ``g`` (current: the one chosen in the session)."""
    g.membership = None
    g.memberships = []
    if not current_user.is_authenticated:
        return
    rows = db.session.scalars(
        select(Membership)
        .options(joinedload(Membership.organisation))
        .where(Membership.user_id == current_user.user_id, Membership.active.is_(True))
        .order_by(Membership.id)
    ).all()
    g.memberships = list(rows)
    wanted = session.get("org_id")
    g.membership = next((m for m in rows if m.organisation_id == wanted), rows[0] if rows else None)


def current_org() -> Organisation:
    """The organisation the user is working in; 403 for a signed-in user with no active membership."""
    membership: Membership | None = g.get("membership")
    if membership is None:
        abort(403)
    return membership.organisation


def in_org(model: type[T]) -> Select[tuple[T]]:
    """``select(model)`` limited to the current organisation."""
    return select(model).where(model.organisation_id == current_org().id)  # type: ignore[attr-defined]


def get_in_org_or_404(model: type[T], ident: Any) -> T:
    """The row of ``model`` with this id in the current organisation, else 404 (never 403: no probing)."""
    try:
        key = int(ident)
    except (TypeError, ValueError):
        abort(404)
    row = db.session.scalar(in_org(model).where(model.id == key))  # type: ignore[attr-defined]
    if row is None:
        abort(404)
    return row


def configure_engine(engine: Engine) -> None:
    """SQLite: WAL, a busy timeout and enforced foreign keys on every connection; writes take the lock at BEGIN."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy's "begin" event issue BEGIN itself
        cursor = dbapi_connection.cursor()
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # BEGIN IMMEDIATE: a read-then-write transaction would otherwise fail at once with "database is locked".
        conn.exec_driver_sql("BEGIN IMMEDIATE")

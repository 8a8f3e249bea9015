"""Two reviewers change the same decision at once: exactly one wins, the other gets the conflict, nothing is
overwritten silently. Real concurrent connections: two threads, each with its own app context and session.

On PostgreSQL both threads read lock_version 1 and both pass the form check before either writes, so the loser
is caught by version_id_col (UPDATE ... WHERE lock_version = 1 matches no row: StaleDataError). On SQLite
every
write transaction starts with BEGIN IMMEDIATE, so the second reader waits for the first writer and then sees
version 2: the form check catches it. Both must end with one decision stored and one ReviewConflict.
"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from portfolio.extensions import db
from portfolio.models import AuditEvent, Decision, Project, ReviewState, User
from portfolio.review import service
from tests.factories import make_imported_portfolio, make_member


@pytest.fixture
def reviewed(app, org):
    """A project already endorsed once (ReviewState at lock_version 1) and two board members."""
    make_imported_portfolio(org, 2)
    make_member(org, "board2@a.example", "board")
    db.session.commit()
    project = db.session.scalar(select(Project).order_by(Project.id))
    board = db.session.scalar(select(User).where(User.email == "board@a.example"))
    service.record_decision(project, None, "endorse", "First look", 0, board, "board")
    db.session.commit()
    assert db.session.scalar(select(ReviewState.lock_version)) == 1
    return project.id


def _race(app, project_id: int, monkeypatch) -> list[object]:
    """Both reviewers submit a form drawn at lock_version 1; return what each got (a Decision id or the
    error)."""
    both_checked = threading.Barrier(2, timeout=10)
    postgres = db.engine.dialect.name == "postgresql"
    real_apply = service.apply_move

    def apply_then_wait(*args, **kwargs):  # type: ignore[no-untyped-def]
        target = real_apply(*args, **kwargs)
        if postgres:  # both have read version 1 and passed the check; now both write
            both_checked.wait()
        return target

    monkeypatch.setattr(service, "apply_move", apply_then_wait)
    start = threading.Barrier(2, timeout=10)
    results: list[object] = [None, None]

    def reviewer(index: int, email: str, move: str) -> None:
        with app.app_context():
            try:
                user = db.session.scalar(select(User).where(User.email == email))
                project = db.session.get(Project, project_id)
                db.session.commit()  # end the read: on SQLite the write transaction below takes the lock
                start.wait()
                decision = service.record_decision(
                    project, None, move, f"{email} says {move}", 1, user, "board"
                )
                db.session.commit()
                results[index] = decision.id
            except service.ReviewConflict as conflict:
                db.session.rollback()
                results[index] = conflict
            except Exception as error:  # noqa: BLE001 - reported by the assertion below
                db.session.rollback()
                results[index] = error
            finally:
                db.session.remove()

    threads = [
        threading.Thread(target=reviewer, args=(0, "board@a.example", "challenge")),
        threading.Thread(target=reviewer, args=(1, "board2@a.example", "stop")),
    ]
    db.session.commit()  # the test's own session holds no lock while the threads run
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


def test_two_reviewers_at_once_exactly_one_wins(app, reviewed, monkeypatch):
    results = _race(app, reviewed, monkeypatch)
    winners = [r for r in results if isinstance(r, int)]
    losers = [r for r in results if isinstance(r, service.ReviewConflict)]
    assert len(winners) == 1 and len(losers) == 1, results
    if db.engine.dialect.name == "postgresql":  # both passed the form check: the version column caught it
        assert isinstance(losers[0].__cause__, StaleDataError), repr(losers[0].__cause__)
    db.session.expire_all()
    state = db.session.scalar(select(ReviewState))
    assert state.lock_version == 2 and state.decision_id == winners[0]
    decisions = db.session.scalars(select(Decision).order_by(Decision.id)).all()
    assert [d.rationale for d in decisions][0] == "First look" and len(decisions) == 2
    assert state.status == {"challenge": "challenged", "stop": "stopped"}[decisions[-1].outcome]
    assert (
        db.session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "decision_recorded")
        )
        == 2
    )


def test_version_column_catches_a_write_the_form_check_missed(app, reviewed):
    """The last moment: the row changes between this session's read and its flush (a second connection)."""
    board = db.session.scalar(select(User).where(User.email == "board2@a.example"))
    project = db.session.get(Project, reviewed)
    state = db.session.scalar(select(ReviewState))
    assert state.lock_version == 1
    db.session.commit()
    if db.engine.dialect.name == "postgresql":
        state = db.session.scalar(select(ReviewState))  # read version 1 in this transaction ...
        other = threading.Thread(target=_bump, args=(app,))
        other.start()
        other.join(10)  # ... another connection commits version 2 meanwhile
        state.status = "paused"
        with pytest.raises(Exception, match="expected to update 1 row"):
            db.session.flush()
        db.session.rollback()
    else:  # SQLite serialises writers; the form check is what stops the stale form
        with pytest.raises(service.ReviewConflict):
            _bump(app)
            service.record_decision(project, None, "pause", "Stale", 1, board, "board")
        db.session.rollback()
    db.session.expire_all()
    assert db.session.scalar(select(ReviewState.status)) == "challenged"


def _bump(app) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        project = db.session.scalar(select(Project).order_by(Project.id))
        board = db.session.scalar(select(User).where(User.email == "board@a.example"))
        service.record_decision(project, None, "challenge", "Other reviewer", 1, board, "board")
        db.session.commit()
        db.session.remove()

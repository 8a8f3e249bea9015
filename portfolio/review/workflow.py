"""The board review workflow as a table: which move takes a project from which status to which, and who may
make it.

Pure: imports neither Flask nor the database. ``apply_move`` checks one move against ``TRANSITIONS`` and
either returns the new status or raises ``TransitionNotAllowed`` with a message a board member or PMO can
act on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Status(StrEnum):
    NOT_REVIEWED = "not_reviewed"
    ENDORSED = "endorsed"
    CHALLENGED = "challenged"
    RESPONDED = "responded"
    PAUSED = "paused"
    STOPPED = "stopped"
    REFERRED_BACK = "referred_back"
    REOPENED = "reopened"


class Move(StrEnum):
    ENDORSE = "endorse"
    CHALLENGE = "challenge"
    PAUSE = "pause"
    STOP = "stop"
    REFER_BACK = "refer_back"
    RESPOND = "respond"
    REOPEN = "reopen"


STATUS_LABELS: dict[str, str] = {
    Status.NOT_REVIEWED: "Not reviewed",
    Status.ENDORSED: "Endorsed",
    Status.CHALLENGED: "Challenged",
    Status.RESPONDED: "Responded to challenge",
    Status.PAUSED: "Paused",
    Status.STOPPED: "Stopped",
    Status.REFERRED_BACK: "Referred back",
    Status.REOPENED: "Reopened",
}
#: NHS.UK tag colour per status; the tag always carries the status words too.
STATUS_TAG_CLASSES: dict[str, str] = {
    Status.NOT_REVIEWED: "nhsuk-tag--grey",
    Status.ENDORSED: "nhsuk-tag--green",
    Status.CHALLENGED: "nhsuk-tag--orange",
    Status.RESPONDED: "nhsuk-tag--blue",
    Status.PAUSED: "nhsuk-tag--yellow",
    Status.STOPPED: "nhsuk-tag--red",
    Status.REFERRED_BACK: "nhsuk-tag--purple",
    Status.REOPENED: "nhsuk-tag--white",
}
MOVE_LABELS: dict[str, str] = {
    Move.ENDORSE: "Endorse",
    Move.CHALLENGE: "Challenge",
    Move.PAUSE: "Pause",
    Move.STOP: "Stop",
    Move.REFER_BACK: "Refer back",
    Move.RESPOND: "Respond to the challenge",
    Move.REOPEN: "Reopen",
}
#: The moves a board decision form offers (responding and reopening have their own wording).
DECISIONS: tuple[Move, ...] = (Move.ENDORSE, Move.CHALLENGE, Move.PAUSE, Move.STOP, Move.REFER_BACK)
DECIDERS = frozenset({"board", "admin"})
RESPONDERS = frozenset({"pmo", "admin"})

_DECISION_RESULT = {
    Move.ENDORSE: Status.ENDORSED,
    Move.CHALLENGE: Status.CHALLENGED,
    Move.PAUSE: Status.PAUSED,
    Move.STOP: Status.STOPPED,
    Move.REFER_BACK: Status.REFERRED_BACK,
}
_OPEN = tuple(s for s in Status if s is not Status.STOPPED)


@dataclass(frozen=True)
class Transition:
    source: Status
    move: Move
    target: Status
    roles: frozenset[str]


def _table() -> dict[tuple[Status, Move], Transition]:
    rows = [
        Transition(source, move, target, DECIDERS)
        for source in _OPEN
        for move, target in _DECISION_RESULT.items()
    ]
    rows.append(Transition(Status.CHALLENGED, Move.RESPOND, Status.RESPONDED, RESPONDERS))
    rows.append(Transition(Status.STOPPED, Move.REOPEN, Status.REOPENED, DECIDERS))
    return {(row.source, row.move): row for row in rows}


#: Every allowed move: (status now, move) -> Transition. Anything not here is refused.
TRANSITIONS: dict[tuple[Status, Move], Transition] = _table()


class TransitionNotAllowed(Exception):
    """A move the workflow does not allow; the message says why and what to do instead."""


def apply_move(current: str, move: str, role: str, rationale: str) -> Status:
    """The status after ``move`` by someone with ``role`` on a project whose status is ``current``.

    Raises TransitionNotAllowed when the move is unknown, the role may not make it, it is not allowed from
    ``current`` (a stopped project stays stopped until reopened), or ``rationale`` is blank.
    """
    try:
        source, step = Status(current), Move(move)
    except ValueError:
        raise TransitionNotAllowed(f"'{move}' is not a review decision this app knows.") from None
    row = TRANSITIONS.get((source, step))
    if row is None:
        raise TransitionNotAllowed(_refusal(source, step))
    if role not in row.roles:
        who = " or ".join(sorted(row.roles))
        raise TransitionNotAllowed(
            f"Only a {who} member can {MOVE_LABELS[step].lower()} a project; your role here is {role}."
        )
    if not rationale.strip():
        raise TransitionNotAllowed(
            "Give the reason for this decision: the board and the PMO will read it later."
        )
    return row.target


def _refusal(source: Status, step: Move) -> str:
    now = STATUS_LABELS[source].lower()
    if source is Status.STOPPED:
        return (
            "This project was stopped. It stays stopped until a board member or administrator reopens it "
            "with a reason."
        )
    if step is Move.RESPOND:
        return f"Only a challenged project can be responded to; this one is {now}."
    if step is Move.REOPEN:
        return f"Only a stopped project can be reopened; this one is {now}."
    return f"A project that is {now} cannot be given '{MOVE_LABELS[step]}'."  # pragma: no cover


def allowed_moves(current: str, role: str) -> list[Move]:
    """The moves ``role`` may make from ``current``, in the table's order (for the forms)."""
    return [row.move for (source, _), row in TRANSITIONS.items() if source == current and role in row.roles]


ACTION_STATUSES: dict[str, str] = {
    "open": "Open",
    "in_progress": "In progress",
    "done": "Done",
    "cancelled": "Cancelled",
}
CLOSED_ACTION_STATUSES = frozenset({"done", "cancelled"})


def is_overdue(due: date | None, status: str, today: date) -> bool:
    """An action is overdue when it has a due date before ``today`` and is neither done nor cancelled."""
    return due is not None and due < today and status not in CLOSED_ACTION_STATUSES

"""The review workflow table, row by row: every allowed move for every role, and every move not in the
table."""

from __future__ import annotations

import ast
import itertools
import sys
from datetime import date
from pathlib import Path

import pytest

from portfolio.review.workflow import (
    TRANSITIONS,
    Move,
    Status,
    TransitionNotAllowed,
    allowed_moves,
    apply_move,
    is_overdue,
)

ROLES = ("pmo", "board", "admin", "viewer")
ALLOWED = [
    (row.source, row.move, row.target, role) for row in TRANSITIONS.values() for role in sorted(row.roles)
]
WRONG_ROLE = [
    (row.source, row.move, role) for row in TRANSITIONS.values() for role in ROLES if role not in row.roles
]
NOT_IN_TABLE = [(s, m) for s, m in itertools.product(Status, Move) if (s, m) not in TRANSITIONS]


@pytest.mark.parametrize(("source", "move", "target", "role"), ALLOWED)
def test_apply_move_allowed_row_gives_its_target(source, move, target, role):
    assert apply_move(source, move, role, "Because the evidence supports it") == target


@pytest.mark.parametrize(("source", "move", "role"), WRONG_ROLE)
def test_apply_move_by_role_not_in_row_is_refused_naming_who_may(source, move, role):
    with pytest.raises(TransitionNotAllowed, match=r"Only a .* member can .*your role here is " + role):
        apply_move(source, move, role, "A reason")


@pytest.mark.parametrize(("source", "move"), NOT_IN_TABLE)
@pytest.mark.parametrize("role", ROLES)
def test_apply_move_not_in_table_is_refused_for_every_role(source, move, role):
    with pytest.raises(TransitionNotAllowed) as refused:
        apply_move(source, move, role, "A reason")
    assert str(refused.value).endswith(".")


def test_table_has_the_rows_the_issue_asks_for():
    assert TRANSITIONS[(Status.CHALLENGED, Move.RESPOND)].target == Status.RESPONDED
    assert TRANSITIONS[(Status.CHALLENGED, Move.RESPOND)].roles == {"pmo", "admin"}
    assert [m for (s, m) in TRANSITIONS if s == Status.STOPPED] == [Move.REOPEN]
    assert TRANSITIONS[(Status.STOPPED, Move.REOPEN)].roles == {"board", "admin"}
    assert all("viewer" not in row.roles for row in TRANSITIONS.values())


@pytest.mark.parametrize(
    ("source", "move", "expected"),
    [
        (Status.STOPPED, Move.ENDORSE, "stays stopped until a board member or administrator reopens it"),
        (
            Status.ENDORSED,
            Move.RESPOND,
            "Only a challenged project can be responded to; this one is endorsed",
        ),
        (Status.PAUSED, Move.REOPEN, "Only a stopped project can be reopened; this one is paused"),
    ],
)
def test_refusal_messages_say_why(source, move, expected):
    with pytest.raises(TransitionNotAllowed, match=expected):
        apply_move(source, move, "board", "A reason")


@pytest.mark.parametrize("rationale", ["", "   ", "\n\t"])
def test_apply_move_without_rationale_is_refused(rationale):
    with pytest.raises(TransitionNotAllowed, match="Give the reason"):
        apply_move(Status.NOT_REVIEWED, Move.ENDORSE, "board", rationale)


@pytest.mark.parametrize(("current", "move"), [("nonsense", "endorse"), ("endorsed", "approve"), ("", "")])
def test_apply_move_unknown_status_or_move_is_refused(current, move):
    with pytest.raises(TransitionNotAllowed, match="not a review decision"):
        apply_move(current, move, "board", "A reason")


@pytest.mark.parametrize(
    ("current", "role", "expected"),
    [
        ("not_reviewed", "board", ["endorse", "challenge", "pause", "stop", "refer_back"]),
        ("challenged", "pmo", ["respond"]),
        ("challenged", "admin", ["endorse", "challenge", "pause", "stop", "refer_back", "respond"]),
        ("stopped", "board", ["reopen"]),
        ("stopped", "pmo", []),
        ("endorsed", "viewer", []),
    ],
)
def test_allowed_moves(current, role, expected):
    assert allowed_moves(current, role) == expected


@pytest.mark.parametrize(
    ("due", "status", "expected"),
    [
        (date(2026, 1, 1), "open", True),
        (date(2026, 1, 1), "in_progress", True),
        (date(2026, 1, 1), "done", False),
        (date(2026, 1, 1), "cancelled", False),
        (date(2026, 1, 2), "open", False),
        (None, "open", False),
    ],
)
def test_is_overdue(due, status, expected):
    assert is_overdue(due, status, date(2026, 1, 2)) is expected


@pytest.mark.parametrize("module", ["workflow", "auditcsv"])
def test_pure_modules_import_only_the_standard_library(module):
    # The package's own __init__ pulls in Flask (the app factory), so read the module's imports instead.
    tree = ast.parse(
        (Path(__file__).resolve().parents[2] / "portfolio" / "review" / f"{module}.py").read_text()
    )
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert {name.split(".")[0] for name in imported} <= set(sys.stdlib_module_names) | {"__future__"}

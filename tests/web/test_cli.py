"""Command-line commands: users, organisations, the demo."""

from __future__ import annotations

from sqlalchemy import select
from werkzeug.security import check_password_hash

from portfolio.demo import DEMO_TRUST
from portfolio.extensions import db
from portfolio.models import Membership, Organisation, Upload, User


def test_orgs_create_with_system_creates_both(runner):
    result = runner.invoke(args=["orgs", "create", "Trust X", "--system", "Some ICS"])
    assert result.exit_code == 0, result.output
    trust = db.session.scalar(select(Organisation).where(Organisation.name == "Trust X"))
    assert trust.system.name == "Some ICS"


def test_orgs_create_duplicate_is_refused(runner):
    runner.invoke(args=["orgs", "create", "Trust X"])
    result = runner.invoke(args=["orgs", "create", "Trust X"])
    assert result.exit_code != 0 and "already exists" in result.output


def test_users_create_reads_password_from_stdin_not_argv(runner):
    runner.invoke(args=["orgs", "create", "Trust X"])
    result = runner.invoke(args=["users", "create", "Ann@x.example", "--org", "Trust X", "--role", "admin"],
                           input="granite-puffin-kettle\n")
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.email == "ann@x.example"))
    assert check_password_hash(user.password_hash, "granite-puffin-kettle")
    assert db.session.scalar(select(Membership.role).where(Membership.user_id == user.id)) == "admin"


def test_users_create_weak_password_is_refused(runner):
    runner.invoke(args=["orgs", "create", "Trust X"])
    result = runner.invoke(args=["users", "create", "ann@x.example", "--org", "Trust X", "--role", "pmo"],
                           input="short\n")
    assert result.exit_code != 0 and "at least 12 characters" in result.output
    assert db.session.scalar(select(User)) is None


def test_users_create_unknown_org_says_how_to_create_it(runner):
    result = runner.invoke(args=["users", "create", "a@x.example", "--org", "Nope", "--role", "pmo"], input="x\n")
    assert result.exit_code != 0 and "flask orgs create" in result.output


def test_demo_creates_trust_with_one_user_per_role_and_is_repeatable(runner):
    first = runner.invoke(args=["demo"])
    second = runner.invoke(args=["demo"])
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    trust = db.session.scalar(select(Organisation).where(Organisation.name == DEMO_TRUST))
    roles = sorted(db.session.scalars(select(Membership.role).where(Membership.organisation_id == trust.id)))
    assert roles == ["admin", "board", "pmo", "viewer"]
    assert "board@northshire.example" in first.output
    uploads = db.session.scalars(select(Upload)).all()
    assert len(uploads) == 1  # the second run does not import the workbook again
    assert (uploads[0].project_count, uploads[0].verdict) == (16, "shopping_list")

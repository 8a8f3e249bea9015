"""`flask demo`: a fictional trust with one user per role, so the app can be tried at once."""

from __future__ import annotations

from pathlib import Path

import click
from sqlalchemy import select

from portfolio.extensions import db
from portfolio.models import Membership, Organisation, Portfolio, Role, Upload, User
from portfolio.orgs import find_or_create_organisation
from portfolio.people.service import add_member

DEMO_SYSTEM = "Northshire and Vale Integrated Care System"
DEMO_TRUST = "Northshire Hospitals NHS Foundation Trust"
NEIGHBOUR_TRUST = "Vale Community Health NHS Trust"
#: Demo accounts only: the passwords are printed and in the README, so never load the demo in production.
DEMO_USERS = [
    ("pmo@northshire.example", "Priya Patel (PMO)", Role.PMO, "kettle-harbour-pmo1"),
    ("board@northshire.example", "Bola Adeyemi (board)", Role.BOARD, "lantern-meadow-b1"),
    ("admin@northshire.example", "Alex Morgan (admin)", Role.ADMIN, "copper-willow-a1"),
    ("viewer@northshire.example", "Vic Chen (viewer)", Role.VIEWER, "pebble-orchard-v1"),
]


DEMO_PORTFOLIO = "Digital portfolio 2025-26"
DEMO_WORKBOOK = Path(__file__).resolve().parents[1] / "imports" / "northshire_digital_portfolio_2025-26.xlsx"


def load_demo(with_workbook: bool = True) -> list[tuple[str, str, str]]:
    """Create the demo organisations and users where missing, and import the demo workbook into the demo
    portfolio when it has no version yet; return (email, password, role) to print."""
    system = find_or_create_organisation(DEMO_SYSTEM)
    trust = find_or_create_organisation(DEMO_TRUST, system)
    neighbour = find_or_create_organisation(NEIGHBOUR_TRUST, system)
    for email, name, role, password in DEMO_USERS:
        user = db.session.scalar(select(User).where(User.email == email))
        member = user and db.session.scalar(
            select(Membership).where(Membership.user_id == user.id, Membership.organisation_id == trust.id))
        if not member:
            add_member(trust, email, name, role, password, actor=None)
    board = db.session.scalar(select(User).where(User.email == DEMO_USERS[1][0]))
    if board and not db.session.scalar(select(Membership).where(Membership.user_id == board.id,
                                                               Membership.organisation_id == neighbour.id)):
        add_member(neighbour, board.email, board.name, Role.BOARD, None, actor=None)
    if with_workbook:
        _import_demo_workbook(trust)
    return [(email, password, role.value) for email, _name, role, password in DEMO_USERS]


def _import_demo_workbook(trust: Organisation) -> None:
    from portfolio.importing.service import import_file
    from portfolio.portfolios.service import create_portfolio

    portfolio = db.session.scalar(select(Portfolio).where(Portfolio.organisation_id == trust.id,
                                                          Portfolio.name == DEMO_PORTFOLIO))
    if portfolio is None:
        portfolio = create_portfolio(trust, DEMO_PORTFOLIO, actor=None,
                                     description="The demo trust's digital project register, as its PMO keeps it.")
    if not db.session.scalar(select(Upload.id).where(Upload.portfolio_id == portfolio.id).limit(1)):
        import_file(portfolio, DEMO_WORKBOOK.name, DEMO_WORKBOOK.read_bytes(), None)


@click.command("demo", help="Load the demo trust and its users (for trying the app; never in production).")
def demo_command() -> None:
    accounts = load_demo()
    db.session.commit()
    click.echo(f"Demo trust: {DEMO_TRUST} (portfolio '{DEMO_PORTFOLIO}' imported from imports/{DEMO_WORKBOOK.name})")
    for email, password, role in accounts:
        click.echo(f"  {role:<7} {email:<28} password: {password}")

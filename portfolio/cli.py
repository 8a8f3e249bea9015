"""Command-line commands: each parses its arguments, calls a service, and commits once."""

from __future__ import annotations

import sys

import click
from flask import Flask
from sqlalchemy import select

from portfolio.extensions import db
from portfolio.models import Organisation, Role


def register_commands(app: Flask) -> None:
    from portfolio.demo import demo_command
    from portfolio.exporting.cli import export_command
    from portfolio.importing.cli import assess_command, portfolio_group

    portfolio_group.add_command(export_command)
    for command in (users, orgs, demo_command, portfolio_group, assess_command):
        app.cli.add_command(command)


@click.group(help="Manage user accounts.")
def users() -> None:
    pass


@users.command("create", help="Create a user (or add an existing one) with a role in an organisation. "
                              "The password is read from a prompt, or from standard input when not a terminal.")
@click.argument("email")
@click.option("--org", "org_name", required=True, help="The organisation's name.")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--name", default="", help="Full name (defaults to the email).")
def create_user_command(email: str, org_name: str, role: str, name: str) -> None:
    from portfolio.people.service import MembershipRefused, add_member

    org = db.session.scalar(select(Organisation).where(Organisation.name == org_name))
    if org is None:
        raise click.ClickException(f"No organisation called {org_name!r}. Create it with: flask orgs create NAME")
    if sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\n")
    try:
        add_member(org, email, name, Role(role), password, actor=None)
    except MembershipRefused as refused:
        raise click.ClickException(str(refused)) from None
    db.session.commit()
    click.echo(f"{email} can now sign in to {org_name} as {role}.")


@click.group(help="Manage organisations (trusts and systems).")
def orgs() -> None:
    pass


@orgs.command("create", help="Create an organisation, optionally inside a system (an ICS), created when new.")
@click.argument("name")
@click.option("--system", "system_name", default=None, help="The integrated care system it belongs to.")
def create_org_command(name: str, system_name: str | None) -> None:
    from portfolio.orgs import OrganisationRefused, create_organisation

    try:
        create_organisation(name, system_name)
    except OrganisationRefused as refused:
        raise click.ClickException(str(refused)) from None
    db.session.commit()
    click.echo(f"Created {name}" + (f" in {system_name}" if system_name else "") + ".")

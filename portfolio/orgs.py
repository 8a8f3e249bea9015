"""Creating organisations (trusts) and the systems (ICSs) they belong to. Flushes, never commits."""

from __future__ import annotations

from sqlalchemy import select

from portfolio import audit
from portfolio.extensions import db
from portfolio.models import Organisation


class OrganisationRefused(Exception):
    pass


def find_or_create_organisation(name: str, system: Organisation | None = None) -> Organisation:
    org = db.session.scalar(select(Organisation).where(Organisation.name == name.strip()))
    if org is None:
        org = Organisation(name=name.strip(), system_id=system.id if system else None)
        db.session.add(org)
        db.session.flush()
        audit.record("organisation_created", user=None, organisation_id=org.id, target=org, summary=f"Created {name}")
    return org


def create_organisation(name: str, system_name: str | None = None) -> Organisation:
    name = name.strip()
    if not name or len(name) > 200:
        raise OrganisationRefused("Give the organisation a name of 1 to 200 characters.")
    if db.session.scalar(select(Organisation.id).where(Organisation.name == name)):
        raise OrganisationRefused(f"An organisation called {name!r} already exists.")
    system = find_or_create_organisation(system_name) if system_name else None
    return find_or_create_organisation(name, system)

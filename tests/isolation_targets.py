"""Trust B's objects for the isolation sweep: one per kind of id a route can take, each carrying the canary.

When a new route takes a new kind of id, the sweep fails until an object for it is added here."""

from __future__ import annotations

from sqlalchemy import select

from portfolio.extensions import db
from portfolio.models import (
    Action,
    Comment,
    Decision,
    Membership,
    Organisation,
    Override,
    PendingImport,
    Portfolio,
    Project,
    RubricVersion,
    User,
)
from tests.factories import make_portfolio

CANARY = "TRUST_B_CANARY"


def make_tenant_b_objects(org_name: str = "Trust B") -> dict[str, int]:
    """Create an organisation's data and return {route parameter name: id} (call after the ``org`` fixture)."""
    trust_b = db.session.scalar(select(Organisation).where(Organisation.name == org_name))
    portfolio = make_portfolio(trust_b, f"{CANARY} portfolio", objectives=[f"{CANARY} objective"])
    membership = db.session.scalar(select(Membership).join(User).where(
        Membership.organisation_id == trust_b.id, User.email == f"viewer@{org_name[-1].lower()}.example"))
    pending = PendingImport(organisation_id=trust_b.id, portfolio_id=portfolio.id, user_id=membership.user_id,
                            filename=f"{CANARY}.csv", sha256="0" * 64, content=f"Ref,Title\nB-1,{CANARY}\n".encode(),
                            sheet=None, header_row=None, mapping={})
    db.session.add(pending)
    project = Project(organisation_id=trust_b.id, portfolio_id=portfolio.id, key=f"ref:{CANARY}", ref="B-1",
                      title=f"{CANARY} project")
    db.session.add(project)
    db.session.flush()
    action = Action(organisation_id=trust_b.id, project_id=project.id, title=f"{CANARY} action",
                    owner_id=membership.user_id, owner_name=f"{CANARY} owner", status="open")
    db.session.add(action)
    db.session.commit()
    return {"portfolio_id": portfolio.id, "membership_id": membership.id, "pending_id": pending.id,
            "project_id": project.id, "action_id": action.id}


def counted_models() -> list[type]:
    return [Portfolio, Membership, User, PendingImport, Project, Override, RubricVersion, Action, Decision, Comment]

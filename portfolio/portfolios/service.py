"""Creating and editing portfolios. Flushes, never commits."""

from __future__ import annotations

from sqlalchemy import select

from portfolio import audit
from portfolio.extensions import db
from portfolio.models import Organisation, Portfolio, User


class PortfolioRefused(Exception):
    """The change breaks a rule; the message says which, in plain words."""


def parse_objectives(text: str) -> list[str]:
    """One objective per non-blank line, trimmed, duplicates removed, order kept."""
    seen: dict[str, None] = {}
    for line in text.splitlines():
        if line.strip():
            seen.setdefault(line.strip()[:300], None)
    return list(seen)


def create_portfolio(org: Organisation, name: str, actor: User | None, *, description: str = "",
                     objectives: list[str] | None = None, in_house_fte: float | None = None,
                     in_house_teams: int | None = None) -> Portfolio:
    name = name.strip()
    if db.session.scalar(select(Portfolio.id).where(Portfolio.organisation_id == org.id, Portfolio.name == name)):
        raise PortfolioRefused(f"{org.name} already has a portfolio called {name}.")
    portfolio = Portfolio(organisation_id=org.id, name=name, description=description.strip(),
                          objectives=objectives or [], in_house_fte=in_house_fte, in_house_teams=in_house_teams)
    db.session.add(portfolio)
    db.session.flush()
    audit.record("portfolio_created", user=actor, organisation_id=org.id, target=portfolio, portfolio_id=portfolio.id,
                 summary=f"Created portfolio {name}", after=_snapshot(portfolio))
    return portfolio


def update_portfolio(portfolio: Portfolio, actor: User, *, name: str, description: str, objectives: list[str],
                     in_house_fte: float | None, in_house_teams: int | None) -> None:
    before = _snapshot(portfolio)
    portfolio.name, portfolio.description, portfolio.objectives = name.strip(), description.strip(), objectives
    portfolio.in_house_fte, portfolio.in_house_teams = in_house_fte, in_house_teams
    after = _snapshot(portfolio)
    if before != after:
        audit.record("portfolio_updated", user=actor, organisation_id=portfolio.organisation_id, target=portfolio,
                     portfolio_id=portfolio.id, summary=f"Updated portfolio {portfolio.name}", before=before, after=after)


def _snapshot(portfolio: Portfolio) -> dict:
    return {"name": portfolio.name, "description": portfolio.description, "objectives": list(portfolio.objectives),
            "in_house_fte": portfolio.in_house_fte, "in_house_teams": portfolio.in_house_teams}

"""Creating and editing portfolios. Flushes, never commits."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from portfolio import audit
from portfolio.extensions import db
from portfolio.models import Organisation, Portfolio, Upload, User


class PortfolioRefused(Exception):
    """The change breaks a rule; the message says which, in plain words."""


@dataclass(frozen=True)
class PortfolioSummary:
    portfolio: Portfolio
    latest: Upload | None  # the newest version, None before the first import


def portfolio_summaries(organisation_id: int) -> list[PortfolioSummary]:
    """Every portfolio of the organisation by name, each with its newest version: two queries, however many."""
    portfolios = db.session.scalars(
        select(Portfolio).where(Portfolio.organisation_id == organisation_id).order_by(Portfolio.name)
    ).all()
    newest = (
        select(Upload.portfolio_id, func.max(Upload.version).label("version"))
        .where(Upload.organisation_id == organisation_id)
        .group_by(Upload.portfolio_id)
        .subquery()
    )
    latest = {
        upload.portfolio_id: upload
        for upload in db.session.scalars(
            select(Upload).join(
                newest, (Upload.portfolio_id == newest.c.portfolio_id) & (Upload.version == newest.c.version)
            )
        )
    }
    return [PortfolioSummary(p, latest.get(p.id)) for p in portfolios]


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
        audit.record(
            "portfolio_updated", user=actor, organisation_id=portfolio.organisation_id, target=portfolio,
            portfolio_id=portfolio.id, summary=f"Updated portfolio {portfolio.name}", before=before, after=after,
        )


def _snapshot(portfolio: Portfolio) -> dict:
    return {"name": portfolio.name, "description": portfolio.description, "objectives": list(portfolio.objectives),
            "in_house_fte": portfolio.in_house_fte, "in_house_teams": portfolio.in_house_teams}

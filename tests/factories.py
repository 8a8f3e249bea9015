"""Plain make_* functions with defaults and **overrides. They add and flush; tests commit when they need to."""

from __future__ import annotations

from typing import Any

from werkzeug.security import generate_password_hash

from portfolio.extensions import db
from portfolio.models import Membership, Organisation, Portfolio, User

# Real hashing is slow by design; test users share one cheap hash of 'correct-horse-battery' so the suite stays
# fast. Accounts made through the services get the production scrypt hash (tests/web/test_auth_views.py checks).
_HASH = generate_password_hash("correct-horse-battery", method="pbkdf2:sha256:1000")


def make_org(name: str = "Trust A", **overrides: Any) -> Organisation:
    org = Organisation(name=name, **overrides)
    db.session.add(org)
    db.session.flush()
    return org


def make_user(email: str = "user@a.example", **overrides: Any) -> User:
    fields = {"name": email.split("@")[0].title(), "password_hash": _HASH, **overrides}
    user = User(email=email, **fields)
    db.session.add(user)
    db.session.flush()
    return user


def make_member(org: Organisation, email: str, role: str = "pmo", **overrides: Any) -> Membership:
    from sqlalchemy import select

    user = db.session.scalar(select(User).where(User.email == email)) or make_user(email)
    membership = Membership(user_id=user.id, organisation_id=org.id, role=role, **overrides)
    db.session.add(membership)
    db.session.flush()
    return membership


def make_portfolio(org: Organisation, name: str = "Digital portfolio", **overrides: Any) -> Portfolio:
    portfolio = Portfolio(organisation_id=org.id, name=name, objectives=overrides.pop("objectives", []), **overrides)
    db.session.add(portfolio)
    db.session.flush()
    return portfolio


def make_review_csv(count: int, prefix: str = "R") -> bytes:
    """A CSV portfolio of ``count`` projects with varied owners, budgets and flags (for review and queue tests)."""
    lines = ["Ref,Project,Description,Owner,Budget,Start,End,RAG"]
    for i in range(count):
        if i % 3 == 0:
            description = "Replace the server estate with the new platform in one go across all sites"
            owner = ""
        elif i % 3 == 1:
            description = ("User research with ward nurses showed double entry; reduce it from 40 to 10 minutes a "
                           "shift, measured weekly, piloted on two wards first")
            owner = "Chief Nurse"
        else:
            description = "Upgrade the network switches"
            owner = "Director of IT"
        lines.append(f'{prefix}-{i + 1},"Project {prefix}{i + 1}","{description}","{owner}",{(i + 1) * 10000},'
                     f"01/04/2025,31/03/2026,Green")
    return ("\n".join(lines) + "\n").encode("utf-8")


def make_imported_portfolio(org: Organisation, count: int = 6, name: str = "Reviewed portfolio",
                            user: User | None = None, data: bytes | None = None) -> Portfolio:
    """A portfolio with one imported version of ``count`` projects (through the real import service)."""
    from portfolio.importing.parser import parse_workbook
    from portfolio.importing.service import import_plan

    portfolio = make_portfolio(org, name)
    content = data or make_review_csv(count)
    import_plan(portfolio, parse_workbook(content, "plan.csv"), content, user)
    db.session.flush()
    return portfolio


def make_version(portfolio: Portfolio, projects: int = 10, **overrides: Any):
    """The portfolio's next version with ``projects`` made-up projects, written by bulk inserts (no parsing or
    tagging, so it is quick at any size). Project i is G-i: a quarter serve no objective (i % 4 == 3), the
    rest objective i % 3; even ones are flagged tech_centred, every third no_owner; statuses cycle.
    ``overrides`` set Upload columns (verdict, score, signals, analysis ...)."""
    from sqlalchemy import func, insert, select

    from portfolio.models import PRINCIPLE_COLUMNS, Project, ProjectFlag, ProjectVersion, Upload
    from portfolio.principles import SignalId

    objectives = list(portfolio.objectives) or ["Quality", "People", "Money"]
    keys = [f"G-{i}" for i in range(projects)]
    links = {key: (None if i % 4 == 3 else objectives[i % len(objectives)]) for i, key in enumerate(keys)}
    levels = ["red", "amber", "ok", "unknown"]
    signals = [{"id": s.value, "value": None if i % 4 == 3 else float(10 * i), "level": levels[i % 4],
                "explanation": f"Made-up reading {i}.", "amber": 20, "red": 40,
                "metrics": {} if i % 4 == 3 else {"made_up_pct": float(10 * i)}}
               for i, s in enumerate(SignalId)]
    newest = select(func.max(Upload.version)).where(Upload.portfolio_id == portfolio.id)
    latest = db.session.scalar(newest) or 0
    upload = Upload(organisation_id=portfolio.organisation_id, portfolio_id=portfolio.id, version=latest + 1,
                    filename="generated.csv", file_format="csv", sha256="0" * 64, size=0, content=b"",
                    sheet="generated", header_row=1, project_count=projects, **{
                        "verdict": "shopping_list", "score": 30, "signals": signals, **overrides})
    upload.analysis = overrides.get("analysis") or {
        "reasons": ["Shopping list: 3 of the 6 core signals (S1-S6) are red (3 or more make one).",
                    "no_line_of_sight is red: made up."],
        "duplicate_groups": [{"members": keys[i:i + 2], "reasons": [f"{keys[i]} and {keys[i + 1]}: made up"]}
                             for i in range(0, projects - 1, 50)],
        "unserved_objectives": [], "unlinked_projects": [k for k, o in links.items() if o is None],
        "objectives": objectives, "in_house_fte": 10.0, "in_house_teams": None, "links": links}
    db.session.add(upload)
    db.session.flush()
    projects_query = select(Project.key, Project.id).where(Project.portfolio_id == portfolio.id)
    existing = dict(db.session.execute(projects_query).all())
    new = [{"organisation_id": portfolio.organisation_id, "portfolio_id": portfolio.id, "key": k, "ref": k,
            "title": f"Made-up project {k}"} for k in keys if k not in existing]
    if new:
        db.session.execute(insert(Project), new)
        projects_query = select(Project.key, Project.id).where(Project.portfolio_id == portfolio.id)
    existing = dict(db.session.execute(projects_query).all())
    statuses = ["evident", "partial", "missing"]
    # As wide as a real tagged row (about 4 KB of assessment): the dashboard must stay fast on real rows.
    evidence = [{"field": "description", "text": "shadowed ward clerks for six weeks", "start": 10, "end": 44,
                 "polarity": "for", "facet": "research"}] * 2
    assessment = {"rubric_version": "generated", "flags": [], "principles": {
        column: {"status": "partial", "score": 0.5, "evidence": evidence,
                 "questions": [f"What evidence shows {column} for the people who use it? " * 2] * 2}
        for column in PRINCIPLE_COLUMNS}}
    db.session.execute(insert(ProjectVersion), [
        {"organisation_id": portfolio.organisation_id, "upload_id": upload.id, "project_id": existing[k],
         "row": i + 2, "ref": k, "title": f"Made-up project {k}",
         "fields": {"description": f"Work {k} " + "on wards and in clinics " * 10},
         "assessment": assessment,
         "budget": 1000.0 * (i + 1), "objective": links[k], "flag_count": (i % 2 == 0) + (i % 3 == 0),
         **{column: statuses[(i + n) % 3] for n, column in enumerate(PRINCIPLE_COLUMNS)}}
        for i, k in enumerate(keys)])
    versions = dict(db.session.execute(select(ProjectVersion.ref, ProjectVersion.id)
                                       .where(ProjectVersion.upload_id == upload.id)).all())
    flags = [(k, flag) for i, k in enumerate(keys)
             for flag, on in (("tech_centred", i % 2 == 0), ("no_owner", i % 3 == 0)) if on]
    if flags:
        db.session.execute(insert(ProjectFlag), [
            {"organisation_id": portfolio.organisation_id, "upload_id": upload.id,
             "project_version_id": versions[k], "flag": flag, "reason": "made up"} for k, flag in flags])
    return upload

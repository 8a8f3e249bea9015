"""ORM tables, one module per area; import models from here."""

from portfolio.models.accounts import LoginFailure, LoginSession, Membership, Organisation, Role, User
from portfolio.models.audit import AuditEvent
from portfolio.models.imports import (
    PRINCIPLE_COLUMNS,
    MappingMemory,
    Override,
    PendingImport,
    Project,
    ProjectFlag,
    ProjectVersion,
    RubricVersion,
    Upload,
)
from portfolio.models.portfolios import Portfolio
from portfolio.models.review import Action, Comment, Decision, ReviewState

__all__ = [
    "PRINCIPLE_COLUMNS",
    "Action",
    "AuditEvent",
    "Comment",
    "Decision",
    "ReviewState",
    "MappingMemory",
    "Override",
    "PendingImport",
    "Project",
    "ProjectFlag",
    "ProjectVersion",
    "RubricVersion",
    "Upload",
    "LoginFailure",
    "LoginSession",
    "Membership",
    "Organisation",
    "Portfolio",
    "Role",
    "User",
]

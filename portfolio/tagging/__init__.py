"""Principle tagging and project flags (pure core): ``load_rubric`` once, then ``tag_project`` per record."""

from portfolio.tagging.results import (
    Evidence,
    FlagResult,
    PrincipleResult,
    ProjectAssessment,
    assessment_to_json,
)
from portfolio.tagging.rubric import Rubric, RubricError, load_rubric, validate_rubric
from portfolio.tagging.rules import tag_project

__all__ = [
    "Evidence",
    "FlagResult",
    "PrincipleResult",
    "ProjectAssessment",
    "Rubric",
    "RubricError",
    "assessment_to_json",
    "load_rubric",
    "tag_project",
    "validate_rubric",
]

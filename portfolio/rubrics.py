"""Which rubric (cues, questions, thresholds) applies to an organisation: its newest edited version, else the
packaged one. Loading compiles regexes, so compiled rubrics are cached by version."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import select

from portfolio.analysis.thresholds import Thresholds, load_thresholds
from portfolio.extensions import db
from portfolio.models import RubricVersion
from portfolio.tagging.rubric import Rubric, load_rubric


@lru_cache(maxsize=1)
def packaged() -> tuple[Rubric, Thresholds]:
    return load_rubric(), load_thresholds()


_compiled: dict[str, tuple[Rubric, Thresholds]] = {}


def compile_rubric(version: str, data: dict[str, Any]) -> tuple[Rubric, Thresholds]:
    if version not in _compiled:
        _compiled[version] = (load_rubric(data["rubric"]), load_thresholds(data["signals"]))
    return _compiled[version]


def current_rubric(organisation_id: int) -> tuple[Rubric, Thresholds]:
    edited = db.session.scalar(
        select(RubricVersion)
        .where(RubricVersion.organisation_id == organisation_id)
        .order_by(RubricVersion.id.desc())
        .limit(1)
    )
    if edited is None:
        return packaged()
    return compile_rubric(edited.version, edited.data)

"""What the portfolio analysis knows about one project: its record plus the tagger's judgement.

Pure: no Flask, no ORM. The caller converts the tagger's output into ``ProjectFacts``; everything here reads
plain text from the record, so it works on whatever layout the importer understood.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from portfolio.principles import FlagId, Principle, Status
from portfolio.records import ProjectRecord


@dataclass(frozen=True)
class ProjectFacts:
    """One project as the analysis sees it.

    ``organisation`` is only needed when one call spans several trusts (an ICS view); it keys which projects
    belong together when looking for duplicated work.
    """

    record: ProjectRecord
    flags: frozenset[FlagId] = frozenset()
    statuses: Mapping[Principle, Status] = field(default_factory=dict)
    organisation: str | None = None

    @property
    def key(self) -> str:
        """How a project is named to people: its ref, else its title, else its row."""
        return self.record.ref or self.record.title or f"row {self.record.row}"


# A project that is over, or parked, is not work in flight: it neither eats capacity nor blurs focus.
# Stopping words count anywhere ("Paused - reprioritised", "Pilot stopped"), but not a "stop/go" checkpoint.
_STOPPED = re.compile(
    r"\b(stop(ped)?(?!\s*[/-]\s*go)|paus(ed|e)|on[- ]hold|cancell?ed|abandoned|withdrawn)\b",
    re.IGNORECASE,
)
# Ending words count only at the start: "Closed", "Completed" end the project, "Phase 1 complete" does not.
_ENDED = re.compile(
    r"^\W*(project\s+)?(clos(ed|ure)|complete(d)?|finished|delivered|decommissioned)\b", re.IGNORECASE
)
# "Closed after a benefits review" is a decision to stop; "Closed - delivered" is just the end of the work.
_CLOSED = re.compile(r"^\W*(project\s+)?clos(ed|ure)\b", re.IGNORECASE)
_DELIVERED = re.compile(r"\b(complete(d)?|delivered|finished|handed over|bau)\b", re.IGNORECASE)
# Descoping is a decision to do less on evidence: it counts as stopping work, yet the project goes on.
_DESCOPED = re.compile(r"\b(descop\w*|de-scop\w*|scaled back)\b", re.IGNORECASE)
# Registers often mark the state in the title instead: "Trust patient app (STOPPED)".
_TITLE_STATE = re.compile(r"\((stopped|closed|paused|cancell?ed|on hold|completed?)\)", re.IGNORECASE)


def stage_texts(facts: ProjectFacts) -> list[str]:
    """The project's stage as written, and any state marker in its title ("(STOPPED)")."""
    marker = _TITLE_STATE.search(facts.record.title or "")
    return [text for text in (facts.record.field_text("stage"), marker.group(1) if marker else "") if text]


def is_active(facts: ProjectFacts) -> bool:
    """True unless the stage (or a title marker) says stopped, paused, on hold, or starts closed/completed."""
    return not any(_STOPPED.search(text) or _ENDED.match(text) for text in stage_texts(facts))


def was_stopped(facts: ProjectFacts) -> bool:
    """True when the portfolio decided to stop, pause, descope or close this work early (not delivered)."""
    return any(
        _STOPPED.search(text)
        or _DESCOPED.search(text)
        or (_CLOSED.match(text) and not _DELIVERED.search(text))
        for text in stage_texts(facts)
    )


_PRIORITY_WORDS = (
    (re.compile(r"^(critical|urgent|very high|must|p0|0)$"), "critical"),
    (re.compile(r"^(high|h|p1|1|a)$"), "high"),
    (re.compile(r"^(medium|med|m|moderate|normal|p2|2|b)$"), "medium"),
    (re.compile(r"^(low|l|p[3-9]|[3-9]|c)$"), "low"),
)


def priority_of(facts: ProjectFacts) -> str | None:
    """The project's priority as critical/high/medium/low, or None when the register gives none.

    Uses the importer's normalised value when there is one; otherwise reads the text, taking the common NHS
    conventions that P1 or 1 is the top of the scale and 3 or below is low.
    """
    if facts.record.priority:
        return facts.record.priority
    raw = facts.record.field_text("priority").strip().lower()
    raw = re.sub(r"\.0+$", "", raw)  # 1.0 read from a numeric cell
    raw = re.sub(r"\s*[-(].*$", "", raw) or raw  # "High - board mandate" -> "high"
    for pattern, level in _PRIORITY_WORDS:
        if pattern.match(raw):
            return level
    return None


_BLANK = re.compile(r"^\s*(|-+|n/?a|none|tbc|tbd|unknown|\?+)\s*$", re.IGNORECASE)


def is_blank(text: str | None) -> bool:
    """True for empty text and the placeholders registers use for 'nothing here' (TBC, n/a, -)."""
    return text is None or bool(_BLANK.match(text))


def all_text(facts: ProjectFacts) -> str:
    """Every mapped field and every extra column of the project, lowercased, for keyword tests."""
    record = facts.record
    parts = [record.title or "", *record.text.values(), *record.extras.values()]
    return " ".join(str(part) for part in parts if part).lower()

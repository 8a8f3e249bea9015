"""Whether a column's values are people's roles, and whether those roles are clinical.

Registers name owners by role far more than by name ("COO", "Director of Nursing", "Consultant
radiologist"), so a column of roles is an owner or clinical lead column whatever its header says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_CLINICAL = re.compile(
    r"\b(dr|doctor|consultant|nurse|nursing|matron|midwi\w*|clinical|clinician|ccio|cnio|cmio|gp|"
    r"physio\w*|pharmacist|radiologist|radiographer|surgeon|anaesthetist|physician|therapist|ahp|"
    r"paramedic|registrar|medical|psychiatrist|psychologist|sister|charge nurse)\b",
    re.I,
)
_EXECUTIVE = re.compile(
    r"\b(director|chief|officer|coo|cfo|ceo|cio|cdo|cto|cpo|cito|dof|deputy|head of|executive|exec|"
    r"manager|lead|sro|chair|associate director|general manager|board)\b",
    re.I,
)
ROLE_SHARE = 0.6  # at least this share of the values must be roles


def role_kind(values: Sequence[str]) -> str | None:
    """'clinical' when most values are roles and most of those are clinical, 'executive' when most are
    other roles, else None (names, free text, codes). Values longer than 60 characters are not roles."""
    if len(values) < 2:
        return None
    short = [v for v in values if len(v) <= 60]
    clinical = sum(1 for v in short if _CLINICAL.search(v))
    roles = sum(1 for v in short if _CLINICAL.search(v) or _EXECUTIVE.search(v))
    if roles < ROLE_SHARE * len(values):
        return None
    return "clinical" if clinical >= ROLE_SHARE * roles else "executive"

"""Who does the work, read for F7 (supplier-led): the supplier by name or kind in a delivery approach or in
a lead's cell. Pure; the patterns built from a supplier cell are compiled once per distinct cell.
"""

from __future__ import annotations

import re

from portfolio.tagging.flaginput import FlagInput
from portfolio.tagging.results import Evidence

# A delivery or project lead who is the supplier's, not the trust's ("Vendor + imaging network").
_SUPPLIER_LEAD = re.compile(
    r"\b(vendor|supplier|contractor|consultan\w*|consulting|agency|interim)\b", re.IGNORECASE
)
# Who does the work, in the delivery approach: the supplier by name or as "the supplier", "agency",
# "contract engineers" ("Ferrule to fit every vehicle", "Supplier build", "3 bots built by Vantora").
_DOERS = r"supplier|vendor|agency|contractors?|contract engineers|consultants?|partner"
_DELIVERY_VERBS = (
    r"(?:design|build|built|run|deliver|implement|install|fit|migrate|configure|cut over|take|do|set up|host"
    r"|roll out|manage)(?:s|es)?"
)
_SUPPLIER_WORD = re.compile(r"[A-Z][\w&'-]{2,}")
_NOT_A_NAME = frozenset(
    {"supplier", "vendor", "tbc", "tbd", "nhs", "trust", "internal", "various", "multiple", "framework",
     "via", "direct", "none", "existing", "current", "the", "our", "not", "contract", "day", "agency", "new",
     "ics", "national", "in-house", "n/a", "winning", "preferred", "open", "single", "two", "three", "local"}
)  # fmt: skip


def _supplier_names(x: FlagInput) -> list[str]:
    """The first word of each supplier the supplier field names ("Ashlar Cloud - fixed price via G-Cloud",
    "Stenhold ePCR; Merrow Devices (tablets)" -> Ashlar, Stenhold, Merrow)."""
    supplier = x.field("supplier")
    names = []
    for part in re.split(r"[;,/+()]| - ", supplier.text if supplier else ""):
        word = _SUPPLIER_WORD.match(part.strip())
        if word and word.group().casefold() not in _NOT_A_NAME:
            names.append(word.group())
    return names


def _supplier_patterns(x: FlagInput) -> tuple[re.Pattern[str] | None, re.Pattern[str]]:
    """(the supplier's names, who does the work) as patterns, compiled once per supplier cell: a register
    names the same suppliers row after row."""
    supplier = x.field("supplier")

    def compile_them() -> tuple[re.Pattern[str] | None, re.Pattern[str]]:
        names = [re.escape(n) for n in _supplier_names(x)]
        doers = "|".join([*names, _DOERS])
        doing = re.compile(
            rf"\b(?:(?:{doers})(?:'s)?(?: \w+){{0,2}}? (?:to )?{_DELIVERY_VERBS}\b"
            rf"|(?:built|run|delivered|configured|installed|migrated|implemented) by (?:the )?(?:{doers})\b)",
            re.IGNORECASE,
        )
        return (re.compile(rf"\b(?:{'|'.join(names)})\b") if names else None), doing

    key = ("supplier patterns", supplier.text if supplier else "")
    return x.rubric.cues.remember(key, compile_them)


def supplier_leads(x: FlagInput, text: str) -> bool:
    """Whether a lead's cell (``text``) names the supplier's side: "Vendor PM", "Programme director (Mossgate
    Consulting)", or the supplier by name."""
    if _SUPPLIER_LEAD.search(text):
        return True
    names = _supplier_patterns(x)[0]
    return names is not None and names.search(text) is not None


def supplier_does_the_work(x: FlagInput) -> Evidence | None:
    """Evidence that the delivery approach gives the work itself to the supplier, else None."""
    approach = x.field("delivery_approach")
    if approach is None or approach.placeholder:
        return None
    pattern = _supplier_patterns(x)[1]
    found = pattern.search(approach.text)
    if found is None:
        return None
    return Evidence(approach.label, found.group(), found.start(), found.end(), "for", "supplier_led")

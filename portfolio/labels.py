"""Plain-English names of the fixed ids, for pages and exports (the rubric data holds the principle texts)."""

from __future__ import annotations

from portfolio.principles import FlagId, SignalId

FLAG_LABELS: dict[str, str] = {
    FlagId.TECH_CENTRED: "Technology-centred, no user need",
    FlagId.NO_MEASURABLE_GOAL: "No measurable goal",
    FlagId.OUTPUT_ONLY_BENEFITS: "Output-only or savings-only benefits",
    FlagId.BIG_BANG: "Big-bang delivery",
    FlagId.NO_CLINICAL_LEAD: "No clinical lead on a clinical project",
    FlagId.NO_OWNER: "No accountable owner",
    FlagId.SUPPLIER_LED: "Supplier-led, no in-house capability",
    FlagId.LOCK_IN_RISK: "Supplier lock-in risk",
    FlagId.FUNDING_ENDS_AT_GO_LIVE: "Funding stops at go-live",
    FlagId.STUCK_ON_PLAN: "Stuck on the wrong plan",
    FlagId.VAGUE_OR_HYPE: "Vague or hype-led",
    FlagId.CLINICAL_SAFETY_MISSING: "Clinical safety not evidenced",
    FlagId.MISSING_DATES: "Missing dates or decision points",
}

SIGNAL_LABELS: dict[str, str] = {
    SignalId.NO_LINE_OF_SIGHT: "Line of sight to strategy",
    SignalId.NO_FOCUS: "Focus",
    SignalId.OVER_CAPACITY: "Work against in-house capacity",
    SignalId.PRIORITY_INFLATION: "Priority inflation",
    SignalId.TECH_CENTRED_SHARE: "Technology-centred projects",
    SignalId.UNMEASURABLE_SHARE: "Projects with no measurable goal",
    SignalId.NO_OWNERS: "Owners and clinical leads",
    SignalId.DUPLICATION: "Overlap and duplication",
    SignalId.NOTHING_STOPS: "Does anything stop?",
    SignalId.SUPPLIER_CONCENTRATION: "Supplier concentration",
    SignalId.LATE_VALUE: "Late value",
    SignalId.HYPE_SHARE: "Hype share",
    SignalId.NO_SWITCH_OFF: "Switching old things off",
}

STATUS_LABELS = {"evident": "Evident", "partial": "Partial", "missing": "Missing"}
#: NHS.UK tag colour per status: colour always comes with the status word, never alone.
STATUS_TAG_CLASSES = {"evident": "nhsuk-tag--green", "partial": "nhsuk-tag--yellow", "missing": "nhsuk-tag--red"}
LEVEL_LABELS = {"ok": "OK", "amber": "Amber", "red": "Red", "unknown": "Not enough data"}
LEVEL_TAG_CLASSES = {"ok": "nhsuk-tag--green", "amber": "nhsuk-tag--orange", "red": "nhsuk-tag--red",
                     "unknown": "nhsuk-tag--grey"}
VERDICT_LABELS = {"coherent": "Coherent", "shopping_list": "Shopping list"}

"""The fixed ids of the rubric: principles, project flags and portfolio signals (RUBRIC.md).

Pure: imports nothing from Flask or the database. The cues, questions and thresholds that go with these
ids live in the versioned rubric data (``portfolio/tagging/rubric.json``); only the ids are fixed here.
"""

from enum import StrEnum


class Principle(StrEnum):
    USER_NEEDS = "user_needs"
    CLEAR_GOALS = "clear_goals"
    MEASURE_LEARN = "measure_learn"
    DELIVER_INCREMENTALLY = "deliver_incrementally"
    IN_HOUSE_TEAM = "in_house_team"
    SUPPLIER_VALUE = "supplier_value"
    BUILD_TRUST = "build_trust"
    ADAPT_PLAN = "adapt_plan"


class FlagId(StrEnum):
    TECH_CENTRED = "tech_centred"
    NO_MEASURABLE_GOAL = "no_measurable_goal"
    OUTPUT_ONLY_BENEFITS = "output_only_benefits"
    BIG_BANG = "big_bang"
    NO_CLINICAL_LEAD = "no_clinical_lead"
    NO_OWNER = "no_owner"
    SUPPLIER_LED = "supplier_led"
    LOCK_IN_RISK = "lock_in_risk"
    FUNDING_ENDS_AT_GO_LIVE = "funding_ends_at_go_live"
    STUCK_ON_PLAN = "stuck_on_plan"
    VAGUE_OR_HYPE = "vague_or_hype"
    CLINICAL_SAFETY_MISSING = "clinical_safety_missing"
    MISSING_DATES = "missing_dates"


class SignalId(StrEnum):
    NO_LINE_OF_SIGHT = "no_line_of_sight"
    NO_FOCUS = "no_focus"
    OVER_CAPACITY = "over_capacity"
    PRIORITY_INFLATION = "priority_inflation"
    TECH_CENTRED_SHARE = "tech_centred_share"
    UNMEASURABLE_SHARE = "unmeasurable_share"
    NO_OWNERS = "no_owners"
    DUPLICATION = "duplication"
    NOTHING_STOPS = "nothing_stops"
    SUPPLIER_CONCENTRATION = "supplier_concentration"
    LATE_VALUE = "late_value"
    HYPE_SHARE = "hype_share"
    NO_SWITCH_OFF = "no_switch_off"


class Status(StrEnum):
    EVIDENT = "evident"
    PARTIAL = "partial"
    MISSING = "missing"


class Level(StrEnum):
    OK = "ok"
    AMBER = "amber"
    RED = "red"
    UNKNOWN = "unknown"  # not enough data to judge


class Verdict(StrEnum):
    COHERENT = "coherent"
    SHOPPING_LIST = "shopping_list"


#: The canonical fields a column can be mapped to (DESIGN.md), in the order the mapping screen shows them.
CANONICAL_FIELDS: tuple[str, ...] = (
    "ref", "title", "description", "strategic_objective", "benefits", "kpis", "owner", "clinical_lead",
    "supplier", "delivery_approach", "stage", "budget", "start_date", "end_date", "rag", "priority", "trust",
)

"""Project flags F1-F13 (RUBRIC.md section b), read by meaning, each with a reason that names its evidence.

Pure. The cue lists live in the rubric's ``flags`` section; the rules here combine them with the record's
structure (dates, budget lines, RAG) and with the principle results, following the labelled set's
judgement calls (e.g. a measured user problem means a refresh is not technology-centred; infrastructure is
not a clinical project even when its text mentions wards).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from portfolio.principles import FlagId, Principle, Status
from portfolio.records import ProjectRecord
from portfolio.tagging.fields import FieldText
from portfolio.tagging.flaginput import FRAMING, NOTES, FlagInput, Found, evidence_of, flag_input, quote
from portfolio.tagging.matching import CLAUSE_END
from portfolio.tagging.results import Evidence, FlagResult, PrincipleResult
from portfolio.tagging.rubric import Rubric
from portfolio.tagging.supplierwork import supplier_does_the_work, supplier_leads

_INT = re.compile(r"\d+")


#: Where a record says what its work is for: a problem stated there is the users' ("nurses re-enter obs");
#: the same words in a decision log, KPI or plan ("delayed", "P1 incidents", "about 6 weeks") are not.
_PURPOSE = frozenset({"title", "description", "benefits", "users"})
#: The fields each rule reads (built once, not per project).
_TITLE_DESCRIPTION = frozenset({"title", "description"})
_GOALS = frozenset({"kpis", "benefits", "strategic_objective"})
_MEASURES = frozenset({"kpis", "benefits"})
_BENEFITS = frozenset({"benefits"})
_WRITTEN = FRAMING | NOTES | frozenset({"other"})
_FRAMING_NOTES = FRAMING | NOTES
_TITLE = frozenset({"title"})
_CLINICAL_TEXT = frozenset({"title", "description", "benefits", "kpis"})
_LEADS = frozenset({"owner", "product_owner", "team"})
_OWNER = frozenset({"owner"})
_SUPPLIER_TEXT = FRAMING | frozenset({"supplier", "project_manager", "decision_log", "contract"})
_IN_HOUSE_TEXT = FRAMING | frozenset({"supplier", "team"})
_FUNDING = frozenset({"funding"})
_STOP_TEXT = frozenset({"title", "stage", "delivery_approach"})
_CONTRACT_TEXT = frozenset({"supplier", "description", "delivery_approach", "decision_log", "funding", "contract"})


def _user_problem(x: FlagInput) -> bool:
    keys = x.rubric.principles[Principle.USER_NEEDS].fields.keys()
    found = x.find(f"{Principle.USER_NEEDS}:for:research", keys)
    found += x.find(f"{Principle.USER_NEEDS}:for:problem", _PURPOSE)
    if not found:
        return False
    # The technology's own trouble ("a cyber incident", "3 cooling failures", "a Wi-Fi site survey") is not a
    # problem its users have, nor research with them.
    machine = x.find("tech_trouble", None, ("plain", "negated", "deferred"))
    return any(
        not any(m.field is f.field and m.hit.start <= f.hit.start < m.hit.end for m in machine) for f in found
    )


def _tech_centred(x: FlagInput) -> FlagResult | None:
    frame = x.find("tech_frame", _TITLE_DESCRIPTION)
    if not frame or _user_problem(x):
        return None
    return FlagResult(
        FlagId.TECH_CENTRED,
        f"Framed around technology ({quote(frame)}) with no user problem, "
        "research or observation in the record",
        evidence_of(frame[:3]),
    )


def _no_measurable_goal(x: FlagInput) -> FlagResult | None:
    quantity = x.find("quantity", _GOALS)
    if x.filled("kpis") and quantity:
        return None
    vague = x.find("quantity", _MEASURES, ("negated", "deferred"))
    if not x.filled("kpis"):
        kpis = x.field("kpis")
        given = f"KPIs given as '{kpis.text}'" if kpis else "No KPIs given"
        reason = (
            f"{given} and no number, baseline or target in the benefits"
            if not quantity
            else f"{given}; only the benefits carry a number"
        )
    else:
        reason = "KPIs name no number, baseline or target" + (
            f" ({quote(vague)} not yet set)" if vague else ""
        )
    return FlagResult(FlagId.NO_MEASURABLE_GOAL, reason, evidence_of(vague[:2]))


def _output_only(x: FlagInput) -> FlagResult | None:
    if not x.filled("benefits") or x.has("outcome", _BENEFITS):
        return None
    benefits = x.field("benefits")
    assert benefits is not None  # noqa: S101 - filled() checked it
    return FlagResult(
        FlagId.OUTPUT_ONLY_BENEFITS,
        f"Benefits ('{benefits.text}') name outputs or savings, with no patient or staff outcome",
        (Evidence(benefits.label, benefits.text, 0, len(benefits.text), "for", "benefits"),),
    )


def _months(x: FlagInput) -> int | None:
    start, end = x.record.start_date, x.record.end_date
    if start is None or end is None:
        return None
    return (end.year - start.year) * 12 + end.month - start.month


def _big_bang(x: FlagInput) -> FlagResult | None:
    said = x.find("big_bang", _FRAMING_NOTES)
    if said:
        return FlagResult(FlagId.BIG_BANG, f"Delivery in one go: {quote(said)}", evidence_of(said[:2]))
    months = _months(x)
    if (
        months is None
        or months <= x.rubric.thresholds["long_project_months"]
        or not x.filled("delivery_approach")
    ):
        return None
    if x.has("increment", _FRAMING_NOTES, ("plain", "deferred")):
        return None
    return FlagResult(
        FlagId.BIG_BANG,
        f"Runs {months} months with no pilot, phase, wave or release named in the delivery approach",
    )


def is_clinical(x: FlagInput) -> list[Found]:
    """Evidence that the project is used in direct care or clinical records ([] when it is not).

    Infrastructure, rostering, telephony, coding and the like are not clinical even when they mention wards.
    """
    if x.has("non_clinical", _TITLE, ("plain", "negated", "deferred")) or x.has("not_clinical"):
        return []  # the title names infrastructure, or the record says it is not clinical
    return x.find("clinical", _CLINICAL_TEXT, ("plain", "deferred"))


def _no_clinical_lead(x: FlagInput) -> FlagResult | None:
    clinical = is_clinical(x)
    if not clinical or x.filled("clinical_lead"):
        return None
    if x.has("clinical_lead_cue", _LEADS):
        return None  # a CCIO or CNIO leading it is clinical leadership, whatever the column
    lead = x.field("clinical_lead")
    named = f"is '{lead.text}'" if lead else "is not named"
    return FlagResult(
        FlagId.NO_CLINICAL_LEAD,
        f"Clinical project ({quote(clinical, 1)}) but the clinical lead {named}",
        evidence_of(clinical[:1]),
    )


def _no_owner(x: FlagInput) -> FlagResult | None:
    owner = x.field("owner")
    if owner is None or owner.placeholder:
        return FlagResult(
            FlagId.NO_OWNER, "No accountable owner named" + (f" ('{owner.text}')" if owner else "")
        )
    if x.has("owner_team", _OWNER, ("plain", "negated", "deferred")):
        return FlagResult(FlagId.NO_OWNER, f"The owner is a team ('{owner.text}'), not an accountable person")
    supplier = x.field("supplier")
    if supplier and supplier.text.strip().casefold() == owner.text.strip().casefold():
        return FlagResult(FlagId.NO_OWNER, f"The owner is the supplier ('{owner.text}')")
    return None


def _supplier_led(x: FlagInput) -> FlagResult | None:
    if not x.filled("supplier"):
        return None
    led = x.find("supplier_led", _SUPPLIER_TEXT)
    lead = x.field("project_manager")
    led_by_supplier = lead is not None and supplier_leads(x, lead.text)
    doing = None if led else supplier_does_the_work(x)
    if (
        not (led or led_by_supplier or doing)
        or x.has("in_house", _IN_HOUSE_TEXT)
        or x.filled("product_owner")
    ):
        return None
    if doing is not None:
        return FlagResult(
            FlagId.SUPPLIER_LED,
            f"The supplier does the delivery ('{doing.text}' ({doing.field})) with no in-house product owner "
            "or team named",
            (doing,),
        )
    if not led:
        assert lead is not None  # noqa: S101 - led_by_supplier needs it
        return FlagResult(
            FlagId.SUPPLIER_LED,
            f"Led by the supplier ('{lead.text}' ({lead.label})) with no in-house product owner",
        )
    return FlagResult(
        FlagId.SUPPLIER_LED,
        f"Delivered by others ({quote(led)}) with no in-house product owner or team named",
        evidence_of(led[:2]),
    )


def _lock_in(x: FlagInput) -> FlagResult | None:
    if not x.filled("supplier"):
        return None
    where = _CONTRACT_TEXT
    terms = x.find("lock_terms", where)
    long_terms = [
        e
        for e in x.find("contract_years", where)
        if sum(int(n) for n in _INT.findall(e.text)) >= x.rubric.thresholds["long_contract_years"]
    ]
    if not (terms or long_terms) or x.has("exit_terms", where):
        return None
    found = terms + long_terms
    return FlagResult(
        FlagId.LOCK_IN_RISK,
        f"Contract terms that tie the trust in ({quote(found)}) and no exit, break clause or open standard",
        evidence_of(found[:2]),
    )


#: A note about the money ("Revenue for support not yet identified", "Capital only - no revenue ..."), so its
#: "not yet identified" is the funding's and not, say, a supplier's.
_ABOUT_MONEY = re.compile(r"fund|revenue|capital|budget|money", re.IGNORECASE)


def _funding_ends(x: FlagInput) -> FlagResult | None:
    lines = [b for b in x.record.budget_lines if b.kind]
    capital = sum(b.amount or 0 for b in lines if b.kind == "capital")
    revenue = sum(b.amount or 0 for b in lines if b.kind == "revenue")
    if lines and capital > 0 and revenue <= 0:
        return FlagResult(
            FlagId.FUNDING_ENDS_AT_GO_LIVE,
            f"Capital budget (£{capital:,.0f}) with no revenue or run cost after go-live",
        )
    funding = x.find("capital", _FUNDING, ("plain", "negated", "deferred"))
    if funding and not x.has("revenue", _FUNDING, ("plain", "negated", "deferred")):
        return FlagResult(
            FlagId.FUNDING_ENDS_AT_GO_LIVE,
            f"Funded from capital only ({quote(funding, 1)}), with no revenue for running and improving it",
            evidence_of(funding[:1]),
        )
    stops = [
        e
        for e in x.find("funding_stops", None, ("plain", "negated", "deferred"))
        if e.field.key == "funding" or _ABOUT_MONEY.search(e.field.text)
    ]
    if stops:
        return FlagResult(
            FlagId.FUNDING_ENDS_AT_GO_LIVE,
            f"Funding is time-limited or not secured beyond delivery ({quote(stops, 1)})",
            evidence_of(stops[:1]),
        )
    return None


def _stuck(x: FlagInput) -> FlagResult | None:
    if x.record.rag not in ("red", "amber_red"):
        return None
    stuck = x.find("stuck", _WRITTEN, ("plain", "deferred"))
    if not stuck or x.principles[Principle.ADAPT_PLAN].status is Status.EVIDENT:
        return None
    rag = x.record.rag.replace("_", "/")
    return FlagResult(
        FlagId.STUCK_ON_PLAN, f"RAG {rag} with the plan unchanged ({quote(stuck)})", evidence_of(stuck[:2])
    )


def _vague(x: FlagInput) -> FlagResult | None:
    description = x.field("description")
    words = len(description.text.split()) if description else 0
    if words < x.rubric.thresholds["description_min_words"]:
        return FlagResult(
            FlagId.VAGUE_OR_HYPE,
            f"The description is {words} words long: too short to say what problem this solves",
        )
    hype = x.find("hype", FRAMING)
    if not hype or _user_problem(x) or x.has("quantity", _GOALS):
        return None
    return FlagResult(
        FlagId.VAGUE_OR_HYPE,
        f"Rests on {quote(hype)} with no user need and no quantified outcome",
        evidence_of(hype[:2]),
    )


def _safety_missing(x: FlagInput) -> FlagResult | None:
    clinical = is_clinical(x)
    if not clinical or x.has("stopped", _STOP_TEXT):
        return None
    early = (stage := x.field("stage")) is not None and bool(_EARLY_STAGE.search(stage.text))
    own = _trusts_own(x.find("safety", None, ("plain", "deferred") if early else ("plain",)), x)
    if own:
        return None  # before the build, a safety case planned for later ("hazard log at beta") is in time
    awaited = x.find("safety", None, ("negated", "deferred"))  # "DCB0160 to follow" is not yet evidence
    extra = f"; {quote(awaited, 1)} is not yet evidence" if awaited else ""
    return FlagResult(
        FlagId.CLINICAL_SAFETY_MISSING,
        f"Clinical project ({quote(clinical, 1)}) with no DCB0129/"
        f"DCB0160, hazard log or clinical safety officer review recorded{extra}",
        evidence_of(clinical[:1]),
    )


def _trusts_own(safety: list[Found], x: FlagInput) -> list[Found]:
    """The safety evidence that is the trust's own: not the supplier's DCB0129 or a safety case left to the
    supplier ("covered by the supplier's DCB0129", "supplier to pick up"), which the labelled rules say is
    no evidence of the trust's clinical safety work."""
    handed_over = x.find("safety_by_supplier", None, ("plain", "negated", "deferred"))
    return [f for f in safety if not any(d.field is f.field and _same_clause(f, d) for d in handed_over)]


def _same_clause(a: Found, b: Found) -> bool:
    """Whether two hits in one field sit in one clause ("Supplier DCB0129 in; our DCB0160 done" is two)."""
    start, end = min(a.hit.start, b.hit.start), max(a.hit.end, b.hit.end)
    return not CLAUSE_END.search(a.field.text, start, end)

# Stages before anything is built or bought, when clinical safety work may rightly be still to come.
_EARLY_STAGE = re.compile(
    r"\b(idea|proposal|pipeline|concept|discovery|alpha|options?|business case|s?obc|procurement|tender\w*"
    r"|evaluation|pre-?procurement)\b",
    re.IGNORECASE,
)


def _date_missing(x: FlagInput, name: str, value: object) -> bool:
    if value is not None:
        return False
    text = x.record.field_text(name).strip()
    return not text or bool(x.rubric.placeholder.match(text))


def _review_missing(field: FieldText) -> bool:
    """A next review that is blank or a placeholder ("TBC"); "n/a (stopped)" says why there is none."""
    text = field.text.strip()
    return not text or (field.placeholder and not _NOT_APPLICABLE.match(text))


_NOT_APPLICABLE = re.compile(r"n/?a\b|not applicable", re.IGNORECASE)


def _missing_dates(x: FlagInput) -> FlagResult | None:
    gaps = [
        label
        for name, label, value in (
            ("start_date", "start", x.record.start_date),
            ("end_date", "end", x.record.end_date),
        )
        if _date_missing(x, name, value)
    ]
    gaps += [
        "next review" if f.key == "next_review" else "next decision"
        for f in x.fields
        if f.key in ("next_review", "next_decision") and _review_missing(f)
    ]
    if not gaps:
        return None
    shown = [
        f"{g} ('{x.record.field_text(g + '_date')}')" if x.record.field_text(g + "_date") else g for g in gaps
    ]
    return FlagResult(FlagId.MISSING_DATES, f"No usable {' or '.join(shown)} date")


RULES: tuple[Callable[[FlagInput], FlagResult | None], ...] = (
    _tech_centred,
    _no_measurable_goal,
    _output_only,
    _big_bang,
    _no_clinical_lead,
    _no_owner,
    _supplier_led,
    _lock_in,
    _funding_ends,
    _stuck,
    _vague,
    _safety_missing,
    _missing_dates,
)


def evaluate_flags(
    record: ProjectRecord,
    fields: Sequence[FieldText],
    principles: Mapping[Principle, PrincipleResult],
    rubric: Rubric,
) -> tuple[FlagResult, ...]:
    """Every flag F1-F13 the record raises, in FlagId order, each with its reason. Pure; never raises."""
    x = flag_input(record, fields, principles, rubric)
    return tuple(result for rule in RULES if (result := rule(x)) is not None)

"""The principle tagger: for each of the eight principles, a status, a score and the words behind it.

Pure and fast: the rubric's cues are compiled once (``load_rubric``); a record's fields are scanned once and
every principle and flag reads the same hits. A principle's score is the sum of its evidence facets (each
weighted by the field it was found in) minus its red flags (capped); the status follows the rubric's
thresholds, and "evident" also needs the facets the rubric marks as required (e.g. P1 needs research, not
just named users). Negated or deferred cues ("no baseline", "KPIs TBC", "hazard log to be opened") count
against, never for.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from portfolio.collector import collector_paused
from portfolio.principles import Principle, Status
from portfolio.records import PortfolioContext, ProjectRecord
from portfolio.tagging.fields import FieldText, Part, record_fields
from portfolio.tagging.flags import evaluate_flags
from portfolio.tagging.results import Evidence, PrincipleResult, ProjectAssessment
from portfolio.tagging.rubric import PrincipleRubric, Rubric

MAX_EVIDENCE = 12  # per principle: enough to explain, few enough to read
OBJECTIVE_MATCH = 70  # rapidfuzz partial ratio for "cites one of the portfolio's objectives"


def _cites_objective(text: str, context: PortfolioContext | None) -> bool:
    """True unless the portfolio lists objectives and ``text`` resembles none of them."""
    if context is None or not context.objectives:
        return True
    low = text.lower()
    return any(fuzz.partial_ratio(low, o.lower()) >= OBJECTIVE_MATCH for o in context.objectives)


def _presence(
    weight: float,
    facet: str,
    present: Sequence[str],
    rule: PrincipleRubric,
    fields: Sequence[FieldText],
    context: PortfolioContext | None,
    disqualified: set[int],
) -> tuple[float, list[Evidence]]:
    """A facet met by a field being filled in; a field that also carries one of the principle's red flags
    (an objective of "IT", KPIs of "Module live") is there but does not count."""
    best, found = 0.0, []
    for field in fields:
        if field.key not in present or field.blank:
            continue
        usable = (
            not field.placeholder
            and field.serial not in disqualified
            and (field.key != "strategic_objective" or _cites_objective(field.text, context))
        )
        text = field.text
        found.append(Evidence(field.label, text, 0, len(text), "for" if usable else "against", facet))
        if usable:
            best = max(best, weight * rule.fields.get(field.key, 1.0))
    return best, found


def _dedupe(evidence: list[Evidence]) -> tuple[Evidence, ...]:
    """Evidence "for" first, by field and position; a shorter span starting where another of the same
    polarity starts is dropped ("found 4" beside "found 40")."""
    ordered = sorted(evidence, key=lambda e: (e.polarity != "for", e.field, e.start, -e.end))
    kept: list[Evidence] = []
    last: tuple[str, str, int] | None = None
    for e in ordered:
        here = (e.polarity, e.field, e.start)
        if here != last:
            kept.append(e)
            last = here
            if len(kept) == MAX_EVIDENCE:
                break
    return tuple(kept)


def _status(rule: PrincipleRubric, rubric: Rubric, score: float, hit_facets: set[str]) -> Status:
    if score >= rubric.thresholds["evident"] and hit_facets.issuperset(rule.evident_requires):
        return Status.EVIDENT
    return Status.PARTIAL if score >= rubric.thresholds["partial"] else Status.MISSING


def _parts_of(rule: PrincipleRubric, rubric: Rubric, fields: Sequence[FieldText]) -> list[Part | None]:
    index = list(rubric.principles).index(rule.principle)
    return [f.parts[index] for f in fields]


def assess_principle(
    rule: PrincipleRubric,
    rubric: Rubric,
    fields: Sequence[FieldText],
    context: PortfolioContext | None = None,
    parts: Sequence[Part | None] | None = None,
) -> PrincipleResult:
    """Score one principle from a record's fields (``parts``: each field's ``Part`` for it, or None).

    Pure; never raises for any record.
    """
    if parts is None:
        parts = _parts_of(rule, rubric, fields)
    bests = [0.0] * len(rule.facets)
    reds = [0.0] * len(rule.red_flags)
    evidence: list[Evidence] = []
    disqualified: set[int] = set()
    for field, part in zip(fields, parts, strict=True):
        if part is not None:
            fb, fr, fe = part
            evidence.extend(fe)
            for i, value in enumerate(fb):
                if value > bests[i]:
                    bests[i] = value
            if any(fr):
                for i, value in enumerate(fr):
                    if value > reds[i]:
                        reds[i] = value
                disqualified.add(field.serial)
    for i, facet in enumerate(rule.facets):
        if facet.present_fields:
            best, found = _presence(
                facet.weight, facet.id, facet.present_fields, rule, fields, context, disqualified
            )
            bests[i] = max(bests[i], best)
            evidence += found
    hit_facets = {facet.id for facet, best in zip(rule.facets, bests, strict=True) if best > 0}
    score = max(0.0, min(1.0, sum(bests) - min(sum(reds), rubric.thresholds["red_cap"])))
    status = _status(rule, rubric, score, hit_facets)
    questions = () if status is Status.EVIDENT else rule.questions
    return PrincipleResult(rule.principle, status, round(score, 4), _dedupe(evidence), questions)


def tag_project(
    record: ProjectRecord, rubric: Rubric, context: PortfolioContext | None = None
) -> ProjectAssessment:
    """Tag one project against the eight principles and raise its project flags (F1-F13).

    Inputs: the record as imported, a loaded rubric, and optionally the portfolio context (its listed
    strategic objectives make P2 check the cited objective). Output: a ``ProjectAssessment`` with all eight
    principles, the raised flags with reasons, and ``rubric.version``. Pure; raises nothing for odd records.
    """
    fields = record_fields(record, rubric)
    objectives = context.objectives if context else ()
    memo = rubric.cues.memo
    principles: dict[Principle, PrincipleResult] = {}
    for index, (p, rule) in enumerate(rubric.principles.items()):
        # A principle's result depends only on the fields that carry its evidence (and the objectives), so
        # records sharing those cells share the result. The key holds the (identity-compared) fields.
        present = rule.present_keys
        relevant = tuple([f for f in fields if f.parts[index] is not None or f.key in present])
        key = (index, relevant, objectives)
        result = memo.get(key)  # type: ignore[assignment]
        if result is None:
            mine = [f.parts[index] for f in relevant]
            result = rubric.cues.store(key, assess_principle(rule, rubric, relevant, context, mine))
        principles[p] = result  # type: ignore[assignment]
    flags = evaluate_flags(record, fields, principles, rubric)  # type: ignore[arg-type]
    return ProjectAssessment(principles=principles, flags=flags, rubric_version=rubric.version)


def tag_projects(
    records: Sequence[ProjectRecord], rubric: Rubric, context: PortfolioContext | None = None
) -> tuple[ProjectAssessment, ...]:
    """``tag_project`` for every record, in order, with the garbage collector paused for the batch."""
    with collector_paused():
        return tuple(tag_project(record, rubric, context) for record in records)


__all__ = ["assess_principle", "tag_project", "tag_projects"]

"""A project's assessment as the database keeps it, and the full document pages read back from it.

Pure. An import stores every project's assessment beside its record (pages never re-tag). Written out in
full, with keys on every evidence item, the evidence's words again beside their offsets and the flag reasons
the version's ``flags`` list already holds, it was 2.7 KB a project: most of a 20,000-project import's store
and of the database it grows. The stored form, version 2:

    {"v": 2, "rubric_version": "...",
     "principles": [[principle, status, score, [[field, start, end, polarity, facet], ...]], ...],
     "flags": [[flag, [[field, start, end], ...]], ...]}

An evidence item's words are left out when they are the project's own text at its offsets (fields before
extras, as the project page looks them up), which is how the tagger finds them; otherwise they follow as a last
item, so nothing is lost. ``full_document`` rebuilds what was stored before version 2 existed, and passes such
older documents through unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from portfolio.tagging.results import Evidence, ProjectAssessment

VERSION = 2


def stored_document(
    assessment: ProjectAssessment, text: Mapping[str, str], extras: Mapping[str, str]
) -> dict[str, Any]:
    """The compact document of one project's assessment (JSON types, enums as their values' strings)."""
    principles: list[list[Any]] = []
    for principle, result in assessment.principles.items():
        items: list[list[Any]] = []
        for e in result.evidence:
            item: list[Any] = [e.field, e.start, e.end, e.polarity, e.facet]
            if not _own_words(e, text, extras):
                item.append(e.text)
            items.append(item)
        principles.append([str(principle), str(result.status), result.score, items])
    flags: list[list[Any]] = []
    for flag in assessment.flags:
        spans: list[list[Any]] = []
        for e in flag.evidence:
            span: list[Any] = [e.field, e.start, e.end]
            if not _own_words(e, text, extras):
                span.append(e.text)
            spans.append(span)
        flags.append([str(flag.flag), spans])
    return {"v": VERSION, "rubric_version": assessment.rubric_version, "principles": principles, "flags": flags}


def _own_words(e: Evidence, text: Mapping[str, str], extras: Mapping[str, str]) -> bool:
    source = text.get(e.field)
    if source is None:
        source = extras.get(e.field)
    return source is not None and source[e.start : e.end] == e.text


def full_document(
    doc: Mapping[str, Any],
    text: Mapping[str, str],
    extras: Mapping[str, str],
    flags: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """The assessment as pages, the board pack and the export read it:
    {"rubric_version", "principles": {id: {"status", "score", "evidence": [{"field", "text", "start", "end",
    "polarity", "facet"}]}}, "flags": [{"id", "reason", "evidence": [{"field", "text", "start", "end"}]}]}.

    ``flags`` is the version's own list of {"id", "reason"}, in the same order. A document stored before
    version 2 is returned as it is."""
    if doc.get("v") != VERSION:
        return dict(doc)
    reasons = {str(f.get("id")): str(f.get("reason") or "") for f in flags}
    return {
        "rubric_version": doc.get("rubric_version", ""),
        "principles": {
            principle: {
                "status": status,
                "score": score,
                "evidence": [
                    {
                        "field": item[0],
                        "text": _words(item, 5, text, extras),
                        "start": item[1],
                        "end": item[2],
                        "polarity": item[3],
                        "facet": item[4],
                    }
                    for item in items
                ],
            }
            for principle, status, score, items in doc.get("principles", [])
        },
        "flags": [
            {
                "id": flag,
                "reason": reasons.get(flag, ""),
                "evidence": [
                    {"field": span[0], "text": _words(span, 3, text, extras), "start": span[1], "end": span[2]}
                    for span in spans
                ],
            }
            for flag, spans in doc.get("flags", [])
        ],
    }


def _words(item: Sequence[Any], at: int, text: Mapping[str, str], extras: Mapping[str, str]) -> str:
    if len(item) > at:
        return str(item[at])
    field = item[0]
    source = text.get(field)
    if source is None:
        source = extras.get(field, "")
    return str(source)[item[1] : item[2]]

"""The assessment document as the store wrote it in full before the compact form (portfolio.tagging.stored):
what the full document read back from a stored row must equal."""

from __future__ import annotations

from typing import Any

from portfolio.tagging.results import ProjectAssessment


def document_in_full(assessment: ProjectAssessment) -> dict[str, Any]:
    return {
        "rubric_version": assessment.rubric_version,
        "principles": {
            str(p): {
                "status": str(r.status),
                "score": r.score,
                "evidence": [
                    {"field": e.field, "text": e.text, "start": e.start, "end": e.end, "polarity": e.polarity,
                     "facet": e.facet}
                    for e in r.evidence
                ],
            }
            for p, r in assessment.principles.items()
        },
        "flags": [
            {"id": str(f.flag), "reason": f.reason,
             "evidence": [{"field": e.field, "text": e.text, "start": e.start, "end": e.end} for e in f.evidence]}
            for f in assessment.flags
        ],
    }

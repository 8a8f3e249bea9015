"""The portfolio result as the ``assess`` JSON contract's "portfolio" object (DESIGN.md).

Pure: no Flask, no ORM. The contract's levels are ok/amber/red only: a signal the data could not judge is
written as level "ok" with value null, and its explanation says what was missing. Readers tell "judged fine"
from "not judged" by the null value.
"""

from __future__ import annotations

from typing import Any

from portfolio.analysis.assess import PortfolioResult
from portfolio.principles import Level


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def portfolio_to_json(result: PortfolioResult) -> dict[str, Any]:
    """{"verdict", "score", "signals": [{"id", "value", "level", "explanation"}], "duplicate_groups"}.

    Plain JSON types only (json.dumps works on the result); signals in rubric order; each duplicate group is
    the members' refs (titles where a project has no ref). Never raises.
    """
    return {
        "verdict": result.verdict.value,
        "score": int(result.score),
        "signals": [
            {
                "id": signal.id.value,
                "value": None if signal.level == Level.UNKNOWN else _number(signal.value),
                "level": Level.OK.value if signal.level == Level.UNKNOWN else signal.level.value,
                "explanation": signal.explanation,
            }
            for signal in result.signals
        ],
        "duplicate_groups": [list(group.members) for group in result.duplicate_groups],
    }

"""Portfolio analysis: is the portfolio coherent or a shopping list, why, and what to do about it.

The pure core (no Flask, no ORM): ``assess_portfolio`` over ``ProjectFacts``, thresholds from
``signals.json``, objective links, duplicate groups, trends between two results and the JSON
contract's "portfolio" object.
"""

from portfolio.analysis.assess import PortfolioResult, assess_portfolio
from portfolio.analysis.contract import portfolio_to_json
from portfolio.analysis.facts import ProjectFacts, is_active
from portfolio.analysis.measure import Signal
from portfolio.analysis.objectives import ObjectiveLinks, link_objective, link_objectives
from portfolio.analysis.overlap import OverlapGroup, OverlapItem, find_overlaps
from portfolio.analysis.thresholds import Thresholds, load_thresholds, validate_thresholds
from portfolio.analysis.trends import PortfolioChange, SignalChange, compare_results

__all__ = [
    "ObjectiveLinks",
    "OverlapGroup",
    "OverlapItem",
    "PortfolioChange",
    "PortfolioResult",
    "ProjectFacts",
    "Signal",
    "SignalChange",
    "Thresholds",
    "assess_portfolio",
    "compare_results",
    "find_overlaps",
    "is_active",
    "link_objective",
    "link_objectives",
    "load_thresholds",
    "portfolio_to_json",
    "validate_thresholds",
]

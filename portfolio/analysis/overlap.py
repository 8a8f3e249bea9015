"""Duplicated and overlapping work: projects that look like the same job, in one trust or across an ICS.

Pure: no Flask, no ORM. Two tests, both linear-ish in the number of projects:
- similar wording: TF-IDF cosine on title + description (scikit-learn), pairs found with one sparse matrix
  product per block of rows and a threshold, never a Python loop over pairs;
- the same kind of system in the title (EPR, PACS, e-prescribing, Wi-Fi ...) in the same trust with the same
  objective (or no objective on one side, which gives no reason to keep them apart), or in two different
  organisations (two trusts of one ICS each buying e-rostering).
Linked projects are merged into groups (connected components), each with the reasons that joined it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer

#: Kinds of system a trust buys or builds once; two projects on the same one deserve a look.
SYSTEM_KINDS: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.IGNORECASE)
    for name, pattern in {
        "EPR": r"\b(epr|ehr|electronic (patient|health) record)\b",
        "PACS": r"\bpacs\b",
        "e-prescribing/EPMA": r"\b(epma|e-?prescribing|electronic prescribing)\b",
        "patient portal/app": r"\b(patient portal|portal|patient app|outpatients? app|trust app)\b",
        "Wi-Fi": r"\b(wi-?fi|wireless)\b",
        "e-rostering": r"\b(e-?roster\w*|rostering)\b",
        "e-obs": r"\b(e-?obs|electronic observations?)\b",
        "dictation/speech recognition": r"\b(dictation|voice recognition|speech recognition)\b",
        "bed management/patient flow": r"\b(bed management|patient flow)\b",
        "RPA": r"\b(rpa|robotic process automation)\b",
        "dashboards/BI": r"\b(dashboards?|business intelligence|power bi|qlik)\b",
        "telephony": r"\b(telephony|switchboard|contact cent(re|er))\b",
        "data warehouse": r"\bdata warehouse\b",
        "intranet": r"\bintranet\b",
        "virtual ward/remote monitoring": r"\b(virtual wards?|remote monitoring)\b",
    }.items()
}
# One search per (lowercased) title finds any kind; only the words it found are then sorted into kinds.
# Fifteen case-insensitive searches per project were the slowest step on a national view.
_ANY_KIND = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in SYSTEM_KINDS.values()))
_BLOCK_ROWS = 2000  # rows per sparse product: bounds memory on a national view of tens of thousands
_REASONS_PER_GROUP = 5


@dataclass(frozen=True)
class OverlapItem:
    """One project as the overlap test needs it; ``key`` names it in the result (ref, else title)."""

    key: str
    title: str
    description: str = ""
    objective: str | None = None
    organisation: str | None = None


@dataclass(frozen=True)
class OverlapGroup:
    """Projects that look like the same or overlapping work, and why (plain sentences)."""

    members: tuple[str, ...]
    reasons: tuple[str, ...]


class _Edges:
    """Links between item indexes: similar-wording links as arrays (there can be very many on a national
    view), same-system links as lists with their reason."""

    def __init__(self) -> None:
        self.similar: tuple[np.ndarray, np.ndarray, np.ndarray] = (
            np.empty(0, int),
            np.empty(0, int),
            np.empty(0),
        )
        self.rows: list[int] = []
        self.cols: list[int] = []
        self.reasons: list[str] = []

    def link(self, first: int, second: int, reason: str) -> None:
        self.rows.append(first)
        self.cols.append(second)
        self.reasons.append(reason)


def _link_similar_wording(items: Sequence[OverlapItem], edges: _Edges, cosine: float) -> None:
    texts = [f"{item.title} {item.title} {item.description}" for item in items]  # the title says what it is
    # A word found in a tenth of a large portfolio ("patient", "system") does not identify a piece of work;
    # dropping such words also keeps the similarity matrix sparse, hence fast, on tens of thousands.
    max_df = max(20, int(0.1 * len(items))) if len(items) >= 40 else 1.0
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, max_df=max_df, dtype=np.float32)
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # every text empty or stop words only: nothing to compare
        return
    transposed = matrix.T.tocsc()
    found = []
    for start in range(0, len(items), _BLOCK_ROWS):
        block = (matrix[start : start + _BLOCK_ROWS] @ transposed).tocoo()
        keep = (block.data >= cosine - 1e-6) & (block.row + start < block.col)
        found.append((block.row[keep] + start, block.col[keep], block.data[keep]))
    edges.similar = tuple(np.concatenate(parts) for parts in zip(*found, strict=True))  # type: ignore[assignment]


def _link_same_system(items: Sequence[OverlapItem], edges: _Edges) -> None:
    by_kind: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        words = {found.group(0) for found in _ANY_KIND.finditer(item.title.lower())}
        kinds = {kind for word in words for kind, pattern in SYSTEM_KINDS.items() if pattern.fullmatch(word)}
        for kind in sorted(kinds):
            by_kind[kind].append(index)
    for kind, members in by_kind.items():
        by_org: dict[str | None, dict[str | None, list[int]]] = defaultdict(lambda: defaultdict(list))
        for index in members:
            by_org[items[index].organisation][items[index].objective].append(index)
        for by_objective in by_org.values():
            unaimed = by_objective.get(None, [])
            aimed = [group for objective, group in by_objective.items() if objective is not None]
            for group in aimed:
                for other in group[1:]:
                    edges.link(group[0], other, f"the same kind of system ({kind}) for the same objective")
            anchors = [group[0] for group in aimed] or unaimed[:1]
            for index in unaimed:
                for anchor in anchors:
                    if anchor != index:
                        edges.link(anchor, index, f"the same kind of system ({kind}), one with no objective")
        # Across organisations the objectives are different lists, so the kind of system alone decides.
        for index in members[1:]:
            if items[index].organisation != items[members[0]].organisation:
                edges.link(members[0], index, f"the same kind of system ({kind}) in different organisations")


def _reasons(items: Sequence[OverlapItem], edges: _Edges, labels: np.ndarray) -> dict[int, list[str]]:
    """Up to ``_REASONS_PER_GROUP`` sentences per group: same-system links first, then similar wording."""
    reasons: dict[int, list[str]] = defaultdict(list)
    for first, second, reason in zip(edges.rows, edges.cols, edges.reasons, strict=True):
        if len(reasons[labels[first]]) < _REASONS_PER_GROUP:
            reasons[labels[first]].append(f"{items[first].key} and {items[second].key}: {reason}")
    rows, cols, values = edges.similar
    order = np.argsort(labels[rows], kind="stable")
    groups, starts = np.unique(labels[rows][order], return_index=True)
    for group, begin in zip(groups.tolist(), starts.tolist(), strict=True):
        for edge in order[begin : begin + _REASONS_PER_GROUP].tolist():
            if labels[rows[edge]] == group and len(reasons[group]) < _REASONS_PER_GROUP:
                reasons[group].append(
                    f"{items[rows[edge]].key} and {items[cols[edge]].key}: similar wording "
                    f"(cosine {values[edge]:.2f})"
                )
    return reasons


def find_overlaps(items: Sequence[OverlapItem], cosine: float = 0.6) -> list[OverlapGroup]:
    """Groups of two or more items that look like the same or overlapping work.

    ``cosine`` is the TF-IDF similarity (0-1) at or above which two descriptions count as the same work.
    Groups come in input order, members in input order, each with up to five reasons. Never raises on empty
    or blank input (returns []).
    """
    if len(items) < 2:
        return []
    edges = _Edges()
    _link_similar_wording(items, edges, cosine)
    _link_same_system(items, edges)
    rows = np.concatenate([edges.similar[0], np.asarray(edges.rows, dtype=int)])
    cols = np.concatenate([edges.similar[1], np.asarray(edges.cols, dtype=int)])
    graph = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(items), len(items)))
    _, labels = connected_components(graph, directed=False)
    sizes = np.bincount(labels)
    reasons = _reasons(items, edges, labels)
    members: dict[int, list[int]] = defaultdict(list)
    for index in np.flatnonzero(sizes[labels] > 1).tolist():
        members[int(labels[index])].append(index)
    return [
        OverlapGroup(members=tuple(items[index].key for index in group), reasons=tuple(reasons[label]))
        for label, group in sorted(members.items(), key=lambda item: item[1][0])
    ]

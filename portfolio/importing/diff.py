"""What changed between the previous upload of a portfolio and the new one.

A project keeps its identity across versions by its ref; a project without a ref (in either version) is
matched by its normalised title ("EPR – Phase 2" and "epr phase 2" are the same project). Text is compared
with whitespace collapsed, so re-saving a workbook does not make every project "changed".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from portfolio.records import ProjectRecord

KeyOf = Callable[[ProjectRecord], "str | None"]


@dataclass(frozen=True)
class FieldChange:
    """One field whose text differs: a canonical field name, or an extra column's header as written."""

    field: str
    old: str
    new: str


@dataclass(frozen=True)
class ProjectChange:
    """A project present in both versions whose text differs."""

    key: str
    old: ProjectRecord
    new: ProjectRecord
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class ReimportDiff:
    """Every current project is in exactly one of new/changed/unchanged; ``gone`` holds previous ones
    that are no longer in the upload."""

    new: tuple[ProjectRecord, ...]
    changed: tuple[ProjectChange, ...]
    unchanged: tuple[ProjectRecord, ...]
    gone: tuple[ProjectRecord, ...]
    notes: tuple[str, ...] = ()


def normalise_title(title: str) -> str:
    """Lower case, accents and punctuation removed, whitespace collapsed: the identity of a title."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _ref_key(record: ProjectRecord) -> str | None:
    ref = (record.ref or "").strip().lower()
    return " ".join(ref.split()) or None


def _squash(text: str) -> str:
    return " ".join(text.split())


def diff_records(previous: Sequence[ProjectRecord], current: Sequence[ProjectRecord]) -> ReimportDiff:
    """Compare two versions' records (pure; neither list is changed).

    Matching is by ref first, then by normalised title among the projects still unmatched. When two
    records in one version share a key, only the first is matched and a note says so.
    """
    notes: list[str] = []
    pairs: list[tuple[ProjectRecord, ProjectRecord]] = []
    unmatched_old = list(previous)
    unmatched_new: list[ProjectRecord] = []
    title_key: KeyOf = lambda r: normalise_title(r.title) or None  # noqa: E731
    for key_of in (_ref_key, title_key):
        index = _index(unmatched_old, key_of, notes, "previous")
        still_new = []
        for record in current if key_of is _ref_key else unmatched_new:
            key = key_of(record)
            old = index.pop(key, None) if key else None
            if old is None:
                still_new.append(record)
            else:
                pairs.append((old, record))
        matched = {id(o) for o, _ in pairs}
        unmatched_old = [r for r in unmatched_old if id(r) not in matched]
        unmatched_new = still_new
    changed, unchanged = [], []
    for old, new in pairs:
        changes = field_changes(old, new)
        if changes:
            changed.append(ProjectChange(_ref_key(new) or normalise_title(new.title), old, new, changes))
        else:
            unchanged.append(new)
    return ReimportDiff(
        tuple(unmatched_new), tuple(changed), tuple(unchanged), tuple(unmatched_old), tuple(notes)
    )


def _index(
    records: Sequence[ProjectRecord], key_of: KeyOf, notes: list[str], which: str
) -> dict[str, ProjectRecord]:
    index: dict[str, ProjectRecord] = {}
    for record in records:
        key = key_of(record)
        if key is None:
            continue
        if key in index:
            notes.append(
                f"Two projects in the {which} version share '{key}' (rows {index[key].row} and "
                f"{record.row}); only the first was matched."
            )
            continue
        index[key] = record
    return index


def field_changes(old: ProjectRecord, new: ProjectRecord) -> tuple[FieldChange, ...]:
    """Every canonical field, then every extra column, whose text differs (blank counts as "")."""
    out = []
    for name in sorted(set(old.text) | set(new.text)):
        before, after = old.text.get(name, ""), new.text.get(name, "")
        if _squash(before) != _squash(after):
            out.append(FieldChange(name, before, after))
    for name in sorted(set(old.extras) | set(new.extras)):
        before, after = old.extras.get(name, ""), new.extras.get(name, "")
        if _squash(before) != _squash(after):
            out.append(FieldChange(name, before, after))
    return tuple(out)

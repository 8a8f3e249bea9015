"""Editing the part of a worksheet after ``</sheetData>``: the autofilter and the decision dropdown.

Pure. CT_Worksheet fixes the order of these elements, and Excel repairs a file that breaks it, so new elements
are inserted before the first existing one that must follow them. Nested elements with the same names (an
``<autoFilter>`` inside ``<customSheetView>``) are told apart by depth.

Decision: when the sheet has an Excel table (``<tableParts>``), no sheet autofilter is added. Excel does not
allow a sheet autofilter to overlap a table, and the table already filters the trust's columns; growing the
table
would mean rewriting its part and its column list. The annotation columns are then unfiltered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from portfolio.exporting.cells import xml_attr
from portfolio.exporting.model import DECISIONS

ORDER = (
    "sheetCalcPr",
    "sheetProtection",
    "protectedRanges",
    "scenarios",
    "autoFilter",
    "sortState",
    "dataConsolidate",
    "customSheetViews",
    "mergeCells",
    "phoneticPr",
    "conditionalFormatting",
    "dataValidations",
    "hyperlinks",
    "printOptions",
    "pageMargins",
    "pageSetup",
    "headerFooter",
    "rowBreaks",
    "colBreaks",
    "customProperties",
    "cellWatches",
    "ignoredErrors",
    "smartTags",
    "drawing",
    "legacyDrawing",
    "legacyDrawingHF",
    "drawingHF",
    "picture",
    "oleObjects",
    "controls",
    "webPublishItems",
    "tableParts",
    "extLst",
)
_TAG = re.compile(rb"<!--.*?-->|<\?.*?\?>|<(/?)(?:[\w.-]+:)?([\w.-]+)[^>]*?(/?)>", re.S)
_REF = re.compile(rb'(\sref=")[A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?(")')
_COUNT = re.compile(rb'(\scount=")\d+(")')


@dataclass(frozen=True)
class TailEdit:
    """``filter_ref``: the autofilter range ("A1:Q300"); ``decision_ranges``: cells given the dropdown."""

    filter_ref: str | None
    decision_ranges: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Element:
    name: str
    start: int
    end: int
    empty: bool


def top_level_elements(tail: bytes) -> list[_Element]:
    """The children of <worksheet> found in ``tail`` (which starts at ``</sheetData>``)."""
    found: list[_Element] = []
    depth, start, name = 0, 0, ""
    for match in _TAG.finditer(tail, tail.find(b">") + 1):
        closing, local, empty = match.group(1), match.group(2), match.group(3)
        if local is None:
            continue
        if closing:
            depth -= 1
            if depth < 0:  # </worksheet>
                break
            if depth == 0:
                found.append(_Element(name, start, match.end(), False))
        elif depth == 0:
            if empty:
                found.append(_Element(local.decode(), match.start(), match.end(), True))
            else:
                depth, start, name = 1, match.start(), local.decode()
        elif not empty:
            depth += 1
    return found


def _insert_at(tail: bytes, elements: list[_Element], name: str) -> int:
    rank = ORDER.index(name)
    for element in elements:
        if element.name in ORDER and ORDER.index(element.name) > rank:
            return element.start
    return tail.rindex(b"</")  # before </worksheet>


def edit_tail(tail: bytes, prefix: str, edit: TailEdit) -> bytes:
    """``tail`` with the autofilter set and the decision dropdown added (see the module docstring)."""
    if edit.decision_ranges:
        tail = _add_validation(tail, prefix, edit.decision_ranges)
    if edit.filter_ref:
        tail = _set_filter(tail, prefix, edit.filter_ref)
    return tail


def _set_filter(tail: bytes, prefix: str, ref: str) -> bytes:
    elements = top_level_elements(tail)
    names = {element.name for element in elements}
    if "tableParts" in names:
        return tail
    for element in elements:
        if element.name == "autoFilter":  # keep its filter settings, widen its range
            tag_end = tail.index(b">", element.start)
            tag = _REF.sub(rb"\g<1>" + ref.encode() + rb"\g<2>", tail[element.start : tag_end], count=1)
            return tail[: element.start] + tag + tail[tag_end:]
    at = _insert_at(tail, elements, "autoFilter")
    return tail[:at] + f'<{prefix}autoFilter ref="{ref}"/>'.encode() + tail[at:]


def decision_validation(prefix: str, ranges: tuple[str, ...]) -> bytes:
    """A list validation offering DECISIONS on ``ranges``; other text is refused with a message."""
    choices = xml_attr('"' + ",".join(DECISIONS) + '"')
    return (
        f'<{prefix}dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" '
        f'errorTitle="Decision" error="Choose one of: {", ".join(DECISIONS)}" sqref="{" ".join(ranges)}">'
        f"<{prefix}formula1>{choices}</{prefix}formula1></{prefix}dataValidation>"
    ).encode()


def _add_validation(tail: bytes, prefix: str, ranges: tuple[str, ...]) -> bytes:
    elements = top_level_elements(tail)
    rule = decision_validation(prefix, ranges)
    for element in elements:
        if element.name != "dataValidations":
            continue
        block = tail[element.start : element.end]
        count = len(re.findall(rb"<(?:[\w.-]+:)?dataValidation[\s>/]", block)) + 1
        if element.empty:
            open_tag = block[:-2].rstrip() + b">"
            block = open_tag + rule + f"</{prefix}dataValidations>".encode()
        else:
            close = block.rindex(b"</")
            block = block[:close] + rule + block[close:]
        block = _COUNT.sub(rb"\g<1>" + str(count).encode() + rb"\g<2>", block, count=1)
        return tail[: element.start] + block + tail[element.end :]
    at = _insert_at(tail, elements, "dataValidations")
    block = f'<{prefix}dataValidations count="1">'.encode() + rule + f"</{prefix}dataValidations>".encode()
    return tail[:at] + block + tail[at:]

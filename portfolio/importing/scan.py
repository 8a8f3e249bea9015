"""A cheap pass over an xlsx package's sheet XML: how far each sheet really reaches, and which formulas
have no saved value.

Why: python-calamine allocates the whole rectangle from A1 to the furthest cell, and a single cell at
XFD1048576 makes it abort the process. A regular-expression pass over the decompressed XML (streamed in
chunks, never held whole) finds the extent first, so such a sheet is refused before calamine loads it.
Empty styled cells (``<c r="XFD9" s="1"/>``), which some tools write as padding, do not count.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

_CHUNK = 4 << 20
_TAIL = 512  # bytes kept between chunks so a cell tag split across two chunks is still seen
_VALUED_CELL = re.compile(rb'<(?:\w+:)?c r="([A-Z]{1,4})([0-9]{1,9})"[^>/]*>')
# Without a namespace prefix the pattern starts with a literal, which the regex engine scans for quickly.
_WIDE_PLAIN = re.compile(rb'<c r="([A-Z]{2,4})[0-9]{1,9}"[^>/]*>')
_WIDE_PREFIXED = re.compile(rb'<\w+:c r="([A-Z]{2,4})[0-9]{1,9}"[^>/]*>')
_ORPHAN_FORMULA = re.compile(
    rb'<(?:\w+:)?c r="([A-Z]{1,4}[0-9]{1,9})"[^>/]*>\s*<(?:\w+:)?f\b[^>]*'
    rb"(?:/>|>[^<]*</(?:\w+:)?f>)\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?"
    rb"\s*</(?:\w+:)?c>"
)
_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?name="([^"]*)"[^>]*?(?:r:)?id="([^"]+)"')
_REL = re.compile(
    rb'<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"|'
    rb'<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"'
)
_MAX_FORMULA_REFS = 20


@dataclass(frozen=True)
class SheetExtent:
    """The last row and column (1-based) holding a value, and formula cells with no saved value."""

    rows: int
    columns: int
    orphan_formulas: tuple[str, ...] = ()


def column_number(letters: str) -> int:
    """'A' -> 1, 'Z' -> 26, 'AA' -> 27."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def scan_xlsx(data: bytes) -> dict[str, SheetExtent]:
    """Sheet name -> extent for every worksheet of an xlsx/xlsm package (already size-checked by guard).

    Sheets whose part cannot be found are left out (the reader then trusts calamine for them).
    """
    out: dict[str, SheetExtent] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = {n.lower(): n for n in zf.namelist()}
        for sheet, part in _sheet_parts(zf, names).items():
            out[sheet] = _scan_part(zf, part)
    return out


def _sheet_parts(zf: zipfile.ZipFile, names: dict[str, str]) -> dict[str, str]:
    wb_name = names.get("xl/workbook.xml")
    rels_name = names.get("xl/_rels/workbook.xml.rels")
    if not wb_name or not rels_name:
        return {}
    targets: dict[bytes, bytes] = {}
    for m in _REL.finditer(zf.read(rels_name)):
        rid, target = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        targets[rid] = target
    parts: dict[str, str] = {}
    for m in _SHEET.finditer(zf.read(wb_name)):
        target = targets.get(m.group(2), b"").decode("utf-8", "replace").lstrip("/")
        path = target if target.lower().startswith("xl/") else "xl/" + target
        real = names.get(path.lower())
        if real:
            parts[_unescape(m.group(1).decode("utf-8", "replace"))] = real
    return parts


def _unescape(name: str) -> str:
    return (
        name.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


def _scan_part(zf: zipfile.ZipFile, part: str) -> SheetExtent:
    max_row = max_col = 0
    formulas: list[str] = []
    tail = b""
    with zf.open(part) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            buf = tail + chunk
            cut = buf.rfind(b"<", max(0, len(buf) - _TAIL))
            body, tail = (buf[:cut], buf[cut:]) if cut > 0 else (buf, b"")
            max_row, max_col = _extent(body, max_row, max_col)
            if len(formulas) < _MAX_FORMULA_REFS and b"<f" in body:
                formulas.extend(m.decode() for m in _ORPHAN_FORMULA.findall(body))
    max_row, max_col = _extent(tail, max_row, max_col)
    return SheetExtent(max_row, max_col, tuple(formulas[:_MAX_FORMULA_REFS]))


def _extent(body: bytes, max_row: int, max_col: int) -> tuple[int, int]:
    # Rows are written in ascending order (the spec requires it), so the last valued cell of a chunk holds
    # its highest row; columns past Z are rare, so only multi-letter references are collected (C-level
    # findall into a set), never one Python step per cell.
    tail = _VALUED_CELL.findall(body[-65536:])
    if tail:
        max_row = max(max_row, max(int(r) for _, r in tail))
    wide = set(_WIDE_PLAIN.findall(body))
    if b':c r="' in body:
        wide |= set(_WIDE_PREFIXED.findall(body))
    if wide:
        max_col = max(max_col, max(column_number(c.decode()) for c in wide))
    elif tail or _VALUED_CELL.search(body):
        max_col = max(max_col, max((column_number(c.decode()) for c, _ in tail), default=26))
    return max_row, max_col

"""The cell styles the export needs, added to the workbook's own styles.xml without disturbing its styles.

Pure. New fonts, fills and cell formats are appended at the end of their lists, so every style index the
trust's cells already use keeps its meaning. The status colours are Excel's own Good / Neutral / Bad.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from portfolio.exporting.cells import CellStyles
from portfolio.exporting.package import root_prefix

STATUS_COLOURS = {  # status -> (fill, font): Excel's Good, Neutral and Bad cell styles
    "evident": ("FFC6EFCE", "FF006100"),
    "partial": ("FFFFEB9C", "FF9C5700"),
    "missing": ("FFFFC7CE", "FF9C0006"),
}
STYLESHEET_ORDER = (
    "numFmts",
    "fonts",
    "fills",
    "borders",
    "cellStyleXfs",
    "cellXfs",
    "cellStyles",
    "dxfs",
    "tableStyles",
    "colors",
    "extLst",
)
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
EMPTY_STYLESHEET = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{_NS}">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/>'
    '</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
).encode()


def _block(xml: bytes, prefix: str, name: str) -> re.Match[bytes] | None:
    p = re.escape(prefix.encode())
    return re.search(
        rb"<" + p + name.encode() + rb"(?=[\s>/])[^>]*?(?:/>|>.*?</" + p + name.encode() + rb">)", xml, re.S
    )


def _append(
    xml: bytes, prefix: str, name: str, child: str, new: list[str], pad: Sequence[str] = ()
) -> tuple[bytes, int]:
    """Append ``new`` children to block ``name`` (creating it in schema order if missing), first padding the
    list with ``pad`` entries up to their number. Returns the new xml and the index of the first new child."""
    p = prefix
    match = _block(xml, prefix, name)
    if match is None:
        at = _insert_position(xml, prefix, name)
        xml = xml[:at] + f'<{p}{name} count="0"></{p}{name}>'.encode() + xml[at:]
        match = _block(xml, prefix, name)
        assert match is not None
    block = match.group(0)
    if block.endswith(b"/>"):
        block = block[:-2].rstrip() + f"></{p}{name}>".encode()
    existing = len(re.findall(rb"<" + re.escape(p.encode()) + child.encode() + rb"[\s>/]", block))
    padding = list(pad[existing:])
    first = existing + len(padding)
    children = "".join(f"<{p}{c}" if not c.startswith("<") else c for c in padding + new)
    close = block.rindex(b"</")
    block = block[:close] + children.encode() + block[close:]
    count = f'count="{first + len(new)}"'.encode()
    if re.match(rb"<[^>]*\scount=\"\d*\"", block):
        block = re.sub(rb'count="\d*"', count, block, count=1)
    else:
        block = block.replace(f"<{p}{name}".encode(), f"<{p}{name} ".encode() + count, 1)
    return xml[: match.start()] + block + xml[match.end() :], first


def _insert_position(xml: bytes, prefix: str, name: str) -> int:
    rank = STYLESHEET_ORDER.index(name)
    for later in STYLESHEET_ORDER[rank + 1 :]:
        match = _block(xml, prefix, later)
        if match:
            return match.start()
    return xml.rindex(b"</")


def add_export_styles(styles_xml: bytes) -> tuple[bytes, CellStyles]:
    """``styles_xml`` with the export's fonts, fills and cell formats appended, and their cellXfs indexes.

    The returned CellStyles has ``header`` set to a bold format, for the new sheets' header rows."""
    p = root_prefix(styles_xml)
    # CT_Font fixes the child order: b, u, sz, color.
    fonts = [
        f'font><{p}sz val="11"/><{p}color rgb="{font}"/></{p}font>' for _, font in STATUS_COLOURS.values()
    ]
    fonts += [
        f'font><{p}u/><{p}sz val="11"/><{p}color rgb="FF0563C1"/></{p}font>',
        f'font><{p}b/><{p}sz val="11"/></{p}font>',
    ]
    fills = [
        f'fill><{p}patternFill patternType="solid"><{p}fgColor rgb="{fill}"/><{p}bgColor indexed="64"/>'
        f"</{p}patternFill></{p}fill>"
        for fill, _ in STATUS_COLOURS.values()
    ]
    pad_fills = [
        f'fill><{p}patternFill patternType="none"/></{p}fill>',
        f'fill><{p}patternFill patternType="gray125"/></{p}fill>',
    ]
    xml, font0 = _append(styles_xml, p, "fonts", "font", fonts)
    xml, fill0 = _append(xml, p, "fills", "fill", fills, pad_fills)
    xml, _ = _append(xml, p, "borders", "border", [], ["border/>"])
    has_style_xfs = _block(xml, p, "cellStyleXfs") is not None
    xf_id = ' xfId="0"' if has_style_xfs else ""
    xfs = [
        f'xf numFmtId="0" fontId="{font0 + i}" fillId="{fill0 + i}" borderId="0"{xf_id} applyFont="1" '
        'applyFill="1"/>'
        for i in range(3)
    ]
    xfs += [
        f'xf numFmtId="0" fontId="0" fillId="0" borderId="0"{xf_id} quotePrefix="1"/>',
        f'xf numFmtId="0" fontId="{font0 + 3}" fillId="0" borderId="0"{xf_id} applyFont="1"/>',
        f'xf numFmtId="0" fontId="{font0 + 4}" fillId="0" borderId="0"{xf_id} applyFont="1"/>',
        f'xf numFmtId="2" fontId="0" fillId="0" borderId="0"{xf_id} applyNumberFormat="1"/>',
    ]
    xml, xf0 = _append(xml, p, "cellXfs", "xf", xfs, ['xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'])
    status = {name: xf0 + i for i, name in enumerate(STATUS_COLOURS)}
    return xml, CellStyles(quote=xf0 + 3, link=xf0 + 4, status=status, header=xf0 + 5, decimal=xf0 + 6)

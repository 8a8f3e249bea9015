"""Test helpers for the importer: workbooks and hostile files built in code.

Imported explicitly by tests/unit/test_import_*.py and test_realdata.py (not a pytest conftest).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
LABELLED = SHARED / "labelled"
REALDATA = SHARED / "realdata"

_CT = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="'
    'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WB = (
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WB_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def xlsx(
    rows: Sequence[Sequence[Any]], title: str = "Projects", **extra_sheets: Sequence[Sequence[Any]]
) -> bytes:
    """An ordinary workbook written by openpyxl: one sheet of ``rows`` plus any named extra sheets."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for name, extra in extra_sheets.items():
        other = book.create_sheet(name.replace("_", " "))
        for row in extra:
            other.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def inline_cell(ref: str, text: str) -> str:
    """An inline-string cell element for raw_xlsx."""
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def raw_xlsx(
    sheet_data: str, *, dimension: str | None = None, prolog: str = "", sheet_xml: str | None = None
) -> bytes:
    """A minimal xlsx written by hand, for what openpyxl refuses to write (far cells, DOCTYPEs ...)."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    xml = sheet_xml or (
        f'<?xml version="1.0"?>{prolog}<worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main">{dim}<sheetData>{sheet_data}</sheetData></worksheet>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CT)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("xl/workbook.xml", _WB)
        zf.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        zf.writestr("xl/worksheets/sheet1.xml", xml)
    return out.getvalue()


def rows_xml(rows: Sequence[Sequence[str]]) -> str:
    """sheetData rows of inline strings, from row 1 and column A."""
    out = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(inline_cell(f"{chr(65 + c)}{r}", v) for c, v in enumerate(row) if v)
        out.append(f'<row r="{r}">{cells}</row>')
    return "".join(out)


def zip_bomb(unpacked: int) -> bytes:
    """A valid-looking xlsx whose sheet XML unpacks to ``unpacked`` bytes of padding."""
    base = io.BytesIO(raw_xlsx(rows_xml([["Ref", "Title"], ["A1", "x"]])))
    out = io.BytesIO()
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            zf.writestr(info.filename, src.read(info.filename))
        with zf.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            chunk = b" " * (1 << 20)
            for _ in range(unpacked >> 20):
                part.write(chunk)
    return out.getvalue()


def lie_about_size(data: bytes, member: str, size: int) -> bytes:
    """Patch the central-directory uncompressed size of ``member`` down to ``size`` bytes."""
    buf = bytearray(data)
    pos = buf.rfind(b"PK\x01\x02")
    name = member.encode()
    while pos != -1:
        length = int.from_bytes(buf[pos + 28 : pos + 30], "little")
        if bytes(buf[pos + 46 : pos + 46 + length]) == name:
            buf[pos + 24 : pos + 28] = size.to_bytes(4, "little")
            return bytes(buf)
        pos = buf.rfind(b"PK\x01\x02", 0, pos)
    raise ValueError(member)


PORTFOLIO_HEADER = (
    "Ref",
    "Project Title",
    "Summary",
    "SRO",
    "Budget (£)",
    "Start",
    "Planned End",
    "RAG",
    "Priority",
)


def portfolio_rows(count: int = 3) -> list[list[Any]]:
    """A small, clean project list under PORTFOLIO_HEADER."""
    rows: list[list[Any]] = [list(PORTFOLIO_HEADER)]
    for i in range(1, count + 1):
        rows.append(
            [
                f"P-{i:03d}",
                f"Project {i}",
                f"Summary of project {i} for ward staff",
                "COO",
                1000.0 * i,
                "01/04/2025",
                "Mar-26",
                "Green",
                "High",
            ]
        )
    return rows

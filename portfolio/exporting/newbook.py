"""A fresh, well-formatted workbook for uploads that were not .xlsx/.xlsm (CSV, .xls, .xlsb, .ods).

Pure. The trust's header and values are written to a new one-sheet package (bold, frozen header, sensible
widths), which is then annotated exactly as an uploaded .xlsx would be, so both paths give the same result.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

from portfolio.exporting.model import CellValue, ExportMeta, ExtraSheet, SheetAnnotations
from portfolio.exporting.newsheets import NS_MAIN, NS_REL, sheet_name, worksheet_chunks
from portfolio.exporting.styles import EMPTY_STYLESHEET, add_export_styles
from portfolio.exporting.workbook import annotate_workbook

_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'
)
_ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_BOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{NS_REL}/styles" Target="styles.xml"/></Relationships>'
)


def build_workbook(
    header: Sequence[str],
    rows: Sequence[Sequence[CellValue]],
    annotations: SheetAnnotations,
    extra_sheets: Sequence[ExtraSheet],
    meta: ExportMeta,
) -> bytes:
    """A new .xlsx holding ``header`` and ``rows`` on one sheet, annotated like ``annotate_workbook`` does.

    ``annotations.header_row`` is the row the header had in the original file, and ``rows[i]`` is the row
    right below it plus ``i``; the keys of ``annotations.rows`` are those original rows. The new sheet puts
    the header in row 1; a returned workbook still reports the original rows. Raises nothing for any values.
    """
    name = sheet_name(annotations.sheet, set())
    offset = annotations.header_row - 1
    styles_xml, styles = add_export_styles(EMPTY_STYLESHEET)
    widths = [min(max(len(str(h)) + 2, 10), 50) for h in header]
    sheet = b"".join(worksheet_chunks([list(header), *rows], styles, widths))
    book = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{NS_MAIN}" '
        f'xmlns:r="{NS_REL}"><sheets><sheet name="{_attr(name)}" sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for part, data in (
            ("[Content_Types].xml", _CONTENT_TYPES.encode()),
            ("_rels/.rels", _ROOT_RELS.encode()),
            ("xl/workbook.xml", book.encode()),
            ("xl/_rels/workbook.xml.rels", _BOOK_RELS.encode()),
            ("xl/styles.xml", styles_xml),
            ("xl/worksheets/sheet1.xml", sheet),
        ):
            package.writestr(part, data)
    shifted = SheetAnnotations(
        name,
        1,
        annotations.columns,
        {row - offset: values for row, values in annotations.rows.items() if row > offset},
    )
    return annotate_workbook(out.getvalue(), shifted, extra_sheets, meta, row_offset=offset)


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")

"""The annotated copy of a trust's own workbook: ``annotate_workbook``.

Pure. The original package is not loaded into openpyxl (which drops charts, images, pivot caches and newer
parts on save). Only the parts that must change are rewritten, as text: the data sheet (streamed, twice: once
to find its last column, once to write it), workbook.xml and its rels, [Content_Types].xml and styles.xml.
New sheets are new parts. Every other part keeps its exact bytes; an .xlsm keeps its VBA project.
docProps/app.xml is left alone: its sheet list is informational and Excel does not check it.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import replace
from typing import IO

from portfolio.exporting.bookparts import Book, add_part, add_sheet, open_book, sheet_part, styles_part
from portfolio.exporting.cells import CellStyles, column_letters
from portfolio.exporting.marker import MARKER_SHEET, marker_rows
from portfolio.exporting.model import ExportFailed, ExportMeta, ExtraSheet, SheetAnnotations
from portfolio.exporting.newsheets import sheet_name, worksheet_writer, worksheet_xml
from portfolio.exporting.package import (
    STYLES_TYPE,
    free_part_name,
    iter_chunks,
    open_package,
    read_part,
    rels_name,
    root_prefix,
    write_package,
)
from portfolio.exporting.sheetscan import scan_sheet
from portfolio.exporting.sheettail import TailEdit
from portfolio.exporting.sheetxml import SheetPlan, rewrite_sheet
from portfolio.exporting.styles import EMPTY_STYLESHEET, add_export_styles


def annotate_workbook(
    original: bytes,
    annotations: SheetAnnotations,
    extra_sheets: Sequence[ExtraSheet],
    meta: ExportMeta,
    row_offset: int = 0,
) -> bytes:
    """The original .xlsx/.xlsm with annotation columns, summary sheets and a hidden marker sheet added.

    ``annotations`` names the data sheet, its header row and the values per sheet row; ``extra_sheets`` are
    appended in order (names made legal and unique). Returns the new package's bytes, of the same type as
    the original. Raises ExportFailed when the original is not a workbook, lacks the sheet or is damaged.
    ``row_offset`` is for ``build_workbook`` only (see ``marker_rows``).
    """
    try:
        return _annotate(original, annotations, extra_sheets, meta, row_offset)
    except ExportFailed:
        raise
    except (zipfile.BadZipFile, zlib.error, KeyError, ValueError, IndexError, EOFError, OSError) as error:
        raise ExportFailed("The original workbook is damaged and cannot be annotated.") from error


def _annotate(
    original: bytes,
    annotations: SheetAnnotations,
    extra_sheets: Sequence[ExtraSheet],
    meta: ExportMeta,
    row_offset: int,
) -> bytes:
    package = open_package(original)
    book = open_book(package)
    data_part = sheet_part(book, annotations.sheet)
    prefix = root_prefix(next(iter_chunks(package, data_part, 4096), b""))
    facts = scan_sheet(iter_chunks(package, data_part), prefix, annotations.header_row)
    replaced, styles = _styles(book)
    plan = SheetPlan(
        prefix,
        annotations.header_row,
        facts.last_column + 1,
        annotations.columns,
        annotations.rows,
        replace(styles, header=facts.header_style),
    )
    last_row = max(plan.last_row, facts.last_row)
    edit = _tail_edit(plan, facts.first_column)
    _add_sheets(book, annotations, extra_sheets, meta, styles, (plan.first_column, row_offset))
    replaced.update({book.part: book.xml, "[Content_Types].xml": book.content_types})
    rels = rels_name(book.part)
    if rels in package.namelist():
        replaced[rels] = book.rels
    else:
        book.added[rels] = book.rels

    def write_sheet(stream: IO[bytes]) -> None:
        for chunk in rewrite_sheet(iter_chunks(package, data_part), plan, edit, last_row):
            stream.write(chunk)

    return write_package(package, replaced, {data_part: write_sheet}, book.added)


def _styles(book: Book) -> tuple[dict[str, bytes], CellStyles]:
    part = styles_part(book)
    if part is not None:
        xml, styles = add_export_styles(read_part(book.package, part))
        return {part: xml}, styles
    xml, styles = add_export_styles(EMPTY_STYLESHEET)
    folder = book.part.rsplit("/", 1)[0] + "/" if "/" in book.part else ""
    add_part(book, free_part_name(book.names, folder.rstrip("/"), "styles"), xml, "styles", STYLES_TYPE)
    return {}, styles


def _tail_edit(plan: SheetPlan, first_column: int) -> TailEdit:
    last_row = plan.last_row
    start = f"{column_letters(max(first_column, 1))}{plan.header_row}"
    ref = f"{start}:{column_letters(plan.last_column)}{last_row}"
    decisions = tuple(
        f"{letter}{plan.header_row + 1}:{letter}{max(last_row, plan.header_row + 1)}"
        for letter, column in zip(plan.letters, plan.columns, strict=True)
        if column.kind == "decision"
    )
    return TailEdit(ref if plan.rows else None, decisions)


def _add_sheets(
    book: Book,
    annotations: SheetAnnotations,
    extra_sheets: Sequence[ExtraSheet],
    meta: ExportMeta,
    styles: CellStyles,
    position: tuple[int, int],
) -> None:
    taken = {name.lower() for name in book.sheets}
    for extra in extra_sheets:
        name = sheet_name(extra.name, taken)
        add_sheet(book, name, worksheet_xml(extra.rows, styles, extra.column_widths))
    marker = worksheet_writer(marker_rows(annotations, meta, *position), styles, (14, 40), bold_header=False)
    add_sheet(book, sheet_name(MARKER_SHEET, taken), marker, hidden=True)

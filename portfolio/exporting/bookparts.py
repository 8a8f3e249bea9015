"""The workbook-level parts: which part is the workbook, which part holds a sheet, and adding sheets.

Pure. Works for transitional and strict (ISO/IEC 29500 strict) packages alike: relationship types and the
``r:`` namespace are taken from the package itself rather than assumed.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field

from portfolio.exporting.cells import xml_attr
from portfolio.exporting.model import ExportFailed
from portfolio.exporting.package import (
    WORKSHEET_TYPE,
    ChunkWriter,
    Relationship,
    add_override,
    add_relationship,
    free_part_name,
    free_rel_id,
    insert_before_close,
    parse_xml,
    read_part,
    read_relationships,
    relative_target,
    rels_name,
    root_prefix,
)


@dataclass
class Book:
    """The workbook part and the edits made to it so far (workbook.xml, rels, content types, new parts)."""

    package: zipfile.ZipFile
    part: str
    rel_base: str  # the relationship namespace: ".../officeDocument/2006/relationships" or the strict one
    xml: bytes
    rels: bytes
    relationships: list[Relationship]
    content_types: bytes
    sheets: dict[str, str]  # sheet name -> part name (worksheets only)
    sheet_ids: list[int]
    names: set[str] = field(default_factory=set)  # part names in use
    taken_ids: set[str] = field(default_factory=set)
    added: dict[str, bytes | ChunkWriter] = field(default_factory=dict)


def open_book(package: zipfile.ZipFile) -> Book:
    """Find the workbook through _rels/.rels and read its sheet list. Raises ExportFailed when absent."""
    office = next((r for r in read_relationships(package, "") if r.type.endswith("/officeDocument")), None)
    if office is None or office.target not in package.namelist():
        raise ExportFailed("The file has no workbook part; it is not an Excel workbook.")
    part = office.target
    rel_base = office.type.rsplit("/", 1)[0]
    xml = read_part(package, part)
    relationships = read_relationships(package, part)
    by_id = {rel.id: rel for rel in relationships}
    sheets, sheet_ids = {}, []
    for element in parse_xml(xml, part).iter():
        if not element.tag.endswith("}sheet"):
            continue
        rel_id = next((v for k, v in element.attrib.items() if k.endswith("}id")), "")
        sheet_ids.append(int(element.get("sheetId", "0") or 0))
        rel = by_id.get(rel_id)
        if rel is not None and rel.type.endswith("/worksheet"):
            sheets[element.get("name", "")] = rel.target
    return Book(
        package,
        part,
        rel_base,
        xml,
        _read_optional(package, rels_name(part)),
        relationships,
        read_part(package, "[Content_Types].xml"),
        sheets,
        sheet_ids,
        set(package.namelist()),
    )


def _read_optional(package: zipfile.ZipFile, name: str) -> bytes:
    if name in package.namelist():
        return read_part(package, name)
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
        b'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
    )


def sheet_part(book: Book, name: str) -> str:
    """The part holding worksheet ``name``; raises ExportFailed naming the sheets there are."""
    if name not in book.sheets:
        known = ", ".join(book.sheets) or "none"
        raise ExportFailed(f'The workbook has no worksheet called "{name}" (its worksheets: {known}).')
    return book.sheets[name]


def add_part(book: Book, part: str, data: bytes | ChunkWriter, rel_kind: str, content_type: str) -> str:
    """Add a part related from the workbook (kind: "worksheet", "styles" ...); returns its relationship id."""
    rel_id = free_rel_id(book.relationships, book.taken_ids)
    book.rels = add_relationship(
        book.rels, rel_id, f"{book.rel_base}/{rel_kind}", relative_target(book.part, part)
    )
    book.content_types = add_override(book.content_types, part, content_type)
    book.added[part] = data
    return rel_id


def add_sheet(book: Book, name: str, data: bytes | ChunkWriter, hidden: bool = False) -> None:
    """Append worksheet ``name`` (already a legal, unused name) at the end of the workbook's sheet list."""
    folder = posixpath.join(posixpath.dirname(book.part), "worksheets")
    part = free_part_name(book.names, folder, "sheet")
    rel_id = add_part(book, part, data, "worksheet", WORKSHEET_TYPE)
    sheet_id = max(book.sheet_ids, default=0) + 1
    book.sheet_ids.append(sheet_id)
    book.sheets[name] = part
    prefix = root_prefix(book.xml)
    declared = re.search(rb'xmlns:([\w.-]+)="' + re.escape(book.rel_base.encode()) + rb'"', book.xml[:8192])
    if declared:
        id_attr = f'{declared.group(1).decode()}:id="{rel_id}"'
    else:  # no prefix bound to the relationships namespace: bind one on the element itself
        id_attr = f'xmlns:pr="{book.rel_base}" pr:id="{rel_id}"'
    state = ' state="hidden"' if hidden else ""
    element = f'<{prefix}sheet name="{xml_attr(name)}" sheetId="{sheet_id}"{state} {id_attr}/>'.encode()
    book.xml = insert_before_close(book.xml, f"</{prefix}sheets>".encode(), element, "workbook.xml")


def styles_part(book: Book) -> str | None:
    """The workbook's styles part, or None when it has none (minimal packages)."""
    return next(
        (
            rel.target
            for rel in book.relationships
            if rel.type.endswith("/styles") and rel.target in book.names
        ),
        None,
    )

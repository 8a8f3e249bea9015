"""The workbook as a zip package: find parts through their relationships, add parts, write the new zip.

Pure. Parts are edited as text at the places that must change, so everything else in them (namespace
prefixes, extension lists, attributes this code does not know) stays exactly as the original had it.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO
from xml.etree.ElementTree import Element

from defusedxml import ElementTree

from portfolio.exporting.cells import xml_attr
from portfolio.exporting.model import ExportFailed

MAX_UNPACKED_BYTES = 2 * 1024**3  # a generous cap: the importer already rejected zip bombs
WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
_ROOT_TAG = re.compile(rb"<(?:(\w+):)?(\w+)[\s>/]")


@dataclass(frozen=True)
class Relationship:
    id: str
    type: str
    target: str  # resolved to a part name without a leading slash
    external: bool


def open_package(data: bytes) -> zipfile.ZipFile:
    """Open ``data`` as a zip. Raises ExportFailed when it is not one or unpacks to an absurd size."""
    import io

    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ExportFailed(
            "The original file is not an Excel workbook (.xlsx/.xlsm) or is damaged."
        ) from error
    if sum(info.file_size for info in package.infolist()) > MAX_UNPACKED_BYTES:
        raise ExportFailed("The original workbook is too large when unpacked to annotate.")
    return package


def read_part(package: zipfile.ZipFile, name: str) -> bytes:
    """The bytes of part ``name``; raises ExportFailed when it is missing or damaged."""
    try:
        return package.read(name)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError) as error:
        raise ExportFailed(f"The workbook is damaged: part {name} cannot be read.") from error


def parse_xml(data: bytes, name: str) -> Element:
    """Parse a small part (workbook.xml, rels) safely; raises ExportFailed on broken or hostile XML."""
    try:
        return ElementTree.fromstring(data)
    except Exception as error:  # defusedxml raises several unrelated types for hostile XML
        raise ExportFailed(f"The workbook is damaged: part {name} is not valid XML.") from error


def root_prefix(data: bytes) -> str:
    """The namespace prefix of the root element with its colon ("x:"), or "" when it uses the default one."""
    body = re.sub(rb"<\?.*?\?>|<!--.*?-->", b"", data[:4096], flags=re.S)
    match = _ROOT_TAG.search(body)
    return match.group(1).decode() + ":" if match and match.group(1) else ""


def rels_name(part: str) -> str:
    """The relationships part of ``part`` ("xl/workbook.xml" -> "xl/_rels/workbook.xml.rels")."""
    folder, file = posixpath.split(part)
    return posixpath.join(folder, "_rels", file + ".rels")


def read_relationships(package: zipfile.ZipFile, part: str) -> list[Relationship]:
    """Relationships of ``part`` with targets resolved to part names (relative or absolute targets)."""
    name = rels_name(part)
    if name not in package.namelist():
        return []
    found = []
    for element in parse_xml(read_part(package, name), name):
        if not element.tag.endswith("Relationship"):
            continue
        target, external = element.get("Target", ""), element.get("TargetMode") == "External"
        if not external:
            base = posixpath.dirname(part)
            target = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(base, target))
            )
        found.append(Relationship(element.get("Id", ""), element.get("Type", ""), target, external))
    return found


def relative_target(source_part: str, target_part: str) -> str:
    """The Target attribute that points from ``source_part`` to ``target_part``."""
    return posixpath.relpath(target_part, posixpath.dirname(source_part) or ".")


def add_relationship(rels: bytes, rel_id: str, rel_type: str, target: str) -> bytes:
    """``rels`` with one more Relationship element appended."""
    prefix = root_prefix(rels)
    element = (
        f'<{prefix}Relationship Id="{xml_attr(rel_id)}" Type="{xml_attr(rel_type)}" '
        f'Target="{xml_attr(target)}"/>'
    ).encode()
    return insert_before_close(rels, f"</{prefix}Relationships>".encode(), element, "relationships")


def add_override(content_types: bytes, part: str, content_type: str) -> bytes:
    """[Content_Types].xml with an Override for the new ``part``."""
    prefix = root_prefix(content_types)
    element = f'<{prefix}Override PartName="/{xml_attr(part)}" ContentType="{content_type}"/>'.encode()
    return insert_before_close(content_types, f"</{prefix}Types>".encode(), element, "[Content_Types].xml")


def insert_before_close(xml: bytes, close_tag: bytes, element: bytes, what: str) -> bytes:
    """Insert ``element`` before the last ``close_tag``; raises ExportFailed when the tag is missing."""
    at = xml.rfind(close_tag)
    if at < 0:
        raise ExportFailed(f"The workbook is damaged: {what} has no {close_tag.decode()}.")
    return xml[:at] + element + xml[at:]


def free_part_name(package_names: set[str], folder: str, stem: str, ext: str = ".xml") -> str:
    """A part name in ``folder`` not used yet (stem1.xml, stem2.xml ...); the name is added to the set."""
    number = 1
    while (name := posixpath.join(folder, f"{stem}{number}{ext}")) in package_names:
        number += 1
    package_names.add(name)
    return name


def free_rel_id(relationships: list[Relationship], taken: set[str]) -> str:
    """An Id not used by ``relationships`` nor ``taken`` ("rIdN"); the id is added to ``taken``."""
    used = {rel.id for rel in relationships} | taken
    number = 1
    while f"rId{number}" in used:
        number += 1
    taken.add(f"rId{number}")
    return f"rId{number}"


ChunkWriter = Callable[[IO[bytes]], None]


def write_package(
    original: zipfile.ZipFile,
    replaced: dict[str, bytes],
    streamed: dict[str, ChunkWriter],
    added: dict[str, bytes | ChunkWriter],
) -> bytes:
    """A new zip: original parts in their order (``replaced`` ones with new bytes, ``streamed`` ones written
    by their function), then the ``added`` parts (bytes, or a function writing them to a stream).
    Untouched parts keep their exact bytes."""
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as target:
        for info in original.infolist():
            new = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            new.compress_type, new.external_attr = info.compress_type, info.external_attr
            if info.filename in streamed:
                with target.open(new, "w", force_zip64=True) as stream:
                    streamed[info.filename](stream)
            elif info.filename in replaced:
                target.writestr(new, replaced[info.filename])
            else:  # streamed, so a large untouched part (sharedStrings.xml) never sits in memory whole
                with target.open(new, "w", force_zip64=True) as stream:
                    for chunk in iter_chunks(original, info.filename):
                        stream.write(chunk)
        for name, data in added.items():
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            if callable(data):
                with target.open(info, "w", force_zip64=True) as stream:
                    data(stream)
            else:
                target.writestr(info, data)
    return out.getvalue()


def iter_chunks(package: zipfile.ZipFile, name: str, size: int = 1 << 20) -> Iterator[bytes]:
    """Stream part ``name`` in chunks so a large sheet never sits in memory whole."""
    try:
        with package.open(name) as stream:
            while chunk := stream.read(size):
                yield chunk
    except (KeyError, zipfile.BadZipFile, OSError, ValueError) as error:
        raise ExportFailed(f"The workbook is damaged: part {name} cannot be read.") from error

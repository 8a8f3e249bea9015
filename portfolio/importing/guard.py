"""Checks on the raw bytes that run before any spreadsheet parser sees them.

Why here and not in the parsers: python-calamine aborts the whole process (SIGABRT) on some hostile inputs,
and openpyxl will happily unpack a zip bomb into gigabytes. So the file type is decided from its content,
zip packages are sized from their declared entry sizes, and XML parts carrying a DOCTYPE are refused, all
without parsing a single sheet.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from portfolio.importing.errors import ImportRejected
from portfolio.importing.plan import Limits

ACCEPTED = ("xlsx", "xlsm", "xlsb", "xls", "ods", "csv")
# A message about passwords, not a password (bandit's S105 matches the name).
PASSWORD_MESSAGE = "This workbook is password-protected: remove the password in Excel and upload it again."  # noqa: S105
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_RATIO_FLOOR = 50_000_000  # below this many unpacked bytes a high ratio is harmless (repetitive XML)
_FAMILY = {
    "xlsx": "ooxml",
    "xlsm": "ooxml",
    "xlsb": "xlsb",
    "xls": "ole",
    "ods": "ods",
    "csv": "text",
    "tsv": "text",
    "txt": "text",
}
_FAMILY_WORDS = {
    "ooxml": "an Excel workbook (.xlsx)",
    "xlsb": "an Excel binary workbook (.xlsb)",
    "ole": "an old-style Excel workbook (.xls)",
    "ods": "an OpenDocument spreadsheet (.ods)",
    "text": "a CSV text file",
}


def detect_format(data: bytes, filename: str) -> str:
    """Decide the file's format from its content and check it agrees with its extension.

    Returns one of ``ACCEPTED``. Raises ImportRejected for an empty file, an unsupported or renamed file,
    an encrypted workbook, or a spreadsheet kind we cannot read (Numbers, Excel 2003 XML, Excel 4).
    """
    if not data:
        raise ImportRejected("The file is empty: save the workbook again and upload the saved file.")
    ext = PurePath(filename or "").suffix.lower().lstrip(".")
    found = _content_family(data)
    if ext not in _FAMILY:
        raise ImportRejected(
            f"Files ending .{ext or '(none)'} cannot be imported: upload an Excel workbook "
            "(.xlsx, .xlsm, .xlsb, .xls), an OpenDocument spreadsheet (.ods) or a CSV file."
        )
    if _FAMILY[ext] != found and found == "text":
        raise ImportRejected(
            f"This file is named .{ext} but is not a real spreadsheet (it holds plain "
            "text): open it in Excel and save it again as .xlsx or .csv."
        )
    if _FAMILY[ext] != found:
        raise ImportRejected(
            f"This file is named .{ext} but its content is {_FAMILY_WORDS[found]}: "
            "open it in Excel and save it again with the right file type."
        )
    if found == "text":
        return "csv"
    if found == "ooxml" and ext not in ("xlsx", "xlsm"):
        return "xlsx"
    return ext


def _content_family(data: bytes) -> str:
    head = data[:8]
    if head.startswith(_OLE_MAGIC):
        if _is_encrypted_ooxml(data) or _is_encrypted_xls(data):
            raise ImportRejected(PASSWORD_MESSAGE)
        return "ole"
    if head.startswith(_ZIP_MAGICS):
        return _zip_family(data)
    if head[:2] in (b"\x09\x00", b"\x09\x02", b"\x09\x04", b"\x09\x08") and data[2:4] in (
        b"\x04\x00",
        b"\x06\x00",
    ):
        raise ImportRejected(
            "This is a very old Excel file (Excel 4 or earlier): open it in Excel, "
            "save it as .xlsx and upload that."
        )
    return _text_family(data)


def _is_encrypted_ooxml(data: bytes) -> bool:
    # An encrypted .xlsx is an OLE compound file holding EncryptionInfo/EncryptedPackage streams; the
    # directory stores stream names in UTF-16LE, so a byte search finds them without an OLE parser.
    return "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data


def _is_encrypted_xls(data: bytes) -> bool:
    # A password-protected .xls has a FILEPASS record (type 0x002F) among the first records after the
    # workbook's BOF record; walking those few records is cheaper than an OLE parser and enough here.
    start = data.find(b"\x09\x08", 512)
    while start != -1 and start < 64 * 1024:
        if (
            data[start + 4 : start + 6] in (b"\x00\x06", b"\x00\x05")
            and data[start + 6 : start + 8] == b"\x05\x00"
        ):
            pos = start
            for _ in range(40):
                rtype = int.from_bytes(data[pos : pos + 2], "little")
                length = int.from_bytes(data[pos + 2 : pos + 4], "little")
                if rtype == 0x002F:
                    return True
                if rtype == 0x000A or length > 8224:
                    return False
                pos += 4 + length
            return False
        start = data.find(b"\x09\x08", start + 2)
    return False


def _zip_family(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                mime = zf.read("mimetype")[:100]
                if b"opendocument.spreadsheet" in mime:
                    return "ods"
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError) as exc:
        raise ImportRejected(
            "The file is damaged or not a complete spreadsheet: "
            "open it in Excel, save it again and upload the saved copy."
        ) from exc
    lowered = {n.lower() for n in names}
    if "[content_types].xml" in lowered:
        return "xlsb" if any(n.endswith(".bin") and n.startswith("xl/workbook") for n in lowered) else "ooxml"
    if any(n.startswith("index/") or n.endswith("index.zip") or ".numbers/" in n for n in lowered):
        raise ImportRejected(
            "This is an Apple Numbers file: export it from Numbers as Excel (.xlsx) and upload that."
        )
    raise ImportRejected("The file is a zip archive but not a spreadsheet: upload the workbook itself.")


def _text_family(data: bytes) -> str:
    sample = data[:4096]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"
    lowered = sample.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in data[:20000]:
        raise ImportRejected(
            "This is an Excel 2003 XML spreadsheet: open it in Excel, save it as .xlsx and upload that."
        )
    if lowered.startswith((b"<!doctype", b"<html", b"<script", b"<?xml", b"<")):
        raise ImportRejected(
            "This file is a web page or XML document, not a spreadsheet: upload the workbook or a CSV file."
        )
    if sample.count(b"\x00") > len(sample) // 10:
        raise ImportRejected("This file is not a spreadsheet or CSV text file: upload the workbook itself.")
    return "text"


def check_package(data: bytes, limits: Limits) -> None:
    """Refuse a zip package (xlsx, xlsm, xlsb, ods) that is too big unpacked, has too many parts, is far
    more compressed than any real workbook, is encrypted, or holds XML with a DOCTYPE (entity bombs, XXE).

    Only declared sizes and the first bytes of each XML part are read. Raises ImportRejected.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            _check_sizes(infos, len(data), limits)
            for info in infos:
                _check_part(zf, info)
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError, RuntimeError) as exc:
        raise ImportRejected(
            "The file is damaged or not a complete spreadsheet: "
            "open it in Excel, save it again and upload the saved copy."
        ) from exc


def _check_sizes(infos: list[zipfile.ZipInfo], packed: int, limits: Limits) -> None:
    if len(infos) > limits.max_zip_entries:
        raise ImportRejected(
            f"The workbook holds {len(infos):,} internal parts (the limit is "
            f"{limits.max_zip_entries:,}): it is not an ordinary spreadsheet."
        )
    total = sum(i.file_size for i in infos)
    if total > limits.max_unzipped_bytes or (total > _RATIO_FLOOR and total > packed * limits.max_zip_ratio):
        raise ImportRejected(
            f"The workbook is too large when unpacked ({total / 1e6:,.0f} MB): split it into smaller "
            "workbooks or remove unused sheets, then upload again."
        )
    if any(i.flag_bits & 0x1 for i in infos):
        raise ImportRejected(PASSWORD_MESSAGE)


def _check_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
        return
    with zf.open(info) as part:
        head = part.read(4096)
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise ImportRejected(
            "The workbook contains XML features that can be used to attack a server "
            "(a DOCTYPE declaration), so it was not opened: save it again from Excel."
        )

"""Reading CSV uploads: encoding and delimiter detection, then rows of text.

Why the care: trusts' CSVs come from Excel on Windows (cp1252, "£" as 0xA3), from other tools (UTF-8 with
or without a BOM, UTF-16 with a BOM), with commas, semicolons or tabs. The csv module on its own silently
swallows the rest of a file after an unterminated quote, so the strict reader is tried first.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from statistics import median

from portfolio.importing.errors import ImportRejected
from portfolio.importing.plan import Limits

_DELIMITERS = (",", ";", "\t")


def decode_csv(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding used: BOMs first, then UTF-8, cp1252, and latin-1 last
    (which decodes any byte, so a file is never refused for its encoding alone)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ImportRejected(
                "This CSV file says it is UTF-16 but its text is damaged: "
                "save it again as 'CSV UTF-8' and upload that."
            ) from exc
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one found most consistently on the first lines (comma on a tie)."""
    lines = [line for line in text[:65536].splitlines()[:40] if line.strip()]
    best, best_score = ",", 0.0
    for delim in _DELIMITERS:
        counts = [line.count(delim) for line in lines]
        score = median(counts) if counts else 0
        if score > best_score:
            best, best_score = delim, score
    return best


def read_csv_rows(data: bytes, limits: Limits) -> tuple[list[list[str]], str, str]:
    """All records of a CSV upload as lists of strings, plus the encoding and delimiter used.

    Raises ImportRejected naming the row for an unterminated quote, a field over
    ``limits.max_csv_field_chars``, or more than ``limits.max_rows`` records.
    """
    text, encoding = decode_csv(data)
    text = text.replace("\x00", "")
    delim = sniff_delimiter(text)
    try:
        rows = list(_records(text, delim, limits, strict=True))
    except _Unterminated as exc:
        raise ImportRejected(
            f'Row {exc.row} of the CSV file opens a quote (") that is never closed, so the '
            "rest of the file cannot be read: fix that row and upload again."
        ) from None
    except _StrictOnly:
        rows = list(_records(text, delim, limits, strict=False))
    return rows, encoding, delim


class _Unterminated(Exception):
    def __init__(self, row: int) -> None:
        self.row = row


class _StrictOnly(Exception):
    pass


def _records(text: str, delim: str, limits: Limits, *, strict: bool) -> Iterator[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=strict)
    count = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            _raise_for(exc, count + 1, strict)
        count += 1
        if count > limits.max_rows + 1000:
            raise ImportRejected(
                f"The CSV file has more than {limits.max_rows:,} rows, the most one import "
                "can take: split it into smaller files."
            )
        for value in row:
            if len(value) > limits.max_csv_field_chars:
                raise ImportRejected(
                    f"Row {count} of the CSV file has a value of {len(value):,} characters, "
                    "far longer than any real cell: check that row and upload again."
                )
        yield row


def _raise_for(exc: csv.Error, row: int, strict: bool) -> None:
    text = str(exc)
    if "field larger than field limit" in text:
        raise ImportRejected(
            f"Row {row} of the CSV file has a value far longer than any real cell "
            "(over 131,072 characters): check that row and upload again."
        ) from None
    if "unexpected end of data" in text or "EOF" in text:
        raise _Unterminated(row)
    if strict:
        raise _StrictOnly()
    raise ImportRejected(
        f"Row {row} of the CSV file cannot be read ({text}): save it again from Excel as CSV and upload that."
    ) from None

"""Writing one cell as SpreadsheetML, safely: the rules every text the app writes goes through.

Pure. Text is always an inline string (``t="inlineStr"``) so sharedStrings.xml never has to be rewritten, and
text that Excel would read as a formula gets the quotePrefix style, so it stays text even after an edit.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime

from portfolio.exporting.model import CellValue

MAX_CELL_CHARS = 32_767  # Excel's limit per cell
TRUNCATION_MARKER = " [...truncated by Portfolio review]"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")

# Characters XML 1.0 forbids (everything below 0x20 except tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Excel decodes _xHHHH_ in cell text; escaping the underscore keeps such text as the user wrote it.
_EXCEL_ESCAPE = re.compile("_(x[0-9A-Fa-f]{4}_)")
_SAFE_URL = re.compile(r"https?://[^\s\"<>]{1,240}\Z")


@dataclass(frozen=True)
class CellStyles:
    """The cellXfs indexes the writer uses; None means the workbook default style (0)."""

    quote: int
    link: int
    status: dict[str, int]
    header: int | None = None
    decimal: int | None = None


def clean_text(text: str) -> str:
    """``text`` without characters XML cannot carry, cut to Excel's cell limit with a visible marker."""
    text = _ILLEGAL_XML.sub("", text)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - len(TRUNCATION_MARKER)] + TRUNCATION_MARKER
    return text


def looks_like_formula(text: str) -> bool:
    """True when Excel (or a CSV reader) could take ``text`` as a formula: it starts with =+-@ tab CR LF."""
    return text.startswith(FORMULA_TRIGGERS)


def column_letters(index: int) -> str:
    """Excel letters of the 1-based column ``index`` (1 -> A, 27 -> AA)."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """1-based column index of Excel letters ("A" -> 1); inverse of ``column_letters``."""
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index


def xml_text(text: str) -> str:
    """Escape ``text`` for an XML text node; CR becomes a character reference so parsers keep it."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return _EXCEL_ESCAPE.sub(r"_x005F_\1", text)


def xml_attr(text: str) -> str:
    """Escape ``text`` for a double-quoted XML attribute."""
    return xml_text(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def as_text(value: CellValue) -> str:
    """The text form of a value, as the CSV/JSON exports and the round-trip checksum see it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float):
        return format(value, ".15g")
    return str(value)


def text_cell(ref: str, text: str, style: int | None, styles: CellStyles) -> str:
    """An inline-string cell; formula-looking text gets the quotePrefix style instead of ``style``."""
    text = clean_text(text)
    if not text:
        return ""
    if looks_like_formula(text):
        style = styles.quote
    s_attr = f' s="{style}"' if style else ""
    return f'<c r="{ref}"{s_attr} t="inlineStr"><is><t xml:space="preserve">{xml_text(text)}</t></is></c>'


def value_cell(ref: str, value: CellValue, styles: CellStyles, style: int | None = None) -> str:
    """One cell for any value: numbers as numbers, booleans as booleans, everything else as safe text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            return text_cell(ref, str(value), style, styles)
        s_attr = f' s="{style}"' if style else ""
        return f'<c r="{ref}"{s_attr}><v>{value!r}</v></c>'
    return text_cell(ref, as_text(value), style, styles)


def link_cell(ref: str, value: CellValue, styles: CellStyles) -> str:
    """A clickable link for an http(s) URL (a HYPERLINK formula with its value cached); else plain text."""
    url = as_text(value)
    if not _SAFE_URL.match(url):
        return value_cell(ref, value, styles)
    quoted = url.replace('"', '""')
    formula = xml_text('HYPERLINK("' + quoted + '","' + quoted + '")')
    return f'<c r="{ref}" s="{styles.link}" t="str"><f>{formula}</f><v>{xml_text(url)}</v></c>'

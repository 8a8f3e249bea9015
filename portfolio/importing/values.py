"""Turning cell values into text, dates, money, RAG ratings and priorities, the UK way.

Every parser returns ``(value, problem)``: ``problem`` is None when the cell was understood or blank,
otherwise a plain sentence ending the PMO's message ("... was kept as text"). Nothing is guessed silently:
"01/03/2026" is 1 March (day first) and only falls back to month first when day first is impossible.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from functools import lru_cache

# Control characters, and the invisible direction overrides and isolates (U+202A-202E, U+2066-2069) that can
# make "Invoice \u202egpj.exe" read as "Invoice exe.jpg"; right-to-left text itself is kept.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_X_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_EMPTY_WORDS = {
    "",
    "-",
    "--",
    "—",
    "–",
    "n/a",
    "na",
    "n.a.",
    "none",
    "nil",
    "null",
    "#n/a",
    "not applicable",
    "tbc",
    "tba",
    "tbd",
    "to be confirmed",
    "unknown",
    "?",
}
_NOTED_WORDS = {"tbc", "tba", "tbd", "to be confirmed", "unknown", "?"}
_ONGOING = {"ongoing", "on-going", "continuous", "bau", "business as usual", "rolling"}
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_EXCEL_EPOCH = date(1899, 12, 30)


def cell_text(value: object) -> str:
    """Any cell value as clean text: whole floats without ".0", dates as ISO, control characters gone."""
    if isinstance(value, str):  # the common case first: printable text needs only a strip
        return value.strip() if value.isprintable() and "_x" not in value else clean_text(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return clean_text(str(value))


def clean_text(text: str) -> str:
    """Strip, decode Excel's ``_x000D_`` escapes, drop control characters (tab becomes a space)."""
    if "_x" in text:
        text = _X_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    return text.strip()


# ---- dates -------------------------------------------------------------------------------------------


@lru_cache(maxsize=16384, typed=True)  # trusts repeat values ("Green", "Mar-26"): parse each once
def parse_date(value: object, *, end: bool = False) -> tuple[date | None, str | None]:
    """A cell as a date. Periods ("Mar-26", "Q3 2025/26", "2025-Q2", "2028") give their first day, or their
    last day when ``end`` is true. Returns (date, None), (None, None) for blank, or (None, problem)."""
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _serial(float(value))
    text = cell_text(value)
    low = text.lower()
    if low in _EMPTY_WORDS:
        return None, (f"'{text}' means no date yet; it was left empty" if low in _NOTED_WORDS else None)
    if low in _ONGOING:
        return None, f"'{text}' means no fixed date; it was kept as text"
    found = _text_date(low, end)
    if found is None:
        return None, f"'{text}' is not a date we recognise; it was kept as text"
    return found, None


def _serial(number: float) -> tuple[date | None, str | None]:
    if 1 <= number < 2_958_466:  # Excel's range: 1900-01-01 .. 9999-12-31
        return _EXCEL_EPOCH + timedelta(days=int(number)), None
    return None, f"'{cell_text(number)}' is not a date we recognise; it was kept as text"


def _text_date(low: str, end: bool) -> date | None:
    for parse in (_numeric_date, _worded_date, _quarter_date, _month_year, _year_only):
        try:
            found = parse(low, end)
        except (ValueError, OverflowError):
            found = None
        if found is not None:
            return found
    return None


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def _numeric_date(low: str, end: bool) -> date | None:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ][\d:.]+z?)?", low)
    if m:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?: [\d:]+(?: ?[ap]m)?)?", low)
    if not m:
        return None
    a, b, y = int(m.group(1)), int(m.group(2)), _year(m.group(3))
    if b > 12 >= a:  # day first is impossible ("6/30/2015"): the file was written month first
        a, b = b, a
    return date(y, b, a)


def _worded_date(low: str, end: bool) -> date | None:
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?[ \-]([a-z]{3,9})\.?,?[ \-](\d{2}|\d{4})", low)
    if m and m.group(2)[:3] in _MONTHS:
        return date(_year(m.group(3)), _MONTHS[m.group(2)[:3]], int(m.group(1)))
    m = re.fullmatch(r"([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})", low)
    if m and m.group(1)[:3] in _MONTHS:
        return date(int(m.group(3)), _MONTHS[m.group(1)[:3]], int(m.group(2)))
    return None


def _quarter_date(low: str, end: bool) -> date | None:
    # UK public-sector quarters are financial: Q1 of 2025/26 is April-June 2025.
    m = re.fullmatch(r"q([1-4])\s*(?:fy\s*)?(\d{2}|\d{4})\s*[/\-]\s*(\d{2}|\d{4})", low)
    if m:
        q, first = int(m.group(1)), _year(m.group(2))
        start_month = 4 + 3 * (q - 1)
        return _period(first + (start_month - 1) // 12, (start_month - 1) % 12 + 1, 3, end)
    m = re.fullmatch(r"(\d{4})\s*-?\s*q([1-4])|q([1-4])\s*(\d{4})", low)
    if m:
        year, q = (int(m.group(1)), int(m.group(2))) if m.group(1) else (int(m.group(4)), int(m.group(3)))
        return _period(year, 3 * (q - 1) + 1, 3, end)
    return None


def _month_year(low: str, end: bool) -> date | None:
    m = re.fullmatch(r"([a-z]{3,9})\.?[ \-'/]*(\d{2}|\d{4})", low)
    if m and m.group(1)[:3] in _MONTHS:
        return _period(_year(m.group(2)), _MONTHS[m.group(1)[:3]], 1, end)
    return None


def _year_only(low: str, end: bool) -> date | None:
    m = re.fullmatch(r"(?:fy\s*)?((?:19|20)\d{2})", low)
    return _period(int(m.group(1)), 1, 12, end) if m else None


def _period(year: int, month: int, months: int, end: bool) -> date:
    if not end:
        return date(year, month, 1)
    last = month + months  # first month after the period
    return date(year + (last - 1) // 12, (last - 1) % 12 + 1, 1) - timedelta(days=1)


# ---- money -------------------------------------------------------------------------------------------

_SUFFIX = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "000": 1e3}
_MONEY = re.compile(
    r"\(?[-−]?\s*(?:£|\$|€|gbp|usd|eur)?\s*[-−]?\s*(\d[\d,]*(?:\.\d+)?|\.\d+)\s*"
    r"(k|m|mn|bn|b|million|thousand|billion)?\s*(?:pa|p\.a\.|per year|/yr)?\)?"
)

# Words around one amount that say how sure or what kind it is, not how much: "c. £2m", "£320k (ICS funded
# to Mar-27)", "£650k over 5 yrs". The amount is what the trust wrote; the words stay in the cell's text.
_QUALIFIER = re.compile(
    r"^(?:c\.?|circa|approx\.?|approximately|about|around|est\.?|estimated|up to|~)\s*(?=[£$€\d.])"
)
_NOTE = re.compile(
    r"(?:\s+\([^()]*\)|\s+over \d+\s*(?:yrs?|years?|months?)"
    r"|\s+(?:capital|revenue|one-?off|recurrent|in total|total))$"
)


@lru_cache(maxsize=1024)
def header_multiplier(header: str) -> float:
    """The unit a money header declares: "£k" or "£000" -> 1,000; "£m" or "$M" -> 1,000,000; else 1."""
    low = header.lower().replace("'", "")
    if re.search(r"£\s*k\b|\bk£|\(k\)|£\s*000|\bthousands?\b|\b000s\b|\(\s*000\s*\)", low):
        return 1e3
    if re.search(r"£\s*m\b|\$\s*m\b|\(m\)|£\s*mn?\b|\bmillions?\b|\bm£|\bmn\b", low):
        return 1e6
    if re.search(r"£\s*bn\b|\bbillions?\b", low):
        return 1e9
    return 1.0


@lru_cache(maxsize=1024)
def budget_kind(header: str) -> str | None:
    """'capital', 'revenue' or None from a budget column's header."""
    low = header.lower()
    # NHS finance's other words for the split: one-off (non-recurrent) money and the recurrent cost.
    if "capital" in low or "capex" in low or _ONE_OFF.search(low):
        return "capital"
    if "revenue" in low or "opex" in low or "recurrent" in low:
        return "revenue"
    return None


_ONE_OFF = re.compile(r"\bone[- ]?off\b|\bnon[- ]?recurr")


@lru_cache(maxsize=16384, typed=True)  # trusts repeat values ("Green", "Mar-26"): parse each once
def parse_money(value: object, multiplier: float = 1.0) -> tuple[float | None, str | None]:
    """A cell as an amount in pounds. Numbers are scaled by the header's unit; text may carry its own
    ("£1.2m", "450k"), which wins. Returns (amount, None), (None, None) for blank, or (None, problem)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value) * multiplier, None
    text = cell_text(value)
    low = text.lower()
    if low in _EMPTY_WORDS:
        return None, (f"'{text}' means no amount yet; it was left empty" if low in _NOTED_WORDS else None)
    m = _MONEY.fullmatch(low) or _MONEY.fullmatch(_NOTE.sub("", _NOTE.sub("", _QUALIFIER.sub("", low))))
    if not m or re.search(r",\d{1,2}(?!\d)", m.group(1)) or re.search(r",\d{4}", m.group(1)):
        return None, f"'{text}' is not an amount we recognise; it was kept as text"
    amount = float(m.group(1).replace(",", ""))
    word = m.group(2)
    if word:
        amount *= {"million": 1e6, "thousand": 1e3, "billion": 1e9}.get(word, _SUFFIX.get(word, 1.0))
    else:
        amount *= multiplier
    if low.startswith(("(", "-", "−")):
        amount = -amount
    return amount, None


# ---- RAG and priority ----------------------------------------------------------------------------------

_RAG = {
    "r": "red",
    "red": "red",
    "a": "amber",
    "amber": "amber",
    "g": "green",
    "green": "green",
    "ar": "amber_red",
    "ra": "amber_red",
    "ag": "amber_green",
    "ga": "amber_green",
    "b": "green",
    "blue": "green",
    "complete": "green",
    "c": "green",
}
_RAG_NONE = {"exempt", "not rated", "unrated", "n/a", "na", "-", "", "tbc", "none", "closed", "not started"}


@lru_cache(maxsize=16384, typed=True)  # trusts repeat values ("Green", "Mar-26"): parse each once
def parse_rag(value: object) -> tuple[str | None, str | None]:
    """'R', 'Amber/Red', 'A/G', 'GREEN', DCA words -> red, amber_red, amber, amber_green or green."""
    text = cell_text(value)
    low = text.lower()
    if low in _RAG_NONE:
        return None, None
    key = re.sub(r"[^a-z]+", " ", low).split()
    letters = "".join(word[0] for word in key if word in ("red", "amber", "green", "r", "a", "g"))
    if key and len(letters) == len(key) and 1 <= len(letters) <= 2:
        found = _RAG.get(letters)
        if found and (len(letters) == 1 or letters[0] != letters[1]):
            return found, None
    if key and len(key) == 1 and key[0] in _RAG:
        return _RAG[key[0]], None
    return None, f"'{text}' is not a RAG rating we recognise; it was kept as text"


_PRIORITY_WORDS = {
    "critical": "critical",
    "urgent": "critical",
    "very high": "critical",
    "highest": "critical",
    "high": "high",
    "must": "high",
    "must have": "high",
    "medium": "medium",
    "med": "medium",
    "moderate": "medium",
    "should": "medium",
    "should have": "medium",
    "low": "low",
    "could": "low",
    "could have": "low",
    "lowest": "low",
    "very low": "low",
    "nice to have": "low",
}


# Codes a whole cell may be, as in a key such as "priority VH/H/M/L"; never looked for inside longer text.
_PRIORITY_CODES = {
    "vh": "critical",
    "h": "high",
    "hi": "high",
    "m": "medium",
    "l": "low",
    "lo": "low",
    "vl": "low",
}


@lru_cache(maxsize=16384, typed=True)  # trusts repeat values ("Green", "Mar-26"): parse each once
def parse_priority(value: object) -> tuple[str | None, str | None]:
    """High/Critical/Medium/Low, "P1 - Critical", P1-P4 (P1 = critical) and 1-3 (1 = high) -> a level."""
    text = cell_text(value)
    low = text.lower().strip()
    if low in _EMPTY_WORDS:
        return None, None
    m = re.match(r"p\s*([0-9])\b", low)
    if m:
        return ("critical", "critical", "high", "medium")[int(m.group(1))] if int(
            m.group(1)
        ) < 4 else "low", None
    if low in _PRIORITY_CODES:
        return _PRIORITY_CODES[low], None
    if re.fullmatch(r"[1-5](?:\.0)?", low):
        return ("high", "medium", "low", "low", "low")[int(float(low)) - 1], None
    words = re.sub(r"[^a-z ]+", " ", low).split()
    for size in (2, 1):
        for i in range(len(words) - size + 1):
            found = _PRIORITY_WORDS.get(" ".join(words[i : i + size]))
            if found:
                return found, None
    return None, f"'{text}' is not a priority we recognise; it was kept as text"

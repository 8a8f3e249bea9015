"""Value coercion, UK conventions: dates, money, RAG, priority, text cleaning."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from portfolio.importing.values import (
    budget_kind,
    cell_text,
    header_multiplier,
    parse_date,
    parse_money,
    parse_priority,
    parse_rag,
)


@pytest.mark.parametrize(
    ("value", "end", "expected"),
    [
        ("01/03/2026", False, date(2026, 3, 1)),  # day first: 1 March
        ("1/3/26", False, date(2026, 3, 1)),
        ("6/30/2015 12:00:00 AM", False, date(2015, 6, 30)),  # day first impossible: month first
        ("2010-06-30T00:00:00Z", False, date(2010, 6, 30)),
        ("20.05.2020", False, date(2020, 5, 20)),
        ("Mar-26", False, date(2026, 3, 1)),
        ("Mar-26", True, date(2026, 3, 31)),
        ("Dec-26", True, date(2026, 12, 31)),
        ("March 2026", False, date(2026, 3, 1)),
        ("Q3 2025/26", False, date(2025, 10, 1)),  # UK financial quarters: Q3 is Oct-Dec
        ("Q3 2025/26", True, date(2025, 12, 31)),
        ("Q4 25/26", True, date(2026, 3, 31)),
        ("2025-Q2", False, date(2025, 4, 1)),
        ("2028", True, date(2028, 12, 31)),
        ("July 25, 2022", False, date(2022, 7, 25)),
        ("1 March 2026", False, date(2026, 3, 1)),
        (45000.0, False, date(2023, 3, 15)),  # Excel serial
        (datetime(2025, 1, 6, 0, 0), False, date(2025, 1, 6)),
    ],
)
def test_parse_date_uk_forms_gives_date(value: object, end: bool, expected: date) -> None:
    assert parse_date(value, end=end) == (expected, None)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("TBC", "means no date yet"),
        ("Ongoing", "means no fixed date"),
        ("next spring", "is not a date we recognise"),
        ("31/02/2026", "is not a date we recognise"),
    ],
)
def test_parse_date_unreadable_gives_problem_not_guess(value: str, words: str) -> None:
    found, problem = parse_date(value)
    assert found is None
    assert problem is not None and words in problem


@pytest.mark.parametrize(
    ("value", "multiplier", "expected"),
    [
        ("£1.2m", 1.0, 1_200_000.0),
        ("450k", 1.0, 450_000.0),
        ("£450K", 1.0, 450_000.0),
        ("1,200,000", 1.0, 1_200_000.0),
        ("$3,794,700", 1.0, 3_794_700.0),
        ("£12.20", 1e6, 12_200_000.0),  # unit from a "(£m)" header
        (85.0, 1e3, 85_000.0),  # number under a "(£k)" header
        ("£450k", 1e6, 450_000.0),  # the value's own unit wins over the header's
        ("(£5k)", 1.0, -5_000.0),
        ("2 million", 1.0, 2_000_000.0),
        # one amount with words that say how sure or what kind it is
        ("c. £2m", 1.0, 2_000_000.0),
        ("approx £300k", 1.0, 300_000.0),
        ("up to £50k", 1.0, 50_000.0),
        ("£650k over 5 yrs", 1.0, 650_000.0),
        ("£320k (ICS funded to Mar-27)", 1.0, 320_000.0),
        ("£0 (concession)", 1.0, 0.0),
        ("£2m capital", 1.0, 2_000_000.0),
    ],
)
def test_parse_money_forms_gives_pounds(value: object, multiplier: float, expected: float) -> None:
    assert parse_money(value, multiplier) == (expected, None)


@pytest.mark.parametrize(
    "value", ["1,7", "200.000.000", "DOER", "about a million", "about 3 weeks", "£1.1m capital + £200k revenue"]
)
def test_parse_money_ambiguous_or_text_gives_problem(value: str) -> None:
    amount, problem = parse_money(value)
    assert amount is None and problem is not None and "not an amount" in problem


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Capital (£k)", 1e3),
        ("Revenue (£k pa)", 1e3),
        ("Cost £000s", 1e3),
        ("Whole Life Cost (£m)", 1e6),
        ("Cost ($M)", 1e6),
        ("Est. Cost (£)", 1.0),
        ("Budget", 1.0),
    ],
)
def test_header_multiplier_units_gives_scale(header: str, expected: float) -> None:
    assert header_multiplier(header) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Capital (£k)", "capital"),
        ("Revenue (£k pa)", "revenue"),
        ("One-off £k", "capital"),  # NHS finance's non-recurrent money, beside the recurrent cost
        ("Non-recurrent (£k)", "capital"),
        ("Recurrent £k pa", "revenue"),
        ("Cost", None),
    ],
)
def test_budget_kind_header_gives_kind(header: str, expected: str | None) -> None:
    assert budget_kind(header) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("R", "red"),
        ("Red", "red"),
        ("AMBER", "amber"),
        ("a", "amber"),
        ("G", "green"),
        ("Amber/Red", "amber_red"),
        ("A/R", "amber_red"),
        ("Red/Amber", "amber_red"),
        ("A/G", "amber_green"),
        ("Amber / Green", "amber_green"),
        ("amber-green", "amber_green"),
        ("", None),
        ("Exempt", None),
    ],
)
def test_parse_rag_spellings_gives_level(value: str, expected: str | None) -> None:
    assert parse_rag(value) == (expected, None)


def test_parse_rag_unknown_word_gives_problem() -> None:
    assert parse_rag("Purple")[0] is None and "not a RAG rating" in (parse_rag("Purple")[1] or "")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("High", "high"),
        ("Critical", "critical"),
        ("P1", "critical"),
        ("P2 - High", "high"),
        ("P3", "medium"),
        ("1", "high"),
        (2.0, "medium"),
        ("3", "low"),
        ("Med", "medium"),
        ("Must have", "high"),
        ("VH", "critical"),  # a key such as "priority VH/H/M/L"
        ("H", "high"),
        ("m", "medium"),
        ("L", "low"),
        ("", None),
    ],
)
def test_parse_priority_scales_gives_level(value: object, expected: str | None) -> None:
    assert parse_priority(value) == (expected, None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1200000.0, "1200000"),
        (12.5, "12.5"),
        (True, "TRUE"),
        ("00123", "00123"),
        ("1E5", "1E5"),
        ("  padded  ", "padded"),
        ("line_x000D_\nbreak", "line\nbreak"),
        ("a\x0bb\x00c\x1fd", "abcd"),
        ("tab\there", "tab here"),
        ("Invoice \u202egpj.exe", "Invoice gpj.exe"),  # a right-to-left override would show "exe.jpg"
        ("\u2067Ward\u2069 app", "Ward app"),
        ("\u05e9\u05dc\u05d5\u05dd ward", "\u05e9\u05dc\u05d5\u05dd ward"),  # Hebrew text itself is kept
        (datetime(2025, 1, 6), "2025-01-06"),
        (None, ""),
    ],
)
def test_cell_text_values_gives_clean_text(value: object, expected: str) -> None:
    assert cell_text(value) == expected

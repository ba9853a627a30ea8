"""Patterns and normalisers for each kind of hard fact, built once per language.

Month and weekday names come from babel (CLDR), so a Polish "1 marca 2025" or an
Urdu "1 مارچ 2025" is read as the same date as "1 March 2025".
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import get_day_names, get_month_names

from easyread.checks.numwords import WORD_NUMBER, word_to_number

# Every pattern here runs over untrusted text, so each is linear in its length: a run of characters that
# could start a match may only be entered at its first character (the look-behinds), and open runs are
# bounded, so a 40,000-character "word" costs 40,000 steps, not 40,000² (tests/checks/test_linear_patterns.py).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]+"
    r"|(?<![\w-])(?<![\w-]\.)\b[\w-]+(?:\.[\w-]+)*\.(?:gov\.uk|org\.uk|co\.uk|nhs\.uk|ac\.uk|police\.uk|com|org|net)\b(?:/[^\s<>\"]*)?",
    re.IGNORECASE,
)
PHONE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}(?:[\s-]?\d{2,4})?(?![\d])")
SHORT_PHONE = re.compile(r"\b(?:call|phone|ring|dial|on)\s+(999|111|101|105|112)\b", re.IGNORECASE)
POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b")
VEHICLE = re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b")
REFERENCE = re.compile(r"(?<![\w/-])(?:[A-Z0-9]+(?:[/-][A-Z0-9]+)+|[A-Z]{1,4}\d{5,}|\d{6,})(?![\w/-])")
# A legal citation ("section 23 of the Local Government Finance Act 1992", "regulation 4", "the Housing Act 1996"):
# one fact, so its numbers are not facts of their own. The Act's name must be capitalised, as statutes are.
_ACT = r"(?:the\s+)?(?:[A-Z][\w'’()-]*\s+){1,8}?(?:Act|Regulations|Order|Rules|Measure)(?:\s+(?:19|20)\d\d)?"
_PROVISION = (
    r"(?i:sections?|s\.|regulations?|reg\.|paragraphs?|para\.|schedules?|articles?|rules?|parts?)"
    r"\s+\d+[A-Z]?(?:\(\w{1,3}\))*"
)
LEGAL_CITATION = re.compile(
    rf"\b{_PROVISION}(?:\s+(?:and|or|to)\s+\d+[A-Z]?(?:\(\w{{1,3}}\))*)?(?:\s+(?i:of)\s+{_ACT})?"
    rf"|(?<![\w])(?:the\s+)?(?:[A-Z][\w'’()-]*\s+){{1,8}}?(?:Act|Regulations|Order)\s+(?:19|20)\d\d\b"
)
_BARE_PROVISION = re.compile(r"^(?i:paragraphs?|para\.|articles?|rules?|parts?)\s+\d", re.UNICODE)
YEAR_RANGE = re.compile(r"^(?:19|20)\d\d[-–](?:\d\d|(?:19|20)\d\d)$")
TIME_12 = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s?([ap])(?:m\b|\.m\.?)", re.IGNORECASE)
TIME_24 = re.compile(r"(?<![\d.,:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])")
TIME_WORDS = re.compile(r"\b(?:12\s+)?(midday|noon|midnight)\b", re.IGNORECASE)
NUMBER = re.compile(r"(?<![\w.,])\d+(?:,\d{3})*(?:\.\d+)?(?:%|\s?per\s?cent\b)?(?:st|nd|rd|th)?(?![\w])")
# A number in a language other than English: groups and decimals marked with "." or "," (or a
# no-break space), read by `read_number`; a per cent sign may follow after a space ("2,5 %").
LOCAL_NUMBER = re.compile(r"(?<![\w.,])(?P<n>\d+(?:[.,\u00a0\u202f]\d{3})*(?:[.,]\d+)?)(?P<pc>\s?%)?(?![\w])")
DEADLINE_BEFORE = re.compile(
    r"\b(within|by|before|no later than|not later than|on or before|until|up\s?to(?: and including)?|in the next)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
DEADLINE_WORDS = {
    "no later than": "by",
    "not later than": "by",
    "on or before": "by",
    "in the next": "within",
    "up to": "within",
    "upto": "within",
    # the last day it still holds: "will continue up to and including Friday 1st May" is "until Friday 1st May"
    "up to and including": "until",
    "upto and including": "until",
}

# Rights a letter names. Review-like rights only count when the reader is the one who may act.
RIGHTS = [
    ("appeal", re.compile(r"\bappeal(?:s|ed|ing)?\b", re.IGNORECASE)),
    ("tribunal", re.compile(r"\btribunal\b", re.IGNORECASE)),
    ("ombudsman", re.compile(r"\bombudsman\b", re.IGNORECASE)),
    ("complaint", re.compile(r"\bcomplain(?:t|ts)?\b", re.IGNORECASE)),
    (
        "review",
        re.compile(
            r"\byou\b[^.?!\n]{0,40}?\b(?:review|reconsider(?:ation)?|look at [^.?!\n]{0,20}?again)\b", re.IGNORECASE
        ),
    ),
    ("challenge", re.compile(r"\byou\b[^.?!\n]{0,40}?\b(?:challenge|dispute)\b", re.IGNORECASE)),
    ("representations", re.compile(r"\bmake\s+(?:formal\s+)?representations\b", re.IGNORECASE)),
]

_UNITS = {
    "minute": ("minutes", 1),
    "hour": ("minutes", 60),
    "day": ("days", 1),
    "week": ("days", 7),
    "month": ("months", 1),
    "year": ("months", 12),
}


_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def ascii_digits(text: str) -> str:
    """`text` with every Unicode digit as an ASCII digit; same length, so offsets hold."""
    if text.isascii() or not _OTHER_DIGIT.search(text):
        return text
    out = []
    for ch in text:
        if ch.isdecimal() and not ch.isascii():
            out.append(str(unicodedata.decimal(ch)))
        else:
            out.append({"٫": ".", "٬": ","}.get(ch, ch))
    return "".join(out)


def money_value(amount: Decimal) -> str:
    """'£1,710' for 1710.00, '£142.50' for 142.5."""
    text = f"£{amount:,.2f}"
    return text.removesuffix(".00")


def parse_amount(number: str, language: str) -> Decimal | None:
    """A number as written in `language` (1,710.00 in English; 1 710,00 in Polish; 1.710,00 in German)."""
    return read_number(number, language)


def read_number(number: str, language: str) -> Decimal | None:
    """The value of a number written with group and decimal separators of any convention.

    Hand-written because babel's `parse_decimal` trusts the locale alone and reads an English
    "125.00" in Spanish text as 12500: groups always have three digits, so a separator followed
    by one, two or four or more digits is the decimal mark, whatever the language. Only a single
    separator followed by exactly three digits ("1.710", "1,710") is ambiguous, and there the
    language's own decimal symbol (babel/CLDR) decides.
    """
    cleaned = re.sub(r"[\s\u00a0\u202f\u2009'’]", "", number)
    if not cleaned or not cleaned[0].isdigit() or not cleaned[-1].isdigit():
        return None
    marks = [(i, ch) for i, ch in enumerate(cleaned) if ch in ".,"]
    decimal_at = None
    if marks:
        last_at, last = marks[-1]
        tail = len(cleaned) - last_at - 1
        if any(ch != last for _, ch in marks):
            decimal_at = last_at  # "1.710,50" and "1,710.50": the last separator is the decimal mark
        elif len(marks) == 1 and (tail != 3 or last == decimal_symbol(language)):
            decimal_at = last_at
    whole = cleaned if decimal_at is None else cleaned[:decimal_at]
    fraction = "" if decimal_at is None else cleaned[decimal_at + 1 :]
    digits = whole.replace(".", "").replace(",", "")
    try:
        return Decimal(f"{digits}.{fraction}" if fraction else digits)
    except InvalidOperation:
        return None


@lru_cache(maxsize=64)
def decimal_symbol(language: str) -> str:
    """The decimal mark `language` writes with Latin digits ("," for de, es, pl; "." for en, ur)."""
    try:
        symbols = Locale.parse(language.replace("-", "_")).number_symbols
    except (UnknownLocaleError, ValueError, TypeError):
        return "."
    return symbols.get("latn", {}).get("decimal", ".")


@lru_cache(maxsize=32)
def money_pattern(language: str) -> re.Pattern:
    """£ or GBP before or after an amount, or 'N pounds' in English."""
    # Bounded: no amount is longer than 24 characters, and an unbounded run made a line of digits quadratic.
    number = r"\d(?:[\d.,\u00a0\u202f ]{0,22}\d)?"
    words = (
        r"|(?<![\d.,])(?P<w>" + number + r")\s?(?:pounds?\b|GBP\b)"
        if language == "en"
        else r"|(?<![\d.,])(?P<w>" + number + r")\s?(?:GBP|£)"
    )
    return re.compile(rf"(?:£|GBP\s?)\s?(?P<a>{number}){words}")


@lru_cache(maxsize=32)
def month_names(language: str) -> dict[str, int]:
    """Every spelling of each month in `language` (wide and short, format and stand-alone)."""
    names: dict[str, int] = {}
    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale).items():
                names.setdefault(name.casefold().rstrip("."), number)
    if locale.language == "en":
        names["sept"] = 9
    return names


@lru_cache(maxsize=32)
def date_patterns(language: str) -> list[tuple[str, re.Pattern]]:
    """Regexes for day-month-year, month-day-year, month-year and numeric dates."""
    months = "|".join(re.escape(m) for m in sorted(month_names(language), key=len, reverse=True))
    try:
        days = get_day_names("wide", "format", Locale.parse(language)).values()
    except (UnknownLocaleError, ValueError):
        days = get_day_names("wide", "format", "en").values()
    weekday = "|".join(re.escape(d) for d in days)
    ordinal = r"(?:st|nd|rd|th)?" if language == "en" else r"\.?"
    return [
        (
            "dmy",
            re.compile(
                rf"(?:\b(?:{weekday}),?\s+)?(?:the\s+)?\b(?P<d>\d{{1,2}}){ordinal}(?:\s+of)?\s+(?P<m>{months})\b\.?,?(?:\s+(?P<y>\d{{4}})\b)?",
                re.IGNORECASE,
            ),
        ),
        (
            "mdy",
            re.compile(
                rf"(?:\b(?:{weekday}),?\s+)?\b(?P<m>{months})\b\.?\s+(?:the\s+)?(?P<d>\d{{1,2}}){ordinal}(?!\d)(?:,?\s+(?P<y>\d{{4}})\b)?",
                re.IGNORECASE,
            ),
        ),
        ("my", re.compile(rf"\b(?P<m>{months})\b\.?\s+(?P<y>\d{{4}})\b", re.IGNORECASE)),
        ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
        ("num", re.compile(r"(?<![\d/.])(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4}|\d{2})(?![\d/])")),
    ]


def date_value(day: str | None, month: str, year: str | None, language: str) -> str | None:
    """ISO date '2025-03-01', '--03-01' without a year, '2025-03' without a day; None if impossible."""
    m = int(month) if month.isdigit() else month_names(language).get(month.casefold().rstrip("."))
    if m is None:
        return None
    y = None if year is None else int(year) + (2000 if len(year) == 2 else 0)
    try:
        date(y or 2000, m, int(day) if day else 1)
    except ValueError:
        return None
    if day is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{int(day):02d}" if y else f"--{m:02d}-{int(day):02d}"


def time_value(hour: int, minute: int, meridiem: str | None) -> str | None:
    """24-hour 'HH:MM' for a 12-hour or 24-hour time."""
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


DURATION = re.compile(
    # "a 12-month subscription", "a 3-year recall": the hyphenated duration is the same fact as "12 months".
    rf"\b(?P<n>\d+(?:\.\d+)?|{WORD_NUMBER}|half\s+an?)(?P<half>\s+and\s+a\s+half)?(?:\s+|-)(?:(?P<q>working|business|calendar|clear|school)\s+)?"
    r"(?P<u>minute|hour|day|week|month|year)s?\b(?P<half2>\s+and\s+a\s+half)?",
    re.IGNORECASE,
)
_A_ALLOWED_BEFORE = re.compile(r"\b(?:within|in|for|after|over|about|of|than|least)\s+$", re.IGNORECASE)


def duration_value(match: re.Match, text: str) -> str | None:
    """'7 days', '20 working days', '90 minutes', '1 year': minutes, days and months made comparable."""
    raw = match.group("n").lower()
    if raw in ("a", "an") and not _A_ALLOWED_BEFORE.search(text[max(0, match.start() - 12) : match.start()]):
        return None  # "24 hours a day" is a rate, not a duration
    if raw.startswith("half"):
        amount = Decimal("0.5")
    elif raw[0].isdigit():
        amount = Decimal(raw)
    else:
        number = word_to_number(raw)
        if number is None:
            return None
        amount = Decimal(number)
    if match.group("half") or match.group("half2"):
        amount += Decimal("0.5")
    base, factor = _UNITS[match.group("u").lower()]
    qualifier = (match.group("q") or "").lower()
    qualifier = {"business": "working", "calendar": "", "clear": ""}.get(qualifier, qualifier)
    total = amount * factor
    if base == "minutes" and total % 60 == 0:
        base, total = "hours", total / 60
    if base == "months" and total % 12 == 0:
        base, total = "years", total / 12
    count = f"{total.normalize():f}"
    unit = base if count != "1" else base[:-1]
    return f"{count} {qualifier + ' ' if qualifier else ''}{unit}"


def deadline_before(text: str, start: int) -> tuple[str, int] | None:
    """The deadline word ("within", "by", …) just before `start` and where it starts, if any."""
    window = max(0, start - 20)
    m = DEADLINE_BEFORE.search(text[window:start])
    return (" ".join(m.group(1).lower().split()), window + m.start(1)) if m else None

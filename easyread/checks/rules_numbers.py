"""Rules on numbers, dates, times and ranges (GOV.UK style: '4 June 2025', '5:30pm', '9am to 5pm')."""

from __future__ import annotations

import re

from easyread.checks import factpatterns as fp
from easyread.checks.numwords import WORD_NUMBER_RE
from easyread.checks.registry import FAIL, Hit, rule

PERCENT = re.compile(
    r"(?<!\d)\d+(?:\.\d+)?\s?%|\bper\s?cent(?:age)?s?\b|\bpercentage\b|[½¼¾⅓⅔⅛]|\b(?:a|one|two|three)\s+(?:half|halves|quarters?|thirds?)\b|\bhalf\b|(?<![\d/])\d{1,2}/\d{1,2}(?![\d/])",
    re.IGNORECASE,
)
BIG_NUMBER = re.compile(r"(?<![\d,.])\d{4,}(?![\d,])")
ORDINAL = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)\b", re.IGNORECASE)
SHORT_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?")
WEEKDAY = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thurs?|Fri|Sat|Sun)s?\b"
)
GOOD_TIME = re.compile(r"^(?:[1-9]|1[0-2])(?::[0-5]\d)?(?:am|pm)$")
OCLOCK = re.compile(r"\b\w+\s+o['’]clock\b", re.IGNORECASE)
_RANGE_END = r"(?:\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
RANGE = re.compile(
    rf"(?:\d(?:am|pm)?|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December))\s?[-–—]\s?{_RANGE_END}\w*",
    re.IGNORECASE,
)


@rule(
    "number-words",
    "This number is written as a word.",
    "Write numbers as digits, like 7 instead of seven. 'One' is fine as a word.",
    severity=FAIL,
)
def number_words(ctx):
    for m in WORD_NUMBER_RE.finditer(ctx.text):
        word = m.group(0).lower()
        if word in ("one", "a", "an", "zero") or word.split()[0] in ("a", "an", "one") and " " not in word:
            continue
        before = ctx.text[max(0, m.start() - 40) : m.start()].rstrip()  # a window: the whole text before is quadratic
        if word in ("hundred", "thousand", "million") and before[-1:].isdigit():
            continue  # "1.5 million" is already digits
        if word.startswith(("a ", "an ")) and word.split()[-1] in ("hundred", "thousand", "million"):
            pass
        elif word.startswith(("a ", "an ")):
            continue
        yield Hit(m.start(), m.end(), None, f"'{m.group(0)}' is a number written as a word.")


@rule(
    "percent-fraction",
    "Percentages and fractions are hard to understand.",
    "Say it another way: '£35, that is half of £70', or 'about 1 in 2 people'.",
)
def percent_fraction(ctx):
    for m in PERCENT.finditer(ctx.text):
        if not ctx.protected(m.start(), m.end(), ("email", "url", "phone", "postcode", "reference", "date", "time")):
            yield Hit(m.start(), m.end())


@rule("big-number", "This big number has no commas.", "Write big numbers with commas, like 14,250.")
def big_number(ctx):
    for m in BIG_NUMBER.finditer(ctx.text):
        if len(m.group(0)) == 4 and 1900 <= int(m.group(0)) <= 2099:
            continue  # a year
        if not ctx.protected(m.start(), m.end(), ("email", "url", "phone", "postcode", "reference", "date", "time")):
            yield Hit(m.start(), m.end())


@rule(
    "date-format",
    "This date is not written the Easy Read way.",
    "Write dates like 4 June 2025: day, month in full, then year. No 'th' or 'st'.",
    severity=FAIL,
)
def date_format(ctx):
    taken = []
    for kind, pattern in fp.date_patterns("en"):
        for m in pattern.finditer(ctx.text):
            if any(s < m.end() and m.start() < e for s, e in taken) or ctx.protected(m.start(), m.end()):
                continue
            taken.append(m.span())
            text = m.group(0)
            if kind in ("iso", "num"):
                yield Hit(m.start(), m.end(), None, f"'{text}' is a date in numbers only.")
            elif kind == "mdy":
                yield Hit(m.start(), m.end(), None, f"'{text}' puts the month before the day.")
            elif ORDINAL.search(text) or SHORT_MONTH.search(text):
                yield Hit(m.start(), m.end(), None, f"'{text}' has a short month or 'th', 'st', 'nd' or 'rd'.")
    for m in ORDINAL.finditer(ctx.text):
        if not any(s <= m.start() < e for s, e in taken):
            yield Hit(
                m.start(),
                m.end(),
                None,
                f"'{m.group(0)}' uses 'st', 'nd', 'rd' or 'th'.",
                "Write the number only, like 4 instead of 4th.",
            )


@rule("weekday-only", "This gives a day of the week but no date.", "Give the full date too, like Monday 4 June 2025.")
def weekday_only(ctx):
    if any(f.kind == "date" for f in ctx.facts):
        return
    for m in WEEKDAY.finditer(ctx.text):
        after = ctx.text[m.end() : m.end() + 6]
        # Only the few characters before the day matter; searching the whole text before it made this quadratic.
        if not re.match(r"\s?(?:to\s|[-–—])", after) and not re.search(
            r"(?:to|[-–])\s?$", ctx.text[max(0, m.start() - 4) : m.start()]
        ):
            yield Hit(m.start(), m.end())


@rule(
    "time-format",
    "This time is not written the Easy Read way.",
    "Write times like 9am or 5:30pm. Say 'midday' and 'midnight'.",
)
def time_format(ctx):
    for fact in ctx.facts:
        if fact.kind != "time":
            continue
        text = fact.text
        compact = text.replace(" ", "").lower()
        if compact in ("12pm", "12:00pm", "12noon", "noon"):
            yield Hit(fact.start, fact.end, None, f"Write 'midday' instead of '{text}'.")
        elif compact in ("12am", "12:00am"):
            yield Hit(fact.start, fact.end, None, f"Write 'midnight' instead of '{text}'.")
        elif text.lower() in ("midday", "midnight"):
            continue
        elif not GOOD_TIME.match(compact) or re.search(r":00", compact):
            yield Hit(fact.start, fact.end, None, f"'{text}' is not written like 9am or 5:30pm.")
    for m in OCLOCK.finditer(ctx.text):
        yield Hit(m.start(), m.end())


@rule("range", "This range uses a dash.", "Use 'to' in ranges: '9am to 5pm', 'Monday to Friday'.")
def range_dash(ctx):
    for m in RANGE.finditer(ctx.text):
        if not ctx.protected(m.start(), m.end()):
            yield Hit(m.start(), m.end())

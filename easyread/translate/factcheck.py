"""The fact lock between an English point and its translation.

Money, numbers, phone numbers, email and web addresses must come through
identical (the checks' `compare_facts` does that, and reads digits of any script).
Dates must be equal in value *and* written the way the target language writes
them: we render each English date with babel (CLDR) in every standard form for
the target locale and look for one of them in the translation. A date that is
right in value but in another form (an English month left in Polish text) is kept
but reported, so a reviewer sees it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton

from easyread.checks import factpatterns as fp
from easyread.checks.facts import Fact, compare_facts, extract_facts

# Kinds we protect with a marker when a first translation lost them. Durations, named
# rights and deadlines are words of one language; only their numbers are facts here.
PROTECTED_KINDS = {"money", "phone", "email", "url", "number", "time", "postcode", "reference", "date"}
_INVISIBLE = re.compile(r"[\u200e\u200f\u061c\u202a-\u202e]")
# Scripts written without spaces: the checks' patterns need a word boundary around a
# number, and "\w" counts a Chinese character as a word character.
_UNSPACED = "\u2e80-\u9fff\uac00-\ud7af\u3000-\u303f\uff00-\uffef\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
_UNSPACED_EDGE = re.compile(rf"(?<=[{_UNSPACED}])(?=[\x21-\x7e£])|(?<=[\x21-\x7e£])(?=[{_UNSPACED}])")
_SEPARATORS = str.maketrans({"،": " ", ",": " ", "፣": " ", "\u00a0": " ", "\u202f": " ", "\u2009": " "})


@dataclass
class FactCheck:
    """What a translation did with its source's facts."""

    lost: list[Fact] = field(default_factory=list)
    changed: list[tuple[Fact, Fact]] = field(default_factory=list)
    invented: list[Fact] = field(default_factory=list)
    date_format: list[str] = field(default_factory=list)  # dates right in value, not in the language's form
    kept: int = 0

    @property
    def ok(self) -> bool:
        """True when nothing was lost, changed or invented."""
        return not (self.lost or self.changed or self.invented)

    def finding(self) -> dict:
        """A finding for the point, in the shape the checks use."""
        parts = [f"lost {f.text}" for f in self.lost]
        parts += [f"{s.text} became {d.text}" for s, d in self.changed]
        parts += [f"added {f.text}" for f in self.invented]
        parts += [f"the date {d} is not written the usual way for this language" for d in self.date_format]
        return {
            "check": "translation-facts",
            "level": "fail" if not self.ok else "warning",
            "message": "Facts changed in translation: " + "; ".join(parts) + "." if parts else "Facts kept.",
            "lost": [f.to_dict() for f in self.lost],
            "changed": [{"source": s.to_dict(), "translation": d.to_dict()} for s, d in self.changed],
            "invented": [f.to_dict() for f in self.invented],
        }


def _locale(language: str) -> Locale | None:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        try:
            return Locale.parse(language.split("-")[0])
        except (UnknownLocaleError, ValueError):
            return None


@lru_cache(maxsize=4096)
def date_forms(value: str, language: str) -> tuple[str, ...]:
    """Every standard way babel writes the date `value` ('2025-03-01', '--03-01', '2025-03') in `language`."""
    locale = _locale(language)
    if locale is None:
        return ()
    if value.startswith("--"):
        when, skeletons, formats = date(2000, int(value[2:4]), int(value[5:7])), ("MMMMd", "MMMd", "Md"), ()
    elif len(value) == 7:
        when, skeletons, formats = date(int(value[:4]), int(value[5:7]), 1), ("yMMMM", "yMMM", "yMM"), ()
    else:
        when = date(int(value[:4]), int(value[5:7]), int(value[8:10]))
        skeletons, formats = ("yMMMMd", "yMMMd", "yMd", "yMMdd", "MMMMd"), ("full", "long", "medium", "short")
    forms = [format_date(when, f, locale=locale) for f in formats]
    for skeleton in skeletons:
        try:
            forms.append(format_skeleton(skeleton, when, locale=locale))
        except (KeyError, ValueError):
            continue
    return tuple(dict.fromkeys(f for f in forms if f))


def preferred_date(value: str, language: str) -> str:
    """The one form we write a date in when we must: babel's 'long' form (or its month-day form)."""
    forms = date_forms(value, language)
    if not forms:
        return value
    if value.startswith("--") or len(value) == 7:
        return forms[0]
    return format_date(date(int(value[:4]), int(value[5:7]), int(value[8:10])), "long", locale=_locale(language))


def _normalise(text: str) -> tuple[str, list[int]]:
    """Text for matching (no bidi marks, separators as spaces, ASCII digits, casefolded, single spaces)
    and, for each of its characters, the index it came from."""
    out, where = [], []
    text = fp.ascii_digits(text).translate(_SEPARATORS)
    for index, ch in enumerate(text):
        if _INVISIBLE.match(ch):
            continue
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        for piece in ch.casefold():
            out.append(piece)
            where.append(index)
    return "".join(out), where


def find_dates(text: str, value: str, language: str) -> list[tuple[int, int]]:
    """Spans of `text` where the date `value` is written in one of `language`'s forms (longest first)."""
    normal, where = _normalise(text)
    spans: list[tuple[int, int]] = []
    for form in sorted(date_forms(value, language), key=len, reverse=True):
        needle = _normalise(form)[0].strip()
        for m in re.finditer(r"(?<!\d)" + re.escape(needle) + r"(?!\d)", normal):
            start, end = where[m.start()], where[m.end() - 1] + 1
            if not any(s < end and start < e for s, e in spans):
                spans.append((start, end))
    return sorted(spans)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _verbatim(text: str, needle: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where `needle` occurs in `text` as a whole token, outside `taken` spans."""
    pattern = re.compile(r"(?<![\w.,])" + re.escape(needle) + r"(?![\d]|[.,]\d)")
    for m in pattern.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            return m.start(), m.end()
    return None


def check_translation(source: str, translated: str, language: str) -> FactCheck:
    """Compare the facts of an English `source` with its translation into `language`."""
    source_facts = extract_facts(source, "en")
    src_blank, dst_spans, same = [], [], 0
    # Dates first, so a plain number is never matched inside a date written out in full.
    for fact in sorted(source_facts, key=lambda f: f.kind != "date"):
        if fact.kind == "date":
            found = find_dates(translated, fact.value, language)
            if found:
                # Written the language's way: take the date out of both texts so its digits
                # are not counted again as plain numbers.
                src_blank.append((fact.start, fact.end))
                dst_spans.extend(found)
                same += 1
            continue
        start, text = fact.start, fact.text
        if fact.kind == "duration":
            digits = re.search(r"\d+(?:\.\d+)?", fact.text)
            if not digits:
                continue
            start, text = fact.start + digits.start(), digits.group(0)
        elif fact.kind not in PROTECTED_KINDS:
            continue
        # Copied exactly is kept, whatever the target locale would make of it (read with
        # Spanish or German conventions, "£125.00" would be twelve thousand five hundred).
        where = _verbatim(translated, text, dst_spans)
        if where:
            src_blank.append((start, start + len(text)))
            dst_spans.append(where)
            same += 1
    target_text = _UNSPACED_EDGE.sub(" ", _blank(translated, dst_spans))
    comparison = compare_facts(_blank(source, src_blank), target_text, source_language="en", draft_language=language)
    result = FactCheck(
        list(comparison.lost), list(comparison.changed), list(comparison.invented), kept=len(comparison.kept) + same
    )
    kept_dates = {f.value for f in comparison.kept if f.kind == "date"}
    result.date_format = [f.text for f in comparison.draft if f.kind == "date" and f.value in kept_dates]
    return result


def protect_spans(source: str, lost: list[Fact], language: str) -> list[tuple[int, int, str]]:
    """(start, end, value) spans of `source` to protect so a retry keeps the `lost` facts.

    Dates become the target language's form; everything else is kept exactly.
    """
    wanted = {(f.kind, f.value) for f in lost}
    spans = []
    for fact in extract_facts(source, "en"):
        if fact.kind == "duration" and ("number", fact.value.split()[0]) in wanted:
            digits = re.search(r"\d+(?:\.\d+)?", fact.text)
            if digits:
                spans.append((fact.start + digits.start(), fact.start + digits.end(), digits.group(0)))
            continue
        if fact.kind not in PROTECTED_KINDS or (fact.kind, fact.value) not in wanted:
            continue
        value = preferred_date(fact.value, language) if fact.kind == "date" else fact.text
        spans.append((fact.start, fact.end, value))
    return spans

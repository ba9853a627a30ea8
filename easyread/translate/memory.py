"""Translation memory: approved translations of points, reused with this letter's facts.

A point a fluent speaker approved is kept as a *segment*: its English and its
translation with every fact (amount, date, number, phone, email, web address,
postcode, reference, time) replaced by a numbered placeholder ⟦1⟧, ⟦2⟧…, and for each
placeholder how the translation wrote it (copied as in English, a date in one of the
language's babel forms, an amount or number in the language's own digits grouping).

Looking a new point up: the same words with any facts is an *exact* match, filled
with the new point's facts written the language's way; otherwise the nearest segment
by rapidfuzz's ratio, at or above a threshold, is a *fuzzy* match, offered as a draft
with the English words that differ marked. No database here: the store passes
segments in and takes them out as plain data (easyread.records.translations).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal
from rapidfuzz import fuzz, process

from easyread.checks.facts import Fact, extract_facts
from easyread.translate.factcheck import (
    _normalise,
    date_forms,
    find_dates,
    preferred_date,
)
from easyread.translate.placeholders import MARKER

SLOT_KINDS = {"money", "phone", "email", "url", "number", "time", "postcode", "reference", "date"}
DEFAULT_FUZZY_MIN = 75
EXACT, FUZZY = "exact", "fuzzy"


@dataclass
class Segment:
    """One remembered pair. `slots[i]` says how placeholder ⟦i+1⟧ is written in the target: "copy",
    "date:<n>" (babel form n), "money:before" / "money:after" (the £ sign's side), "number" or "number:<suffix>"."""

    source: str
    target: str
    kinds: list[str]
    slots: list[str]
    example_source: str = ""
    example_target: str = ""
    id: int | None = None

    @property
    def key(self) -> str:
        """What an exact match must equal: the English with each fact as its kind, spacing and case ignored."""
        return lookup_key(self.source, self.kinds)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Match:
    """A memory hit for one point: the filled translation, exact or fuzzy with its percentage."""

    kind: str  # EXACT or FUZZY
    score: int  # 100 for exact
    text: str
    segment: Segment
    diff: str = ""  # for fuzzy: the new English with the words the memory's English lacks marked «so»
    unfilled: int = 0  # placeholders that could not be given a fact of this letter


def lookup_key(template: str, kinds: list[str]) -> str:
    def kind(match: re.Match) -> str:
        number = int(match.group(1) or match.group(2))
        return f"⟦{kinds[number - 1]}⟧" if 0 < number <= len(kinds) else "⟦?⟧"

    return " ".join(MARKER.sub(kind, template).casefold().split())


def _slot_facts(english: str) -> list[Fact]:
    """The facts of an English point a segment replaces, in reading order (a duration by its number)."""
    out = []
    for fact in extract_facts(english, "en"):
        if fact.kind == "duration":
            digits = re.search(r"\d+(?:\.\d+)?", fact.text)
            if digits:
                out.append(
                    Fact(
                        "number",
                        digits.group(0),
                        digits.group(0),
                        fact.start + digits.start(),
                        fact.start + digits.end(),
                    )
                )
        elif fact.kind in SLOT_KINDS:
            out.append(fact)
    return out


def _template(text: str, spans: list[tuple[int, int]]) -> str:
    out, cursor = [], 0
    for n, (start, end) in sorted(enumerate(spans, start=1), key=lambda item: item[1][0]):
        out.append(text[cursor:start])
        out.append(f"⟦{n}⟧")
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def _date_form(written: str, value: str, language: str) -> int:
    wanted = _normalise(written)[0].strip()
    for n, form in enumerate(date_forms(value, language)):
        if _normalise(form)[0].strip() == wanted:
            return n
    return -1


def make_segment(english: str, translated: str, language: str) -> Segment | None:
    """The segment for an approved pair, or None when a fact of the English cannot be found in the translation."""
    facts = _slot_facts(english)
    target_facts = [f for f in extract_facts(translated, language) if f.kind in ("money", "number")]
    taken: list[tuple[int, int]] = []
    slots: list[str] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    for fact in facts:
        span, slot = None, "copy"
        if fact.kind == "date":
            found = [s for s in find_dates(translated, fact.value, language) if free(*s)]
            if found:
                span = found[0]
                form = _date_form(translated[span[0] : span[1]], fact.value, language)
                slot = f"date:{max(form, 0)}"
        if span is None:
            pattern = re.compile(r"(?<![\w.,])" + re.escape(fact.text) + r"(?![\d]|[.,]\d)")
            span = next(((m.start(), m.end()) for m in pattern.finditer(translated) if free(m.start(), m.end())), None)
            slot = "copy"
        if span is None and fact.kind in ("money", "number"):
            hit = next(
                (f for f in target_facts if f.kind == fact.kind and f.value == fact.value and free(f.start, f.end)),
                None,
            )
            if hit:
                span = (hit.start, hit.end)
                if fact.kind == "money":
                    slot = "money:before" if "£" in hit.text[:2] or hit.text.startswith("GBP") else "money:after"
                else:
                    suffix = re.search(r"\s?%$", hit.text)
                    slot = f"number:{suffix.group(0)}" if suffix else "number"
        if span is None:
            return None
        taken.append(span)
        slots.append(slot)
    source = _template(english, [(f.start, f.end) for f in facts])
    target = _template(translated, taken)
    return Segment(source, target, [f.kind for f in facts], slots, english, translated)


def _locale(language: str) -> Locale | None:
    for code in (language.replace("-", "_"), language.split("-")[0]):
        try:
            return Locale.parse(code)
        except (UnknownLocaleError, ValueError):
            continue
    return None


def write_fact(fact: Fact, slot: str, language: str) -> str:
    """`fact` of an English point written for the translation the way `slot` says."""
    locale = _locale(language)
    if slot.startswith("date:") and fact.kind == "date":
        forms = date_forms(fact.value, language)
        n = int(slot[5:])
        return forms[n] if n < len(forms) else preferred_date(fact.value, language)
    if slot.startswith("money:") and fact.kind == "money" and locale is not None:
        try:
            amount = Decimal(fact.value.lstrip("£").replace(",", ""))
        except InvalidOperation:
            return fact.text
        number = format_decimal(
            amount, "#,##0.00" if amount != amount.to_integral() or "." in fact.text else "#,##0", locale=locale
        )
        return f"£{number}" if slot == "money:before" else f"{number} £"
    if slot.startswith("number") and fact.kind == "number" and locale is not None:
        suffix = slot.partition(":")[2]
        try:
            amount = Decimal(fact.value.rstrip("%"))
        except InvalidOperation:
            return fact.text
        return format_decimal(amount, locale=locale, group_separator=False) + (
            suffix if fact.value.endswith("%") else ""
        )
    return fact.text


def fill(segment: Segment, english: str, language: str) -> tuple[str, int]:
    """The segment's translation with `english`'s facts in its placeholders; (text, placeholders left unfilled).

    Facts go in by position where their kinds agree; an unfilled placeholder is left out,
    so the fact lock reports the fact as lost rather than a wrong one being written.
    """
    facts = _slot_facts(english)
    unfilled = 0

    def put(match: re.Match) -> str:
        nonlocal unfilled
        n = int(match.group(1) or match.group(2))
        if n <= len(facts) and n <= len(segment.kinds) and facts[n - 1].kind == segment.kinds[n - 1]:
            return write_fact(facts[n - 1], segment.slots[n - 1], language)
        unfilled += 1
        return ""

    text = MARKER.sub(put, segment.target)
    return re.sub(r"[ \t]{2,}", " ", text).strip(), unfilled


def mark_differences(new: str, old: str) -> str:
    """`new` with the words `old` does not have marked «like this» (word-level difflib)."""
    a, b = old.split(), new.split()
    out = []
    for tag, _, _, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        words = " ".join(b[j1:j2])
        if not words:
            continue
        out.append(words if tag == "equal" else f"«{words}»")
    return " ".join(out)


@dataclass
class Memory:
    """The segments of one council and language, ready to look points up in."""

    language: str
    segments: list[Segment] = field(default_factory=list)
    fuzzy_min: int = DEFAULT_FUZZY_MIN

    def __post_init__(self) -> None:
        self._exact = {s.key: s for s in self.segments}
        self._keys = [s.key for s in self.segments]

    def __len__(self) -> int:
        return len(self.segments)

    def lookup(self, english: str) -> Match | None:
        """The best memory match for an English point, or None."""
        if not self.segments or not english.strip():
            return None
        facts = _slot_facts(english)
        key = lookup_key(_template(english, [(f.start, f.end) for f in facts]), [f.kind for f in facts])
        segment = self._exact.get(key)
        if segment is not None:
            text, unfilled = fill(segment, english, self.language)
            return Match(EXACT, 100, text, segment, unfilled=unfilled)
        best = process.extractOne(key, self._keys, scorer=fuzz.ratio, score_cutoff=self.fuzzy_min)
        if best is None:
            return None
        segment = self.segments[best[2]]
        text, unfilled = fill(segment, english, self.language)
        # Never call a fuzzy match 100%: that is kept for the same words.
        score = min(99, int(best[1]))
        # Compare the English with facts as placeholders, so only the words that differ are marked.
        marked = mark_differences(_template(english, [(f.start, f.end) for f in facts]), segment.source)
        marked = MARKER.sub(lambda m: facts[int(m.group(1) or m.group(2)) - 1].text, marked)
        return Match(FUZZY, score, text, segment, marked, unfilled)

"""The fact lock: the hard facts of a letter, and what a draft lost, changed or invented.

Facts are money, dates, times, durations, phone numbers, email and web addresses,
postcodes, reference numbers, other numbers, named rights and deadlines. Each is
normalised ("seven days" = "7 days", "1st March" = "1 March", "£1,710.00" = "£1,710")
so a faithful rewrite keeps every value even when the words change.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace

from easyread.checks import factpatterns as fp
from easyread.checks.numwords import WORD_NUMBER_RE, word_to_number
from easyread.checks.textcache import TextCache, caching

# Kinds whose words belong to one language: between languages, durations are
# compared by their number only, and named rights and deadlines are left to people.
LANGUAGE_BOUND = {"duration", "deadline", "right"}


@dataclass
class Fact:
    kind: str
    value: str  # normalised, for comparison
    text: str  # as written
    start: int
    end: int

    def to_dict(self) -> dict:
        return asdict(self)


class _Found:
    """Facts found so far, refusing any that overlaps one already taken."""

    def __init__(self, text: str):
        self.text = text
        self.facts: list[Fact] = []
        self._taken = bytearray(len(text) + 1)

    def free(self, start: int, end: int) -> bool:
        return not any(self._taken[start:end])

    def add(self, kind: str, value: str | None, start: int, end: int, *, overlap: bool = False) -> None:
        if value is None or (not overlap and not self.free(start, end)):
            return
        self.facts.append(Fact(kind, value, self.text[start:end], start, end))
        if not overlap:
            self._taken[start:end] = b"\x01" * (end - start)


# The facts of the last texts scanned: the fact lock, the repair judge and the meaning rules scan the same sentences
# about ten times each. Kept as tuples; every caller gets Facts of its own.
_FOUND = TextCache(2048)


def extract_facts(text: str, language: str = "en") -> list[Fact]:
    """Every hard fact in `text`, in reading order, with normalised values."""
    language = (language or "en").split("-")[0].split("_")[0].lower()
    kept = _FOUND.get((text, language)) if caching() else None
    if kept is None:
        _FOUND.missed()
        kept = tuple(_scan(text, language))
        if caching():
            _FOUND.put((text, language), kept)
    return [replace(f) for f in kept]


def scan_counts() -> tuple[int, int]:
    """(texts scanned for facts, texts answered from the cache) since the process started."""
    return _FOUND.misses, _FOUND.hits


def clear_cache() -> None:
    """Forget the facts of every text scanned."""
    _FOUND.clear()


def _scan(text: str, language: str) -> list[Fact]:
    scan = fp.ascii_digits(text)
    found = _Found(text)
    for m in fp.EMAIL.finditer(scan):
        found.add("email", m.group(0).lower(), m.start(), m.end())
    for m in fp.URL.finditer(scan):
        url = m.group(0).rstrip(".,;:)!?'\"")
        found.add("url", _url_value(url), m.start(), m.start() + len(url))
    _phones(scan, found)
    _money(scan, found, language)
    _dates(scan, found, language)
    _times(scan, found)
    for m in fp.POSTCODE.finditer(scan):
        found.add("postcode", f"{m.group(1)} {m.group(2)}", m.start(), m.end())
    for m in fp.VEHICLE.finditer(scan):
        found.add("reference", m.group(0).replace(" ", ""), m.start(), m.end())
    for m in fp.REFERENCE.finditer(scan):
        if not fp.YEAR_RANGE.match(m.group(0)) and sum(c.isdigit() for c in m.group(0)) >= 5:
            found.add("reference", m.group(0).upper(), m.start(), m.end())
    if language == "en":
        _durations(scan, found)
        _rights(scan, found)
        _legal(scan, found)
    _numbers(scan, found, language)
    return sorted(found.facts, key=lambda f: (f.start, f.kind))


def _legal(scan: str, found: _Found) -> None:
    """Legal citations as one fact each. "Part 2" or "paragraph 4" alone is a part of the letter, not law."""
    for m in fp.LEGAL_CITATION.finditer(scan):
        text = m.group(0)
        if fp._BARE_PROVISION.match(text) and not re.search(r"\b(?:Act|Regulations|Order|Rules|Measure)\b", text):
            continue
        found.add(LEGAL, " ".join(text.lower().split()).removeprefix("the "), m.start(), m.end())


def _url_value(url: str) -> str:
    url = re.sub(r"^https?://", "", url, flags=re.IGNORECASE)
    host, _, path = url.partition("/")
    host = host.lower().removeprefix("www.")
    return f"{host}/{path}".rstrip("/")


def _phones(scan: str, found: _Found) -> None:
    for m in fp.PHONE.finditer(scan):
        digits = re.sub(r"\D", "", m.group(0))
        if digits.startswith("44"):
            digits = "0" + digits[2:].removeprefix("0")
        if 10 <= len(digits) <= 11:
            found.add("phone", digits, m.start(), m.end())
    for m in fp.SHORT_PHONE.finditer(scan):
        found.add("phone", m.group(1), m.start(1), m.end(1))


def _money(scan: str, found: _Found, language: str) -> None:
    for m in fp.money_pattern(language).finditer(scan):
        group = "a" if m.group("a") else "w"
        raw = m.group(group).rstrip(" .,")
        end = m.end() if group == "w" else m.start(group) + len(raw)
        amount = fp.parse_amount(raw, language)
        if amount is not None:
            found.add("money", fp.money_value(amount), m.start(), end)


def _dates(scan: str, found: _Found, language: str) -> None:
    for _, pattern in fp.date_patterns(language):
        for m in pattern.finditer(scan):
            groups = m.groupdict()
            value = fp.date_value(groups.get("d"), groups["m"], groups.get("y"), language)
            end = m.end() - (len(m.group(0)) - len(m.group(0).rstrip(" ,.")))
            found.add("date", value, m.start(), end)


def _times(scan: str, found: _Found) -> None:
    for m in fp.TIME_12.finditer(scan):
        found.add("time", fp.time_value(int(m.group(1)), int(m.group(2) or 0), m.group(3)), m.start(), m.end())
    for m in fp.TIME_24.finditer(scan):
        found.add("time", fp.time_value(int(m.group(1)), int(m.group(2)), None), m.start(), m.end())
    for m in fp.TIME_WORDS.finditer(scan):
        found.add("time", "00:00" if m.group(1).lower() == "midnight" else "12:00", m.start(), m.end())


def _durations(scan: str, found: _Found) -> None:
    for m in fp.DURATION.finditer(scan):
        found.add("duration", fp.duration_value(m, scan), m.start(), m.end())
    # A deadline is a date or duration after "within", "by", "before"…: its own fact, so
    # "by 10 March" turned into "after 10 March" is caught even though the date is kept.
    for fact in [f for f in found.facts if f.kind in ("date", "duration")]:
        before = fp.deadline_before(scan, fact.start)
        if before:
            word, start = before
            found.add("deadline", f"{fp.DEADLINE_WORDS.get(word, word)} {fact.value}", start, fact.end, overlap=True)


def _rights(scan: str, found: _Found) -> None:
    for name, pattern in fp.RIGHTS:
        for m in pattern.finditer(scan):
            found.add("right", name, m.start(), m.end(), overlap=True)


def _numbers(scan: str, found: _Found, language: str) -> None:
    if language != "en":
        # Other languages group and mark decimals their own way ("2,5 %", "1.710"): read by value.
        for m in fp.LOCAL_NUMBER.finditer(scan):
            amount = fp.read_number(m.group("n"), language)
            if amount is not None:
                found.add("number", f"{amount}{'%' if m.group('pc') else ''}", m.start(), m.end())
    for m in fp.NUMBER.finditer(scan):
        raw = re.sub(r"(?:st|nd|rd|th)$", "", m.group(0))
        value = re.sub(r"\s?per\s?cent", "%", raw).replace(",", "")
        found.add("number", value, m.start(), m.end())
    if language == "en":
        for m in WORD_NUMBER_RE.finditer(scan):
            number = word_to_number(m.group(0))
            # "one" and "a" are everyday words more often than they are facts.
            if (
                number is not None
                and number > 1
                and m.group(0).lower() not in ("a", "an", "hundred", "thousand", "million")
            ):
                found.add("number", str(number), m.start(), m.end())


LEGAL = "legal"  # a legal citation: leaving one out is a choice for a person to check, not a lost fact


@dataclass
class FactComparison:
    """What the draft did with the source's facts. A legal citation the draft leaves out is in `left_out`,
    not `lost`: Easy Read often drops the statute's name, so it is a warning, and nothing re-adds it."""

    source: list[Fact]
    draft: list[Fact]
    kept: list[Fact] = field(default_factory=list)
    lost: list[Fact] = field(default_factory=list)
    changed: list[tuple[Fact, Fact]] = field(default_factory=list)
    invented: list[Fact] = field(default_factory=list)
    left_out: list[Fact] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing was lost, changed or invented."""
        return not (self.lost or self.changed or self.invented)

    def to_dict(self) -> dict:
        return {
            "ok": self.ok,
            "kept": [f.to_dict() for f in self.kept],
            "lost": [f.to_dict() for f in self.lost],
            "changed": [{"source": s.to_dict(), "draft": d.to_dict()} for s, d in self.changed],
            "invented": [f.to_dict() for f in self.invented],
            "left_out": [f.to_dict() for f in self.left_out],
        }


def _as_number(fact: Fact) -> Fact | None:
    """A duration reduced to its number, for comparing across languages."""
    if fact.kind == "duration":
        return Fact("number", fact.value.split()[0], fact.text, fact.start, fact.end)
    return None if fact.kind in LANGUAGE_BOUND else fact


def _same(kind: str, a: str, b: str) -> bool:
    if a == b:
        return True
    if kind == "date" and (a.startswith("--") or b.startswith("--")):
        return a[-5:] == b[-5:]  # a date without its year matches the same day with one
    if kind == "deadline":
        (word_a, _, rest_a), (word_b, _, rest_b) = a.rpartition(" "), b.rpartition(" ")
        return word_a == word_b and _same("date", rest_a, rest_b)
    return False


def _distinct(facts: list[Fact]) -> list[Fact]:
    seen, out = set(), []
    for fact in facts:
        if (fact.kind, fact.value) not in seen:
            seen.add((fact.kind, fact.value))
            out.append(fact)
    return out


def compare_facts(
    source: str, draft: str, *, source_language: str = "en", draft_language: str = "en"
) -> FactComparison:
    """Facts of `source` kept, lost or changed in `draft`, and facts the draft invented.

    A changed fact is a lost fact paired with an invented fact of the same kind
    (nearest in position). Between languages, numbers, money, phone numbers, emails
    and web addresses must match exactly and dates by value.
    """
    src_all, dft_all = extract_facts(source, source_language), extract_facts(draft, draft_language)
    src, dft = src_all, dft_all
    if source_language.split("-")[0] != draft_language.split("-")[0]:
        src = [f for f in map(_as_number, src_all) if f]
        dft = [f for f in map(_as_number, dft_all) if f]
    src, dft = _distinct(src), _distinct(dft)
    result = FactComparison(source=src_all, draft=dft_all)
    matched_draft: set[int] = set()
    for fact in src:
        hits = [i for i, d in enumerate(dft) if d.kind == fact.kind and _same(fact.kind, fact.value, d.value)]
        if hits:
            result.kept.append(fact)
            matched_draft.update(hits)
        else:
            result.lost.append(fact)
    invented = [d for i, d in enumerate(dft) if i not in matched_draft]
    _pair_changes(result, invented, len(source) or 1, len(draft) or 1)
    return result


def _pair_changes(result: FactComparison, invented: list[Fact], source_len: int, draft_len: int) -> None:
    still_lost = []
    for fact in result.lost:
        same_kind = [d for d in invented if d.kind == fact.kind]
        if not same_kind:
            still_lost.append(fact)
            continue
        where = fact.start / source_len
        partner = min(same_kind, key=lambda d: abs(d.start / draft_len - where))
        invented.remove(partner)
        result.changed.append((fact, partner))
    result.lost = [f for f in still_lost if f.kind != LEGAL]
    result.left_out = [f for f in still_lost if f.kind == LEGAL]
    result.invented = invented

"""Key ideas of council letters and the pictures that stand for them.

`concepts.csv` beside this module lists each idea, its tier, its pictures
(OpenMoji codes, first preferred) and the words that name it. Words are
compared after Snowball stemming, so "paying", "payments" and "pays" all name
money. A few things are found by pattern, not by word: amounts (`<money>`),
phone numbers (`<phone>`), email and web addresses (`<email>`, `<web>`),
clock times (`<time>`) and dates (`<date>`).

Tiers say which idea is the point's key idea when several are named: specific
ideas (court, bin, school: tier 0) beat common ones (money, phone: tier 1), and
those beat the ideas nearly every sentence of a letter touches (dates, home,
the letter itself: tier 2), and those beat words that only hint at a picture
("ask", "important": tier 3).
"""

from __future__ import annotations

import csv
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import snowballstemmer

CONCEPTS_CSV = Path(__file__).with_name("concepts.csv")

_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_PATTERNS = [
    ("<email>", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    ("<web>", r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:gov|org|co|nhs)\.uk\b\S*"),
    ("<money>", r"£\s?\d[\d,]*(?:\.\d{2})?|\b\d[\d,]*(?:\.\d{2})?\s?(?:pounds|pence|p)\b"),
    ("<phone>", r"\b0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b"),
    ("<time>", r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)\b|\b\d{1,2}[:]\d{2}\b"),
    (
        "<date>",
        r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+"
        + _MONTHS
        + r"(?:\s+\d{4})?\b|\b"
        + _MONTHS
        + r"\s+\d{4}\b",
    ),
]
_TOKEN = re.compile("|".join(f"(?P<p{i}>{rx})" for i, (_, rx) in enumerate(_PATTERNS)) + r"|(?P<word>[a-z]+)", re.I)
# A stemmer keeps its word in its own fields while it works: one per thread, since letters (a batch's letters
# in flight, a worker's jobs) are drafted on several threads at once.
_stemmers = threading.local()


def _stem(word: str) -> str:
    stemmer = getattr(_stemmers, "english", None)
    if stemmer is None:
        stemmer = _stemmers.english = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word)


@dataclass(frozen=True)
class Concept:
    """An idea, its pictures (first preferred) and the words that name it."""

    name: str
    tier: int
    pictures: tuple[str, ...]
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    """Where a concept is named in a text: token position and length."""

    concept: Concept
    start: int
    length: int

    def rank(self) -> tuple[int, int, int]:
        """Sort key: lower tier first, then earlier, then longer."""
        return (self.concept.tier, self.start, -self.length)


def tokens(text: str) -> list[str]:
    """Stemmed words of `text`, with amounts, phone numbers, times and addresses as single pseudo-words."""
    out = []
    for match in _TOKEN.finditer(text):
        if match.lastgroup == "word":
            out.append(_stem(match.group().lower()))
        else:
            out.append(_PATTERNS[int(match.lastgroup[1:])][0])
    return out


@lru_cache(maxsize=1)
def load_concepts(path: str | None = None) -> tuple[Concept, ...]:
    """The concept map from `concepts.csv` (or `path`)."""
    with open(path or CONCEPTS_CSV, newline="", encoding="utf-8") as fh:
        return tuple(
            Concept(
                row["concept"],
                int(row["tier"]),
                tuple(row["pictures"].split()),
                tuple(t.strip() for t in row["terms"].split("|") if t.strip()),
            )
            for row in csv.DictReader(fh)
        )


def _term_tokens(term: str) -> tuple[str, ...]:
    return tuple(term.split()) if term.startswith("<") else tuple(tokens(term))


@lru_cache(maxsize=4096)
def needles(concept: Concept) -> tuple[tuple[str, ...], ...]:
    """The concept's terms as stemmed word sequences (stemmed once per process)."""
    return tuple(n for n in (_term_tokens(t) for t in concept.terms) if n)


def find(text: str, concepts: tuple[Concept, ...] | list[Concept] | None = None) -> list[Hit]:
    """Every concept named in `text`, best first (see `Hit.rank`); one hit per concept."""
    words = tokens(text)
    hits = []
    for concept in concepts if concepts is not None else load_concepts():
        for needle in needles(concept):
            n = len(needle)
            hits.extend(Hit(concept, i, n) for i in range(len(words) - n + 1) if tuple(words[i : i + n]) == needle)
    best: dict[str, Hit] = {}
    for hit in sorted(_drop_covered(hits), key=Hit.rank):
        best.setdefault(hit.concept.name, hit)
    return list(best.values())


def _drop_covered(hits: list[Hit]) -> list[Hit]:
    """Drop a hit lying inside a longer one ("home" inside "care home"), so the longer phrase decides."""
    kept = []
    for hit in hits:
        inside = any(
            other.length > hit.length
            and other.start <= hit.start
            and hit.start + hit.length <= other.start + other.length
            for other in hits
        )
        if not inside:
            kept.append(hit)
    return kept

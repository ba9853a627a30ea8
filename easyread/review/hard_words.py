"""Which words of a point a resident reviewer is offered as possibly hard.

Offering every word (42 chips on one point, "If", "a", "2025,") makes the chooser useless on a phone.
We offer the words a reader is likely to stumble on: glossary terms (whole phrases, such as
"council tax"), uncommon words by wordfreq, and long words that are not everyday words. Numbers,
placeholders such as [Name] and punctuation are never offered; the resident can type any other word.
"""

from __future__ import annotations

import re

from easyread.checks.readability import syllables
from easyread.checks.rules_words import common_score

# A little above the checker's CHECK_ZIPF_THRESHOLD (3.5): a word the checker only just let through
# ("entitled", "overpayment") is exactly the kind a reviewer should be able to mark.
UNCOMMON_ZIPF = 4.0
LONG_SYLLABLES = 3  # with LONG_COMMON_ZIPF: "appointment" is offered, "information" (very common) is not
LONG_COMMON_ZIPF = 5.0
MAX_CHOICES = 10
MAX_TYPED = 60  # letters in one typed word or phrase

_WORD = re.compile(r"\[[^\]]*\]|[^\W\d_](?:[\w'’-]*[^\W_])?", re.UNICODE)
# Web and email addresses are read as a whole, not as words such as "www".
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+|\b[\w-]+(?:\.[\w-]+)+/\S*", re.IGNORECASE)
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$", re.UNICODE)


def _likely_hard(word: str) -> bool:
    if word.startswith("[") or len(word) <= 2 or not any(c.isalpha() for c in word):
        return False
    plain = word.lower().replace("’", "'")
    common = common_score(plain)
    return common < UNCOMMON_ZIPF or (syllables(plain) >= LONG_SYLLABLES and common < LONG_COMMON_ZIPF)


def choices(text: str, glossary=None, *, limit: int = MAX_CHOICES) -> list[str]:
    """The point's likely hard words and glossary phrases, once each, in reading order, at most `limit`."""
    found: list[tuple[int, str]] = []
    covered: list[tuple[int, int]] = [m.span() for m in _ADDRESS.finditer(text or "")]
    if glossary is not None:
        for match in glossary.find(text or ""):
            found.append((match.start, " ".join(text[match.start : match.end].split())))
            covered.append((match.start, match.end))
    for match in _WORD.finditer(text or ""):
        if any(start <= match.start() < end for start, end in covered):
            continue
        if _likely_hard(match.group(0)):
            found.append((match.start(), match.group(0)))
    seen: dict[str, str] = {}
    for _, word in sorted(found):
        seen.setdefault(word.casefold(), word)
    return list(seen.values())[:limit]


def clean(word: str) -> str:
    """A word or phrase as a resident typed or ticked it, without surrounding punctuation or extra spaces."""
    return _EDGE_PUNCTUATION.sub("", " ".join((word or "").split()))[:MAX_TYPED]

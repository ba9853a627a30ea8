"""English numbers written as words: "seven" → 7, "twenty-eight" → 28, "a" → 1."""

from __future__ import annotations

import re

UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
VALUES = {w: i for i, w in enumerate(UNITS)} | {w: 20 + 10 * i for i, w in enumerate(TENS)}
VALUES |= {"a": 1, "an": 1, "hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12}

# "twenty-eight", "twenty eight", "one hundred", "a hundred": longest alternatives first.
_SIMPLE = "|".join(sorted((w for w in VALUES if w not in {"a", "an"}), key=len, reverse=True))
WORD_NUMBER = rf"(?:(?:{'|'.join(TENS)})[-\s](?:one|two|three|four|five|six|seven|eight|nine)|(?:a|an|{_SIMPLE})(?:\s+(?:hundred|thousand|million))?|{_SIMPLE})"
WORD_NUMBER_RE = re.compile(rf"\b{WORD_NUMBER}\b", re.IGNORECASE)


def word_to_number(words: str) -> int | None:
    """The value of a number written in words, or None if it is not one."""
    total, current = 0, 0
    for part in re.split(r"[-\s]+", words.strip().lower()):
        if part not in VALUES:
            return None
        value = VALUES[part]
        if value in (100, 1000, 1_000_000):
            current = max(current, 1) * value
            if value >= 1000:
                total, current = total + current, 0
        else:
            current += value
    return total + current

"""Protect parts of a text from the translator with numbered markers, and put them back.

Used for the council's agreed glossary translations and, when a first translation
lost a fact, for the facts themselves. Markers look like ⟦1⟧: rare in any language,
kept whole by the models' tokenizers, and easy for a model told to copy them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Models sometimes turn ⟦1⟧ into [[1]] or add spaces; accept those, nothing looser.
MARKER = re.compile(r"⟦\s*(\d{1,3})\s*⟧|\[\[\s*(\d{1,3})\s*\]\]")


@dataclass
class Protected:
    """`text` with markers, and what each marker stands for in the translation."""

    text: str
    values: dict[int, str] = field(default_factory=dict)


def protect(text: str, spans: list[tuple[int, int, str]], first: int = 1) -> Protected:
    """Replace each (start, end, value) span of `text` by a marker; overlapping spans are skipped."""
    out, values, cursor, number = [], {}, 0, first
    for start, end, value in sorted(spans):
        if start < cursor:
            continue
        out.append(text[cursor:start])
        out.append(f"⟦{number}⟧")
        values[number] = value
        number += 1
        cursor = end
    out.append(text[cursor:])
    return Protected("".join(out), values)


def restore(translated: str, values: dict[int, str]) -> tuple[str, list[int]]:
    """Put each marker's value back; return the text and the markers the translation lost.

    A marker the translator invented (a number we never gave) is removed.
    """
    seen: set[int] = set()

    def put_back(match: re.Match) -> str:
        number = int(match.group(1) or match.group(2))
        if number in values:
            seen.add(number)
            return values[number]
        return ""

    text = MARKER.sub(put_back, translated)
    text = re.sub(r"[ \t]{2,}", " ", text).strip()
    return text, [n for n in values if n not in seen]

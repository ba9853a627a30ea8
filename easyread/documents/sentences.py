"""The letter's sentences, each with a stable id, so every Easy Read point can say which ones it comes from.

An id is ``"B.S"``: the block's position in `Document.blocks` and the sentence's position in that block
(both from 0), so ``"4.1"`` is the second sentence of the fifth block. Ids depend only on the letter's text,
so a draft stored today still points at the right sentences when the letter is read again.

The split is a small regular expression rather than spaCy's parser on purpose: it must give the same ids
in every process and version, cost nothing, and never depend on a model. It ends a sentence at . ! or ?
followed by a space and a capital, digit, quote or bracket, and at a line break (a list item, a table row),
but not after common titles and abbreviations ("Mr. Reed", "e.g. a bill", "No. 12").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that end in a full stop without ending a sentence; lower case, without the stop.
_ABBREVIATIONS = frozenset(
    "mr mrs ms miss dr prof st rd ave no nos ref tel fax e.g i.e etc approx dept govt inc ltd co cllr rev jan feb mar apr "
    "jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun".split()
)
_END = re.compile(r"(?<![.!?])[.!?]+[\"')\]]*\s+(?=[A-Z0-9£\"'(\[])")


@dataclass(frozen=True)
class SourceSentence:
    """One sentence of the letter: its id, the block it sits in, and its words."""

    id: str
    block: int
    text: str


def split_block_text(text: str) -> list[str]:
    """The sentences of one block's text, in order; every character of a sentence is kept."""
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        start = 0
        for match in _END.finditer(line):
            before = line[start : match.start()].split()
            last = before[-1].lower().rstrip(".") if before else ""
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue
            piece = line[start : match.end()].strip()
            if piece:
                out.append(piece)
            start = match.end()
        tail = line[start:].strip()
        if tail:
            out.append(tail)
    return out


def sentence_id(block: int, n: int) -> str:
    """The id of sentence `n` of block `block`."""
    return f"{block}.{n}"


def block_of(sentence: str) -> int | None:
    """The block index inside a sentence id, or None for an id that is not one."""
    head, _, tail = str(sentence).partition(".")
    return int(head) if head.isdigit() and tail.isdigit() else None

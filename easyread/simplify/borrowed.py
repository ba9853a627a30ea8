"""Lines that say a neighbouring letter sentence instead of their own.

Each letter sentence is rewritten with its paragraph as context, so the model can say the next sentence's point
under this one's trace. Read in a real draft of a benefit decision: the rewrite of "If you deliberately fail to tell
me about changes which result in too much benefit being paid, you are committing an offence ..." added "Does the
change mean you would get more money?" "Then I will not usually be able to backdate the change.", the next
sentence's point without its "and you do not tell me within one month"; the model's second opinion passed both,
as the words are the letter's. Checked here against the letter itself: a line whose words its own sentence does
not use, but one sentence of the same paragraph does, says that sentence.
"""

from __future__ import annotations

from easyread.verify import Problem
from easyread.verify.findings import read
from easyread.verify.unsupported import unsupported_words
from easyread.verify.words import content_stems, stem

# A borrowed word must be one of substance ("backdate"), not a short common one ("mean") another sentence shares by
# chance.
_LONG = 6


def borrowed_from(line: str, own: list[str], neighbours: list[str], glossary=None) -> str | None:
    """The neighbouring sentence `line` says instead of its own sentences `own`, or None."""
    new = [w for w, _ in unsupported_words(read(line), own, glossary)]
    if not new:
        return None
    for other in neighbours:
        theirs = content_stems(other)
        if all(stem(w.lower()) in theirs for w in new) and any(len(w) >= _LONG for w in new):
            return other
    return None


def borrowed_problem(other: str) -> Problem:
    """The problem a borrowed line gets: its words are another letter sentence's."""
    shown = " ".join(other.split()[:12]) + (" ..." if len(other.split()) > 12 else "")
    return Problem("invented", f'This sentence says what another sentence of the letter says ("{shown}"), not its own.')

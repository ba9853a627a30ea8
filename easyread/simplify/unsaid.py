"""Say every letter sentence the model was asked to rewrite: the last net under the line drops.

Lines leave a draft for good reasons (a line that says another sentence's content, an empty line, a repeat), and
each drop keeps its own sentence covered when it can. But a sentence can still end with no line at all: read on a
real draft, the model's lines for "Through a third party such as a family member, friend, carer, or an advice
agency" said the next sentence of the letter instead, and the sentence was gone from the Easy Read (staff saw it
only under "Not in the Easy Read yet"). A resident cannot act on a way to contact the council that the draft
leaves out, so such a sentence comes back as the letter's own words, cut short where the meaning rules allow, with
a note of why.
"""

from __future__ import annotations

from easyread.simplify import checking
from easyread.simplify.meaning_fallback import mark_fallback
from easyread.simplify.state import LetterInProgress, Line
from easyread.verify.fallback import conservative

_WHY = (
    "None of the rewritten sentences said this sentence of the letter, so the letter's own words were put in, "
    "cut into short sentences where that keeps the meaning."
)


def say_unsaid_sentences(letters: list[LetterInProgress], glossary) -> None:
    """Give each rewritten letter sentence that no line says its own words back, in the letter's order."""
    for letter in letters:
        if letter.plan is None:
            continue
        said = {sid for line in letter.lines for sid in line.sources}
        for n, unit in enumerate(letter.plan.units):
            if not unit.sid or unit.sid in said or unit.label:
                continue
            pieces = conservative([unit.text], glossary)
            new_lines = []
            for k, text in enumerate(pieces):
                new = Line(text, n, checking.sentence_findings(text, glossary), sources=[unit.sid])
                mark_fallback(new, _WHY if k == 0 else "", [unit.text], glossary, " ".join(pieces[:k]))
                new_lines.append(new)
            at = next((i for i, line in enumerate(letter.lines) if line.unit is not None and line.unit > n), None)
            at = len(letter.lines) if at is None else at
            letter.lines[at:at] = new_lines
            letter.notes.append(f'"{unit.text}" was not said by any rewritten sentence; the letter\'s words are used.')
            said.add(unit.sid)

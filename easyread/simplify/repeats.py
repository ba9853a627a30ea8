"""Say each thing once: drop a line that an earlier or fuller line of the same letter already says.

A small model rewriting one letter sentence into several lines often says one of them twice in other words
("We will ask them for proof." / "First, we will ask them for proof."), and a letter that makes one point in
several sentences ("the pandemic has affected many people") comes out with it said several ways. Exact repeats
are removed by `left_out.drop_repeats`; this removes the near ones, using the trace and the words of substance:

- a line whose words of substance, facts and "not / must / may / if" words are all in one other line says
  nothing that line does not: it goes, and that line keeps both traces;
- when the two come from the same letter sentence two words of substance are enough to tell; from different
  letter sentences it takes three, so short lines that only share a topic stay;
- the parties it names must come in the same order ("we ... you" is not "you ... us"), and a marked line never
  takes the place of a verified one;
- lead-ins (a line ending in a colon), questions (a condition asked before its action), label lines and the
  letter's own details are never dropped, and never absorb another line;
- the first line of a letter sentence whose next line goes on from it ("Write to us within one month." "Ask us
  to reconsider our decision.") is not left out for another sentence's line.

Of the two, the fuller line stays, in its own place: it was verified with the lines before it as context.
"""

from __future__ import annotations

import re

from easyread.documents.identity import LETTER_PART
from easyread.simplify import checking
from easyread.simplify.prompts import line_key
from easyread.simplify.state import LetterInProgress, Line
from easyread.verify.words import content_stems

# Words that change what a sentence says without being words of substance: a line with one of these says more
# than a line without it, even when their other words are the same.
_MARKERS = {
    "not": "not",
    "n't": "not",
    "no": "not",
    "never": "not",
    "cannot": "not",
    "nothing": "not",
    "must": "must",
    "should": "must",
    "need": "must",
    "have to": "must",
    "has to": "must",
    "may": "may",
    "might": "may",
    "can": "can",
    "could": "can",
    "if": "if",
    "unless": "if",
    "when": "if",
    "only": "only",
    "before": "before",
    "after": "after",
    "because": "because",
}
_MARKER = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(_MARKERS, key=len, reverse=True)) + r")\b|n't")
# "can" inside "cannot" is a denial, not a permission.
_CANNOT = re.compile(r"\bcan\s*not\b|\bcan't\b|\bcannot\b", re.IGNORECASE)

# Who is named, in order: "the council must pay your landlord" and "your landlord must pay the council" share every
# word of substance, so the order of the parties tells them apart.
_PARTY = re.compile(
    r"\b(we|us|our|ours|council|you|your|yours|landlord|court|they|them|their|hospital|doctor|gp|jobcentre)\b",
    re.IGNORECASE,
)
_PARTY_OF = {"us": "we", "our": "we", "ours": "we", "council": "we", "your": "you", "yours": "you"}
_PARTY_OF |= {"them": "they", "their": "they"}

SAME_SOURCE_WORDS = 2  # words of substance a line needs before it counts as said by a sibling of the same sentence
OTHER_SOURCE_WORDS = 3  # ... by a line of another letter sentence


def markers(text: str) -> set[str]:
    """The "not / must / may / can / if / only / because" words of a line, as kinds."""
    low = text.lower().replace("’", "'")
    found = {"not"} if _CANNOT.search(low) else set()
    low = _CANNOT.sub(" ", low)
    for m in _MARKER.finditer(low):
        found.add(_MARKERS.get(m.group(0), "not"))
    return found


def parties(text: str) -> list[str]:
    """The parties a line names, in order, "us" and "our" as "we"."""
    found = [_PARTY_OF.get(m.lower(), m.lower()) for m in _PARTY.findall(text)]
    return [p for n, p in enumerate(found) if n == 0 or found[n - 1] != p]


def _in_order(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(p in it for p in short)


def _marked(line: Line) -> bool:
    return any(f.startswith("meaning-") for f in line.flags)


def _facts(text: str) -> set:
    return {(checking.fact_kind(f), checking.fact_value(f)) for f in checking.extract_facts(text)}


def _fixed(letter: LetterInProgress, line: Line) -> bool:
    """Lines that are never dropped or merged: lead-ins, questions, labels, the letter's details, summaries."""
    text = line.text.rstrip()
    if text.endswith((":", "?")) or LETTER_PART in line.flags or line.section == "about":
        return True
    unit = letter.plan.units[line.unit] if letter.plan is not None and line.unit is not None else None
    return bool(unit is not None and unit.label and unit.label == line.text)


def says_all_of(fuller: Line, line: Line) -> bool:
    """True when `fuller` says everything `line` says: its words of substance, facts and markers."""
    words = content_stems(line.text)
    shared = set(fuller.sources) & set(line.sources)
    if len(words) < (SAME_SOURCE_WORDS if shared else OTHER_SOURCE_WORDS):
        return False
    if _marked(fuller) and not _marked(line):
        return False  # a verified line is never given up for a marked one
    if not _in_order(parties(line.text), parties(fuller.text)):
        return False
    return (
        words <= content_stems(fuller.text)
        and _facts(line.text) <= _facts(fuller.text)
        and markers(line.text) == markers(fuller.text)
    )


def answers(lines: list[Line], at: int, text: str) -> bool:
    """True when `text`, the line at `at` (or a line to be put there), follows a question and answers it. The same
    question again does not ("Do you stop receiving Housing Benefit?" twice, read in a real draft, where a fallback
    said again a question its cut had already asked); another question may go on from it ("Or are you unwell?")."""
    if not 0 < at <= len(lines) or not lines[at - 1].text.rstrip().endswith("?"):
        return False
    return line_key(text) != line_key(lines[at - 1].text)


def drop_near_repeats(letters: list[LetterInProgress]) -> None:
    """Leave out each line that another line of its letter already says; the line kept gets both traces."""
    from easyread.simplify.state import merge_sources

    for letter in letters:
        out: list[Line] = []
        for n, line in enumerate(letter.lines):
            after = letter.lines[n + 1] if n + 1 < len(letter.lines) else None
            if _fixed(letter, line) or answers(out, len(out), line.text):
                # An answer to the question just before it ("Then you can challenge ...") says it again for that
                # question: without it the question hangs.
                out.append(line)
                continue
            earlier = next((k for k in out if not _fixed(letter, k) and says_all_of(k, line)), None)
            if earlier is not None and not _leads(line, after, earlier):
                earlier.sources = merge_sources(earlier.sources, line.sources)
                letter.notes.append(f'"{line.text}" said again what "{earlier.text}" says, so it was left out.')
                continue
            later = next(
                (
                    k
                    for i, k in enumerate(out)
                    if not _fixed(letter, k)
                    and not answers(out, i, k.text)
                    and not _leads(k, out[i + 1] if i + 1 < len(out) else line, line)
                    and says_all_of(line, k)
                ),
                None,
            )
            if later is not None:
                # The new line says all the earlier one did and more: the earlier one goes. The new one stays where
                # it is, after the lines it was verified with (a "proof" line needs the line saying what of).
                line.sources = merge_sources(line.sources, later.sources)
                out.remove(later)
                out.append(line)
                letter.notes.append(f'"{later.text}" is said in full by "{line.text}", so it was left out.')
                continue
            out.append(line)
        letter.lines = out


def _leads(line: Line, after: Line | None, other: Line) -> bool:
    """True when `line` is the first of its letter sentence's lines and the next one goes on from it (the next line's
    sentence is one of `line`'s and not one of `other`'s, the line that would say it). Read in a real draft of a
    benefit decision: list item 2's "Write to the benefits section within one month of the date of this letter."
    was left out as said by item 3's "Write ... within one month of the date of this letter making a formal
    appeal.", and item 2's "Ask us to reconsider our decision." stayed without its deadline."""
    # The line may say two sentences (a repeat said once, traced to both): it leads the next line's sentence when
    # that sentence is one of its own and not one of the other line's.
    if after is None or not after.sources or not set(after.sources) <= set(line.sources):
        return False
    return not set(after.sources) <= set(other.sources)

"""Letter sentences with a condition are said in the letter's own words, cut short, before any model rewrite.

Read on fresh letters, the embedded model's harmful lines are mostly conditions it split from what they govern:
14 of its 16 harmful lines on holdout4 (benchmarks/easyread_bench/meaning/README.md), and most unmarked errors in
the five drafts read in stop 28 ("You might get a lower rate than you expected." for "If you get a lower rate ...,
you can ask ..."). The meaning rules catch some of these; the rest pass on the model's second opinion. The
fallback's cuts (`easyread.verify.fallback.conservative`) ask a condition first and then say what it governs
("Are you 75 or over?" "Then you can ask for a kit."), and keep a cut only when every piece passes the meaning
rules against the letter sentence, so they are faithful by construction.

So a letter sentence that holds "if" or "unless" and whose cuts are all short (at most 20 words, no failing
check) keeps the cuts' shape: the model is asked only for plainer words, one line for each cut
(`easyread.simplify.prompts.plain_words_prompt`), and each line it gives back is kept only when it keeps its cut's
shape, facts and meaning (`take_plain_words`); a line that does not is the cut itself, and the glossary terms the
cuts use are explained after them as the fallback explains them. The model is asked even when the checks find
nothing hard in a cut: they do not see every hard word ("Do you require assistance completing the form?").

Any other sentence whose cuts are all at most 15 words is said the same way (REWRITE_SHORT_CUTS): read in the final
drafts of the real letters, the model's free rewrite of those sentences said something the letter does not in 9 of
144 lines, the cuts in its plainer words in 3 of 105 (benchmarks/easyread_bench/meaning/README.md, stop 30). The
rest are rewritten by the model as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from easyread.simplify import checking
from easyread.simplify.fixes import fix_sentence
from easyread.simplify.meaning_fallback import mark_fallback
from easyread.simplify.plain_lines import plain_line_problem
from easyread.simplify.prompts import line_key
from easyread.simplify.state import Line
from easyread.verify.fallback import conservative

CONDITION = re.compile(r"\b(if|unless)\b", re.IGNORECASE)
# A cut may be a little long ("You can challenge the Department for Work and Pensions (DWP) decision about PIP if
# you didn't get it."): its plainer words are often short, and if not, the repair rounds split it like any line.
CUT_WORDS = 20
MAX_WORDS = 15
# A sentence without a condition is said as cuts only when each is short already (REWRITE_SHORT_CUTS): its model
# rewrite is less often wrong than a condition's, and splits a longer sentence into shorter lines than a cut has.
SHORT_WORDS = 15
EXPLANATION = '" means: '
# Words that change what a condition asks or an answer allows when a plainer line adds them: read in the bench's
# real-letter lines, "Do you contact us?" came back "Do you need to contact us?", "Do you talk to us?" as "Do you
# want to talk to us?". ("may" said "might" is fine.)
_STANCE = re.compile(
    r"\b(want|wants|wanted|need|needs|needed|wish|like|would|should|must|have to|has to|can|could)\b", re.I
)
# The word a cut starts with that ties it to the cut before ("Then ...", "If not, ..."): a plainer line keeps it.
_LINK = re.compile(r"^(if not|then|or|and|so|but|this is because|this is to)\b", re.IGNORECASE)


@dataclass
class ConditionCuts:
    """A conditional letter sentence said as short cuts of its own words."""

    pieces: list[str]  # the cuts, in the letter's words
    explanations: list[str]  # '"X" means: ...' lines for the glossary terms they use


def condition_cuts(
    sentence: str, glossary=None, *, conditions: bool = True, others: bool = False
) -> ConditionCuts | None:
    """The letter's own words of `sentence` cut into short sentences, when it holds a condition (with `conditions`,
    REWRITE_CONDITION_CUTS) and every cut is at most 20 words and fails no check, or holds none (with `others`,
    REWRITE_SHORT_CUTS) and every cut is at most 15 words; None when the model should rewrite it."""
    sentence = " ".join(sentence.split())
    conditional = CONDITION.search(sentence) is not None
    if not (conditions if conditional else others) or "\n" in sentence:
        return None
    # The safe fixes every line gets ("one month" -> "1 month") are made first, so the letter's number words do not
    # fail the checks here.
    made = [fix_sentence(p) for p in conservative([sentence], glossary)]
    pieces = [p for p in made if EXPLANATION not in p]
    explanations = [p for p in made if EXPLANATION in p]
    if not pieces:
        return None
    limit = CUT_WORDS if conditional else SHORT_WORDS
    if any(_words(p) > limit or p.rstrip()[-1:] not in ".!?" for p in pieces):
        return None
    if any(checking.failures(checking.sentence_findings(p, glossary)) for p in pieces):
        return None
    return ConditionCuts(pieces, explanations)


def take_plain_words(reply_lines: list[str], cuts: ConditionCuts, sentence: str, glossary=None) -> list[str | None]:
    """For each cut, the model's plainer line when it says the same, else None (the cut stays).

    The reply must give one line for each cut. A line is kept when it is a question exactly where its cut is one,
    starts with its cut's link word ("Then", "If not"), adds no "want", "need", "must", "can"..., keeps its cut's
    facts and adds none, keeps its people in order, its scope words, names and duties (`plain_lines`), fails no
    check, is at most 15 words (or no longer than its cut), differs from its cut, and the meaning rules find no
    problem in it against its cut nor against the letter sentence; and the lines together keep every fact of the
    cuts, rights too ("appeal")."""
    from easyread.verify import assess

    if len(reply_lines) != len(cuts.pieces):
        return [None] * len(cuts.pieces)
    kept: list[str | None] = []
    said: list[str] = []
    for piece, line in zip(cuts.pieces, reply_lines):
        context = " ".join(said)
        ok = (
            line_key(line) != line_key(piece)  # given back as it was: the letter's words, no checks needed
            and piece.rstrip().endswith("?") == line.rstrip().endswith("?")
            and _link(piece) == _link(line)
            and _stances(line) <= _stances(piece)
            and _words(line) <= max(MAX_WORDS, _words(piece))
            and _keeps_facts(piece, line)
            and plain_line_problem(piece, line, context) is None
            and not checking.failures(checking.sentence_findings(line, glossary))
            and not assess([piece], line, glossary=glossary).problems
            and not assess([sentence], line, glossary=glossary, context=context).problems
        )
        kept.append(line if ok else None)
        said.append(line if ok else piece)
    if not checking.compare_facts(" ".join(cuts.pieces), " ".join(said)).ok:
        return [None] * len(cuts.pieces)  # a right ("appeal") said by no line any more
    return kept


CONDITION_NOTE = (
    'The letter\'s sentence has an "if" or "unless", so its own words are used, cut into short sentences: '
    "a rewrite can lose what the condition goes with."
)
SHORT_CUTS_NOTE = (
    "These are the letter's own words, cut into short sentences: plainer words from the model are used only where "
    "they were checked to say the same."
)


def cut_lines(unit, u: int, cuts: ConditionCuts, plainer: list[str | None], glossary) -> list[Line]:
    """A sentence's lines said as cuts: each cut in the model's plainer words where they were kept, else the cut
    itself (the letter's words, flagged as such, marked only if it needs a person), then its glossary lines."""
    lines: list[Line] = []
    said: list[str] = []
    note = CONDITION_NOTE if CONDITION.search(unit.text) else SHORT_CUTS_NOTE
    for n, (piece, better) in enumerate(
        zip(cuts.pieces + cuts.explanations, plainer + [None] * len(cuts.explanations))
    ):
        text = better or piece
        line = Line(text, u, checking.sentence_findings(text, glossary), source_index=unit.index, sources=unit.sources)
        line.cut = piece if better else ""
        if better is None:
            mark_fallback(line, note if n == 0 else "", [unit.text], glossary, " ".join(said))
        lines.append(line)
        said.append(text)
    return lines


def _keeps_facts(piece: str, line: str) -> bool:
    """No amount, date, number... lost, changed or added; a right may be said by another of the cuts."""
    found = checking.compare_facts(piece, line)
    return not (found.changed or found.invented or [f for f in found.lost if checking.fact_kind(f) != "right"])


def _stances(text: str) -> set[str]:
    found = {m.lower() for m in _STANCE.findall(text)}
    if re.search(r"\b(un)?able\b", text, re.I):
        found |= {"can", "could"}  # "We are unable to offer you an appointment" said "We can't give you one"
    return found


def _link(text: str) -> str:
    found = _LINK.match(text.strip())
    return found.group(1).lower() if found else ""


def _words(text: str) -> int:
    return len([w for w in text.split() if any(c.isalnum() for c in w)])

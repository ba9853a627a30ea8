"""A clause of the line that the letter sentence does not say at all, and a thing said to be free where the letter
says nothing of what it costs (round 10, from holdout3).

- "If the test is clear, you do not need to see a doctor about any symptoms." for "Screening can help prevent bowel
  cancer ...": not one word of substance of the clause is the letter's (nor its glossary's, nor the lines
  before): advice the letter never gives.
- "It won't cost you anything to appeal, and your PIP cannot go down.": the letter's sentence, and a clause of the
  line's own joined to it.
- "We will replace lost keys and fobs for free." for "You are responsible for loss of keys": a cost taken off the
  reader that the letter never takes off.
"""

from __future__ import annotations

import re

from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote

_FREE = re.compile(
    # "Parking is free for patients" (a cost); not "when a place is free" (one is available)
    r"\b(for free|free of charge|at no cost|no charge|(is|are|will be|be)\s+free\s+for\b)",
    re.IGNORECASE,
)
_COST_WORDS = re.compile(r"\b(free|cost\w*|charg\w*|pay\w*|fee\w*|price\w*)\b", re.IGNORECASE)


def unsaid_problems(
    out: fr.Sentence, srcs: list[fr.Sentence], context: list[fr.Sentence], support: str, result: Assessment
) -> None:
    """`support`: the letter sentences with the glossary's explanations of their terms."""
    if not srcs or any(p.kind == "invented" for p in result.problems):
        return
    message = _free_added(out, srcs) or _clause_unsaid(out, context, support)
    if message:
        result.problems.append(Problem("invented", message))


def _free_added(out: fr.Sentence, srcs: list[fr.Sentence]) -> str | None:
    m = _FREE.search(out.text)
    if m is None or out.question or any(_COST_WORDS.search(s.text) for s in srcs):
        return None
    return f'The letter does not say what this costs; this sentence says it is free ("{m.group(0)}").'


def _clause_unsaid(out: fr.Sentence, context: list[fr.Sentence], support: str) -> str | None:
    known = w.content_stems(support) | {s for c in context for s in w.content_stems(c.text)}
    easy = {w.stem(x) for x in w.EASY_WORDS}
    if len(w.content_stems(out.text) - easy) >= 4 and not w.content_stems(out.text) & known:
        return f'The letter does not say this: no word of "{quote(out.text)}" is the letter\'s.'
    if not w.content_stems(out.text) & known:
        return None
    for tok in _clauses(out):
        if tok.dep_ == "ROOT":
            continue
        words = {t.lower_ for t in _own_tokens(tok) if t.is_alpha}
        stems = w.content_stems(" ".join(words)) - easy
        if stems and not stems & known:
            text = " ".join(t.text for t in _own_tokens(tok))
            return f'The letter does not say this: "{quote(text)}" (no word of it is the letter\'s).'
    return None


def _clauses(out: fr.Sentence):
    """The main clause, a clause joined to it with its own subject ("..., and your PIP cannot go down"), and a
    condition of the main clause."""
    for tok in out.doc:
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        # "Pay within 14 days and you pay half": after an order, "and you ..." says what then happens, in the
        # line's own words for the letter's ("half" for "50 percent")
        ordered = not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.head.children)
        if tok.dep_ == "ROOT" or (tok.dep_ == "conj" and tok.head.dep_ == "ROOT" and own_subject and not ordered):
            yield tok


def _own_tokens(tok):
    """The clause's words without the clauses joined to it (each is checked on its own)."""
    joined = {t.i for c in tok.children if c.dep_ == "conj" and c.tag_.startswith("VB") for t in c.subtree}
    joined |= {c.i for c in tok.children if c.dep_ == "cc"}
    return [t for t in tok.subtree if t.i not in joined]

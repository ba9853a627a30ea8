"""The same action done to another thing: the verb of the letter kept, what it is done to replaced.

- "Pay this amount now to avoid further eviction." for "... to avoid further action being taken": the letter's
  thing ("action") replaced by one it does not name ("eviction"), which also says an eviction has begun.
- "You have agreed to see your doctor." for "An admission date has been agreed with you": what was agreed (a date)
  became an action the letter does not name (seeing a doctor).

Only a thing the letter sentence, the glossary explanations of its terms and the words that stand for them
(verify.related) do not say counts, and not an everyday word: "pay the money" for "pay the amount" is Easy Read.
"""

from __future__ import annotations

import re

from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote
from easyread.verify.reasons import said_stems

# Nouns that name an action or event ("action", "eviction", "assessment", "admission"): one replaced by another
# changes what happens; an everyday thing named in other words ("date" for "admission", "bill" for "invoice") does not.
_EVENT = re.compile(r"(tion|sion|ment|ance|ence|ure|al)$")
_COMMITS = {"agree", "arrange", "promise", "promis", "decide", "plan", "plann", "offer", "accept"}


def _things(sentence: fr.Sentence, f: fr.Frame) -> set[str]:
    """Stems of the head nouns (with their compounds) the frame's verb is done to."""
    tok = sentence.doc[f.i]
    heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [c for h in heads for c in h.conjuncts]
    found = set()
    for h in heads:
        if h.lower_ in w.PARTY_OF or not h.tag_.startswith("NN"):
            continue
        found |= {w.stem(x.lower_) for x in [h] + [c for c in h.children if c.dep_ == "compound"]}
    return found


def thing_replaced(out: fr.Sentence, srcs: list[fr.Sentence], support: str, result: Assessment) -> None:
    """A verb of the letter done to a thing the letter does not name, in place of the letter's thing."""
    if not srcs or out.question:
        return
    said = said_stems(srcs, support)
    groups = {g.group for s in srcs for g in s.frames}
    for f in out.frames:
        if f.group in w.LIGHT_VERBS:
            continue
        theirs = [(s, g) for s in srcs for g in s.frames if g.group == f.group]
        if not theirs:
            continue
        tok = out.doc[f.i]
        mine = _things(out, f)
        new = {x for x in mine - said if x not in w.EASY_WORDS and _EVENT.search(x)}
        letter_things = set().union(*(_things(s, g) for s, g in theirs))
        if new and any(_EVENT.search(x) for x in letter_things) and not (mine & letter_things):
            s, g = theirs[0]
            put = ", ".join(dict.fromkeys(t.text for t in out.doc if w.stem(t.lower_) in new))
            result.problems.append(
                Problem(
                    "invented",
                    f'The letter says "{quote(g.text)}"; this sentence puts "{put}" in its place, which the letter '
                    f"does not say.",
                )
            )
            return
        if w.base(tok.lower_) in _COMMITS or f.group in _COMMITS:
            acts = [c for c in tok.children if c.dep_ == "xcomp" and c.tag_.startswith("VB")]
            letter_things_only = all(not any(c.dep_ == "xcomp" for c in s.doc[g.i].children) for s, g in theirs)
            if mine & letter_things:
                continue  # "We have agreed a date with you to come in": the thing agreed is kept
            for a in acts:
                if (
                    w.verb_group(a.lower_) in groups | w.LIGHT_VERBS
                    or w.stem(a.lower_) in said
                    or not letter_things_only
                ):
                    continue
                s, g = theirs[0]
                result.problems.append(
                    Problem(
                        "invented",
                        f'The letter says "{quote(g.text)}"; this sentence says what was {tok.lower_} is to '
                        f'{a.lower_} ("{quote(" ".join(x.text for x in a.subtree))}"), which the letter does not say.',
                    )
                )
                return

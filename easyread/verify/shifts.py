"""What a line shifts while keeping the letter's words, found from real drafts (round 6).

- a condition weakened: "if you can demonstrate that your arrears are due to Covid-19" said "if your arrears are
  due to the pandemic" (the reader must prove it; the line says it is enough that it is so);
- the reader made someone else: "their arrears" for the letter's "your arrears";
- who gets a thing reversed in a purpose: "Contact me ... to get your financial details" for "contact me ... to
  ensure I have your current financial details" (the letter wants the details from the reader);
- a deadline made an appointment: "This call will be made on 12 December 2023" for "call ... by 12 December 2023".
"""

from __future__ import annotations

import re

from easyread.checks.facts import extract_facts
from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote
from easyread.verify.verbs import ENDING

# The reader must show the condition is met, not only meet it.
_PROOF = re.compile(
    r"\b(if|unless|provided( that)?|providing|as long as)\s+you\s+((can|could|are able to|will)\s+)?"
    r"(demonstrate|show|prove|provide (evidence|proof)|evidence|give us (evidence|proof))\b",
    re.IGNORECASE,
)
_PROOF_WORDS = re.compile(r"\b(demonstrat\w*|show\w*|prov(e|es|ed|ing)|proof|evidence\w*|confirm\w*|satisf\w*)\b", re.I)
_IF = re.compile(r"\b(if|unless|provided|providing|as long as|only when)\b", re.IGNORECASE)


def proof_dropped(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """The letter's condition asks the reader to show something ("if you can demonstrate that ..."); the line keeps
    the condition but not the showing ("if your arrears are due to the pandemic"). The reader believes it is enough
    that it is true, and does not send the evidence the letter asks for."""
    if result.problems or not any(_PROOF.search(s.text) for s in srcs):
        return
    m = _IF.search(out.text)
    if m is None or _PROOF_WORDS.search(out.text[m.start() :]):
        return
    src = next(s for s in srcs if _PROOF.search(s.text))
    proved = _PROOF.search(src.text)
    theirs = w.content_stems(src.text[proved.end() :])
    mine = w.content_stems(out.text[m.end() :])
    if len(theirs & mine) < 1:
        return  # a different condition of the line's own: other rules judge it
    result.problems.append(
        Problem(
            "condition",
            f'The letter says "{proved.group(0)} ...": you must show it. This sentence says only '
            f'"{quote(out.text[m.start() :], 8)}", as if it were enough that it is so.',
        )
    )


def reader_made_others(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "their arrears" where the letter says "your arrears": the line talks about other people, so the reader does
    not take the rule as theirs."""
    if any(p.kind == "agent" for p in result.problems):
        return
    yours, theirs = set(), set()
    for s in srcs:
        for t in s.doc:
            if t.dep_ == "poss" and t.lower_ in ("your", "their"):
                (yours if t.lower_ == "your" else theirs).add(w.stem(t.head.lower_))
    for t in out.doc:
        if t.dep_ != "poss" or t.lower_ != "their":
            continue
        noun = w.stem(t.head.lower_)
        if noun in yours and noun not in theirs:
            result.problems.append(
                Problem(
                    "agent",
                    f'The letter says "your {t.head.text}"; this sentence says "their {t.head.text}", as if it were '
                    "about someone else.",
                )
            )
            return


_HAVE = {w.verb_group(x) for x in ("have", "get", "receive", "obtain", "hold", "keep")}


def _getter(sentence: fr.Sentence, f: fr.Frame):
    """Who gets or has it: the frame's own subject, or, for "(to) get" in a purpose, the one who does the verb it
    hangs on ("Contact me to get ...": you)."""
    if f.agent and not f.weak:
        return f.agent
    tok = sentence.doc[f.i]
    if tok.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
        head = next((g for g in sentence.frames if g.i == tok.head.i), None)
        if head is not None and head.agent and not head.weak:
            return head.agent
    return None


def getter_reversed(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "Contact me right away to get your financial details." for "contact me immediately to ensure I have your
    current financial details": the same thing, gotten by the other party. The reader waits to be given what the
    letter asks them to give."""
    if result.problems:
        return
    for f in out.frames:
        if f.group not in _HAVE or not f.objects or f.neg:
            continue
        mine = _getter(out, f)
        if not mine or not mine & {w.WE, w.YOU}:
            continue
        for s in srcs:
            for g in s.frames:
                if g.group not in _HAVE or g.neg or len(f.objects & g.objects) < min(2, len(f.objects)):
                    continue
                theirs = _getter(s, g)
                if theirs and theirs & {w.WE, w.YOU} and not theirs & mine:
                    result.problems.append(
                        Problem(
                            "agent",
                            f'The letter says {_who(theirs)} should have it ("{quote(g.text)}"); this sentence says '
                            f'{_who(mine)} will get it ("{quote(f.text)}").',
                        )
                    )
                    return


def _who(parties) -> str:
    from easyread.verify.findings import who

    return who(parties)


_DEADLINE_BEFORE = re.compile(r"\b(by|before|no later than|not later than|until|up to)\s*(the\s+)?$", re.IGNORECASE)
_ON_BEFORE = re.compile(r"\b(on|at)\s*(the\s+)?$", re.IGNORECASE)
_DEADLINE_WORDS = re.compile(r"\b(by|before|no later than|not later than|until|deadline|latest|up to)\b", re.I)


def deadline_made_appointment(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "This call will be made on 12 December 2023." for "call ... by 12 December 2023": the letter's last day to
    act said as the day it happens. The reader waits for that day, and the deadline passes."""
    if result.problems or _DEADLINE_WORDS.search(out.text):
        return
    deadlines = {
        f.value
        for s in srcs
        for f in extract_facts(s.text)
        if f.kind == "date" and _DEADLINE_BEFORE.search(s.text[: f.start])
    }
    if not deadlines:
        return
    if {f.group for f in out.frames} & ENDING and not any(re.search(r"\b(by|before)\b", s.text, re.I) for s in srcs):
        return  # "It will end on 31 March 2023." for "will run until 31 March 2023": when it ends, not a last day to act
    for f in extract_facts(out.text):
        if f.kind == "date" and f.value in deadlines and _ON_BEFORE.search(out.text[: f.start]):
            result.problems.append(
                Problem(
                    "fact-moved",
                    f"The letter gives {f.text} as the last day to act; this sentence makes it the day it happens "
                    f'("{quote(out.text)}").',
                )
            )
            return

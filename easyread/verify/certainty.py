"""A hedge dropped: the letter says something may, might or could happen and the rewrite says it is or will be.

"Government assistance is available" for "Government assistance may be available": a resident who counts on help,
money or a visit that was only possible makes plans on it. "can" keeps the hedge ("You can get help if you
qualify"), so it is not flagged; a frame of the same action that the letter does say plainly settles it.
"""

from __future__ import annotations

import re

from easyread.verify import frames as fr
from easyread.verify import weakened
from easyread.verify import words as w
from easyread.verify.arguments import party_of
from easyread.verify.conditions import main_clause_frames
from easyread.verify.findings import Assessment, Problem, quote

_HEDGED = {fr.MAY, fr.HEDGE}
_CERTAIN = {fr.PLAIN, fr.FUTURE}
_HEDGES = {"may", "might", "could", "can", "would"}
# A verb under another verb ("help you access") is not said to happen by the sentence.
_NOT_ASSERTED = {"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp"}
# A letter's hedge in a clause that describes a noun ("The amount we may ask you to pay is based on ...") is not the
# letter saying the action only may happen.
_DESCRIBES = {"relcl", "acl"}


def _under_hedge(tok) -> bool:
    """A verb that a hedged verb governs: "lose" in "This could mean you lose your home"."""
    node = tok
    for _ in range(12):
        if node.head.i == node.i:
            return False
        node = node.head
        if any(c.dep_ == "aux" and c.lower_ in _HEDGES for c in node.children):
            return True
    return False


def hedge_dropped(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """An action every letter frame of which is hedged (may / might / could), said as certain in the rewrite."""
    if out.question or not srcs:
        return
    for f in out.frames:
        if f.modal not in _CERTAIN or f.neg or f.past or f.purpose or f.question or f.group in w.LIGHT_VERBS:
            continue
        if f.cond or _under_hedge(out.doc[f.i]):
            continue  # "We are sorry if this causes you worry", "This could mean you lose your home": not asserted
        if out.doc[f.i].dep_ in _NOT_ASSERTED:
            continue  # "This is to help you access other support": what "help" is for, not said to happen
        same = [s for x in srcs for s in x.frames if s.group == f.group and x.doc[s.i].dep_ not in _DESCRIBES]
        if not same or not all(s.modal in _HEDGED and not s.neg for s in same):
            continue
        s = same[0]
        result.problems.append(
            Problem(
                "modal",
                f'The letter says this only may happen ("{quote(s.text)}"); this sentence says it is certain '
                f'("{quote(f.text)}").',
            )
        )
        return


_HEDGE_WORD = re.compile(r"\b(may|might|could)\b", re.IGNORECASE)
_SURE_WORD = re.compile(r"\b(will|shall|must|have to|has to|need to|needs to)\b", re.IGNORECASE)
# "Please note that we may ...": the imperative only points at the clause it governs.
_POINTERS = {"not", "note", "remember", "be"}


def _main_frames(s: fr.Sentence) -> list[fr.Frame]:
    """The frames a sentence asserts: its main clause, seen through "Please note that"."""
    main = main_clause_frames(s)
    pointed = [f for f in main if f.modal == fr.IMP and f.group in _POINTERS]
    for p in pointed:
        main.remove(p)
        main += [f for f in s.frames if s.doc[f.i].dep_ == "ccomp" and s.doc[f.i].head.i == p.i]
    return main


def _subject(s: fr.Sentence, f: fr.Frame) -> frozenset | str | None:
    """Who the frame's subject is: a party ("the Council" and "we" are the same writer), else its word."""
    tok = next((c for c in s.doc[f.i].children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None if tok is None else party_of(tok) or tok.lower_


def _explains(s: fr.Sentence, f: fr.Frame) -> bool:
    """ "Evicted means you are made to leave your home.", "A credit check looks at how you have paid back money
    before.": a word explained, said of any such thing, not a claim that it will happen to the reader."""
    tok = s.doc[f.i]
    subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    named = any(c.dep_ == "attr" and any(d.lower_ in ("a", "an") for d in c.children) for c in tok.children)
    return (
        f.group == "mean"
        or named  # "One of these tests is a colonoscopy."
        or (subject is not None and any(c.lower_ in ("a", "an") for c in subject.children))
    )


def hedge_dropped_reworded(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "Government offers help for service charges if you qualify." for "Government assistance may be available
    towards making payment of your service charges if you qualify", "We will conduct a credit assessment" for "we may
    carry out credit assessment": the letter's only claim is hedged, and the line says it as certain with another
    verb, so `hedge_dropped` (which pairs frames of the same verb) has nothing to compare. Read on real drafts (stop
    25): both reached the draft unmarked. The sentence as a whole decides: every claim of the letter sentence is may,
    might or could, it says nothing will or must happen, and the line has no hedge of any kind."""
    if out.question or result.problems or not srcs or weakened.HEDGES.search(out.text):
        return
    text = " ".join(s.text for s in srcs)
    if not _HEDGE_WORD.search(text) or _SURE_WORD.search(text):
        return
    mains = [f for s in srcs for f in _main_frames(s)]
    if not mains or not all(f.modal in _HEDGED and not f.neg for f in mains):
        return
    groups = {f.group for s in srcs for f in s.frames}
    # A plain claim of the letter outside the hedge ("the packages the Council has introduced") may be said plainly.
    plain_subjects = {
        _subject(s, f)
        for s in srcs
        for f in s.frames
        if f.modal not in _HEDGED and not f.cond and s.doc[f.i].dep_ not in ("advcl", "ccomp") and f not in mains
    }
    for f in _main_frames(out):
        if f.modal not in _CERTAIN or f.neg or f.past or f.purpose or f.question or f.cond or f.group in groups:
            continue
        if _subject(out, f) in plain_subjects - {None} or _explains(out, f):
            continue
        result.problems.append(
            Problem(
                "modal",
                f'The letter says this only may happen ("{quote(srcs[0].text)}"); this sentence says it is certain '
                f'("{quote(f.text)}").',
            )
        )
        return

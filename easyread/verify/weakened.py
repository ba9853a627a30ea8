"""Must or will said as may, might or can, when the line names the action in other words (round 6).

The frame rules (parties.frame_problems, stances.main_stance_problems) compare must / may / will only between frames
of the same action, so "Failure to attend ... you will removed from the waiting list" (the letter's typo) said "you
may be taken off the waiting list" passes: the parse finds no verb of the letter to pair "taken" with. These rules
compare the sentence's stance as a whole, where the letter sentence has only one: a letter sentence that says only
"will" (or only "must") and never "may", "might", "could" or "can" cannot be faithfully said with "might" (or with
"can"), whatever verb the line uses.
"""

from __future__ import annotations

import re

from easyread.verify import frames as fr
from easyread.verify.findings import Assessment, Problem, quote

HEDGES = re.compile(
    r"\b(may|might|could|can|cannot|can't|possibl\w*|perhaps|likely|unlikely|risk|chance|probabl\w*|sometimes|"
    r"usually|normally|generally|option|choose|choice|allowed|wish|want|would like|prefer)\b",
    re.IGNORECASE,
)
_CERTAIN = re.compile(r"\b(will|shall)\b", re.IGNORECASE)
_MUST = re.compile(r"\b(must|have to|has to|required to|is required|are required|need to|needs to)\b", re.IGNORECASE)
_WEAK_WORDS = {"may", "might", "could"}
_PERMIT_WORDS = {"may", "might", "can", "could"}


def _modal_word(out: fr.Sentence, f: fr.Frame) -> str | None:
    tok = out.doc[f.i]
    word = next((c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD"), None)
    if word is None and tok.dep_ == "xcomp":
        word = next((c.lower_ for c in tok.head.children if c.dep_ == "aux" and c.tag_ == "MD"), None)
    return word


def certainty_weakened(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "If you miss it without cancelling, you may be taken off the waiting list." for "Failure to attend this
    admission ... will result in a wasted procedure slot and you will removed from the waiting list": the letter's
    certain step said as only possible. The reader
    takes the risk as small and does not act."""
    if out.question or any(p.kind == "modal" for p in result.problems):
        return
    text = " ".join(s.text for s in srcs)
    if not _CERTAIN.search(text) or HEDGES.search(text):
        return
    for f in out.frames:
        if f.cond or f.question or f.neg:
            continue
        word = _modal_word(out, f)
        if word in _WEAK_WORDS:
            result.problems.append(
                Problem(
                    "modal",
                    f'The letter says this will happen ("{quote(srcs[0].text)}"); this sentence says it only '
                    f'{word} ("{quote(f.text)}").',
                )
            )
            return


def obligation_weakened(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "You can ask us by phone or in writing." for "Your reconsideration request must be made in writing", "The
    order may use any reason" for "The order must be based on one of the Grounds": the letter's only stance is an
    order, and the line makes it a choice. The reader takes the letter's condition as optional."""
    if out.question or any(p.kind == "modal" for p in result.problems):
        return
    text = " ".join(s.text for s in srcs)
    if not _MUST.search(text) or HEDGES.search(text) or re.search(r"\b(if|unless|when|before)\b", text, re.I):
        return  # under a condition, "can" may say what the condition allows ("Only then can it give an order")
    for f in out.frames:
        if f.cond or f.question or f.neg or out.doc[f.i].dep_ in ("relcl", "acl"):
            continue  # "the benefits you can get": a "can" that describes a thing is no stance on the order
        word = _modal_word(out, f)
        if word in _PERMIT_WORDS or (word is None and f.modal in (fr.MAY, fr.HEDGE) and f.group == "want"):
            result.problems.append(
                Problem(
                    "modal",
                    f'The letter says this must be so ("{quote(srcs[0].text)}"); this sentence makes it a choice or '
                    f'a chance ("{quote(f.text)}").',
                )
            )
            return

"""A hedge dropped: the letter says something may, might or could happen and the rewrite says it is or will be.

"Government assistance is available" for "Government assistance may be available": a resident who counts on help,
money or a visit that was only possible makes plans on it. "can" keeps the hedge ("You can get help if you
qualify"), so it is not flagged; a frame of the same action that the letter does say plainly settles it.
"""

from __future__ import annotations

from easyread.verify import frames as fr
from easyread.verify import words as w
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

"""Has it happened? An action the letter puts in the future, asks for or agrees to ("we will send", "an agreement
to clear your arrears") that the Easy Read says is already done ("Your arrears have been cleared")."""

from __future__ import annotations

from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote

_TO_COME = {fr.FUTURE, fr.OBLIG, fr.SHOULD, fr.MAY, fr.HEDGE, fr.POSSIB, fr.IMP, fr.NOOBLIG}


def _to_come(sentence: fr.Sentence, frame: fr.Frame) -> bool:
    """The letter's action is still to happen: under will / must / may, an order, or "to clear"."""
    if frame.past:
        return False
    tok = sentence.doc[frame.i]
    return frame.modal in _TO_COME or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def happened_problems(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """The sentence says done what the letter says is to be done."""
    if out.question:
        return
    for f in out.frames:
        if not f.past or f.neg or f.cond or f.conditions or f.group in w.LIGHT_VERBS | w.STATE_VERBS:
            continue
        if out.doc[f.i].dep_ in ("ccomp", "relcl", "advcl"):
            continue  # "You must show that you got advice": a past inside what is asked for, not a claim it is done
        same = [(s, g) for s in srcs for g in s.frames if g.group == f.group]
        if same and all(_to_come(s, g) for s, g in same):
            result.problems.append(
                Problem(
                    "invented",
                    f'The letter says this is still to happen ("{quote(same[0][1].text)}"); '
                    f'this sentence says it has already happened ("{f.verb}").',
                )
            )
            return


def still_to_come_problems(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """The sentence puts in the future what the letter says is done: "The court will contact you" for "The Court
    will have contacted you" (a Hackney hearing notice) tells a resident to wait for what has already come."""
    if out.question:
        return
    for f in out.frames:
        if f.past or f.neg or f.cond or f.conditions or f.modal != fr.FUTURE or f.group in w.LIGHT_VERBS:
            continue
        same = [g for s in srcs for g in s.frames if g.group == f.group]
        if same and all(g.past and not g.neg for g in same):
            result.problems.append(
                Problem(
                    "invented",
                    f'The letter says this has already happened ("{quote(same[0].text)}"); '
                    f'this sentence says it is still to come ("{f.verb}").',
                )
            )
            return

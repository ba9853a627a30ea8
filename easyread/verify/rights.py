"""A right the letter gives (to appeal, to ask for a review, to complain) denied or made an order in the Easy Read,
or a right the letter denies given back: "You cannot appeal against this decision." for "you have a right to apply
for an independent appeal", "You can still appeal" for "There is no right to appeal at this stage"."""

from __future__ import annotations

from easyread.checks.facts import extract_facts
from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote, who_obj
from easyread.verify.stances import stance

_ORDER = {"must", "do"}
_HOLDERS = {w.WE, w.YOU}


def _holder(sentence: fr.Sentence, frame: fr.Frame) -> frozenset:
    """Who holds the right, when it is us or the reader: the agent of the verb, or of the "have" the right hangs on
    ("you have a right to apply": "apply" has no subject of its own)."""
    by_i = {f.i: f for f in sentence.frames}
    tok = sentence.doc[frame.i]
    for _ in range(4):
        f = by_i.get(tok.i)
        if f is not None and f.agent and not f.weak:
            return frozenset(f.agent & _HOLDERS)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return frozenset()


def _hold(sentence: fr.Sentence, start: int) -> tuple[fr.Frame | None, bool]:
    """The frame that holds the word at `start`, and whether the right is denied on the way ("no right to appeal")."""
    tok = next((t for t in sentence.doc if t.idx <= start < t.idx + len(t.text)), None)
    by_i = {f.i: f for f in sentence.frames}
    denied = False
    for _ in range(8):
        if tok is None:
            return None, denied
        denied = denied or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)
        if tok.i in by_i:
            # "There is no right to appeal": the "no" sits on the noun the verb hangs on
            above = tok.head if tok.dep_ in ("acl", "xcomp") else None
            denied = denied or bool(above is not None and any(c.lower_ == "no" for c in above.children))
            return by_i[tok.i], denied
        if tok.head.i == tok.i:
            return None, denied
        tok = tok.head
    return None, denied


def _rights(sentence: fr.Sentence) -> dict[str, tuple[fr.Frame, bool]]:
    found = {}
    for fact in extract_facts(sentence.text):
        if fact.kind != "right" or fact.value in found:
            continue
        frame, denied = _hold(sentence, fact.start)
        if frame is not None:
            found[fact.value] = (frame, denied or frame.neg)
    return found


def right_problems(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """A right kept by name whose grant is reversed or made an order."""
    if result.problems or out.question:
        return
    mine = _rights(out)
    for src in srcs:
        for name, (theirs, their_denial) in _rights(src).items():
            if name not in mine or theirs.cond:
                continue
            frame, denial = mine[name]
            if frame.cond:
                continue
            if denial != their_denial:
                said = "does not give you" if their_denial else "gives you"
                result.problems.append(
                    Problem(
                        "negation",
                        f'The letter {said} the right to {name} ("{quote(src.text)}"); this sentence says the opposite.',
                    )
                )
                return
            holder, their_holder = _holder(out, frame), _holder(src, theirs)
            if holder and their_holder and not holder & their_holder:
                # "We have the right to appeal" for "you have a right to apply for an independent appeal": a right
                # given to someone else is one the reader thinks they do not have.
                result.problems.append(
                    Problem(
                        "agent",
                        f'The letter gives the right to {name} to {who_obj(their_holder)} ("{quote(src.text)}"); '
                        f"this sentence gives it to {who_obj(holder)}.",
                    )
                )
                return
            if not denial and stance(frame) in _ORDER and stance(theirs) not in _ORDER:
                result.problems.append(
                    Problem(
                        "modal",
                        f'The letter gives you the right to {name} ("{quote(src.text)}"); this sentence makes it '
                        "an order.",
                    )
                )
                return

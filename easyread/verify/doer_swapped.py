"""The reader's own action given to someone else: "Workers will always ask to see your identity card" for "You
should always ask to see an identity card before letting anyone into your home". The frame check compares the
parties the letter and the line share (we, you); here the line names a new doer ("workers") and the reader, who
acts in the letter, becomes the one it is done to."""

from __future__ import annotations

from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote, who


def doer_swapped(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """An action the letter gives the reader, with the same object, said to be done by another party."""
    if out.question or any(p.kind == "agent" for p in result.problems):
        return
    for f in out.frames:
        if not f.agent or w.YOU in f.agent or f.weak or f.passive or not f.objects:
            continue
        same = [g for s in srcs for g in s.frames if g.group == f.group and g.objects & f.objects]
        if not same or f.group in w.LIGHT_VERBS or f.group in w.AGENT_FREE:
            continue
        if all(g.agent == frozenset({w.YOU}) and not g.weak and not g.passive for g in same):
            _add(result, same[0], f)
            return
    message = _let_in_said_enter(out, srcs)
    if message:
        result.problems.append(Problem("agent", message))


def _add(result: Assessment, g: fr.Frame, f: fr.Frame) -> None:
    result.problems.append(
        Problem(
            "agent",
            f'The letter says you {g.verb} ("{quote(g.text)}"); this sentence says {who(f.agent)} '
            f'{f.verb} ("{quote(f.text)}").',
        )
    )


_ENTER = {w.verb_group(x) for x in ("enter", "come", "go", "get")}


def _let_in_said_enter(out: fr.Sentence, srcs: list[fr.Sentence]) -> str | None:
    """ "before entering your home" for "before letting anyone into your home": the reader lets someone else in;
    the line has the reader go in."""
    places: set[str] = set()
    for s in srcs:
        for t in s.doc:
            if w.base(t.lower_) != "let" or not any(c.dep_ == "dobj" for c in t.children):
                continue
            for c in t.subtree:
                if c.dep_ == "pobj" and c.head.lower_ in ("into", "in"):
                    places.add(w.stem(c.lower_))
    if not places:
        return None
    for f in out.frames:
        tok = out.doc[f.i]
        into = {w.stem(p.lower_) for c in tok.children if c.lower_ in ("into", "in") for p in c.children}
        if f.group in _ENTER and f.agent == frozenset({w.YOU}) and (f.objects | into) & places:
            return f'The letter says you let someone else in; this sentence says you go in: "{quote(f.text)}".'
    return None

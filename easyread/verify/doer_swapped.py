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
            g = same[0]
            result.problems.append(
                Problem(
                    "agent",
                    f'The letter says you {g.verb} ("{quote(g.text)}"); this sentence says {who(f.agent)} '
                    f'{f.verb} ("{quote(f.text)}").',
                )
            )
            return

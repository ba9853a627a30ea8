"""A question of the letter said as a fact.

- "I am being pursued for unpaid service charges." for the letter's heading "Why am I being pursued for unpaid
  service charges?": the letter asks (and answers below); the rewrite states it of the reader.
- "We can support you during this difficult time." for "I am writing to ask whether there is anything we can do to
  support you": what the letter only asks about ("whether", "if", "what" after "ask", "know", "wonder") is said
  as a promise.
"""

from __future__ import annotations

from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote

_ASKING = {"ask", "asking", "asked", "know", "wonder", "wondering", "check", "checking", "see", "find", "enquire"}
_WH = {"whether", "if", "what", "which", "how", "why", "who", "when", "where"}


def _embedded(sentence: fr.Sentence, tok) -> bool:
    """The verb sits in a clause that asks or is conditional: "whether ...", "if ...", "what ...", "so that ..."."""
    node = tok
    for _ in range(12):
        if any(c.lower_ in _WH and c.dep_ in ("mark", "advmod", "nsubj", "dobj", "attr") for c in node.children):
            return True
        if node.dep_ in ("ROOT",) or node.head.i == node.i:
            return False
        node = node.head
    return False


def _asked_groups(src: fr.Sentence) -> tuple[set[str], set[str]]:
    """(groups of the actions the letter sentence only asks about, groups it says outright)."""
    asked: set[int] = set()
    for t in src.doc:
        # "ask whether there is ...": the clause, the asked verb's complement, is what is asked; "If
        # you pay ..., your landlord may ask you ..." is a condition on the asking, not a question.
        if t.dep_ != "mark" or t.head.head.lower_ not in _ASKING:
            continue
        if t.lower_ in ("whether", "if") and t.head.dep_ == "ccomp":
            asked |= {x.i for x in t.head.subtree}
    inside = {f.group for f in src.frames if f.i in asked}
    outside = {f.group for f in src.frames if f.i not in asked}
    return inside, outside


def _main(out: fr.Sentence, f: fr.Frame) -> bool:
    """The verb is the main statement: the root, or joined to it ("and"), asked for by it or by its adjective
    ("you are able to attend")."""
    tok = out.doc[f.i]
    while tok.dep_ in ("conj", "xcomp", "acomp") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "ROOT"


def _asked_frames(srcs: list[fr.Sentence]) -> tuple[list[fr.Frame], set[str]]:
    """(the frames the letter only asks about, the groups it says outright)."""
    asked, said = [], set()
    for s in srcs:
        if s.question:
            asked += s.frames
            continue
        inside, outside = _asked_groups(s)
        asked += [f for f in s.frames if f.group in inside]
        said |= outside
    return asked, said


def question_asserted(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """The output states as a fact an action that every letter sentence naming it only asks about."""
    if out.question or not srcs:
        return
    frames, said = _asked_frames(srcs)
    if not frames:
        return
    for f in out.frames:
        if f.group in said or f.neg or f.cond or f.conditions or f.question or not _main(out, f):
            continue
        # "You need help paying your rent." for "Do you need help paying your rent?": a light verb ("need", "have",
        # "get") counts only with the same thing.
        if not any(g.group == f.group and (g.group not in w.LIGHT_VERBS or g.objects & f.objects) for g in frames):
            continue
        if _embedded(out, out.doc[f.i]):
            continue
        src = next((s for s in srcs if s.question or f.group in _asked_groups(s)[0]), srcs[0])
        result.problems.append(
            Problem(
                "invented",
                f'The letter only asks this ("{quote(src.text)}"); this sentence says it as a fact ("{quote(f.text)}").',
            )
        )
        return

"""Conditions turned into a cause and its effect, or into an order.

- "You must pay it." for "paying after a claim has been submitted ... will result in you being liable for interest
  and costs": the letter's obligation holds only if the reader does what the subject clause says ("paying after
  ..."), so an order with no condition tells them to pay what they may never owe. The frames record "if" and
  "failure to" conditions; a gerund subject of "result in" / "lead to" / "mean" is this one.
- "If you don't talk to us, we can't solve the problem." for "If you don't talk to us, and we can't solve the
  problem you may receive a Notice ...": two conditions joined by "and" made one the result of the other.
"""

from __future__ import annotations

import re

from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote
from easyread.verify.findings import read as read_sentence

_RESULTS = {"result", "lead", "mean", "cause", "make"}
_IF = {"if", "unless"}
_LINKED = re.compile(r"^\s*(this|that|these|it|then|otherwise|so|if so|if not)\b", re.IGNORECASE)
_IF_WORDS = re.compile(r"\b(if|unless|when|whenever|provided|once|after|before)\b", re.IGNORECASE)


def _subject_condition(src: fr.Sentence) -> str | None:
    """The gerund subject of "X will result in ..." ("paying after a claim has been submitted"), or None."""
    for t in src.doc:
        if t.dep_ == "ROOT" and w.base(t.lower_) in _RESULTS:
            for c in t.children:
                if c.dep_ == "csubj" and c.tag_ == "VBG":
                    return " ".join(x.text for x in c.subtree)
    return None


def order_without_its_condition(
    out: fr.Sentence, srcs: list[fr.Sentence], ctx: list[fr.Sentence], result: Assessment
) -> None:
    """An order on the reader ("you must ...") where the letter's only obligation follows from a gerund subject
    ("paying after ... will result in you being liable"), with no condition in the sentence or the line before."""
    if out.question or not srcs or _IF_WORDS.search(out.text) or _LINKED.match(out.text) and "because" not in out.text:
        return
    conditions = [c for c in (_subject_condition(s) for s in srcs) if c]
    if not conditions or len(conditions) < len(srcs):
        return
    if any(c.question or _IF_WORDS.search(c.text) for c in ctx[-1:]):
        return
    for f in out.frames:
        if f.modal not in (fr.OBLIG, fr.SHOULD) or f.neg or f.cond or f.conditions or f.agent == frozenset({w.WE}):
            continue
        result.problems.append(
            Problem(
                "condition",
                f'The letter says this only follows from "{quote(conditions[0])}"; this sentence says it as an order '
                f'("{quote(f.text)}").',
            )
        )
        return


def _joined_conditions(src: fr.Sentence) -> list[tuple[str, str]]:
    """(group of an "if" verb, group of a verb joined to it by "and" / "or") in the letter sentence: both are
    conditions of what follows."""
    pairs = []
    by_i = {f.i: f for f in src.frames}
    for f in src.frames:
        tok = src.doc[f.i]
        if not any(c.dep_ == "mark" and c.lower_ in _IF for c in tok.children):
            continue
        for c in tok.children:
            if c.dep_ == "conj" and c.i in by_i and any(x.dep_ == "cc" for x in list(c.children) + list(tok.children)):
                pairs.append((f.group, by_i[c.i].group))
    return pairs


def conditions_made_cause(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "If A, B." where the letter says "If A, and B, C": B was a second condition, not what A leads to."""
    if out.question or not srcs:
        return
    pairs = {p for s in srcs for p in _joined_conditions(s)}
    if not pairs:
        return
    conds = {f.group for f in out.frames if f.cond in _IF}
    for f in out.frames:
        if f.cond or not f.conditions or f.modal in (fr.MAY, fr.HEDGE):
            continue  # "we may not be able to sort it out": a likely result, which the two conditions do say
        for a, b in pairs:
            if f.group == b and a in conds:
                result.problems.append(
                    Problem(
                        "condition",
                        f'The letter gives "{quote(f.text)}" as a second condition ("{quote(srcs[0].text)}"); this '
                        f"sentence makes it the result of the first.",
                    )
                )
                return


def glossary_order_alone(output: str, sources: list[str], context: str, glossary) -> bool:
    """The line is the glossary's explanation of a term of the letter ("You must pay it." for "liable") but says an
    order, and neither it nor the line before names the term: read alone, it orders the reader to pay with none of
    the letter's conditions ("paying after a claim ... will result in you being liable"). Said after '"Liable"
    means:' (as the fallback writes it) it is the glossary's explanation and stays unflagged."""
    if glossary is None or not sources:
        return False
    out = read_sentence(output)
    if out.question or not any(
        f.modal in (fr.OBLIG, fr.SHOULD) and not f.cond and not f.conditions for f in out.frames
    ):
        return False
    try:
        terms = [e.term.casefold() for e in glossary.terms_in(" ".join(sources))]
    except Exception:  # a glossary that cannot be read leaves the line to the glossary rule, as rules.py does
        return False
    near = f"{context} {output}".casefold()
    return bool(terms) and not any(t in near for t in terms)


def _after_joined_conditions(src: fr.Sentence) -> set[str]:
    """Groups of what follows two conditions joined by "and" / "or" when the parse made the first "if" clause the
    root ("If you don't talk to us, and we can't solve the problem we may issue a Notice": "issue" hangs on
    "problem"): the frames after the joined condition with a subject of their own and a may / will / must."""
    root = next((t for t in src.doc if t.dep_ == "ROOT"), None)
    if root is None or not any(c.dep_ == "mark" and c.lower_ in _IF for c in root.children):
        return set()
    joined = [c.i for c in root.children if c.dep_ == "conj" and any(x.dep_ == "cc" for x in root.children)]
    if not joined:
        return set()
    return {
        f.group
        for f in src.frames
        if f.i > max(joined)
        and f.modal not in (fr.PLAIN, fr.IMP)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in src.doc[f.i].children)
    } - w.LIGHT_VERBS


def consequence_without_conditions(
    out: fr.Sentence, srcs: list[fr.Sentence], ctx: list[fr.Sentence], result: Assessment
) -> None:
    """ "We may issue a Notice of Seeking Possession." for "If you don't talk to us, and we can't solve the problem
    we may issue a Notice ...": what follows the letter's two conditions said with neither. A line that opens by
    pointing back ("Then we may ...") or follows a question or an "if" goes on from its condition."""
    if out.question or not srcs or _IF_WORDS.search(out.text) or _LINKED.match(out.text):
        return
    if out.text.rstrip().endswith(":"):
        return  # "You can contact us in these ways:": a lead-in to a list, not the consequence
    if any(c.question or _IF_WORDS.search(c.text) for c in ctx[-1:]):
        return
    after = set().union(*(_after_joined_conditions(s) for s in srcs))
    for f in out.frames:
        # "You can contact us": an offer the reader may take up at any time, not what the conditions lead to
        if f.group in after and not f.cond and not f.conditions and f.modal != fr.POSSIB:
            result.problems.append(
                Problem(
                    "condition",
                    f'The letter says this happens only if both its conditions hold ("{quote(srcs[0].text)}"); '
                    f"this sentence says it with neither.",
                )
            )
            return

"""A time the letter gives for one thing, said for another (round 10, from holdout3):

- a price paired with the other price's time: "You must pay £120 if you pay within 21 days." for "you must pay £60
  if you pay within 21 days ..., or £120 if you pay after 21 days but within 28 days";
- a time needed for one purpose said for another: "Your GP might need 48 hours to see you." for "your GP might need
  48 hours to issue the prescription, and they might need to see you first".
"""

from __future__ import annotations

import re

from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem

AMOUNT = r"£\s?\d[\d,]*(?:\.\d{2})?"
# "£60 if you pay within 21 days of the date of issue, or": the price and its condition, up to the next price
_PRICE_WITH_TIME = re.compile(
    rf"({AMOUNT})\s+(?:if|when|provided)\s+(?:you\s+pay|paid|payment\s+is\s+made|(?:it|this|the\s+\w+)\s+is\s+paid)"
    r"\b(?P<cond>[^£]*)",
    re.IGNORECASE,
)
_TIME = re.compile(r"\b(within|after|before|by|in)\s+(\d+|[a-z]+)\s+(days?|weeks?|months?)\b", re.IGNORECASE)
_LENGTH_VERBS = {"need", "take", "allow", "give"}


def time_pairs(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """Add a fact-moved problem for a time said for the letter's other price or another purpose."""
    if out.question or any(p.kind == "fact-moved" for p in result.problems):
        return
    message = _price_time_swapped(out, srcs) or _purpose_moved(out, srcs)
    if message:
        result.problems.append(Problem("fact-moved", message))


def _times(text: str) -> set[tuple[str, str]]:
    return {(m.group(1).lower(), m.group(2).lower()) for m in _TIME.finditer(text)}


def _price_time_swapped(out: fr.Sentence, srcs: list[fr.Sentence]) -> str | None:
    prices: dict[str, set[tuple[str, str]]] = {}
    for src in srcs:
        for m in _PRICE_WITH_TIME.finditer(src.text):
            prices.setdefault(digits(m.group(1)), set()).update(_times(m.group("cond")))
    if len(prices) < 2:
        return None
    mine = _times(out.text)
    for m in re.finditer(AMOUNT, out.text):
        price = digits(m.group(0))
        theirs = prices.get(price)
        if theirs is None or not mine or mine & theirs:
            continue
        others = set().union(*(t for p, t in prices.items() if p != price))
        if mine & others:
            when = " ".join(sorted(mine & others)[0])
            return f'In the letter "{when} days" is when you pay another price; this sentence puts it on {m.group(0)}.'
    return None


def _purpose(sentence: fr.Sentence, f: fr.Frame) -> set[str]:
    """The verb groups of what a "need / take 48 hours" is for ("to issue the prescription")."""
    tok = sentence.doc[f.i]
    return {w.verb_group(c.text) for c in tok.children if c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB"}


def _purpose_moved(out: fr.Sentence, srcs: list[fr.Sentence]) -> str | None:
    for f in out.frames:
        if w.base(f.verb) not in _LENGTH_VERBS or not any(k == "duration" for k, _ in f.facts):
            continue
        mine = _purpose(out, f)
        if not mine:
            continue
        for src in srcs:
            for g in src.frames:
                if g.group != f.group or not set(g.facts) & set(f.facts):
                    continue
                theirs = _purpose(src, g)
                other = {h.group for h in src.frames if h.group in mine}
                if theirs and not theirs & mine and other:
                    value = next(v for k, v in f.facts if k == "duration")
                    return (
                        f"In the letter {value} is the time needed for another thing; this sentence says it is "
                        f'needed to "{next(iter(mine))}".'
                    )
    return None


def digits(amount: str) -> str:
    value = re.sub(r"[^\d.]", "", amount)
    return value[:-3] if value.endswith(".00") else value

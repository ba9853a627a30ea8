"""A date or time limit the line keeps but hangs on something else (round 6). The older fact rule
(facts_moved.fact_problems) lets any verb of the letter's sentence hold its fact, because the parse often hangs a fact
on the wrong verb of a long sentence; these rules look at where the fact moved to, where the parse is sure:

- out of the "if": "If you do not pay ... within seven days, we will ask the court to issue a summons" said "If you do
  not pay, we will ask the court to issue a summons within seven days" (the reader's limit made the court's);
- from the reader's limit to our promise: "It must be within one calendar month" said "We will reply within one
  calendar month";
- counted from something else: "within seven days of its issue date" said "within seven days of your next bill",
  "from the time your support begins" said "from the time of your assessment".
"""

from __future__ import annotations

import re

from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote

_LIMITS = {"duration", "date", "time"}


def fact_left_condition(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """The letter's time limit sits inside its "if" (on the reader's action); the line keeps that "if" and its
    action but puts the limit on the consequence."""
    if any(p.kind == "fact-moved" for p in result.problems):
        return
    in_condition = {(fact, g.group) for s in srcs for g in s.frames if g.cond for fact in g.facts if fact[0] in _LIMITS}
    if not in_condition:
        return
    for f in out.frames:
        for fact in f.facts:
            groups = {g for x, g in in_condition if x == fact}
            if not groups or f.cond or f.group in groups:
                continue
            if any(g.cond and g.group in groups and fact not in g.facts for g in out.frames):
                result.problems.append(
                    Problem(
                        "fact-moved",
                        f'In the letter {fact[1]} is part of the "if" (what you do by then); this sentence puts it on '
                        f'what happens after: "{quote(f.text)}".',
                    )
                )
                return


def deadline_moved_to_us(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """A time limit the letter sets on the reader ("It must be within one calendar month") said as what we will do
    in that time ("We will reply within one calendar month"): the reader waits for us and misses their own limit."""
    if any(p.kind == "fact-moved" for p in result.problems):
        return
    holders = {fact: g for s in srcs for g in s.frames for fact in g.facts if fact[0] in _LIMITS}
    if not holders:
        return
    groups = {g.group for s in srcs for g in s.frames}
    for f in out.frames:
        if f.agent != frozenset({w.WE}) or f.passive or f.group in groups or f.modal not in (fr.FUTURE, fr.PLAIN):
            continue
        for fact in f.facts:
            g = holders.get(fact)
            if g is None or (g.agent and w.WE in g.agent):
                continue
            if g.modal in (fr.OBLIG, fr.IMP, fr.SHOULD) or (g.agent and w.YOU in g.agent):
                result.problems.append(
                    Problem(
                        "fact-moved",
                        f'In the letter {fact[1]} is your time limit ("{quote(g.text)}"); this sentence says it is the '
                        f'time we take: "{quote(f.text)}".',
                    )
                )
                return


# "within seven days of X", "from the time X", "14 days after X": X is what the time is counted from.
_COUNTED = re.compile(
    r"\b(?:within|from|after|before|until|since|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:(?:days?|weeks?|months?|years?)\s+(?:of|from|after)|(?:time|date)\s+(?:of|from|after|that|when)?)"
    r"\s*(?P<anchor>[^,.;:()]+)",
    re.IGNORECASE,
)
# Words that name the moment in any letter: "the date of this letter" for "this letter".
_GENERIC = {w.stem(x) for x in ("date", "day", "time", "letter", "today", "receive", "issue", "notice", "this")}


def anchor_changed(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """The line counts the letter's time from a different moment: the anchor of its "within seven days of ..." or
    "from the time ..." names a thing the letter sentence does not name at all."""
    if any(p.kind == "fact-moved" for p in result.problems):
        return
    theirs = [m for s in srcs for m in _COUNTED.finditer(s.text)]
    if not theirs:
        return
    said = w.content_stems(" ".join(s.text for s in srcs))
    for m in _COUNTED.finditer(out.text):
        anchor = w.content_stems(m.group("anchor"))
        new = {
            x for x in anchor if x not in said and x not in _GENERIC and x not in w.PARTY_OF and not _prefix(x, said)
        }
        nouns = {w.stem(t.lower_) for t in out.doc if t.tag_.startswith("NN")}
        if new & nouns:
            result.problems.append(
                Problem(
                    "fact-moved",
                    f'The letter counts the time from "{theirs[0].group("anchor").strip()}"; this sentence counts it '
                    f'from "{m.group("anchor").strip()}".',
                )
            )
            return


def _prefix(x: str, said: set[str]) -> bool:
    return len(x) >= 5 and any(x[:5] == s[:5] for s in said if len(s) >= 5)


# "before a claim is sent" / "after a claim is sent": the thing a time is counted from, skipping little words.
_BEFORE_AFTER = re.compile(r"\b(before|after)\s+(?:(?:the|a|an|your|our|you|we|it|this|any)\s+)*([a-z]\w+)", re.I)
_OTHER_SIDE = {"before": "after", "after": "before"}


def before_after_swapped(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "Do you pay after a claim is sent?" for "Should you make payment after the 30 days have elapsed but before a
    claim is sent ...": the line puts on the other side of a moment what the letter puts before (or after) it, so a
    resident who pays late enough to face court costs reads that they are safe, or the other way round (stop 25's
    read of real drafts). Only a moment the letter names on one side only counts."""
    if result.problems:
        return
    theirs = {_moment(m): m.group(0) for s in srcs for m in _BEFORE_AFTER.finditer(s.text)}
    for m in _BEFORE_AFTER.finditer(out.text):
        side, thing = _moment(m)
        if (_OTHER_SIDE[side], thing) in theirs and (side, thing) not in theirs:
            said = theirs[(_OTHER_SIDE[side], thing)]
            result.problems.append(
                Problem(
                    "condition",
                    f'The letter says "{said}"; this sentence says "{m.group(0)}": the other side of that moment.',
                )
            )
            return


def _moment(m: re.Match) -> tuple[str, str]:
    """("before", stem of the thing) of a `_BEFORE_AFTER` match."""
    return m.group(1).lower(), w.stem(m.group(2).lower())

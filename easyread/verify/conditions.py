"""Conditions: an "if" the letter puts on an action kept with it, and an "if" that says what happens then."""

from __future__ import annotations

import re

from easyread.checks.facts import compare_facts
from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote, read
from easyread.verify.stances import stance

_GENERIC_CONDITION = re.compile(
    r"^\s*(if|when)\s+you\s+(have\s+(any\s+)?(questions?|queries|concerns)|need\s+(any\s+)?(help|more|further|advice|"
    r"support|information|it)|would\s+like|want\s+(to\s+talk|more|help)|are\s+not\s+sure|cannot|can't|"
    r"do\s+not\s+understand)",
    re.IGNORECASE,
)
_HARD_CONDITION = re.compile(
    r"\b(not|no|never|unless|fail|failure|without|cannot|can't|don't|doesn't|didn't|won't)\b", re.IGNORECASE
)
# A sentence that opens by pointing back ("This could mean ...", "Then ...", "Otherwise ...") continues the
# sentence before it, where Easy Read puts the condition.
_CONTINUES = re.compile(r"^\s*(this|that|these|then|otherwise|so|if so|if not)\b", re.IGNORECASE)
_IF_WORDS = re.compile(r"\b(if|unless|when|whenever|provided|once)\b", re.IGNORECASE)


def condition_checks(
    f: fr.Frame, out: fr.Sentence, matched: list[fr.Frame], context: list[fr.Sentence], add, result: Assessment
) -> None:
    if out.question or f.cond or f.conditions or _IF_WORDS.search(out.text):
        return
    if _CONTINUES.match(out.text):
        # "This could mean you lose your home", "Then ...": goes on from the sentence before, which holds the "if"
        return
    # "If you contact us, it will help us": an invitation to get in touch, not a condition to keep.
    conditional = [s for s in matched if s.cond and s.cond != "when" and s.group != "contact"]
    plain = [s for s in matched if not s.cond]
    if conditional and not plain and all(not s.objects or (s.objects & f.objects) for s in conditional[:1]):
        s = conditional[0]
        add(
            "condition",
            f'The letter says this only as a condition ("{quote(s.text)}"); this sentence says it as a fact.',
        )
        return
    governed = [s for s in plain if s.conditions]
    if plain and len(governed) == len(plain):
        conditions = [c for c in governed[0].conditions if not _GENERIC_CONDITION.match(c)]
        if not conditions:
            return
        stems = w.content_stems(" ".join(conditions))
        for ctx in context:
            if (ctx.question or _IF_WORDS.search(ctx.text)) and w.content_stems(ctx.text) & stems:
                return
        # "Please talk to us so we can help you", "Please contact us. It helps us ...": the condition's
        # action is asked for, which carries it.
        wanted = {g.group for g in read(" ".join(conditions)).frames} - w.LIGHT_VERBS
        if any(g.group in wanted for ctx in context for g in ctx.frames) or any(
            g.group in wanted and g.modal == fr.IMP for g in out.frames
        ):
            return
        message = (
            f'The letter says this happens only "{quote(conditions[0])}"; this sentence leaves out that condition.'
        )
        negative = _HARD_CONDITION.search(" ".join(conditions))
        hard = negative or compare_facts("", " ".join(conditions)).invented
        hedged = any(t.lower_ in ("could", "may", "might") for t in out.doc)
        # A denied condition ("if you do not pay", "failure to attend") is a warning: without it a "may" or
        # "could" still reads as what will happen, so the hedge does not excuse it.
        if negative or (hard and not hedged and stance(f) not in ("might", "may", "can")):
            add("condition", message)
        else:
            # Easy Read often asks the condition as a question in the sentence before; without that
            # sentence the rules cannot tell a lost condition from a moved one.
            result.undecided.append(("condition", message))


def hanging_if(out: fr.Sentence, result: Assessment) -> None:
    from easyread.simplify.meaning_rules import condition_left_hanging

    if condition_left_hanging(out.text, []):
        result.problems.append(Problem("condition", 'This sentence says "if" but not what happens then.'))

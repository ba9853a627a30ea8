"""The rules for the meaning errors the lead's sentence-by-sentence read of real drafts found unmarked (round 6b):
a reason or purpose the letter does not give, a hedge dropped, a question said as a fact, a thing replaced, a
condition turned into an order or into a cause. Called once from `rules.assess`; each rule is in its own module."""

from __future__ import annotations

import re

from easyread.verify import frames as fr
from easyread.verify.asked import question_asserted
from easyread.verify.certainty import hedge_dropped, hedge_dropped_reworded
from easyread.verify.chains import (
    conditions_made_cause,
    consequence_without_conditions,
    order_without_its_condition,
)
from easyread.verify.findings import Assessment
from easyread.verify.prices import price_made_order
from easyread.verify.reasons import purpose_alone, purpose_invented, reason_without_cause
from easyread.verify.referrals import referral_made_provision
from easyread.verify.things import thing_replaced
from easyread.verify.time_pairs import time_pairs


def read_problems(
    out: fr.Sentence, srcs: list[fr.Sentence], ctx: list[fr.Sentence], glossary, result: Assessment
) -> None:
    """Add the first problem these rules find, if the other rules found none. `ctx` is the Easy Read sentences just
    before `out`."""
    support = glossary_support(srcs, glossary)
    checks = (
        lambda: purpose_alone(out, srcs, result),
        lambda: order_without_its_condition(out, srcs, ctx, result),
        lambda: price_made_order(out, srcs, result),
        lambda: time_pairs(out, srcs, result),
        lambda: conditions_made_cause(out, srcs, result),
        lambda: consequence_without_conditions(out, srcs, ctx, result),
        lambda: question_asserted(out, srcs, result),
        lambda: hedge_dropped(out, srcs, result),
        lambda: None if _defines_a_term(out, srcs, glossary) else reason_without_cause(out, srcs, result),
        lambda: purpose_invented(out, srcs, support, result),
        lambda: thing_replaced(out, srcs, support, result),
        lambda: referral_made_provision(out, srcs, result),
        # last: a line that also invents or replaces something is named by that first
        lambda: hedge_dropped_reworded(out, srcs, result),
    )
    for check in checks:
        if result.problems:
            return
        check()


def _defines_a_term(out: fr.Sentence, srcs: list[fr.Sentence], glossary) -> bool:
    """ "Arrears means money you owe because you did not pay on time.": the glossary's explanation of a term of the
    letter sentence, with its own "because"; not a reason the rewrite gives for what the letter says."""
    m = re.match(r"^[\"'“‘]?([\w' -]+?)[\"'”’]?:?\s+means\b", out.text)
    if m is None or glossary is None:
        return False
    try:
        terms = {e.term.casefold() for e in glossary.terms_in(" ".join(s.text for s in srcs))}
    except Exception:  # a glossary that cannot be read: no term is known
        return False
    return m.group(1).strip().casefold() in terms


def glossary_support(srcs: list[fr.Sentence], glossary) -> str:
    """The letter sentences with the glossary's explanations of their terms, except a one-word term the letter uses
    only as the head of a compound: the glossary's "assessment" ("A meeting where someone asks questions to find out
    what help you need") is not the letter's "credit assessment", so the model's "meet ... to find out what help
    you need" is not supported by it."""
    text = " ".join(s.text for s in srcs)
    if glossary is None:
        return text
    try:
        entries = glossary.terms_in(text)
    except Exception:  # a glossary that cannot be read: the letter's words alone, as rules._glossary_support does
        return text
    kept = [e.explanation for e in entries if not _compound_head_only(e.term, srcs)]
    return " ".join([text] + kept)


def _compound_head_only(term: str, srcs: list[fr.Sentence]) -> bool:
    if len(term.split()) != 1:
        return False
    uses = [t for s in srcs for t in s.doc if t.lower_ == term.casefold()]
    return bool(uses) and all(any(c.dep_ == "compound" and c.i < t.i for c in t.children) for t in uses)

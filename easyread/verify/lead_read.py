"""The rules for the meaning errors the lead's sentence-by-sentence read of real drafts found unmarked (round 6b):
a reason or purpose the letter does not give, a hedge dropped, a question said as a fact, a thing replaced, a
condition turned into an order or into a cause. Called once from `rules.assess`; each rule is in its own module."""

from __future__ import annotations

from easyread.verify import frames as fr
from easyread.verify.asked import question_asserted
from easyread.verify.certainty import hedge_dropped
from easyread.verify.chains import conditions_made_cause, order_without_its_condition
from easyread.verify.findings import Assessment
from easyread.verify.reasons import purpose_alone, purpose_invented, reason_without_cause
from easyread.verify.things import thing_replaced


def read_problems(
    out: fr.Sentence, srcs: list[fr.Sentence], ctx: list[fr.Sentence], support: str, result: Assessment
) -> None:
    """Add the first problem these rules find, if the other rules found none. `support` is the letter sentences
    with the glossary's explanations of their terms; `ctx` the Easy Read sentences just before `out`."""
    checks = (
        lambda: purpose_alone(out, srcs, result),
        lambda: order_without_its_condition(out, srcs, ctx, result),
        lambda: conditions_made_cause(out, srcs, result),
        lambda: question_asserted(out, srcs, result),
        lambda: hedge_dropped(out, srcs, result),
        lambda: reason_without_cause(out, srcs, result),
        lambda: purpose_invented(out, srcs, support, result),
        lambda: thing_replaced(out, srcs, support, result),
    )
    for check in checks:
        if result.problems:
            return
        check()

"""A payment said as a debt: "You owe £143.75 in total." for "Total amount payable £143.75 weekly".

The verifier's thesaurus (easyread.verify.related) lets "rent you owe" stand for "arrears" and "pay" for "owe",
which is right for most rewrites but hides one error small models make often: an instalment, a weekly total or the
level of repayment read as what the reader owes. A resident who believes they owe the weekly amount, or that the
whole debt is due each week, pays the wrong sum. Found on the words around the amount, not the amount alone.
"""

from __future__ import annotations

import re

from easyread.checks.facts import extract_facts
from easyread.verify import frames as fr
from easyread.verify.findings import Assessment, Problem, quote

_DEBT = re.compile(r"\b(owe|owes|owed|owing|debts?|arrears|outstanding|overdue)\b", re.IGNORECASE)
_PAYMENT = re.compile(
    r"\b(repayments?|instalments?|payable|to be paid|towards|weekly|monthly|fortnightly|(each|per|a|every) "
    r"(week|month|fortnight))\b",
    re.IGNORECASE,
)
# "the level of repayment", "the amount of each instalment": the letter measures a payment, not the debt.
_PAYMENT_MEASURED = re.compile(
    r"\b(level|amount|rate|size|sum) of (re)?payments?|\b(level|amount|size) of (your |each |the )?instalments?",
    re.IGNORECASE,
)
_DEBT_MEASURED = re.compile(r"\b(amount|how much|total|sum)\b[^.?!]{0,30}\b(you owe|owed|owing|debt|arrears)\b", re.I)


def payment_made_debt(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """The letter's amount (or the level of repayment) is a payment; this sentence says it is what the reader owes."""
    if any(p.kind in ("fact-moved", "money") for p in result.problems) or not _DEBT.search(out.text):
        return
    for src in srcs:
        measured = _PAYMENT_MEASURED.search(src.text)
        if measured and _DEBT_MEASURED.search(out.text) and not _DEBT_MEASURED.search(src.text):
            result.problems.append(
                Problem(
                    "fact-moved",
                    f'The letter is about a payment ("{measured.group(0)}"); this sentence says it is what you owe.',
                )
            )
            return
        if _DEBT.search(src.text) or not _PAYMENT.search(src.text):
            continue
        amounts = {f.value for f in extract_facts(src.text) if f.kind == "money"}
        shared = [f for f in extract_facts(out.text) if f.kind == "money" and f.value in amounts]
        if shared:
            result.problems.append(
                Problem(
                    "fact-moved",
                    f'In the letter {shared[0].text} is a payment ("{quote(src.text)}"); this sentence says it is '
                    "what you owe.",
                )
            )
            return

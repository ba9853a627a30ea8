"""A price that depends on when you pay, said as an order: "If you receive a Penalty Notice, you must pay £120 after 21
days." for "... you must pay £60 if you pay within 21 days of the date of issue, or £120 if you pay after 21 days but
within 28 days".

Penalty and parking charges come at two prices ("£60 if paid within 14 days, £120 after"). A rewrite that makes each
price an order of its own ("You must pay £60 within 21 days." "You must pay £120 after 21 days.") tells the resident to
pay both, or that the lower price has a deadline they must meet; read unmarked in a real draft of a school penalty
notice (stop 26, a text of a publisher the rules had never seen). The other rules saw each amount kept with its own
duration. Written by hand: no library reads the "if you pay" that a council letter attaches to an amount.
"""

from __future__ import annotations

import re

from easyread.verify import frames as fr
from easyread.verify.findings import Assessment, Problem

_AMOUNT = r"£\s?\d[\d,]*(?:\.\d{2})?"
# "£60 if you pay within 21 days", "£35 if paid within 14 days", "£70 if the charge is paid after ...".
_PRICE_IF_PAID = re.compile(
    rf"({_AMOUNT})\s+(?:if|when|provided)\s+(?:you\s+pay|paid|payment\s+is\s+made|(?:it|this|the\s+\w+)\s+is\s+paid)\b",
    re.IGNORECASE,
)
# The rewrite keeps the price's condition: "if you pay within 21 days", "if it is paid ...", "when paid ...".
_PAY_CONDITION = re.compile(r"\b(?:if|when)\s+(?:you\s+pay|paid|payment|(?:it|this|the\s+\w+)\s+is\s+paid)\b", re.I)


def price_made_order(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """Add a condition problem when `out` orders an amount the letter charges only if the reader pays at some time."""
    if out.question or _PAY_CONDITION.search(out.text):
        return
    prices = {_digits(m.group(1)) for src in srcs for m in _PRICE_IF_PAID.finditer(src.text)}
    if not prices:
        return
    ordered = any(f.modal == fr.OBLIG and not f.neg for f in out.frames)
    mine = [m.group(0) for m in re.finditer(_AMOUNT, out.text) if _digits(m.group(0)) in prices]
    if ordered and mine:
        result.problems.append(
            Problem(
                "condition",
                f"The letter charges {mine[0]} only if you pay at a certain time; this sentence makes paying it an "
                "order.",
            )
        )


def _digits(amount: str) -> str:
    value = re.sub(r"[^\d.]", "", amount)
    return value[:-3] if value.endswith(".00") else value

"""Money said to go the other way where the letter names it with another kind of verb or a noun: "We may pay you for
any costs" for "We may charge you for any costs we incur" (a charge is money the reader pays us; "incur" is money we
spend, which the frame-by-frame check took for the same payment), "a separate payment to you" for "a separate
charge"."""

from __future__ import annotations

from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote, who

_TO_READER = {w.stem(x) for x in ("payment", "money", "refund", "grant", "repayment", "compensation")}
_FROM_READER = {w.stem(x) for x in ("charge", "fine", "penalty", "fee", "cost", "costs", "bill", "invoice", "debt")}


def money_flow_reversed(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """The money goes from the one the letter says it goes to."""
    if out.question or any(p.kind == "money" for p in result.problems):
        return
    message = _verb_reversed(out, srcs) or _noun_to_reader(out, srcs)
    if message:
        result.problems.append(Problem("money", message))


def _verb_reversed(out: fr.Sentence, srcs: list[fr.Sentence]) -> str | None:
    """A payment with both sides named, whose sides the letter's payment with both sides named swaps, when no
    payment of the letter goes this way."""
    theirs = [g for s in srcs for g in s.frames if g.payer and g.payee]
    for f in out.frames:
        if not (f.payer and f.payee) or f.neg:
            continue
        if any(g.payer & f.payer and g.payee & f.payee for g in theirs):
            continue
        for g in theirs:
            if g.payer & f.payee and g.payee & f.payer and not g.neg:
                return (
                    f'The letter says {who(g.payer)} pays {who(g.payee)} ("{quote(g.text)}"); this sentence says '
                    f"{who(f.payer)} pays {who(f.payee)}."
                )
    return None


def _noun_to_reader(out: fr.Sentence, srcs: list[fr.Sentence]) -> str | None:
    """ "a separate payment to you" for "a separate charge": a money noun given to the reader, where the letter names
    only money the reader pays and no payment to them."""
    for tok in out.doc:
        if not (tok.tag_.startswith("NN") and w.stem(tok.lower_) in _TO_READER):
            continue
        to_you = any(
            c.dep_ == "prep" and c.lower_ == "to" and any(p.lower_ == "you" for p in c.children) for c in tok.children
        )
        if not to_you:
            continue
        nouns = {w.stem(t.lower_) for s in srcs for t in s.doc if t.tag_.startswith("NN")}
        paid_to_you = any(g.payee and w.YOU in g.payee for s in srcs for g in s.frames)
        if nouns & _FROM_READER and not nouns & _TO_READER and not paid_to_you:
            return f'The letter names money you pay ("{quote(srcs[0].text)}"); this sentence says it is paid to you.'
    return None

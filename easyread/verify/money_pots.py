"""Which money an amount is, and which way it goes, where the line names it in other words (round 6).

- an amount put in another pot: "You will pay £15.00 each week for your rent." for "Amount towards the arrears:
  £15.00" (the £15.00 is on top of the rent), "Your rent arrears are £245.00." for "The shortfall in payment is
  £245.00.";
- a benefit said as money the reader pays: "PIP is money you pay for your extra health costs.";
- a discount said as a payment to the reader: "We will give you 50 percent of the charge" for "A 50 percent
  discount will be given";
- a cheque made payable to the reader: "a cheque made out to you" for "cheques should be made payable to 'London
  Borough of Hackney'".
"""

from __future__ import annotations

import re

from easyread.checks.facts import extract_facts
from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote

# The money a letter can talk about, each a different sum (one amount is never two of them), by family: a penalty
# charge notice is "a fine" in Easy Read, and "the money you owe" is the debt or the arrears. "charge" alone is left
# out: a council tax charge, a service charge and a penalty charge are all "charges".
_FAMILIES = {
    "rent": "rent", "arrears": "debt", "debt": "debt", "balance": "debt", "shortfall": "shortfall",
    "costs": "costs", "fee": "costs", "fine": "penalty", "penalty": "penalty", "surcharge": "penalty",
    "tax": "tax", "benefit": "benefit", "allowance": "benefit", "pension": "benefit", "overpayment": "overpayment",
    "interest": "interest", "discount": "discount", "instalment": "instalment", "deposit": "deposit",
    "refund": "refund", "contribution": "contribution", "wage": "wage", "salary": "wage", "loan": "loan",
}  # fmt: skip
_POTS = {w.stem(x): family for x, family in _FAMILIES.items()}


def _pots(sentence: fr.Sentence) -> set[str]:
    """The money nouns of a sentence, as written (lower case)."""
    return {t.lower_ for t in sentence.doc if t.tag_.startswith("NN") and w.stem(t.lower_) in _POTS}


def _families(words: set[str]) -> set[str]:
    return {_POTS[w.stem(x)] for x in words}


_OWED = re.compile(r"\b(owe|owed|owes|owing|not paid|did not pay|didn't pay|missed|behind)\b", re.IGNORECASE)


def pot_changed(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """The line keeps the letter's amount but says it is a different money (rent for arrears, arrears for a
    shortfall): the reader pays the wrong thing, or thinks they owe what they do not."""
    if any(p.kind == "fact-moved" for p in result.problems):
        return
    mine = {f.value for f in extract_facts(out.text) if f.kind == "money"}
    theirs = {f.value for s in srcs for f in extract_facts(s.text) if f.kind == "money"}
    if not mine & theirs:
        return
    said, named = set().union(*(_pots(s) for s in srcs)), _pots(out)
    families = _families(named)
    if named and _OWED.search(out.text):
        families.add("debt")  # "the rent you owe" is how Easy Read says "arrears"
    if said and named and not _families(said) & families:
        result.problems.append(
            Problem(
                "fact-moved",
                f"In the letter the amount is the {', '.join(sorted(said))}; this sentence says it is the "
                f"{', '.join(sorted(named))}.",
            )
        )


_BENEFIT = re.compile(r"\b(benefit|allowance|pension|credit|grant)s?\b", re.IGNORECASE)


def benefit_made_a_bill(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "PIP is money you pay for your extra health costs." for a letter sentence about a benefit: a benefit is paid
    to the reader; the line has the reader pay it."""
    if any(p.kind == "money" for p in result.problems) or not any(_BENEFIT.search(s.text) for s in srcs):
        return
    if any(f.money and f.payer and w.YOU in f.payer for s in srcs for f in s.frames):
        return  # the letter has the reader pay something too
    for f in out.frames:
        tok = out.doc[f.i]
        if f.group != "pay" or not f.agent or w.YOU not in f.agent or tok.dep_ != "relcl":
            continue
        if tok.head.lower_ in ("money", "amount", "payment") and tok.head.dep_ == "attr":
            result.problems.append(
                Problem(
                    "money",
                    f'The letter is about money paid to you ("{quote(srcs[0].text)}"); this sentence says it is money '
                    f'you pay: "{quote(out.text)}".',
                )
            )
            return


_DISCOUNT = re.compile(r"\b(discount\w*|reduction|reduced (charge|amount|rate)|money off)\b", re.IGNORECASE)


def discount_made_a_payment(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "We will give you 50 percent of the charge" for "A 50 percent discount will be given if the charge is paid
    within 14 days": a discount is less to pay, not money paid to the reader."""
    if any(p.kind == "money" for p in result.problems) or _DISCOUNT.search(out.text):
        return
    if not any(_DISCOUNT.search(s.text) for s in srcs):
        return
    if any(f.money and f.payee and w.YOU in f.payee for s in srcs for f in s.frames):
        return
    for f in out.frames:
        if f.group in ("give", "pay") and f.agent and w.WE in f.agent and not f.neg:
            to = (f.recipient or frozenset()) | (f.patient or frozenset())
            if w.YOU in to:
                result.problems.append(
                    Problem(
                        "money",
                        f"The letter gives a discount (less for you to pay); this sentence says we give you money: "
                        f'"{quote(f.text)}".',
                    )
                )
                return


_PAYABLE = re.compile(r"\b(?:payable|made out|made payable|written out)\s+to\s+(?P<to>[^.,;:]+)", re.IGNORECASE)


def payee_changed(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "a cheque made out to you" for "cheques should be made payable to 'London Borough of Hackney'": who the
    cheque is for is reversed."""
    if any(p.kind == "money" for p in result.problems):
        return
    m = _PAYABLE.search(out.text)
    theirs = [x for s in srcs for x in _PAYABLE.finditer(s.text)]
    if not theirs:
        return
    if m is None:
        _payee_made_address(out, theirs, result)
        return
    if re.match(r"\s*(you|yourself)\b", m.group("to"), re.IGNORECASE) and not any(
        re.match(r"\s*(you|yourself)\b", x.group("to"), re.IGNORECASE) for x in theirs
    ):
        result.problems.append(
            Problem(
                "money",
                f"The letter says to make it payable to {theirs[0].group('to').strip()}; this sentence says to you.",
            )
        )


# Handing a thing to someone: "Cheques should be sent to Example Academy" says where to send it.
_HANDED = re.compile(
    r"\b(send|sent|post|posted|give|given|hand|handed|take|taken|bring|brought|return|returned)\b", re.I
)


def _payee_made_address(out: fr.Sentence, theirs: list[re.Match], result: Assessment) -> None:
    """ "Cheques should be sent to Example Academy." for "Cheques should be made payable to Example Academy." (read in
    a full draft of a school trip letter): the name to write on the cheque said as where to send it, so a parent
    posts the cheque to an address the letter never gives. The letter's payee after a verb of handing over."""
    for x in theirs:
        name = re.sub(r"^\W*(the\s+)?|\W*$", "", x.group("to").strip(), flags=re.I)
        at = out.text.find(name) if name else -1
        if at < 0:
            continue
        before = out.text[:at]
        handed = list(_HANDED.finditer(before))
        if handed and re.fullmatch(r"\s+(it\s+|them\s+)?to\s+(the\s+)?", before[handed[-1].end() :], re.I):
            result.problems.append(
                Problem(
                    "money",
                    f"The letter says to make it payable to {name} (the name to write on a cheque); this sentence "
                    f'says where to send it ("{out.text[handed[-1].start() : at + len(name)]}").',
                )
            )
            return

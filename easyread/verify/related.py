"""Words that stand for each other in a rewrite ("arrears" and "rent you owe") and verbs that say the opposite of
each other ("stay" and "remove"): the meaning verifier's small thesaurus of council and NHS letters."""

from __future__ import annotations

from easyread.verify.words import stem, verb_group

# Words a rewrite uses for the letter's words ("arrears" → "rent you owe"): hand-written because no installed
# library has a thesaurus of council and NHS letters. Each side's stems count as said when the other is.
_RELATED = [
    "arrears owe owed owing rent debt behind unpaid pay",
    "overpayment overpaid too much pay back",
    "breach break broken breaking keep",
    "instalment instalments installment installments",
    "terms rules conditions",
    "prepared ready",
    "eviction evict evicting lose home possession",
    "agreement agree agreed plan arrangement deal",
    "admission admitted come coming stay ward hospital",
    "procedure operation test treatment surgery",
    "screening test check",
    "assessment check assess",
    "gp doctor surgery",
    "medication medicine medicines tablets drugs supplies",
    "immediately straight away now soon",
    "query queries question questions ask",
    "confidentiality confidential private secret",
    "delay delayed late wait",
    "financially financial money",
    "struggling struggle hard difficult problems",
    "difficulty difficult hard problem problems",
    "pandemic coronavirus covid",
    "entitled get qualify",
    "dispensed give given",
    "discharge leave home",
    "provide give send",
    "decide choose",
    "detect find",
    "attend come go",
    "ensure make sure check",
    "essential must need important",
    "prior before",
    "commence start begin",
    "proceedings court action legal",
    "legal court law",
    "residents people tenants you",
    "vulnerable need help",
    "advance before first",
    "cancelling cancel",
    "wasted waste lost",
    "receive get",
    "contact call phone talk ring touch email write",
    "support help",
    "information details",
    "inform tell",
    "request ask",
    "income money earn",
    "discuss talk",
    "amount money sum",
    "weekly week",
    "monthly month",
    "currently now",
    "further more",
    "additional more extra",
    "approximately about around",
    "regarding about",
    "purchase buy",
    "reside live",
    "occupy live",
    "property home house flat",
    "dwelling home house",
    "accommodation home housing",
    "symptoms feel ill",
    # A change in circumstances is said "your life has changed" or "your situation has changed".
    "circumstances life situation",
    # Orders, summonses and judgments come from a court: "A Suspended Possession Order" explained as "the court's
    # terms" brings in no new party.
    "order court judgment summons",
]
RELATED: dict[str, set[str]] = {}
for _group in _RELATED:
    _stems = {stem(x) for x in _group.split()}
    for _s in _stems:
        RELATED.setdefault(_s, set()).update(_stems)


# Verbs that say the opposite of each other: "stay on the list" for "be removed from the list" is a lost "not".
_OPPOSITES = [
    ("stay", "remove"),
    ("stay", "leave"),
    ("start", "stop"),
    ("increase", "reduce"),
    ("accept", "refuse"),
    ("accept", "reject"),
    ("allow", "refuse"),
    ("allow", "stop"),
    ("agree", "disagree"),
    ("include", "exclude"),
    ("keep", "lose"),
    ("win", "lose"),
    ("open", "close"),
    ("keep", "stop"),
    ("add", "remove"),
    # "You might be put on a waiting list" for "you may be removed from the waiting list" (stop 25 read).
    ("put", "remove"),
    ("place", "remove"),
    ("approve", "refuse"),
    ("approve", "reject"),
    ("pass", "fail"),
    ("remember", "forget"),
    ("arrive", "leave"),
    ("add", "deduct"),
    ("add", "take"),
    # A charge that increases does not stay the same, fall or decrease.
    ("increase", "stay"),
    ("increase", "decrease"),
    ("increase", "fall"),
]
OPPOSITE: dict[str, set[str]] = {}
for _a, _b in _OPPOSITES:
    _ga, _gb = verb_group(_a), verb_group(_b)
    OPPOSITE.setdefault(_ga, set()).add(_gb)
    OPPOSITE.setdefault(_gb, set()).add(_ga)

"""Who the parties of a letter are, and one place to reach every word list the verifier uses.

"we" and "Westmoor District Council" are the same party. The verb, money and plain-word lists live in
`verbs`, `money_words` and `plain_words`; they are re-exported here because the rules (and rules other
branches add) reach them all as `words.NAME`.
"""

from __future__ import annotations

from easyread.verify.money_words import (
    BACK,
    BACK_TO_YOU,
    FROM_YOU,
    MONEY_FROM,
    MONEY_MAYBE,
    MONEY_TO,
    MONEY_WORDS,
    TO_YOU,
)
from easyread.verify.plain_words import EASY_WORDS, STOP, content_stems, stem
from easyread.verify.verbs import AGENT_FREE, BASES, LIGHT_VERBS, STATE_VERBS, VERB_GROUP, base, verb_group

__all__ = [
    "AGENT_FREE",
    "BACK",
    "BACK_TO_YOU",
    "BASES",
    "EASY_WORDS",
    "FROM_YOU",
    "LIGHT_VERBS",
    "MONEY_FROM",
    "MONEY_MAYBE",
    "MONEY_TO",
    "MONEY_WORDS",
    "STATE_VERBS",
    "STOP",
    "TO_YOU",
    "VERB_GROUP",
    "base",
    "content_stems",
    "stem",
    "verb_group",
    "PARTY_OF",
    "WE",
    "YOU",
    "LANDLORD",
    "COURT",
    "AGENT",
]

WE, YOU, LANDLORD, COURT, AGENT = "we", "you", "your landlord", "the court", "an enforcement agent"

_PARTY_WORDS = {
    WE: {
        "we",
        "us",
        "our",
        "ours",
        "ourselves",
        "i",
        "me",
        "my",
        "council",
        "councils",
        "service",
        "team",
        "department",
        "authority",
        "office",
        "officer",
        "nhs",
        "dwp",
        "centre",
        "unit",
        "staff",
        "worker",
        "manager",
        "surgery",
        "practice",
        "hospital",
        "trust",
        "board",
        "surveyor",
        "ward",
        "clinic",
        "inspector",
        "assessor",
        "caseworker",
        "adviser",
        "advisor",
        "nurse",
        "doctor",
        "gp",
        "social",
        "contractor",
        "engineer",
        "operative",
        "we'll",
        "we're",
    },
    YOU: {"you", "your", "yours", "yourself", "tenant", "claimant", "resident", "applicant", "customer", "patient"},
    LANDLORD: {"landlord", "landlords", "agent's", "letting", "housing association"},
    COURT: {"court", "courts", "tribunal", "judge", "magistrates"},
    AGENT: {"bailiff", "bailiffs", "enforcement"},
}
PARTY_OF = {w: party for party, words in _PARTY_WORDS.items() for w in words}

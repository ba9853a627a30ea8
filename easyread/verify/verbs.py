"""Verbs the meaning verifier compares on: which verbs name the same action, their base forms, and which
verbs carry no action of their own (a fact or an agent on them can move in a faithful rewrite).

Hand-written because no library knows council letters: "tell" and "inform" are the same act, "pay back" and
"recover" the same money moving the other way.
"""

from __future__ import annotations

# Verbs that name the same action, canonical first. A verb not listed is its own group.
_SYNONYMS = [
    # "settle the debt" is paying it (round 7: "pay the debt within 30 days" for "settle the outstanding debt")
    "pay pays paid paying underpay overpay incur settle",
    "repay refund reimburse return",
    "recover reclaim deduct collect claw",
    "charge bill invoice",
    "owe",
    "give award grant provide dispense",
    "receive get obtain",
    "send post issue email",
    "tell inform notify advise explain let",
    # "apply to the court" is said "ask the court"; "claim PIP" is "apply for PIP"
    "ask request invite apply claim",
    "contact phone telephone call ring write speak talk",
    "check review reconsider look assess consider",
    "decide determine",
    "help support assist",
    "stop end cancel cease close suspend withdraw",
    "start begin",
    # "we will introduce an annual charge" is said "add a fee"
    "add introduce",
    # A date rescheduled, rearranged or rebooked is a date changed: "has not changed" is then a lost "not".
    "change alter amend update vary reschedule rearrange rebook",
    "need require",
    "appeal challenge dispute",
    "visit come attend see arrive",
    # "we can't solve the problem" is said "we cannot fix" or "sort out the problem"
    "fix repair mend solve resolve sort",
    "agree accept",
    "move leave",
    "keep continue carry",
    # "A date has been set" is said "scheduled" or "arranged"
    "arrange schedule set",
    "use",
    "live stay",
    "show prove demonstrate",
    "take bring",
    "reduce lower cut",
    "increase raise",
    "include count",
    "make",
    "detect find spot",
    "ensure",
]
IRREGULAR = {
    "paid": "pay",
    "gave": "give",
    "given": "give",
    "got": "get",
    "gotten": "get",
    "sent": "send",
    "told": "tell",
    "took": "take",
    "taken": "take",
    "made": "make",
    "came": "come",
    "went": "go",
    "gone": "go",
    "left": "leave",
    "kept": "keep",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "was": "be",
    "were": "be",
    "is": "be",
    "are": "be",
    "am": "be",
    "been": "be",
    "being": "be",
    "'s": "be",
    "'re": "be",
    "'m": "be",
    "has": "have",
    "had": "have",
    "having": "have",
    "does": "do",
    "did": "do",
    "done": "do",
    "owed": "owe",
    "owes": "owe",
    "owing": "owe",
    "began": "begin",
    "begun": "begin",
    "found": "find",
    "heard": "hear",
    "met": "meet",
    "brought": "bring",
    "bought": "buy",
    "thought": "think",
    "understood": "understand",
    "shown": "show",
    "showed": "show",
    "saw": "see",
    "seen": "see",
    "knew": "know",
    "known": "know",
    "chose": "choose",
    "chosen": "choose",
    "lost": "lose",
    "held": "hold",
    "meant": "mean",
    "ran": "run",
    "said": "say",
    "says": "say",
    "lives": "live",
    "lived": "live",
    "living": "live",
    "moved": "move",
    "moving": "move",
    "received": "receive",
    "receiving": "receive",
    "receives": "receive",
    "charged": "charge",
    "charging": "charge",
    "charges": "charge",
    "changed": "change",
    "changing": "change",
    "changes": "change",
    "decided": "decide",
    "deciding": "decide",
    "decides": "decide",
    "issued": "issue",
    "issuing": "issue",
    "used": "use",
    "using": "use",
    "uses": "use",
    "continued": "continue",
    "continuing": "continue",
    "continues": "continue",
    "reduced": "reduce",
    "reducing": "reduce",
    "reduces": "reduce",
    "increased": "increase",
    "increasing": "increase",
    "increases": "increase",
    "writing": "write",
    "writes": "write",
    "refused": "refuse",
    "closed": "close",
    "closing": "close",
    "agreed": "agree",
    "agreeing": "agree",
    "arranged": "arrange",
    "arranging": "arrange",
    "served": "serve",
    "argued": "argue",
    "required": "require",
    "requires": "require",
    "requiring": "require",
    "provided": "provide",
    "provides": "provide",
    "providing": "provide",
    "ceased": "cease",
    "assessed": "assess",
    "invoiced": "invoice",
    "stopped": "stop",
    "stopping": "stop",
    "fixed": "fix",
    "fixes": "fix",
    "applied": "apply",
    "applies": "apply",
    "carried": "carry",
    "carries": "carry",
    "notified": "notify",
    "notifies": "notify",
    "emailed": "email",
    "phoned": "phone",
    "phoning": "phone",
    "collected": "collect",
    "deducted": "deduct",
    "taking": "take",
    "takes": "take",
    "giving": "give",
    "gives": "give",
    "getting": "get",
    "gets": "get",
    "sending": "send",
    "sends": "send",
    "telling": "tell",
    "tells": "tell",
    "making": "make",
    "makes": "make",
    "coming": "come",
    "comes": "come",
    "doing": "do",
    "going": "go",
    "goes": "go",
    "leaving": "leave",
    "leaves": "leave",
    "paying": "pay",
    "pays": "pay",
    "underpaid": "underpay",
    "overpaid": "overpay",
    "owing's": "owe",
    "needs": "need",
    "needed": "need",
    "needing": "need",
    "asks": "ask",
    "asked": "ask",
    "asking": "ask",
    "lets": "let",
    "letting": "let",
    "repaid": "repay",
}
BASES = set(IRREGULAR.values()) | {
    "become",
    "remain",
    "need",
    "want",
    "include",
    "cover",
    "argue",
    "serve",
}
VERB_GROUP: dict[str, str] = {}
for _line in _SYNONYMS:
    _words = _line.split()
    for _w in _words:
        VERB_GROUP.setdefault(_w, _words[0])


# A "back" particle turns pay / give / take into the groups that return money already paid.
BACK_PARTICLE = {"pay": "repay", "give": "repay", "take": "recover", "claim": "recover", "get": "receive"}

# One event seen from each side: a kit "is sent" to you every two years is a kit you "get" every two years.
# Paying is left out: who pays whom is the money rules' business.
CONVERSE = {"receive": {"send", "give"}, "send": {"receive"}, "give": {"receive"}}

# Verbs whose agent may change in a faithful rewrite ("We need you to ..." for "You need to ...").
AGENT_FREE = {
    "be",
    "have",
    "do",
    "get",
    "mean",
    "happen",
    "let",
    "go",
    "need",
    "want",
    "see",
    "know",
    "use",
    "try",
    "include",
    "cover",
    "start",
    "keep",
    "look",
    "find",
    "say",
    "show",
}
# Verbs that carry no action of their own: a fact attached to them cannot be pinned on an action.
# Verbs that state an amount or a time rather than do something with it: a fact on them can be said with any verb.
STATE_VERBS = {
    "amount",
    "total",
    "increase",
    "rise",
    "reach",
    "owe",
    "cost",
    "stand",
    "come",
    "fall",
    "due",
    "remain",
    "become",
    "be",
    "have",
    "mean",
    "show",
}
LIGHT_VERBS = {
    "be",
    "be able",  # "we are (un)able to provide": the verb it governs carries the meaning (frames._said_with_adjective)
    "become",
    "remain",
    "have",
    "do",
    "get",
    "make",
    "mean",
    "happen",
    "say",
    "show",
    "need",
    "want",
    "let",
    "go",
    "use",
    "see",
    "know",
    "find",
    "keep",
    "look",
    "try",
    "include",
    "cover",
    "start",
    "take",
}


def base(word: str) -> str:
    """A verb's base form, near enough to compare ("paid" → "pay", "recovering" → "recover").

    Verbs we list come back in their listed form; others as a crude stem that is the same for
    every form of the verb ("decide", "decided", "decides" → "decid").
    """
    w = word.lower().replace("’", "'")
    if w in IRREGULAR:
        return IRREGULAR[w]
    if w in VERB_GROUP or w in BASES:
        return w
    for suffix in ("ies", "ied", "ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 2:
            stem = w[: len(w) - len(suffix)]
            if suffix in ("ies", "ied"):
                stem += "y"
            for candidate in (stem, stem + "e", stem[:-1]):
                if candidate in VERB_GROUP or candidate in BASES:
                    return candidate
            return stem.rstrip("e")
    return w.rstrip("e") if len(w) > 3 else w


def verb_group(word: str, particle: str = "") -> str:
    """The action a verb names, the same for synonyms; "pay back" is "repay"."""
    b = base(word)
    group = VERB_GROUP.get(b, b)
    if particle == "back" and b in ("send", "post", "hand", "bring"):
        return VERB_GROUP.get("return", "return")  # "send the forms back" is "return the forms"
    if particle == "back" and (b in BACK_PARTICLE or group in BACK_PARTICLE):
        return BACK_PARTICLE.get(b, BACK_PARTICLE.get(group, group))
    return group


# Verbs of something coming to an end, or starting: "until <date>" is said by the first, "from <date>" by the second.
ENDING = {verb_group(v) for v in ("end", "finish", "expire")}
STARTING = {verb_group(v) for v in ("start", "commence")}

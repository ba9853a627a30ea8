"""Word lists the meaning verifier compares on: who the parties are, which verbs mean the same action,
which verbs move money which way, and the everyday words Easy Read may use without the letter saying them.

Hand-written because no library knows council letters: "we" and "Westmoor District Council" are the same
party, "pay back" and "recover" are the same money moving the other way, and "tell" and "inform" the same act.
"""

from __future__ import annotations

import re

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

# Verbs that name the same action, canonical first. A verb not listed is its own group.
_SYNONYMS = [
    "pay pays paid paying underpay overpay incur",
    "repay refund reimburse return",
    "recover reclaim deduct collect claw",
    "charge bill invoice",
    "owe",
    "give award grant provide dispense",
    "receive get obtain",
    "send post issue email",
    "tell inform notify advise explain let",
    "ask request invite",
    "contact phone call ring write speak talk",
    "check review reconsider look assess consider",
    "decide determine",
    "help support assist",
    "stop end cancel cease close suspend withdraw",
    "start begin",
    "change alter amend update vary",
    "need require",
    "appeal challenge dispute",
    "visit come attend see arrive",
    "fix repair mend",
    "agree accept",
    "apply claim",
    "move leave",
    "keep continue carry",
    "use",
    "live stay",
    "show prove",
    "reduce lower cut",
    "increase raise",
    "make",
    "detect find spot",
    "ensure",
]
_IRREGULAR = {
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
_BASES = set(_IRREGULAR.values()) | {
    "become",
    "remain",
    "need",
    "want",
    "include",
    "cover",
    "arrange",
    "argue",
    "serve",
}
VERB_GROUP: dict[str, str] = {}
for _line in _SYNONYMS:
    _words = _line.split()
    for _w in _words:
        VERB_GROUP.setdefault(_w, _words[0])

# Money verbs: which way the money goes. "to": from the subject to the recipient; "from": from the object
# (or "from X") to the subject.
MONEY_TO = {"pay", "repay", "give", "owe", "send"}
MONEY_FROM = {"recover", "charge", "receive"}
# Groups that return money already paid; a "back" particle turns pay / give / take into them.
BACK = {"repay", "recover", "owe", "charge"}
_BACK_PARTICLE = {"pay": "repay", "give": "repay", "take": "recover", "claim": "recover", "get": "receive"}

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
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w in VERB_GROUP or w in _BASES:
        return w
    for suffix in ("ies", "ied", "ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 2:
            stem = w[: len(w) - len(suffix)]
            if suffix in ("ies", "ied"):
                stem += "y"
            for candidate in (stem, stem + "e", stem[:-1]):
                if candidate in VERB_GROUP or candidate in _BASES:
                    return candidate
            return stem.rstrip("e")
    return w.rstrip("e") if len(w) > 3 else w


def verb_group(word: str, particle: str = "") -> str:
    """The action a verb names, the same for synonyms; "pay back" is "repay"."""
    b = base(word)
    group = VERB_GROUP.get(b, b)
    if particle == "back" and (b in _BACK_PARTICLE or group in _BACK_PARTICLE):
        return _BACK_PARTICLE.get(b, _BACK_PARTICLE.get(group, group))
    return group


# Words Easy Read uses to say things plainly: they need no support in the letter.
EASY_WORDS = frozenset(
    ["letter", "letters", "tell", "told", "help", "need", "needs", "get", "gets", "got", "give", "gives", "pay", "paid", "money", "say", "says", "said", "mean", "means", "meant", "write", "phone", "call", "contact", "ask", "do", "does", "did", "make", "makes", "go", "goes", "have", "has", "had", "be", "is", "are", "was", "were", "know", "thing", "things", "people", "person", "someone", "time", "times", "day", "days", "week", "weeks", "month", "months", "year", "years", "home", "house", "can", "will", "must", "may", "might", "more", "less", "also", "again", "now", "soon", "please", "yes", "no", "next", "important", "check", "look", "send", "find", "use", "read", "keep", "want", "show", "happen", "happens", "change", "sure", "form", "still", "only", "all", "there", "here", "ok", "okay", "this", "that", "these", "those", "it", "its", "they", "them", "their", "what", "which", "who", "when", "where", "why", "how", "if", "then", "so", "because", "but", "and", "or", "not", "very", "much", "many", "some", "any", "other", "each", "every", "way", "ways", "about", "information", "details", "detail", "number", "numbers", "date", "dates", "amount", "amounts", "online", "website", "email", "address", "name", "reference", "same", "new", "old", "first", "last", "start", "end", "stop", "back", "right", "wrong", "too", "able", "let", "lets", "thank", "thanks", "sorry", "hello", "dear", "please", "talk", "speak", "contact", "us", "we", "you", "your", "our", "happen", "happened", "following", "below", "above", "go", "going", "going", "come", "comes", "coming", "take", "takes", "took", "see", "seen", "decide", "decided", "decision", "agree", "work", "works", "working", "part", "parts", "following", "list", "full", "whole", "big", "small", "little", "extra", "easy", "hard", "plain", "simple", "short", "long", "quick", "quickly", "later", "today", "tomorrow", "yesterday", "before", "after", "until", "within", "by", "from", "up", "down", "out", "into", "over", "under", "off", "on", "in", "at", "of", "to", "for", "with", "ask", "asked", "asking", "answer", "question", "questions", "explain", "help", "support", "mean", "meaning", "means", "reason", "reasons"]
)

STOP = frozenset(
    ["a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "you", "your", "we", "our", "us", "they", "them", "their", "he", "she", "his", "her", "i", "me", "my", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "do", "does", "did", "done", "have", "has", "had", "not", "no", "never", "n't", "any", "some", "all", "each", "every", "there", "here", "what", "which", "who", "whom", "when", "where", "how", "so", "than", "then", "also", "only", "just", "about", "into", "out", "up", "down", "over", "more", "less", "very", "please", "'s", "'re", "'ll", "'ve", "'d"]
)

_WORD = re.compile(r"[a-z][a-z'-]*")


def stem(word: str) -> str:
    """A crude stem for comparing content words ("payments" and "payment", "charged" and "charge")."""
    w = word.lower().strip("'-")
    w = _IRREGULAR.get(w, w)
    for suffix in ("ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: len(w) - len(suffix)]
    return w


def content_stems(text: str) -> set[str]:
    """Stems of the words of `text` that are not stopwords."""
    return {stem(w) for w in _WORD.findall(text.lower().replace("’", "'")) if w not in STOP and len(w) > 1}


# Verbs that move money only when their object is money ("give you a refund", not "give you a form").
MONEY_MAYBE = {"give", "send", "receive", "recover"}
MONEY_WORDS = {
    stem(x)
    for x in ["money", "payment", "refund", "benefit", "amount", "cash", "fee", "charge", "cost", "overpayment", "debt", "arrears", "rent", "balance", "fine", "grant", "allowance", "credit", "loan", "compensation", "bill", "invoice", "sum", "pound", "pence", "repayment", "wages", "salary"]
}
# Evidence in a letter that money goes from the council to the reader, or from the reader to the council, when
# no verb says so ("your arrears", "amount payable", "you may incur charges").
TO_YOU = re.compile(
    r"\b(refund|reimburs|benefit|grant|award|compensat|allowance|credit|pay(s|ing)? you|paid (to )?you|"
    r"overpa(id|yment)|paid into your|into your (bank )?account|your payments?\b|"
    r"pay (it|this|them) (in)?to you|give you (money|£)|we (will )?pay)\w*",
    re.IGNORECASE,
)
BACK_TO_YOU = re.compile(
    r"\b(refund|reimburs|repay you|pay you back|paid back to you|return(ed)? to you|credit)\w*", re.IGNORECASE
)
FROM_YOU = re.compile(
    r"\b(arrears|owe|owing|pay|payable|charge|cost|fee|bill|invoice|repay|overpa|balance|rent|debt|"
    r"incur|fine|penalt|due|shortfall|contribut|instal)\w*",
    re.IGNORECASE,
)

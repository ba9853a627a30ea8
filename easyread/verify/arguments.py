"""Who a verb's parties are, read off spaCy's parse: its subject (inherited from the verb it hangs on where
English leaves it out, undone for the passive), its object, who receives and who gives.
"""

from __future__ import annotations

from easyread.verify import words as w

SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")
# Nouns that are never the one who acts: a rewrite often makes them the subject ("It will take 28 days").
_THINGS = {"it", "this", "that", "they", "them", "there", "which", "who", "what"}
ABLE = {"able", "allowed", "entitled", "free", "permitted", "welcome"}


def party_of(tok) -> frozenset | None:
    """Parties a noun phrase names ("you or your landlord" → {you, your landlord}); None for things."""
    found = set()
    for t in [tok] + [c for c in tok.children if c.dep_ == "conj"]:
        word = t.lower_.replace("’", "'")
        party = w.PARTY_OF.get(word)
        if word in ("i", "me", "my") and _reader_asks(t):
            party = w.YOU
        if party is None and t.tag_ in ("NNP", "NNPS"):
            party = next(
                (w.PARTY_OF[c.lower_] for c in t.subtree if c.lower_ in ("council", "service", "nhs", "dwp")), None
            )
        if (
            party is None
            and t.tag_ in ("NN", "NNS")
            and t.lower_ not in _THINGS
            and (t.dep_ == "nsubj" or (t.dep_ == "pobj" and t.head.dep_ == "agent"))
        ):
            party = "the " + w.stem(t.lower_)  # "the surveyor": a party of its own, compared by name
        if party:
            found.add(party)
    return frozenset(found) or None


def _reader_asks(tok) -> bool:
    """ "What will happen if I pay late?": a letter's question heading with "I" and no "you" is the reader's own
    question, so its "I" is the reader ("Can I help you?" is the writer's)."""
    sent = tok.sent
    return sent.text.rstrip().endswith("?") and not any(
        t.lower_.replace("’", "'") in ("you", "your", "yours", "we", "us", "our") for t in sent
    )


def owner_of(tok) -> frozenset | None:
    """Whose thing it is: "your benefit" → {you}."""
    direct = party_of(tok)
    if direct:
        return direct
    poss = [c for c in tok.children if c.dep_ == "poss"]
    return party_of(poss[0]) if poss else None


def subject_of(tok, seen=0) -> tuple[frozenset | None, bool, object]:
    """(agent parties, passive, subject token) for a verb, inheriting from its head where English leaves it out."""
    if seen > 4:
        return None, False, None
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subj:
        s = subj[0]
        if s.dep_ == "nsubjpass":
            return agent_of_passive(tok), True, s
        if s.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
            return party_of(tok.head), False, tok.head
        return party_of(s), False, s
    if any(c.dep_ == "auxpass" for c in tok.children):
        return agent_of_passive(tok), True, None
    clause = misplaced_means(tok)
    if clause is not None:
        return subject_of(clause.head, seen + 1)  # "We can help you if ... by telling you": we tell
    head = tok.head
    if head.i == tok.i:
        return (frozenset({w.YOU}) if tok.tag_ in ("VB", "NN") else None), False, None
    if tok.dep_ == "xcomp":
        obj = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        if obj and w.base(head.text) in (
            "ask",
            "tell",
            "want",
            "need",
            "require",
            "expect",
            "allow",
            "help",
            "let",
            "invite",
            "encourage",
            "remind",
            "urge",
            "advise",
        ):
            return party_of(obj[0]), False, obj[0]
        if head.lower_ in ABLE:
            return subject_of(head.head, seen + 1)
        if tok.tag_ == "VBG" and w.base(head.text) in _ADVISES:
            return frozenset({w.YOU}), False, None  # "We suggest using public transport": the reader uses it
        agent, passive, subj = subject_of(head, seen + 1)
        if passive and subj is not None:
            # "You are asked to pay", "you will be notified how to pay": the one the passive is done to acts
            return party_of(subj), False, subj
        return agent, passive, subj
    if order_after_if_root(tok):
        return frozenset({w.YOU}), False, None
    if tok.dep_ == "conj":
        return subject_of(head, seen + 1)
    if tok.dep_ == "relcl":
        return None, False, None
    if tok.dep_ == "acl" and head.lower_ in RIGHT_NOUNS and head.dep_ == "dobj" and w.base(head.head.text) in _HOLDS:
        return subject_of(head.head, seen + 1)  # "you will lose the right to pay": you pay
    if tok.dep_ in ("advcl", "pcomp") and tok.tag_ == "VBG":
        return subject_of(head if tok.dep_ == "advcl" else head.head, seen + 1)
    return None, False, None


# Verbs of advice: the one advised does what follows ("we recommend using ...").
_ADVISES = {w.base(v) for v in ("suggest", "recommend", "advise", "propose")}
# A right or a chance to do something ("the right to appeal"), and the verbs whose subject holds it.
RIGHT_NOUNS = {"right", "option", "ability", "chance", "entitlement"}
_HOLDS = {w.base(v) for v in ("have", "lose", "keep", "get", "retain")}

_IF_MARKS = {"if", "unless", "once", "when"}


def if_root(tok) -> bool:
    """The parse made a condition's verb the sentence's root ("If you have been given ... , contact the Helpline":
    "given" is the root, with the "if" as its mark, and the order a conj of it)."""
    return tok.dep_ == "ROOT" and any(c.dep_ == "mark" and c.lower_ in _IF_MARKS for c in tok.children)


def order_after_if_root(tok) -> bool:
    """The order of an "If ..., do this" sentence that the parse hangs on the condition's verb as a conj: it is
    the reader's order, not a second part of the condition (nor passive because the condition's verb is)."""
    return (
        tok.dep_ == "conj"
        and tok.tag_ == "VB"
        and tok.head.i < tok.i
        and if_root(tok.head)
        and not any(c.dep_ in SUBJ + ("aux", "auxpass") for c in tok.children)
    )


def stray_gerund(tok):
    """ "we recommend registering with a GP if you are not already and checking your address": the parse joins
    "checking" to the condition's "are" though it goes with "registering"; the -ing verb before it it belongs with,
    or None."""
    if tok.dep_ != "conj" or tok.tag_ != "VBG" or tok.head.tag_ not in ("VBP", "VBZ", "VBD"):
        return None
    before = [
        t for t in tok.doc[: tok.head.i] if t.tag_ == "VBG" and t.dep_ in ("xcomp", "pcomp", "ccomp", "conj", "ROOT")
    ]
    return before[-1] if before else None


def elliptical(tok) -> bool:
    """ "if you are not already", "if you have not done so": a condition whose verb has no complement of its own; it
    stands for the verb just before it, and governs only that."""
    kept = {"nsubj", "mark", "neg", "advmod", "cc", "conj", "punct", "aux"}
    return w.base(tok.text) in ("be", "have", "do") and all(c.dep_ in kept for c in tok.children)


def misplaced_means(tok):
    """The "if" clause verb that the parse hangs a main clause's "by -ing" phrase on, for a verb of that phrase.

    "We can help you if you are struggling financially by telling you about benefits, referring you ... or making
    an agreement": telling and referring act on "you", the condition's own subject, so they say how we help, not
    what the reader does. None for any other verb ("If you cut your debt by paying more, ...")."""
    node = tok
    while node.dep_ == "conj" and node.head.tag_ == "VBG":
        node = node.head
    if node.tag_ != "VBG":
        return None
    if node.dep_ == "pcomp" and node.head.lower_ == "by":
        clause = node.head.head
    elif node.dep_ == "advcl":
        clause = node.head
        if not any(c.dep_ == "prep" and c.lower_ == "by" and c.i < node.i for c in clause.children):
            return None
    else:
        return None
    marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
    if clause.dep_ != "advcl" or not marks or marks[0] not in ("if", "unless") or clause.head.i == clause.i:
        return None
    subject = {c.lower_ for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")}
    return clause if any(c.dep_ == "dobj" and c.lower_ in subject for c in node.children) else None


def agent_of_passive(tok) -> frozenset | None:
    """Who does a passive verb: its "by" phrase, or us when the letter says you were paid or told."""
    for c in tok.children:
        if c.dep_ == "agent":
            pobj = [p for p in c.children if p.dep_ == "pobj"]
            return party_of(pobj[0]) if pobj else None
    subj = [c for c in tok.children if c.dep_ == "nsubjpass"]
    # "You have been paid too much": in a council letter it is the council that paid.
    if (
        subj
        and party_of(subj[0]) == frozenset({w.YOU})
        and w.verb_group(tok.text) in w.MONEY_TO | {"give", "send", "tell", "ask"}
    ):
        return frozenset({w.WE})
    return None


def objects_of(tok) -> tuple[frozenset | None, frozenset | None, frozenset | None, set]:
    """(patient, recipient, from-party, object words) of a verb."""
    patient = recipient = source = None
    words: set[str] = set()
    for c in tok.children:
        if c.dep_ in ("dobj", "attr", "oprd"):
            patient = patient or party_of(c)
            words |= w.content_stems(" ".join(t.text for t in c.subtree))
        elif c.dep_ == "dative" and c.lower_ == "to":
            pobj = [p for p in c.children if p.dep_ == "pobj"]  # "write to you", parsed as a dative
            recipient = recipient or (party_of(pobj[0]) if pobj else None)
        elif c.dep_ == "dative":
            recipient = party_of(c) or recipient  # "send you a bill for them": "for them" is not who gets it
        elif c.dep_ == "nsubjpass":
            patient = party_of(c)
            words |= w.content_stems(" ".join(t.text for t in c.subtree))
        elif c.dep_ == "prep" and c.lower_ in ("to", "from", "for", "into"):
            pobj = [p for p in c.children if p.dep_ == "pobj"]
            if pobj:
                if c.lower_ == "to":
                    recipient = recipient or party_of(pobj[0])
                elif c.lower_ == "into":
                    recipient = recipient or owner_of(pobj[0])  # "into your bank account": to you
                elif c.lower_ == "from":
                    source = owner_of(pobj[0])
    return patient, recipient, source, words

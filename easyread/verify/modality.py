"""How a verb is held, read off spaCy's parse: must, should, can, may, might, will or plain, and whether it is
denied ("not", "no further action", "fail to pay", "without"), including what it inherits from the verb above it
("You must pay X and pay Y", "You cannot continue to get DLA", "It is important that you attend").
"""

from __future__ import annotations

from easyread.verify import words as w
from easyread.verify.arguments import ABLE, RIGHT_NOUNS, SUBJ, order_after_if_root, stray_gerund, subject_of

OBLIG, POSSIB, MAY, HEDGE, FUTURE, PLAIN, IMP, NOOBLIG = (
    "must",
    "can",
    "may",
    "might",
    "will",
    "plain",
    "imperative",
    "need-not",
)
SHOULD = "should"
_HAVE_TO = {"have", "need", "require", "got", "ought"}
_NEGATING = {"fail", "avoid", "prevent", "refus", "refuse", "stop"}  # "fail to pay" is "not pay"
_REQUEST = {"ask", "request", "require", "expect"}


def modal_of(tok) -> tuple[str, bool]:
    """(stance, denied) from the verb's own modal auxiliary and negation, nothing inherited."""
    auxes = [c.lower_.replace("’", "'") for c in tok.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD"]
    neg = (
        (tok.dep_ == "pcomp" and tok.head.lower_ == "without")
        or any((c.dep_ == "neg" and not _whether_or_not(c)) or c.lower_ == "never" for c in tok.children)
        or any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in tok.children)
        or _denied_argument(tok)
    )
    modal = PLAIN
    for a in auxes:
        if a in ("must", "shall"):
            modal = OBLIG
        elif a in ("should", "ought"):
            modal = SHOULD
        elif a in ("can", "ca"):
            modal = POSSIB
        elif a == "may":
            modal = MAY
        elif a in ("might", "could"):
            modal = HEDGE
        elif a in ("will", "'ll", "wo", "would") and modal == PLAIN:
            modal = FUTURE
    return modal, neg


def _whether_or_not(neg) -> bool:
    """The "not" of "whether or not you are registered": both ways, so it denies nothing."""
    doc = neg.doc
    return neg.i >= 2 and doc[neg.i - 1].lower_ == "or" and doc[neg.i - 2].lower_ == "whether"


_NOBODY = {"nothing", "nobody", "none", "noone", "no-one"}


def _denied_argument(tok) -> bool:
    """ "No further action will be taken", "we will take no action", "There is no right to appeal", "Nothing will
    change": English denies a clause through the determiner "no" (or "nothing") on its subject or object as often as
    through "not"; a rewrite moves the denial between them, so both count as denying the verb."""
    for c in tok.children:
        if c.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr"):
            continue
        after = c.doc[c.right_edge.i + 1] if c.right_edge.i + 1 < len(c.doc) else None
        if any(d.lower_ == "but" for d in c.subtree) or (after is not None and after.lower_ == "but"):
            continue  # "we will have no option but to take action": an obligation, not a denial
        if c.lower_ in _NOBODY or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children):
            return True
    return False


_WHEN = {"before", "after", "until", "till", "since", "while", "when", "once"}


def _negated_by_ancestor(tok) -> bool:
    """ "to avoid further action being taken", "Failure to attend": the verb is denied by a word above it."""
    if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
        # "Failure to attend without cancelling": the failure denies attending; "without" alone denies cancelling.
        return False
    if tok.dep_ == "pcomp" and tok.head.lower_ in _WHEN:
        # "Do not stop this before contacting the nurse": a time clause, not what "stop" stops; contacting is asked.
        return False
    node = tok
    for _ in range(3):
        if node.head.i == node.i or node.dep_ in ("advcl", "relcl", "parataxis"):
            return False  # "If you do not contact us, your DLA will stop": "stop" does not deny the "if"
        node = node.head
        if (
            node.dep_ in ("advcl", "ROOT", "ccomp", "conj")
            and node.tag_.startswith("VB")
            and w.base(node.text) not in _NEGATING
        ):
            return False
        if w.base(node.text) in _NEGATING or node.lower_ in ("failure", "without"):
            return node.i != tok.head.i or tok.dep_ != "xcomp"  # an xcomp is handled with its head
    return False


_FOUND = {w.base(v) for v in ("find", "notice", "discover", "see")}  # "you may find that ...": a chance, not a fact
_ASPECT = {"continue", "keep", "carry", "go"}  # "cannot continue to get": the stance is the head's
_NEEDED = {"important", "essential", "vital", "necessary", "crucial", "compulsory", "mandatory"}


_TAKEN_AWAY = {w.base(v) for v in ("lose", "remove", "withdraw")}


def _right_lost(tok) -> bool:
    """ "lose the right to pay": the verb after a right the sentence takes away."""
    noun = tok.head
    return (
        tok.dep_ == "acl"
        and noun.lower_ in RIGHT_NOUNS
        and noun.dep_ == "dobj"
        and w.base(noun.head.text) in _TAKEN_AWAY
    )


def frame_modal(tok) -> tuple[str, bool]:
    """(stance, denied) of a verb, with what it inherits from the verb or adjective it hangs on."""
    modal, neg = modal_of(tok)
    if order_after_if_root(tok) and modal == PLAIN:
        return IMP, neg  # "If you have been given ..., contact the Helpline": the condition's "not" is not its own
    if _right_lost(tok):
        return POSSIB, not neg  # "you will lose the right to pay by instalments": you will not be able to
    if tok.dep_ == "conj" and modal == PLAIN and not any(c.dep_ in SUBJ + ("aux", "auxpass") for c in tok.children):
        head_modal, head_neg = frame_modal(tok.head)  # "You must pay X and pay Y": the "must" holds for both
        if head_modal not in (PLAIN, IMP):
            modal = head_modal
        # "If you do not pay or contact us": the "not" holds for both verbs too
        inherited = head_neg and tok.head.tag_.startswith("VB") and stray_gerund(tok) is None
        neg = neg or inherited
    else:
        inherited = False
    if (
        modal == PLAIN
        and tok.dep_ == "pcomp"
        and tok.head.lower_ in ("in", "to")
        and w.base(tok.head.head.text) in ("result", "lead")
    ):
        # "Failure to pay will result in legal action being taken": the action is as certain as the result
        head_modal, _ = modal_of(tok.head.head)
        modal = head_modal
    if modal == PLAIN and tok.dep_ in ("ccomp", "xcomp") and tok.head.i != tok.i and _needed(tok.head):
        return OBLIG, neg  # "It is important that you attend", "It is essential to bring": an order
    if modal == PLAIN and tok.dep_ == "ccomp" and w.base(tok.head.text) in _FOUND:
        found = modal_of(tok.head)[0]
        if found in (MAY, HEDGE):
            modal = found  # "you may find that you have to wait longer": you might have to wait
    if _negated_by_ancestor(tok) and not inherited:
        neg = not neg
    if (
        tok.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and not any(c.dep_ in SUBJ for c in tok.children)
        and modal_of(tok.head)[1]
    ):
        neg = True  # "If you do not contact us to claim PIP": then you do not claim it
    if any(c.dep_ == "mark" and c.lower_ == "whether" for c in tok.children) and modal == PLAIN:
        modal = MAY  # "decide whether to take part": a choice
    head = tok.head
    if _requested(tok, modal):
        return OBLIG, neg
    if _advised(tok, modal):
        return SHOULD, neg
    if tok.dep_ == "xcomp" and head.i != tok.i:
        hb = w.base(head.text)
        if hb in _HAVE_TO or (hb == "require" and head.tag_ == "VBN"):
            hm, hneg = frame_modal(head)
            if hneg:
                return NOOBLIG, neg
            return (OBLIG if hm not in (MAY, HEDGE) else hm), neg
        if head.lower_ in ABLE:
            be = head.head
            hm, hneg = modal_of(be)
            if hm == OBLIG and not hneg:
                return OBLIG, neg  # "You must be able to show": you must show
            return (hm if hm in (MAY, HEDGE) else POSSIB), (neg or hneg)
        if head.lower_ in ("unable", "not able"):
            return POSSIB, not neg
        if hb in _ASPECT and modal == PLAIN:
            hm, hneg = frame_modal(head)
            return hm, neg != hneg  # "You cannot continue to get DLA": you cannot get it
        if hb == "choose" and modal == PLAIN:
            hm, hneg = modal_of(head)
            if hneg:
                return POSSIB, not neg  # "you cannot choose to stay": you cannot stay
            return MAY, neg  # "you can choose to go": a choice
        if hb in _NEGATING:
            hm, hneg = modal_of(head)
            return (hm if modal == PLAIN else modal), not (neg or hneg)
    if (
        modal == PLAIN
        and not neg
        and tok.dep_ == "ROOT"
        and tok.tag_ in ("VB", "NN")
        and not any(c.dep_ in SUBJ for c in tok.children)
        and not tok.doc.text.rstrip().endswith("?")
    ):
        return IMP, neg
    if modal == PLAIN and tok.dep_ == "ROOT" and tok.tag_ == "VB" and not any(c.dep_ in SUBJ for c in tok.children):
        if any(c.lower_ in ("do", "don't") for c in tok.children if c.dep_ == "aux") and neg:
            return IMP, neg
    return modal, neg


def _needed(head) -> bool:
    if head.lower_ in _NEEDED:
        return True
    return w.base(head.text) == "be" and any(c.dep_ == "acomp" and c.lower_ in _NEEDED for c in head.children)


def also_said(tok) -> tuple[str, ...]:
    """Stances besides its own that a rewrite may give a letter's verb.

    "It is important that you keep active" is an order a rewrite may also say as advice ("You should keep active"),
    where "essential", "necessary" or "must" may not be; "emergencies may mean that your admission has to be
    rebooked" is an order that only may come ("emergencies might require rebooking"); "what might happen" in a
    question the letter offers to answer asks what "what will happen" asks."""
    head = tok.head
    if head.i == tok.i:
        return ()
    if tok.dep_ in ("ccomp", "xcomp") and (
        head.lower_ == "important" or any(c.dep_ == "acomp" and c.lower_ == "important" for c in head.children)
    ):
        return ("should",)
    if tok.dep_ in ("pcomp", "ccomp", "pobj") and any(c.dep_ == "nsubj" and c.tag_ == "WP" for c in tok.children):
        # "advice on what might happen if you are evicted": a question asked, not a forecast; "what will happen"
        # asks the same question
        return ("will", "might", "may", "can", "plain")
    if tok.dep_ == "xcomp" and w.base(head.text) in _HAVE_TO and head.dep_ == "ccomp" and head.head.i != head.i:
        if w.base(head.head.text) == "mean" and modal_of(head.head)[0] in (MAY, HEDGE):
            return ("may", "might", "can")
    return ()


_ADVISED = {w.base(v) for v in ("encourage", "advise", "recommend", "urge")}


def _advised(tok, modal: str) -> bool:
    """ "Parents are strongly encouraged to register": advice to the reader, which "should register" says."""
    head = tok.head
    if modal != PLAIN or tok.dep_ != "xcomp" or head.i == tok.i or w.base(head.text) not in _ADVISED:
        return False
    return head.tag_ == "VBN" or head.dep_ == "acomp"  # "you are advised to", "are strongly encouraged to"


def _requested(tok, modal: str) -> bool:
    """ "We ask that you attend", "I ask you to call", "You are asked to bring": the letter's request is an order."""
    head = tok.head
    if modal != PLAIN or tok.dep_ not in ("ccomp", "xcomp") or head.i == tok.i:
        return False
    if w.base(head.text) not in _REQUEST:
        return False
    head_modal, head_neg = modal_of(head)
    if head_neg or head_modal not in (PLAIN, FUTURE):
        return False  # "we may ask you to", "you can ask us to": not an order to you
    agent, passive, _ = subject_of(head)
    return passive or bool(agent and w.WE in agent)

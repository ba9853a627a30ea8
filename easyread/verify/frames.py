"""Who does what to whom: one frame per verb of a sentence, read off spaCy's dependency parse.

A frame holds the action (verbs that mean the same share a group), who does it and to whom (as parties:
we, you, your landlord, the court...), whether it must, may or will happen, whether it is denied, the
condition it sits in ("if you need to ..."), and for money verbs who pays whom. Passive voice is undone
("you were paid" is paid by us), so Easy Read's usual change from passive to active compares equal.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from easyread.checks.facts import extract_facts
from easyread.checks.nlp import parse_many
from easyread.verify import words as w

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
_COND_MARKS = {"if", "unless", "provided", "providing", "once", "whenever", "when"}
_FACT_KINDS = {"money", "date", "duration", "time"}
_SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")
_HAVE_TO = {"have", "need", "require", "got", "ought"}
# Nouns that are never the one who acts: a rewrite often makes them the subject ("It will take 28 days").
_THINGS = {"it", "this", "that", "they", "them", "there", "which", "who", "what"}
_NEGATING = {"fail", "avoid", "prevent", "refus", "refuse", "stop"}  # "fail to pay" is "not pay"
_HAS_RIGHT = {"entitled", "eligible"}
_REQUEST = {"ask", "request", "require", "expect"}
_ABLE = {"able", "allowed", "entitled", "free", "permitted", "welcome"}


@dataclass
class Frame:
    """One verb of a sentence and what the parse says about it."""

    i: int
    verb: str
    group: str
    agent: frozenset | None = None  # parties doing it; None when the sentence does not say
    weak: bool = False  # the agent is guessed from a clause the verb hangs on ("by telling you"): often misparsed
    patient: frozenset | None = None  # parties it is done to (direct object or passive subject)
    recipient: frozenset | None = None  # "to X", or the "you" of "send you"
    objects: set = field(default_factory=set)  # content stems of its object
    passive: bool = False
    modal: str = PLAIN
    neg: bool = False
    cond: str | None = None  # the "if"/"unless"/"when" the frame sits under, as a condition
    conditions: list[str] = field(default_factory=list)  # texts of the conditions it depends on
    question: bool = False
    past: bool = False  # "you have not paid": a fact about the past, not a must or a may
    purpose: bool = False  # inside "so that ...", "in order that ...": a "can" there is not a permission
    payer: frozenset | None = None
    payee: frozenset | None = None
    money: str | None = None  # "first" (pay, give) or "back" (repay, recover)
    facts: list[tuple[str, str]] = field(default_factory=list)  # (kind, value) attached to it
    text: str = ""  # the clause's words, for messages


@dataclass
class Sentence:
    text: str
    doc: object
    frames: list[Frame]

    @property
    def question(self) -> bool:
        return self.text.rstrip().endswith("?")


def _party(tok) -> frozenset | None:
    """Parties a noun phrase names ("you or your landlord" → {you, your landlord}); None for things."""
    found = set()
    for t in [tok] + [c for c in tok.children if c.dep_ == "conj"]:
        word = t.lower_.replace("’", "'")
        party = w.PARTY_OF.get(word)
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


def _owner(tok) -> frozenset | None:
    """Whose thing it is: "your benefit" → {you}."""
    direct = _party(tok)
    if direct:
        return direct
    poss = [c for c in tok.children if c.dep_ == "poss"]
    return _party(poss[0]) if poss else None


def is_predicate(tok) -> bool:
    if tok.dep_ in ("aux", "auxpass", "amod", "compound"):
        return False
    if tok.tag_.startswith("VB") and tok.tag_ != "MD":
        return True
    # "Phone us on ..." is parsed with "Phone" as a noun at the root.
    return (
        tok.dep_ == "ROOT"
        and tok.i == tok.sent.start
        and tok.tag_.startswith("NN")
        and tok.lower_ in w.VERB_GROUP
        and any(c.dep_ in ("dobj", "prep") for c in tok.children)
    )


def _modal_of(tok) -> tuple[str, bool]:
    auxes = [c.lower_.replace("’", "'") for c in tok.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD"]
    neg = (
        (tok.dep_ == "pcomp" and tok.head.lower_ == "without")
        or any(c.dep_ == "neg" or c.lower_ == "never" for c in tok.children)
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


def _negated_by_ancestor(tok) -> bool:
    """ "to avoid further action being taken", "Failure to attend": the verb is denied by a word above it."""
    if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
        # "Failure to attend without cancelling": the failure denies attending; "without" alone denies cancelling.
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


_ASPECT = {"continue", "keep", "carry", "go"}  # "cannot continue to get": the stance is the head's
_NEEDED = {"important", "essential", "vital", "necessary", "crucial", "compulsory", "mandatory"}


def _frame_modal(tok) -> tuple[str, bool]:
    modal, neg = _modal_of(tok)
    if tok.dep_ == "conj" and modal == PLAIN and not any(c.dep_ in _SUBJ + ("aux", "auxpass") for c in tok.children):
        head_modal, head_neg = _frame_modal(tok.head)  # "You must pay X and pay Y": the "must" holds for both
        if head_modal not in (PLAIN, IMP):
            modal = head_modal
        # "If you do not pay or contact us": the "not" holds for both verbs too
        inherited = head_neg and tok.head.tag_.startswith("VB")
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
        head_modal, _ = _modal_of(tok.head.head)
        modal = head_modal
    if modal == PLAIN and tok.dep_ in ("ccomp", "xcomp") and tok.head.i != tok.i and _needed(tok.head):
        return OBLIG, neg  # "It is important that you attend", "It is essential to bring": an order
    if _negated_by_ancestor(tok) and not inherited:
        neg = not neg
    if (
        tok.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and not any(c.dep_ in _SUBJ for c in tok.children)
        and _modal_of(tok.head)[1]
    ):
        neg = True  # "If you do not contact us to claim PIP": then you do not claim it
    if any(c.dep_ == "mark" and c.lower_ == "whether" for c in tok.children) and modal == PLAIN:
        modal = MAY  # "decide whether to take part": a choice
    head = tok.head
    if _requested(tok, modal):
        return OBLIG, neg
    if tok.dep_ == "xcomp" and head.i != tok.i:
        hb = w.base(head.text)
        if hb in _HAVE_TO or (hb == "require" and head.tag_ == "VBN"):
            hm, hneg = _frame_modal(head)
            if hneg:
                return NOOBLIG, neg
            return (OBLIG if hm not in (MAY, HEDGE) else hm), neg
        if head.lower_ in _ABLE:
            be = head.head
            hm, hneg = _modal_of(be)
            if hm == OBLIG and not hneg:
                return OBLIG, neg  # "You must be able to show": you must show
            return (hm if hm in (MAY, HEDGE) else POSSIB), (neg or hneg)
        if head.lower_ in ("unable", "not able"):
            return POSSIB, not neg
        if hb in _ASPECT and modal == PLAIN:
            hm, hneg = _frame_modal(head)
            return hm, neg != hneg  # "You cannot continue to get DLA": you cannot get it
        if hb == "choose" and modal == PLAIN:
            hm, hneg = _modal_of(head)
            if hneg:
                return POSSIB, not neg  # "you cannot choose to stay": you cannot stay
            return MAY, neg  # "you can choose to go": a choice
        if hb in _NEGATING:
            hm, hneg = _modal_of(head)
            return (hm if modal == PLAIN else modal), not (neg or hneg)
    if (
        modal == PLAIN
        and not neg
        and tok.dep_ == "ROOT"
        and tok.tag_ in ("VB", "NN")
        and not any(c.dep_ in _SUBJ for c in tok.children)
        and not tok.doc.text.rstrip().endswith("?")
    ):
        return IMP, neg
    if modal == PLAIN and tok.dep_ == "ROOT" and tok.tag_ == "VB" and not any(c.dep_ in _SUBJ for c in tok.children):
        if any(c.lower_ in ("do", "don't") for c in tok.children if c.dep_ == "aux") and neg:
            return IMP, neg
    return modal, neg


def _needed(head) -> bool:
    if head.lower_ in _NEEDED:
        return True
    return w.base(head.text) == "be" and any(c.dep_ == "acomp" and c.lower_ in _NEEDED for c in head.children)


def _requested(tok, modal: str) -> bool:
    """ "We ask that you attend", "I ask you to call", "You are asked to bring": the letter's request is an order."""
    head = tok.head
    if modal != PLAIN or tok.dep_ not in ("ccomp", "xcomp") or head.i == tok.i:
        return False
    if w.base(head.text) not in _REQUEST:
        return False
    head_modal, head_neg = _modal_of(head)
    if head_neg or head_modal not in (PLAIN, FUTURE):
        return False  # "we may ask you to", "you can ask us to": not an order to you
    agent, passive, _ = _subject(head)
    return passive or bool(agent and w.WE in agent)


def _subject(tok, seen=0) -> tuple[frozenset | None, bool, object]:
    """(agent parties, passive, subject token) for a verb, inheriting from its head where English leaves it out."""
    if seen > 4:
        return None, False, None
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subj:
        s = subj[0]
        if s.dep_ == "nsubjpass":
            return _agent_of_passive(tok), True, s
        if s.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
            return _party(tok.head), False, tok.head
        return _party(s), False, s
    if any(c.dep_ == "auxpass" for c in tok.children):
        return _agent_of_passive(tok), True, None
    head = tok.head
    if head.i == tok.i:
        return (frozenset({w.YOU}) if tok.tag_ in ("VB", "NN") else None), False, None
    if tok.dep_ == "xcomp":
        obj = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        if obj and w.base(head.text) in ("ask", "tell", "want", "need", "require", "expect", "allow", "help", "let"):
            return _party(obj[0]), False, obj[0]
        if head.lower_ in _ABLE:
            return _subject(head.head, seen + 1)
        agent, passive, subj = _subject(head, seen + 1)
        if passive and subj is not None:
            # "You are asked to pay", "you will be notified how to pay": the one the passive is done to acts
            return _party(subj), False, subj
        return agent, passive, subj
    if tok.dep_ == "conj":
        return _subject(head, seen + 1)
    if tok.dep_ == "relcl":
        return None, False, None
    if tok.dep_ in ("advcl", "pcomp") and tok.tag_ == "VBG":
        return _subject(head if tok.dep_ == "advcl" else head.head, seen + 1)
    return None, False, None


def _agent_of_passive(tok) -> frozenset | None:
    for c in tok.children:
        if c.dep_ == "agent":
            pobj = [p for p in c.children if p.dep_ == "pobj"]
            return _party(pobj[0]) if pobj else None
    subj = [c for c in tok.children if c.dep_ == "nsubjpass"]
    # "You have been paid too much": in a council letter it is the council that paid.
    if (
        subj
        and _party(subj[0]) == frozenset({w.YOU})
        and w.verb_group(tok.text) in w.MONEY_TO | {"give", "send", "tell", "ask"}
    ):
        return frozenset({w.WE})
    return None


def _objects(tok) -> tuple[frozenset | None, frozenset | None, frozenset | None, set]:
    """(patient, recipient, from-party, object words) of a verb."""
    patient = recipient = source = None
    words: set[str] = set()
    for c in tok.children:
        if c.dep_ in ("dobj", "attr", "oprd"):
            patient = patient or _party(c)
            words |= w.content_stems(" ".join(t.text for t in c.subtree))
        elif c.dep_ == "dative" and c.lower_ == "to":
            pobj = [p for p in c.children if p.dep_ == "pobj"]  # "write to you", parsed as a dative
            recipient = recipient or (_party(pobj[0]) if pobj else None)
        elif c.dep_ == "dative":
            recipient = _party(c) or recipient  # "send you a bill for them": "for them" is not who gets it
        elif c.dep_ == "nsubjpass":
            patient = _party(c)
            words |= w.content_stems(" ".join(t.text for t in c.subtree))
        elif c.dep_ == "prep" and c.lower_ in ("to", "from", "for", "into"):
            pobj = [p for p in c.children if p.dep_ == "pobj"]
            if pobj:
                if c.lower_ == "to":
                    recipient = recipient or _party(pobj[0])
                elif c.lower_ == "into":
                    recipient = recipient or _owner(pobj[0])  # "into your bank account": to you
                elif c.lower_ == "from":
                    source = _owner(pobj[0])
    return patient, recipient, source, words


_ASKS_FOR_MONEY = {w.stem(x) for x in ("bill", "invoice", "demand")}
_PAPER = {
    w.stem(x)
    for x in ("letter", "reminder", "notice", "statement", "form", "copy", "summons", "leaflet", "text", "email")
}


def _money(frame: Frame, tok, source_party) -> None:
    g = frame.group
    if g not in w.MONEY_TO and g not in w.MONEY_FROM:
        return
    things = {w.stem(c.lower_) for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ not in w.PARTY_OF}
    if g in w.MONEY_MAYBE and things & _PAPER and not things & _ASKS_FOR_MONEY:
        return  # "we sent you two reminder letters asking for payment": paper, not money
    if g in w.MONEY_MAYBE and not (frame.objects & w.MONEY_WORDS or frame.facts):
        return  # "send you a kit", "get help": not money
    frame.money = "back" if g in w.BACK else "first"
    if g in w.MONEY_TO:
        if frame.passive:
            payee = frame.recipient or frame.patient
            frame.payer, frame.payee = frame.agent, payee
        else:
            frame.payer = frame.agent
            frame.payee = frame.recipient or frame.patient
        if g in w.MONEY_MAYBE and things & _ASKS_FOR_MONEY:
            # "We will send you a bill": a bill asks for money, so it goes from the one who gets the bill
            frame.payer, frame.payee = frame.payee, frame.payer
    else:
        if frame.passive:
            frame.payer, frame.payee = frame.patient or source_party, frame.agent
        else:
            frame.payee = frame.agent
            frame.payer = frame.patient or source_party


def _condition_of(tok) -> tuple[str | None, list[str]]:
    """(mark of the condition clause the verb sits in, texts of the conditions that govern it)."""
    cond = None
    governing: list[str] = []
    node = tok
    for _ in range(12):
        marks = [c.lower_ for c in node.children if c.dep_ == "mark"]
        if node.dep_ == "advcl" and marks and marks[0] in _COND_MARKS and cond is None:
            cond = marks[0]
        for c in node.children:
            if c.dep_ in ("nsubj", "csubj") and c.lower_ in ("failure", "failing") and c.i != tok.i:
                governing.append(" ".join(t.text for t in c.subtree))  # "Failure to attend ... will result in"
            if c.dep_ == "advcl" and c.i != tok.i:
                cm = [m.lower_ for m in c.children if m.dep_ == "mark"]
                if cm and cm[0] in ("if", "unless", "provided", "providing"):
                    governing.append(" ".join(t.text for t in c.subtree))
        if node.head.i == node.i:
            break
        node = node.head
    return cond, list(dict.fromkeys(governing))


def _in_purpose(tok) -> bool:
    node = tok
    for _ in range(6):
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        if marks & {"so", "that"} and (
            marks & {"so"}
            or any(t.lower_ == "order" for t in node.doc[max(0, node.left_edge.i - 2) : node.left_edge.i + 2])
        ):
            return True
        if node.dep_ in ("advcl", "ROOT") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _frames(doc) -> list[Frame]:
    frames = []
    question = doc.text.rstrip().endswith("?")
    for tok in doc:
        if not is_predicate(tok):
            continue
        particle = next(
            (c.lower_ for c in tok.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ == "back")), ""
        )
        group = w.verb_group(tok.text, particle)
        if group == "make" and any(c.lower_ == "sure" for c in tok.children):
            group = "ensure"  # "make sure" is "ensure"
        elif group == "make":
            # "make a payment" is paying, "make a repayment" is paying back; so is "payments are made"
            nouns = [w.stem(t.lower_) for t in doc[tok.i + 1 : tok.i + 4] if t.tag_.startswith("NN")]
            nouns += [w.stem(c.lower_) for c in tok.children if c.dep_ == "nsubjpass"]
            group = next((n for n in nouns if n in ("pay", "repay")), group)
        agent, passive, _ = _subject(tok)
        weak = not any(c.dep_ in _SUBJ for c in tok.children) and tok.dep_ in ("advcl", "pcomp", "acl", "relcl")
        modal, neg = _frame_modal(tok)
        if modal == IMP:
            agent = frozenset({w.YOU})
        patient, recipient, source_party, objects = _objects(tok)
        right = (
            tok
            if tok.lower_ in _HAS_RIGHT
            else next((c for c in tok.children if c.dep_ == "acomp" and c.lower_ in _HAS_RIGHT), None)
        )
        things = (
            [p for c in right.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"] if right else []
        )
        if things:
            # "You are (not) entitled to Housing Benefit" says "You can (not) get Housing Benefit"
            group, modal = "receive", (modal if modal in (MAY, HEDGE) else POSSIB)
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            agent, passive = (_party(subj[0]) if subj else agent), False
            objects = objects | w.content_stems(" ".join(t.text for p in things for t in p.subtree))
        cond, conditions = _condition_of(tok)
        if neg and any(c.lower().startswith("unless ") for c in conditions):
            neg = False  # "We cannot help unless you ..." says "We can help only if you ...": compare them equal
        frame = Frame(
            tok.i,
            tok.text,
            group,
            agent,
            weak,
            patient,
            recipient,
            objects,
            passive,
            modal,
            neg,
            cond,
            conditions,
            question,
            text=" ".join(t.text for t in tok.subtree),
        )
        frame.purpose = _in_purpose(tok)
        auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        frame.past = tok.tag_ == "VBD" or bool(auxes & {"has", "have", "had", "was", "were", "did"})
        _money(frame, tok, source_party)
        frames.append(frame)
    return frames


def _attach_facts(doc, frames: list[Frame]) -> None:
    by_i = {f.i: f for f in frames}
    for fact in extract_facts(doc.text):
        if fact.kind not in _FACT_KINDS:
            continue
        span = doc.char_span(fact.start, fact.end, alignment_mode="expand")
        if span is None:
            continue
        node = span.root
        for _ in range(12):
            if node.i in by_i and node.i not in range(span.start, span.end) and node.dep_ not in ("acl", "amod"):
                by_i[node.i].facts.append((fact.kind, fact.value))
                break
            if node.head.i == node.i:
                break
            node = node.head


def read_sentences(texts: list[str]) -> list[Sentence]:
    """Frames for each text (one sentence or a few), parsed in one batch."""
    out = []
    for text, doc in zip(texts, parse_many([t or "" for t in texts])):
        frames = _frames(doc)
        _attach_facts(doc, frames)
        for frame in frames:
            # "We will give you £300": an amount is known only once the facts are attached.
            if frame.money is None and frame.group in w.MONEY_MAYBE and any(k == "money" for k, _ in frame.facts):
                _money(frame, doc[frame.i], _objects(doc[frame.i])[2])
        out.append(Sentence(text, doc, frames))
    return out

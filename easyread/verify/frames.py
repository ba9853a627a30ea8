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
from easyread.verify.arguments import (
    SUBJ,
    elliptical,
    if_root,
    misplaced_means,
    objects_of,
    order_after_if_root,
    party_of,
    stray_gerund,
    subject_of,
)
from easyread.verify.modality import (
    FUTURE,
    HEDGE,
    IMP,
    MAY,
    NOOBLIG,
    OBLIG,
    PLAIN,
    POSSIB,
    SHOULD,
    also_said,
    frame_modal,
)

# The stances are named here too: the rules compare frames as `fr.OBLIG`, `fr.MAY` ...
__all__ = [
    "FUTURE",
    "HEDGE",
    "IMP",
    "MAY",
    "NOOBLIG",
    "OBLIG",
    "PLAIN",
    "POSSIB",
    "SHOULD",
    "Frame",
    "Sentence",
    "is_predicate",
    "read_sentences",
]
_COND_MARKS = {"if", "unless", "provided", "providing", "once", "whenever", "when"}
_FACT_KINDS = {"money", "date", "duration", "time"}
_HAS_RIGHT = {"entitled", "eligible"}


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
    wished: bool = False  # what the reader would like to do ("if you would like to arrange a plan")
    also: tuple[str, ...] = ()  # stances a rewrite may say besides its own ("important that you ...": "should")
    payer: frozenset | None = None
    payee: frozenset | None = None
    money: str | None = None  # "first" (pay, give) or "back" (repay, recover)
    facts: list[tuple[str, str]] = field(default_factory=list)  # (kind, value) attached to it
    text: str = ""  # the clause's words, for messages
    pronoun_object: bool = False  # its object is only "it" / "this" / "them": a thing named elsewhere


@dataclass
class Sentence:
    text: str
    doc: object
    frames: list[Frame]

    @property
    def question(self) -> bool:
        return self.text.rstrip().endswith("?")


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


_ASKS_FOR_MONEY = {w.stem(x) for x in ("bill", "invoice", "demand")}
_PAPER = {
    w.stem(x)
    for x in ("letter", "reminder", "notice", "statement", "form", "copy", "summons", "leaflet", "text", "email")
}


# Verbs that give things back, money or not ("return", "send back"), unlike "repay" or "refund".
_BACK_VERBS = {"return", "send", "bring", "post", "hand"}


_THINGS_SENT_BACK = _PAPER | {w.stem(x) for x in ("kit", "slip", "card", "badge", "equipment", "bin", "sample", "key")}
_PRONOUNS = {"it", "them", "this", "these", "that", "those"}


def _not_money(things: set[str], heads: set[str], frame: Frame, tok) -> bool:
    """What goes back is a paper or a thing ("the form", "the kit"), or "them" in a sentence that names no money:
    not a payment. "This difference should be returned to you" (read in a real draft) names no paper, so it stays
    money."""
    if not things or heads & w.MONEY_WORDS or frame.facts:
        return False
    if things & _THINGS_SENT_BACK:
        return True
    named = {w.stem(t.lower_) for t in tok.sent}
    return things <= _PRONOUNS and not named & w.MONEY_WORDS


def _money(frame: Frame, tok, source_party) -> None:
    g = frame.group
    if g not in w.MONEY_TO and g not in w.MONEY_FROM:
        return
    things = {w.stem(c.lower_) for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ not in w.PARTY_OF}
    if g in w.MONEY_MAYBE and things & _PAPER and not things & _ASKS_FOR_MONEY:
        return  # "we sent you two reminder letters asking for payment": paper, not money
    heads = things | {w.stem(c.lower_) for t in tok.children if t.dep_ in ("dobj", "nsubjpass") for c in t.conjuncts}
    if g in w.MONEY_MAYBE and not (heads & w.MONEY_WORDS or frame.facts):
        return  # "send you a kit", "get help", "send a Charge Certificate" (a certificate, not a charge): not money
    if g == w.verb_group("get") and any(
        c.dep_ == "acl" and c.tag_ == "VBN" for t in tok.children if t.dep_ == "dobj" for c in t.children
    ):
        return  # "get up to six bags removed for £10": the price of having something done, not money received
    if w.base(tok.text) in _BACK_VERBS and _not_money(things, heads, frame, tok):
        return  # "return the form", "send them back": these move money only when money is what goes back
    if things & _ASKS_FOR_MONEY and frame.agent == frozenset({w.YOU}) and w.WE in (frame.recipient or frozenset()):
        return  # "You must give us invoices and receipts": records of what the reader spent, not a bill to us
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
        elif w.base(tok.text) == "incur" and frame.patient and not frame.agent:
            # "action which will incur you further costs": the one the costs fall on pays them, to no one named
            frame.payer, frame.payee = frame.patient, None
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
    node = stray_gerund(tok) or tok
    if order_after_if_root(tok):
        # the condition is the root the parse hangs the order on: all of it but the order
        order = {t.i for t in tok.subtree}
        return None, [" ".join(t.text for t in tok.head.subtree if t.i not in order and t.i < tok.i).strip(" ,")]
    for _ in range(12):
        clause = misplaced_means(node)
        if clause is not None:
            # "We can help you if you are struggling by telling you about benefits": the "by ..." says how we
            # help; the parse hangs it on the condition's verb, which would make telling part of the condition.
            cut = min((c.i for c in clause.children if c.dep_ == "prep" and c.lower_ == "by"), default=node.i)
            governing.append(" ".join(t.text for t in clause.subtree if t.i < cut))
            node = clause.head
            continue
        marks = [c.lower_ for c in node.children if c.dep_ == "mark"]
        if node.dep_ == "advcl" and marks and marks[0] in _COND_MARKS and cond is None:
            cond = marks[0]
        elif if_root(node) and cond is None and any(order_after_if_root(c) for c in node.children):
            cond = next(m for m in marks if m in _COND_MARKS)
        for c in node.children:
            if c.dep_ in ("nsubj", "csubj") and c.lower_ in ("failure", "failing") and c.i != tok.i:
                governing.append(" ".join(t.text for t in c.subtree))  # "Failure to attend ... will result in"
            if c.dep_ == "advcl" and c.i != tok.i and not (elliptical(c) and not _just_before(tok, c)):
                cm = [m.lower_ for m in c.children if m.dep_ == "mark"]
                if cm and cm[0] in ("if", "unless", "provided", "providing"):
                    governing.append(" ".join(t.text for t in c.subtree))
        if node.head.i == node.i or (node.dep_ == "advcl" and marks and marks[0] in FACT_MARKS) or so_joined(node):
            # "While we are unable to offer you an appointment, if your condition gets worse, please contact us":
            # the "while" part states a fact; the "if" governs only the order
            break
        node = node.head
    return cond, list(dict.fromkeys(governing))


def _just_before(tok, clause) -> bool:
    """The verb is the last one before the condition ("registering with a GP if you are not already")."""
    verbs = [t for t in tok.doc[: clause.left_edge.i] if t.tag_.startswith("VB") and t.dep_ not in ("aux", "auxpass")]
    return bool(verbs) and verbs[-1].i == tok.i


def so_joined(node) -> bool:
    """ "Only those registered will be sent a kit, so we recommend registering if you are not already": the parse
    hangs the first sentence on "recommend" as its object; it is a sentence of its own, which the "if" of the second
    does not govern."""
    head = node.head
    return (
        node.dep_ == "ccomp"
        and node.i < head.i
        and any(c.lower_ == "so" and c.i < head.i and c.i > node.i for c in head.children)
    )


# Clauses that state a fact beside the main clause: a condition on the main clause does not govern them.
FACT_MARKS = {"while", "whilst", "although", "though"}


def _wished(tok) -> bool:
    """ "(if you) would like to discuss your arrears or to arrange a plan": the verb is what the reader wants."""
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ == "xcomp" and w.base(node.head.text) in _WISHES


_WISHES = {w.base(x) for x in ("like", "want", "wish", "prefer")}


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


# Adjectives that carry their own "not", with the plain word a rewrite says instead ("you are unsure" is "you are not
# sure", "PIP is different to DLA" is "PIP is not the same as DLA"). "unable" and "eligible" have rules of their own.
_NEGATIVE_ADJ = {
    "unsure": "sure",
    "unaware": "aware",
    "unwell": "well",
    "unlikely": "likely",
    "unhappy": "happy",
    "unavailable": "available",
    "unsuitable": "suitable",
    "incorrect": "correct",
    "wrong": "correct",
    "inconvenient": "convenient",
    "insufficient": "enough",
    "invalid": "valid",
    "different": "same",
}
_PLAIN_ADJ = set(_NEGATIVE_ADJ.values())


def _said_with_adjective(tok, group: str, neg: bool) -> tuple[str, bool]:
    """A "be" whose complement is one of those adjectives is compared as that adjective, not as any "is": its
    group names the plain word, and the negative word counts as "not"."""
    for c in tok.children:
        if c.dep_ == "acomp" and c.lower_ in ("able", "unable"):
            # "we will be unable to provide this" is "we will not be able to provide this"; compared as "be able",
            # a light verb (the verb it governs carries the can / cannot), not as any "is"
            return "be able", neg != (c.lower_ == "unable")
        if c.dep_ in ("acomp", "attr") and (c.lower_ in _NEGATIVE_ADJ or c.lower_ in _PLAIN_ADJ):
            plain = _NEGATIVE_ADJ.get(c.lower_, c.lower_)
            return f"be {plain}", neg != (c.lower_ in _NEGATIVE_ADJ)
    return group, neg


_ERGATIVE = {"change", "stop", "start", "increase", "reduce"}
_PARTIES = {w.WE, w.YOU, w.LANDLORD, w.COURT, w.AGENT}


def _ergative(frame: Frame, tok) -> None:
    """ "Your appointment has not changed" says no one changed it: the subject of "change", "stop", "start" with no
    object is the thing changed, so it compares with "we have had to reschedule your appointment"."""
    if frame.group not in _ERGATIVE or frame.passive or any(c.dep_ == "dobj" for c in tok.children):
        return
    if not frame.agent or frame.agent & _PARTIES:
        return
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    frame.patient, frame.agent = frame.agent, None
    frame.objects = frame.objects | {w.stem(t.lower_) for s in subj for t in s.subtree if t.is_alpha}


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
        elif group == "go" and _goes_to_something(tok):
            group = w.verb_group(
                "attend"
            )  # "go to the hearing" is "attend the hearing": a "not" on one is lost on the other
        elif group == "take" and _into_account(tok):
            group = w.verb_group("include")  # "taken into account" is "counted", "included"
        elif group == "take" and any(c.dep_ == "dobj" and c.lower_ == "decision" for c in tok.children):
            group = w.verb_group("decide")  # "we have taken the decision to" is "we decided to", not taking away
        elif group == "make":
            # "make a payment" is paying, "make a repayment" is paying back; so is "payments are made"
            # ("make a repayment agreement" makes an agreement: a noun that only names the kind of another is not)
            nouns = [
                w.stem(t.lower_) for t in doc[tok.i + 1 : tok.i + 4] if t.tag_.startswith("NN") and t.dep_ != "compound"
            ]
            nouns += [w.stem(c.lower_) for c in tok.children if c.dep_ == "nsubjpass"]
            group = next((n for n in nouns if n in ("pay", "repay")), group)
            if "contact" in nouns:
                group = w.verb_group("contact")  # "fail to make contact" is not contacting us, not "make you leave"
        agent, passive, _ = subject_of(tok)
        weak = not any(c.dep_ in SUBJ for c in tok.children) and tok.dep_ in ("advcl", "pcomp", "acl", "relcl")
        modal, neg = frame_modal(tok)
        if tok.dep_ == "relcl" and any(d.dep_ == "det" and d.lower_ == "no" for d in tok.head.children):
            # "there are no circumstances in which the deadline can be extended": it cannot be extended
            neg = not neg
        if w.verb_group(tok.text) == "be":
            group, neg = _said_with_adjective(tok, group, neg)
        if modal == IMP:
            agent = frozenset({w.YOU})
        patient, recipient, source_party, objects = objects_of(tok)
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
            agent, passive = (party_of(subj[0]) if subj else agent), False
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
        frame.also = also_said(tok)
        frame.wished = _wished(tok)
        frame.pronoun_object = any(c.dep_ == "dobj" and c.lower_ in _PRONOUNS for c in tok.children)
        auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        frame.past = tok.tag_ == "VBD" or bool(auxes & {"has", "have", "had", "was", "were", "did"})
        if tok.dep_ == "xcomp" and tok.head.tag_ in ("VBD", "VBN") and tok.head.lower_ == "had":
            frame.past = True  # "we have had to reschedule your appointment": done, not still to do
        if tok.dep_ == "conj" and not auxes and tok.tag_ in ("VBN", "VBD"):
            # "you have paid late or not paid the full amount": the second "paid" shares the first one's "have"
            head = tok.head if tok.head.tag_.startswith("VB") else tok.head.head  # "paid late or not paid": misparsed
            head_auxes = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
            frame.past = frame.past or bool(head_auxes & {"has", "have", "had"})
            if "be" in head_auxes and any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children):
                # "you will be sent an invoice and notified how to pay": "notified" (parsed VBD) shares "will be"
                frame.past = False
        _ergative(frame, tok)
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


_PRONOUNS = {"it", "this", "that", "them", "these", "those"}


def _goes_to_something(tok) -> bool:
    """ "go to the court hearing", "go to your appointment": going to a named thing, said elsewhere "attend"."""
    return any(
        c.dep_ == "prep" and c.lower_ == "to" and any(p.dep_ == "pobj" and p.tag_.startswith("NN") for p in c.children)
        for c in tok.children
    )


def _into_account(tok) -> bool:
    return any(
        c.dep_ == "prep" and c.lower_ == "into" and any(p.lower_ == "account" for p in c.children) for c in tok.children
    )


_RESULTS = {"result", "lead"}


def _inherit_result(doc, frames: list[Frame]) -> None:
    """ "Failure to pay will result in legal action being taken": the action under "result in" / "lead to" is as
    certain as the "result" ("legal action will be taken"), so "we might take legal action" is compared with "will"."""
    by_i = {f.i: f for f in frames}
    for f in frames:
        if f.modal != PLAIN:
            continue
        node = doc[f.i]
        for _ in range(4):
            head = node.head
            if head.i == node.i:
                break
            if head.i in by_i and w.base(head.lower_) in _RESULTS and by_i[head.i].modal != PLAIN:
                f.modal, f.neg = by_i[head.i].modal, f.neg or by_i[head.i].neg
                break
            if head.tag_.startswith("VB"):
                break
            node = head


def read_sentences(texts: list[str]) -> list[Sentence]:
    """Frames for each text (one sentence or a few), parsed in one batch."""
    out = []
    for text, doc in zip(texts, parse_many([t or "" for t in texts])):
        frames = _frames(doc)
        _attach_facts(doc, frames)
        _inherit_result(doc, frames)
        for frame in frames:
            # "We will give you £300": an amount is known only once the facts are attached.
            if frame.money is None and frame.group in w.MONEY_MAYBE and any(k == "money" for k, _ in frame.facts):
                _money(frame, doc[frame.i], objects_of(doc[frame.i])[2])
        out.append(Sentence(text, doc, frames))
    return out

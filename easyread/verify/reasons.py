"""Reasons and purposes the letter does not give, and a purpose left without the clause it serves.

- "This is because of the pandemic." where the letter sentence links nothing by cause: the words are the letter's,
  the link is the model's. A resident reads a reason as a fact about their case.
- "We will meet them to find out what help you need.": a purpose ("to find out ...") whose action and words the
  letter sentence does not say.
- "To help those who are affected by the pandemic.": a "to" purpose kept and its main clause (who does what) cut.
"""

from __future__ import annotations

import re

from easyread.verify import frames as fr
from easyread.verify import related as rel
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote

# A reason in the rewrite: "because", "because of", "due to", "this is why".
_REASON = re.compile(r"\b(because|due to|owing to|as a result of|this is why|that is why|the reason)\b", re.IGNORECASE)
# The letter links two things by cause or consequence itself: a rewrite may then say it with "because".
_LETTER_CAUSE = re.compile(
    r"\b(because|since|due|owing|as a result|therefore|thus|hence|reasons?|so that|in order|result(s|ed|ing)?|"
    r"lead(s|ing)? to|led to|caus\w*|consequen\w*|means?|meaning|so|why|given that|in view of|following|after|"
    r"under (the )?(terms|law|rules))\b",
    re.IGNORECASE,
)
_FINITE = ("VBZ", "VBP", "VBD", "MD")


def _letter_gives_cause(src: fr.Sentence) -> bool:
    if _LETTER_CAUSE.search(src.text):
        return True
    # "As you have missed some payments, ...": "as" / "since" marking a clause is a reason.
    return any(t.lower_ in ("as", "since") and t.dep_ == "mark" for t in src.doc)


def _as_reason(src: fr.Sentence) -> set[str] | None:
    """The words the reason turns on (with related words) when the letter gives it as "We are writing to you as your
    non-payment ... is a breach": the parse makes "as" a preposition and the clause's verb a loose clause of the main
    verb. None when there is no such reason ("as your landlord" has no verb of its own)."""
    for t in src.doc:
        if t.lower_ != "as" or t.dep_ != "prep":
            continue
        verbs = [v for v in src.doc if v.i > t.i and v.tag_ in _FINITE and v.dep_ == "advcl" and v.head.i < t.i]
        if verbs:
            words = [c for c in t.children if c.dep_ == "pobj"]
            words += [c for c in verbs[0].children if c.dep_ in ("attr", "acomp", "dobj")]
            stems = w.content_stems(" ".join(x.text for x in words))
            for x in list(stems):
                stems |= rel.RELATED.get(x, set())
            return stems
    return None


def _reason_of_main_clause(out: fr.Sentence) -> bool:
    """The "because" gives the reason for the sentence's main statement ("This is because ...", "We are writing
    because ..."), not for a part of it ("tenants who have money problems because of coronavirus", which says the
    letter's "impacted by the coronavirus crisis")."""
    for t in out.doc:
        if t.lower_ not in ("because", "due", "owing", "why", "reason"):
            continue
        head = t.head.head if t.dep_ == "mark" else t.head
        while head.dep_ in ("conj", "xcomp", "prep", "pcomp") and head.head.i != head.i:
            head = head.head
        if head.dep_ == "ROOT":
            return True
    return False


def reason_without_cause(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """A reason for the main statement ("This is because ...") where no letter sentence gives one: the link is
    invented even when its words are the letter's. A reason for a part of the sentence is left to
    claims._invented_reason, which looks at its words."""
    m = _REASON.search(out.text)
    if m is None or not srcs or any(_letter_gives_cause(s) for s in srcs) or not _reason_of_main_clause(out):
        return
    keys = [k for k in (_as_reason(s) for s in srcs) if k is not None]
    if keys:
        # The letter's reason said in other words ("because you owe us £1,876.35" for "as your non-payment ... is a
        # breach") keeps one of its words; "because your service charges have gone up" gives another reason.
        said = w.content_stems(out.text[m.start() :])
        if any(k & said for k in keys):
            return
    result.problems.append(
        Problem(
            "invented",
            f'This sentence gives a reason ("{quote(out.text[m.start() :], 8)}"); the letter sentence gives no '
            f'reason here: "{quote(srcs[0].text)}".',
        )
    )


def said_stems(srcs: list[fr.Sentence], support: str) -> set[str]:
    """Words of substance the letter sentences and `support` (their glossary explanations) say, with related words."""
    stems = w.content_stems(support) | {s for x in srcs for s in w.content_stems(x.text)}
    for s in list(stems):
        stems |= rel.RELATED.get(s, set())
    return stems


def purpose_invented(out: fr.Sentence, srcs: list[fr.Sentence], support: str, result: Assessment) -> None:
    """A "to ..." purpose on the main action whose action and two or more words of substance the letter sentence does
    not say: "We will meet with credit reference agencies to find out what help you need"."""
    if not srcs or out.question:
        return
    groups = {f.group for s in srcs for f in s.frames}
    said = said_stems(srcs, support)
    for f in out.frames:
        tok = out.doc[f.i]
        if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
            continue
        head = tok.head
        # "check your credit to find out ...": the parse makes a purpose after an object an xcomp; "ask you to pay"
        # (the object a party) is an order, not a purpose.
        objects = [c for c in head.children if c.dep_ == "dobj"]
        if not (
            tok.dep_ == "advcl" or tok.dep_ == "xcomp" and objects and all(o.lower_ not in w.PARTY_OF for o in objects)
        ):
            continue
        # "To find out more, call ...": a purpose set before the order says what the order is for (Easy Read's
        # "For details call"); "harder for you to borrow", a purpose of a relative clause: not a purpose of the
        # main action.
        if tok.i < head.i or any(c.dep_ in ("mark", "nsubj") for c in tok.children) or not _main(head):
            continue
        if f.group in groups or f.group in w.LIGHT_VERBS or w.verb_group(head.lower_) in ("make", "be"):
            continue
        # Words besides the purpose's own verb: "to get the money back" (one) restates the letter's referral to
        # solicitors; "to find out what help you need" (two) says something the letter does not.
        words = {
            w.stem(t.lower_)
            for t in tok.subtree
            if t.is_alpha and t.i != tok.i and t.tag_.startswith(("NN", "VB", "JJ"))
        }
        new = sorted(x for x in words - said if x not in w.STOP and x not in w.PARTY_OF and len(x) > 2)
        if len(new) >= 2:
            purpose = " ".join(t.text for t in tok.subtree)
            result.problems.append(
                Problem(
                    "invented",
                    f'This sentence gives a purpose ("{quote(purpose)}") that the letter sentence does not give.',
                )
            )
            return


def _main(tok) -> bool:
    while tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "ROOT"


def purpose_alone(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "To help those who are affected by the pandemic.": the root is a "to" infinitive and no verb outside a
    relative clause is finite, where the letter sentence has a main clause. A heading ("To pay your rent:") ends in
    a colon and is left alone; "To pay, call us" has its imperative root elsewhere."""
    if out.question or out.text.rstrip().endswith(":") or not srcs:
        return
    root = next((t for t in out.doc if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ != "VB" or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in root.children):
        return
    first = next((t for t in out.doc if not t.is_punct), None)
    if first is None or first.lower_ != "to":
        return
    inner = {t.i for t in out.doc if t.dep_ in ("relcl", "acl") for t in t.subtree}
    if any(t.tag_ in _FINITE and t.i not in inner for t in out.doc):
        return
    if not any(_main_clause(s) for s in srcs):
        return
    result.problems.append(
        Problem("fragment", "This is only the purpose part of a sentence: it does not say who does what.", False)
    )


def _main_clause(src: fr.Sentence) -> bool:
    """The letter sentence says who does what: a finite verb, or an order ("Please bring your medication")."""
    if any(t.tag_ in _FINITE for t in src.doc):
        return True
    return any(
        t.dep_ == "ROOT" and t.tag_ == "VB" and not any(c.dep_ == "aux" and c.tag_ == "TO" for c in t.children)
        for t in src.doc
    )

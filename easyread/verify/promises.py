"""How and when: a way to act or a time the letter does not give (round 6).

- a way of getting in touch or applying the letter does not give: "You can apply online or in person." for "You make
  your claim by calling 0800 917 2222": the reader goes online, finds nothing, and misses the claim;
- "soon" for a letter's "as soon as a place becomes available": a time the letter does not promise;
- help the letter does not offer ("We are here to help you"), and a consequence it does not give ("You will be
  fined", "We will stop your payments").
"""

from __future__ import annotations

import re

from easyread.verify import frames as fr
from easyread.verify.findings import Assessment, Problem, quote

# Each way, as the line names it, and the words by which a letter names the same way.
_WAYS = {
    "online": (
        re.compile(r"\b(online|on the internet|on our website|on the website|web ?form)\b", re.I),
        re.compile(r"\b(online|internet|website|web|www\.|https?:|\.gov|\.uk|\.nhs|\.com|\.org|portal|app)\b", re.I),
    ),
    "in person": (
        re.compile(r"\b(in person|face to face|visit (us|our|the) (office|centre))\b", re.I),
        re.compile(r"\b(in person|face to face|visit|office|centre|reception|come in|drop[- ]in|appointment)\b", re.I),
    ),
    "by email": (
        re.compile(r"\b(by e-?mail|e-?mail us|send (us )?an e-?mail)\b", re.I),
        re.compile(r"\b(e-?mail|@)", re.I),
    ),
    "by post": (
        re.compile(r"\b(by post|in the post|post (it|them|the form) to)\b", re.I),
        re.compile(r"\b(post|write|writing|letter|address|form|send)\w*", re.I),
    ),
    "by phone": (
        re.compile(r"\b(by (tele)?phone|on the phone|phone us|call us|ring us|give us a call)\b", re.I),
        re.compile(r"\b(phone|call|ring|telephone|textphone|contact|0\d{2,4}[ \d]{6,})", re.I),
    ),
}


def way_added(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """The line offers a way to act ("online", "in person", "by email") that the letter sentence does not name, where
    the letter sentence names a way of its own (a phone number, "in writing", an address)."""
    if not srcs or out.question or any(p.kind == "invented" for p in result.problems):
        return
    text = " ".join(s.text for s in srcs)
    if not any(letter.search(text) for _, letter in _WAYS.values()):
        return  # the letter sentence names no way: the line's way may come from the letter's other sentences
    for name, (said, letter) in _WAYS.items():
        m = said.search(out.text)
        if m and not letter.search(text):
            result.problems.append(
                Problem(
                    "invented",
                    f'The letter sentence does not say you can do this {name} ("{m.group(0)}"); it says: '
                    f'"{quote(text)}".',
                )
            )
            return


_SOON = re.compile(r"\b(soon|shortly|quickly|straight away|right away|in a few days|this week|next week)\b", re.I)
_LETTER_SOON = re.compile(
    r"\b(soon as possible|shortly|quickly|straight away|immediately|promptly|urgent\w*|within|by|before|next|"
    r"without delay|as soon as you|at once|now)\b",
    re.I,
)


# "in due course" waits on the sender too: it says later, not soon (stop 25 read: "We will contact you soon" for it).
_TIED = re.compile(r"\b(as soon as|once|when|whenever|if|after|until|in due course|at a later date)\b", re.I)


def soon_promised(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "Your child will get a place soon." for "as soon as a place does become available, we will contact you": the
    letter ties the time to an event it cannot promise ("as soon as", "when", "once"); the line promises it soon."""
    if not srcs or out.question or any(p.kind == "invented" for p in result.problems):
        return
    m = _SOON.search(out.text)
    if m is None:
        return
    text = " ".join(s.text for s in srcs)
    if not _TIED.search(text) or _LETTER_SOON.search(text) or _SOON.search(text.replace("as soon as", "")):
        return  # "We will send you a bill soon." for "We will send you a bill.": no event the time waits for
    if not any(f.modal == fr.FUTURE and not f.neg and not f.cond for f in out.frames):
        return
    result.problems.append(
        Problem(
            "invented",
            f'The letter does not say when ("{quote(text)}"); this sentence promises it "{m.group(0)}".',
        )
    )


# Help offered by the sender ("We are here to help you", "We can support you") ...
_HELP = re.compile(
    r"\b(we|i|the council|the hospital|our staff|our team)\s+('ll|will|can|could|are here to|would like to|want to|"
    r"are happy to)\s+(help|support|assist|look after)\b|\bhelp is available\b|\bhere (to|for) (help|you)\b",
    re.IGNORECASE,
)
# ... where the letter sentence names neither help nor a way to ask for it.
_LETTER_HELP = re.compile(
    r"\b(help\w*|support\w*|assist\w*|advice|advis\w*|contact\w*|call|phone|ring|quer\w*|question\w*|discuss|talk|"
    r"speak|care|look after|get in touch|available)\b",
    re.IGNORECASE,
)


def help_offered(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "We are here to help you." for a letter sentence that offers no help and names no way to ask: comfort the
    letter does not give, and a promise the reader may count on."""
    if not srcs or any(p.kind == "invented" for p in result.problems):
        return
    m = _HELP.search(out.text)
    if m and not any(_LETTER_HELP.search(s.text) for s in srcs):
        result.problems.append(
            Problem("invented", f'The letter sentence does not offer help; this sentence says "{m.group(0)}".')
        )


# Consequences for the reader, each with the words by which a letter names it.
_CONSEQUENCES = [
    (
        re.compile(r"\b(be|been|get|getting) fined\b|\bgive you a fine\b", re.I),
        re.compile(r"\b(fine|penalt|charge)", re.I),
    ),
    (
        re.compile(r"\blos(e|ing) your (place|benefit|money|right|appointment|tenancy|job)\b", re.I),
        re.compile(
            r"\b(los\w*|remov\w*|cancel\w*|stop\w*|end\w*|withdraw\w*|waiting list|discharg\w*|affect\w*)", re.I
        ),
    ),
    (
        re.compile(r"\b(stop|cancel|end|reduce)\w* your (benefit|payments?|support|tenancy|appointment|claim)\b", re.I),
        re.compile(r"\b(stop\w*|cancel\w*|end\w*|reduc\w*|cease\w*|suspend\w*|withdraw\w*|affect\w*|chang\w*)", re.I),
    ),
]


def consequence_added(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "You will be fined.", "You will lose your benefit.", "We will stop your payments." where the letter sentence
    names no such consequence: a threat the letter does not make (see additions.threat_added for prison and the
    home)."""
    if not srcs or any(p.kind == "invented" for p in result.problems):
        return
    text = " ".join(s.text for s in srcs)
    for said, letter in _CONSEQUENCES:
        m = said.search(out.text)
        if m and not letter.search(text):
            result.problems.append(
                Problem("invented", f'The letter sentence does not say "{m.group(0)}": a consequence it does not give.')
            )
            return

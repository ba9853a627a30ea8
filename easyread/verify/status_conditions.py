"""A condition that says who the reader is ("If you are a leaseholder, you are responsible for all internal
repairs"), left out: the line then speaks to every reader, and a tenant reads that the repairs are theirs."""

from __future__ import annotations

import re

from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote

_IF_WORDS = re.compile(r"\b(if|unless|when|whenever|provided|once|only)\b", re.IGNORECASE)
# A line that opens by pointing back ("This means ...", "Then ...") goes on from the line before, which holds the "if".
_CONTINUES = re.compile(r"^\s*(this|that|these|it|then|otherwise|or|so)\b", re.IGNORECASE)


def status_condition_dropped(
    out: fr.Sentence, srcs: list[fr.Sentence], context: list[fr.Sentence], result: Assessment
) -> None:
    """The letter's "If you are a <who>, ..." left out of a line that says what then holds."""
    if out.question or _IF_WORDS.search(out.text) or _CONTINUES.match(out.text):
        return
    if any(p.kind == "condition" for p in result.problems):
        return
    said = w.content_stems(out.text)
    groups = {f.group for f in out.frames}
    for src in srcs:
        for verb, role in _statuses(src):
            if w.stem(role.lower_) in said or any(w.stem(role.lower_) in w.content_stems(c.text) for c in context):
                continue  # "Leaseholders are responsible ...", or "Are you a leaseholder?" asked before
            main = verb.head
            governed = {t.i for t in main.subtree} - {t.i for t in verb.subtree}
            their_groups = {f.group for f in src.frames if f.i in governed}
            their_words = w.content_stems(" ".join(src.doc[i].text for i in sorted(governed)))
            if main.i == verb.i or not (groups & their_groups) or not (said & their_words):
                continue
            condition = " ".join(t.text for t in verb.subtree)
            result.problems.append(
                Problem(
                    "condition",
                    f"The letter says this only to a reader who is {' '.join(t.text for t in role.subtree)} "
                    f'("{quote(condition)}"); this sentence says it to every reader.',
                )
            )
            return


def _statuses(src: fr.Sentence):
    """(the condition's verb, the noun it says the reader is) for each "if you are a/an/the <noun>" of a sentence."""
    for tok in src.doc:
        if tok.dep_ != "advcl" or w.verb_group(tok.text) != "be":
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "if" for c in tok.children):
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ == "you" for c in tok.children):
            continue
        for c in tok.children:
            if (
                c.dep_ == "attr"
                and c.tag_ in ("NN", "NNS")
                and any(d.dep_ == "det" and d.lower_ in ("a", "an", "the") for d in c.children)
            ):
                yield tok, c


# What limits a condition to one cause: "if your child's attendance has fallen below 90% due to illness or a medical
# condition". The cause's first words (up to a comma or the consequence) are what a line must keep.
_CAUSE = re.compile(
    r"\b(?:due to|because of|as a result of|caused by|owing to)\s+(?P<cause>[^,;]+?)"
    r"(?=,|;|\s+(?:you|we|they|then|please)\b|$)",
    re.IGNORECASE,
)
_IF_CLAUSE = re.compile(r"\b(?:if|unless|when)\b(?P<clause>[^,;]*)", re.IGNORECASE)


def condition_cause_dropped(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """The letter's condition holds only for one cause, and the line asks or states the condition without it: read
    in a real draft of a school attendance warning, "if your child's attendance has fallen below 90% due to illness
    or a medical condition you will be required to provide evidence ... of medical advice" said "Does your child's
    attendance fall below 90%?" "Then you will need to provide evidence ...": every parent of a child below 90%
    reads that they must bring medical evidence."""
    if any(p.kind == "condition" for p in result.problems):
        return
    asked = None if out.question else _IF_CLAUSE.search(out.text)
    if not (out.question or asked):
        return
    # The line's own condition: the question, or its "if" clause ("... you must show proof of medical advice" names
    # "medical" in what follows, not in the condition).
    said = w.content_stems(out.text if out.question else asked.group("clause"))
    for src in srcs:
        for clause in _IF_CLAUSE.finditer(src.text):
            cause = _CAUSE.search(clause.group("clause"))
            if not cause:
                continue
            before = w.content_stems(clause.group("clause")[: cause.start()])
            if len(before & said) < 2 or _kept(w.content_stems(cause.group("cause")), said):
                continue  # another condition, or the cause kept (in any of its words)
            result.problems.append(
                Problem(
                    "condition",
                    f'The letter\'s condition holds only "{quote(cause.group(0))}"; this sentence leaves that out, '
                    "so it speaks to everyone.",
                )
            )
            return


def _kept(cause: set[str], said: set[str]) -> bool:
    """Any word of the cause said, in any form ("ill" for "illness")."""
    return any(a.startswith(b) or b.startswith(a) for a in cause for b in said if min(len(a), len(b)) >= 3)


# What the letter leaves to the reader to decide: "Please consider if this option is preferable to you".
_WEIGH = re.compile(r"\b(?:consider|decide|think about|think)\s+(?:if|whether)\s+(?P<what>[^,;.]+)", re.IGNORECASE)


def decision_made_fact(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """The letter asks the reader to weigh something, and the line says it is so: read in a real draft of a school
    transport letter, "Please consider if this option is preferable to you and your child, and if so contact ..."
    said "It's better for you and your child." A question ("Is this option better ...?") or a line that still
    leaves it open ("if", "whether", "may") keeps it the reader's choice. Not "see if" or "check if": what the
    council checks ("questions to see if you are eligible") is not the reader's to weigh."""
    if out.question or any(p.kind == "condition" for p in result.problems):
        return
    if re.search(r"\b(if|whether|may|might|can|could|consider|decide|think|choose|want|like)\b", out.text, re.I):
        return
    if re.match(r"^\s*this letter is about\b", out.text, re.I):
        return  # the letter's topic, not a claim
    said = w.content_stems(out.text)
    for src in srcs:
        for match in _WEIGH.finditer(src.text):
            what = w.content_stems(match.group("what"))
            # The line says only what is to be weighed ("It's better for you and your child."), nothing of the rest.
            theirs = said & w.content_stems(src.text)
            if theirs and theirs <= what:
                result.problems.append(
                    Problem(
                        "condition",
                        f'The letter asks you to decide "{quote(match.group(0))}"; this sentence says it is so.',
                    )
                )
                return

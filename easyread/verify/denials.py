"""Denials the letter makes without "not" on the verb, lost in the rewrite: "without your name on the label" said
"have your name on the label", "it isn't the date you received it" said "it is the date you received it". (A verb
that "no" denies through its noun, "there are no circumstances in which it can be extended", is denied in its frame.)"""

from __future__ import annotations

from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote

_DENYING = {"no", "not", "n't", "never", "none", "without", "nobody", "nothing", "neither", "nor", "unless"}


def denials_lost(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """A denial of the letter, said without its "not", "no" or "without"."""
    if out.question or result.problems:
        return
    for check in (_without_lost, _copula_denial_lost):
        message = check(out, srcs)
        if message:
            result.problems.append(Problem("negation", message))
            return


def _denied_near(tok) -> bool:
    """The word is denied where it stands: "no name", "without a name", a verb with "not" above it."""
    node = tok
    for _ in range(8):
        if any(c.lower_ in _DENYING for c in node.children if c.dep_ in ("det", "neg", "advmod", "prep", "cc")):
            return True
        if node.lower_ in _DENYING:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _without_lost(out: fr.Sentence, srcs: list[fr.Sentence]) -> str | None:
    """ "If your medicines have your name on the label" for "If you have been given any medicines without your name
    on the label": what the letter says is missing, said as there. Only when the sentence says no denial at all."""
    if any(t.lower_ in _DENYING for t in out.doc):
        return None
    for src in srcs:
        for prep in (t for t in src.doc if t.lower_ == "without" and t.dep_ in ("prep", "conj")):
            for noun in (c for c in prep.children if c.dep_ == "pobj" and c.tag_.startswith("NN")):
                stem = w.stem(noun.lower_)
                said = [t for t in out.doc if t.tag_.startswith("NN") and w.stem(t.lower_) == stem]
                if said and not any(_denied_near(t) for t in said):
                    missing = " ".join(t.text for t in prep.subtree)
                    return (
                        f'The letter says "{quote(missing, 6)}"; this sentence says it with no "not" or "without": '
                        f'"{quote(out.text)}".'
                    )
    return None


def _attr_key(sentence: fr.Sentence, f: fr.Frame) -> tuple[str, set[str]] | None:
    """(noun, verb groups of its relative clause) of what a "be" frame says the subject is: "the date you received
    it" -> ("date", {"receive"})."""
    tok = sentence.doc[f.i]
    attrs = [c for c in tok.children if c.dep_ == "attr" and c.tag_.startswith("NN")]
    if not attrs:
        return None
    noun = attrs[0]
    verbs = {w.verb_group(c.text) for c in noun.children if c.dep_ in ("relcl", "acl")}
    return (w.stem(noun.lower_), verbs) if verbs else None


def _copula_denial_lost(out: fr.Sentence, srcs: list[fr.Sentence]) -> str | None:
    """ "The decision date is the date you received your letter" for "it isn't the date you received it": the same
    "the date you ..." the letter denies, said as what it is."""
    for f in out.frames:
        if f.group != "be":
            continue
        key = _attr_key(out, f)
        if key is None:
            continue
        same = [(s, g) for s in srcs for g in s.frames if g.group == "be" and _same_attr(_attr_key(s, g), key)]
        if same and all(g.neg != f.neg for _, g in same):
            s, g = same[0]
            said = "denies" if g.neg else "says"
            return f'The letter {said} "{quote(g.text)}"; this sentence says the opposite: "{quote(f.text)}".'
    return None


def _same_attr(theirs: tuple[str, set[str]] | None, mine: tuple[str, set[str]]) -> bool:
    return theirs is not None and theirs[0] == mine[0] and bool(theirs[1] & mine[1])


def identity_changed(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "It's not the date you wrote the letter." for "it isn't the date you received it": the same "it is (not) the
    date you ..." with another action in its relative clause, one the letter sentence does not name at all: which
    date (amount, person) is meant is the line's own."""
    if out.question or result.problems:
        return
    groups = {g.group for s in srcs for g in s.frames}
    for f in out.frames:
        key = _attr_key(out, f) if f.group == "be" else None
        if key is None or key[1] & groups:
            continue
        theirs = [
            (s, g) for s in srcs for g in s.frames if g.group == "be" and (_attr_key(s, g) or ("", set()))[0] == key[0]
        ]
        if theirs and all(g.neg == f.neg for _, g in theirs):
            g = theirs[0][1]
            noun = next(c.text for c in out.doc[f.i].children if c.dep_ == "attr")
            result.problems.append(
                Problem(
                    "invented",
                    f'The letter says which {noun} it means ("{quote(g.text)}"); this sentence says another: '
                    f'"{quote(f.text)}".',
                )
            )
            return

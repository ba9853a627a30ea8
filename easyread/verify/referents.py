"""Who a line is about, where the words that name it changed.

- Who "it" is: a line that opens on a pronoun says its verb of whatever the line before it last named. Read in a
  raw model rewrite of a flu vaccination invitation: "You can get a pneumococcal vaccine." "It can cause serious
  pneumonia." The letter says the disease causes pneumonia ("a vaccination against pneumococcal disease which can
  cause severe pneumonia"); split into two lines with "It", the vaccine does. Each line alone keeps the letter's
  words; only the pair misleads, so this is read with the line before (`ctx`).
- Whom to contact: "Please call your local money office." for "your local housing benefit department".
"""

from __future__ import annotations

from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote

_PRONOUNS = {"it", "this", "they", "these"}
_NOUNS = ("NN", "NNS")


def pronoun_shifted(out: fr.Sentence, srcs: list[fr.Sentence], ctx: list[fr.Sentence], result: Assessment) -> None:
    """The letter says the line's verb of a thing in a "which" clause; the line says it of "it", and the line before
    ends on another thing of the letter, which "it" then reads as."""
    if result.problems or out.question or not ctx:
        return
    root = next((t for t in out.doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    if subject is None or subject.lower_ not in _PRONOUNS or subject.i != 0:
        return
    group = w.verb_group(root.text)
    before = ctx[-1]
    named = [t for t in before.doc if t.tag_ in _NOUNS and t.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj")]
    if not named:
        return
    last = named[-1]
    said_before = w.content_stems(before.text)
    for src in srcs:
        for tok in src.doc:
            if tok.dep_ != "relcl" or w.verb_group(tok.text) != group or tok.head.tag_ not in _NOUNS:
                continue
            if not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in tok.children):
                continue  # "the letter we sent": the thing is not the one who acts
            thing = tok.head
            if w.stem(thing.lower_) in said_before or w.stem(last.lower_) == w.stem(thing.lower_):
                continue
            if w.stem(last.lower_) not in w.content_stems(src.text):
                continue  # the line before ends on a word of its own: what "it" reads as is not the letter's
            clause = " ".join(t.text for t in tok.subtree)
            result.problems.append(
                Problem(
                    "agent",
                    f'In the letter "{quote(clause)}" is said of the {thing.text}; after "{quote(before.text)}", '
                    f'"{subject.text}" here reads as the {last.text}.',
                )
            )
            return


# The words that only say which one ("your local"), not who.
_WHICH_ONE = {"your", "our", "the", "a", "an", "local", "nearest", "own"}


def contact_changed(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "Please call your local money office." for "please call your local housing benefit department" (read in a
    full draft of a rent change notice): whom to contact said as an office the letter never names, so the reader
    calls the wrong one. The line's "contact" verb names someone with words the letter's own contact does not use,
    and none of the letter's words for it."""
    if result.problems or out.question:
        return
    contact = w.verb_group("contact")
    for f in out.frames:
        if f.group != contact or f.neg:
            continue
        mine = _named(out.doc[f.i])
        if not mine:
            continue
        for src in srcs:
            for g in src.frames:
                if g.group != contact:
                    continue
                theirs = _named(src.doc[g.i])
                if len(theirs) < 2 or mine & theirs or not mine - w.content_stems(src.text):
                    continue
                result.problems.append(
                    Problem(
                        "agent",
                        f'The letter says to contact "{_phrase(src.doc[g.i])}"; this sentence says '
                        f'"{_phrase(out.doc[f.i])}", which the letter does not name.',
                    )
                )
                return


def _object(verb):
    return next((c for c in verb.children if c.dep_ == "dobj" and c.tag_ in _NOUNS), None)


def _named(verb) -> set[str]:
    """The words of substance of whom a contact verb names ("housing benefit department"); empty for "us"."""
    obj = _object(verb)
    if obj is None or obj.lower_ in w.PARTY_OF and obj.tag_ not in ("NNP", "NNPS") and not list(obj.lefts):
        return set()
    words = [t.text for t in obj.subtree if t.lower_ not in _WHICH_ONE and not t.is_punct]
    return w.content_stems(" ".join(words))


def _phrase(verb) -> str:
    obj = _object(verb)
    return " ".join(t.text for t in obj.subtree) if obj is not None else verb.text

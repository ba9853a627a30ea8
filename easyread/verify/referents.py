"""Who "it" is: a line that opens on a pronoun says its verb of whatever the line before it last named.

Read in a raw model rewrite of a flu vaccination invitation: "You can get a pneumococcal vaccine." "It can cause
serious pneumonia." The letter says the disease causes pneumonia ("a vaccination against pneumococcal disease which
can cause severe pneumonia"); split into two lines with "It", the vaccine does. Each line alone keeps the letter's
words; only the pair misleads, so this is read with the line before (`ctx`).
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

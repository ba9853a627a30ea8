"""A referral said as the service itself: "We can help you by giving you debt advice." for "... referring you for
budgeting support or debt advice".

A council or hospital that refers a resident for something (debt advice, a specialist, social care) sends them to
someone else who gives it; a rewrite that has the writer give it promises a service the writer does not offer, and
the resident waits for it instead of going to the people who do. Found unmarked in the lead's read of a real draft
(stop 25, letter 01); the other rules saw the same verb group ("help") and the letter's words ("debt advice").
"""

from __future__ import annotations

from easyread.verify import frames as fr
from easyread.verify import words as w
from easyread.verify.findings import Assessment, Problem, quote

# Verbs that send the reader to someone else for a thing. "direct" and "signpost" are how councils say it too.
_SENDS = {"refer", "signpost", "direct"}
# What the writer would be doing if it gave the thing itself.
_GIVES = {w.verb_group("give"), "offer"}


def referral_made_provision(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """Add an agent problem when the letter refers the reader for a thing and `out` has the writer give it."""
    if any(_sends(t) for t in out.doc):
        return  # the rewrite still says it is a referral
    for src in srcs:
        for tok in src.doc:
            referrer = next((f.agent for f in src.frames if f.i == tok.i), None)
            if not _sends(tok) or not tok.tag_.startswith("VB") or not referrer:
                continue
            sent_for = set()
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("for", "to"):
                    sent_for |= w.content_stems(" ".join(t.text for t in prep.subtree))
            if not sent_for:
                continue
            for f in out.frames:
                # The one who refers now gives it: "A specialist may give you tests" for "Your GP may refer you to a
                # specialist for tests" is faithful.
                if f.group in _GIVES and f.agent == referrer and not f.neg and f.objects & sent_for:
                    result.problems.append(
                        Problem(
                            "agent",
                            f'The letter refers you to someone else for this ("{quote(_clause(tok))}"). '
                            "This sentence says we give it ourselves.",
                        )
                    )
                    return


def _sends(tok) -> bool:
    # words.base keeps the doubled consonant ("referring" -> "referr"), and the parse has no lemmas.
    return w.base(tok.lower_).removesuffix("r") in _SENDS or w.base(tok.lower_) in _SENDS


def _clause(tok) -> str:
    return " ".join(t.text for t in tok.subtree)

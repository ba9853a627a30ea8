"""Which "if" goes with which action: a condition kept but put on another consequence, or left without one.

"If you pay late we will take you to court, or if you pay on time you will keep your discount" must not become
"If you pay late, you will keep your discount.": both the condition and the consequence are the letter's, so no
word is invented and no fact is lost, but the reader is told the opposite of what happens. The same for a cut that
ends on the letter's next condition ("If not, you could lose out on any increase in benefit or if there is a
decrease in benefit." for "... or if there is a decrease in benefit, you could end up with an overpayment", read in
a real draft). `facts_moved` does this for deadlines and amounts; this module does it for conditions, on the parse.
"""

from __future__ import annotations

from easyread.verify import frames as fr
from easyread.verify.conditions import _GENERIC_CONDITION, _condition_spans, _stems, _wide
from easyread.verify.findings import Assessment, Problem, quote

_COND_MARKS = {"if", "unless"}


def condition_moved(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """A condition of the letter said with a consequence the letter gives another condition (or none)."""
    if any(p.kind == "condition" for p in result.problems):
        return
    _left_open(out, srcs, result)
    if any(p.kind == "condition" for p in result.problems):
        return
    for text, ids, governed in _condition_spans(out):
        if _GENERIC_CONDITION.match(text):
            continue
        cond = _stems(out.doc[i] for i in ids)
        said = _stems(out.doc[i] for i in governed if not out.doc[i].is_punct) - cond
        if not cond or not said:
            continue  # "If not, ...", "If so, ...": points back to a sentence before
        found = _source_condition(cond, srcs)
        if found is None:
            continue
        src, src_ids, src_governed = found
        src_cond = _stems(src.doc[i] for i in src_ids)
        own = _stems(src.doc[i] for i in src_governed if not src.doc[i].is_punct) - src_cond
        if said & _wide(own) or said & _wide(src_cond):
            continue
        # What the sentence says happens is said by the letter, but outside this condition's clause: where another
        # condition governs it, or in another sentence.
        elsewhere = set()
        for other in srcs:
            skip = src_ids | src_governed if other is src else set()
            elsewhere |= _stems(t for t in other.doc if t.i not in skip and not t.is_punct)
        if len(said & elsewhere) < min(2, len(said)):
            continue
        result.problems.append(
            Problem(
                "condition",
                f'The letter says "{quote(" ".join(src.doc[i].text for i in sorted(src_ids)))}" about another '
                "action; this sentence puts that condition on something else.",
            )
        )
        return


def _left_open(out: fr.Sentence, srcs: list[fr.Sentence], result: Assessment) -> None:
    """ "..., or if there is a decrease in benefit." ending the sentence, where the letter goes on to say what
    then happens: a cut made in the wrong place."""
    last = [t for t in out.doc if not t.is_punct]
    if not last:
        return
    for tok in out.doc:
        marks = [c.lower_ for c in tok.children if c.dep_ == "mark"]
        if tok.dep_ != "conj" or not marks or marks[0] not in _COND_MARKS:
            continue
        if tok.right_edge.i < last[-1].i or any(c.dep_ in ("advcl", "conj") for c in tok.children):
            continue
        words = _stems(tok.subtree)
        for src in srcs:
            for text, ids, governed in _condition_spans(src):
                if words and words <= _wide(_stems(src.doc[i] for i in ids)) and governed:
                    after = [i for i in governed if i > max(ids) and not src.doc[i].is_punct]
                    if after:
                        result.problems.append(
                            Problem(
                                "condition",
                                f'This sentence ends on "{quote(text)}" but does not say what then happens; the '
                                "letter says it.",
                            )
                        )
                        return


def _source_condition(cond: set[str], srcs: list[fr.Sentence]):
    """The letter's condition that says the same as `cond`: most of its words, and the best such."""
    best, score = None, 0.0
    for src in srcs:
        for _text, ids, governed in _condition_spans(src):
            theirs = _stems(src.doc[i] for i in ids)
            if not theirs:
                continue
            shared = len(cond & _wide(theirs)) / len(cond)
            # A misparse can put the whole sentence inside the condition: only a condition of about the size of
            # the sentence's one is compared.
            if shared >= 0.6 and len(theirs) <= 2 * len(cond) + 2 and shared > score:
                best, score = (src, ids, _own_clause(src, ids, governed)), shared
    return best


def _own_clause(src: fr.Sentence, ids: set[int], governed: set[int]) -> set[int]:
    """The clause a condition governs, without a clause joined to it by "and"/"or" that has its own "if"."""
    own = set(governed)
    for tok in src.doc:
        if tok.i in governed and tok.dep_ == "conj" and tok.tag_.startswith("VB"):
            if any(
                c.dep_ == "advcl"
                and c.i not in ids
                and {m.lower_ for m in c.children if m.dep_ == "mark"} & _COND_MARKS
                for c in tok.children
            ):
                own -= {t.i for t in tok.subtree}
    return own

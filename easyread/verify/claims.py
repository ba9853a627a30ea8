"""Claims the letter sentence does not make: a line that says more, or other, than its source.

Rules on the parse, each for one way a short rewrite adds or loses a claim while keeping the source's words:

- a denial of something the letter does not mention ("This is not a legal document." for "This letter does not
  alter the legal status of the agreement");
- "necessary" / "required" where the letter says only "may" ("a copy of this letter is necessary" for "a copy of
  this letter may be presented in court");
- a reason the letter does not give ("... because you did not pay on time");
- part of a condition left out ("If you don't talk to us, we may ..." for "If you don't talk to us, and we can't
  solve the problem we may ...");
- a thing kept without what the letter says it is ("We will ask them for proof." for "proof that you have given
  them permission to discuss your account").
"""

from __future__ import annotations

import re

from easyread.verify import frames as fr
from easyread.verify import related as rel
from easyread.verify import words as w
from easyread.verify.arguments import subject_of
from easyread.verify.findings import Assessment, Problem, quote, read

_NEEDED = {"necessary", "required", "needed", "essential", "compulsory", "mandatory", "obligatory", "vital"}
_LETTER_OBLIGES = re.compile(
    r"\b(must|need|needs|needed|require[sd]?|necessary|have to|has to|should|shall|essential|compulsory|"
    r"mandatory|obliged|obligation|expected)\b",
    re.IGNORECASE,
)
_LETTER_MAY = re.compile(r"\b(may|might|can|could|possibl[ey]|able)\b", re.IGNORECASE)
_REASON = {"because", "since"}
# The letter gives a reason of its own ("as your non-payment ... is a breach"): a rewrite may say it with "because".
_LETTER_REASON = re.compile(
    r"\b(because|since|due to|as a result|therefore|reason|so that|as (your|you|we|the|this|it|our))\b", re.IGNORECASE
)
_IF = {"if", "unless"}
_COMPLEMENT_NOUNS_SKIP = {"fact", "way", "time", "case", "point"}


def claim_problems(
    out: fr.Sentence, srcs: list[fr.Sentence], ctx: list[fr.Sentence], support: str, result: Assessment
) -> None:
    """Add a problem for each claim of `out` that its sources do not make, or each part of theirs it drops.

    `support` is the source sentences with the glossary's explanations of their terms; `ctx` the Easy Read
    sentences just before `out`.
    """
    if not srcs:
        return
    said = w.content_stems(support) | {s for c in ctx for s in w.content_stems(c.text)}
    for rule in (_denied_unsaid, _needed_for_may, _invented_reason, _condition_part_dropped, _complement_dropped):
        problem = rule(out, srcs, ctx, said)
        if problem is not None and problem not in result.problems:
            result.problems.append(problem)


def _denied_unsaid(out, srcs, ctx, said) -> Problem | None:
    """ "not" said about a thing the letter does not mention: the denial is the rewrite's, not the letter's."""
    denied = [g for s in srcs for g in s.frames if g.neg]
    if out.question or not denied:
        return None
    for f in out.frames:
        if not f.neg or any(g.group == f.group for g in denied):
            continue
        # The letter says "not" about another action, and this one denies a thing the letter does not name.
        # ("do not follow the Court's rules" for "do not keep to the terms": a word the letter's stands for is said)
        new = sorted(s for s in f.objects if s not in said and s not in w.STOP and not rel.RELATED.get(s, set()) & said)
        if not new:
            continue
        where = f' The letter says "not" here: "{quote(denied[0].text)}".'
        word = next((t.text for t in out.doc if w.stem(t.lower_) == new[0]), new[0])
        return Problem(
            "negation",
            f'This sentence says "not" about "{word}", which the letter sentence does not mention.{where}',
        )
    return None


def _needed_for_may(out, srcs, ctx, said) -> Problem | None:
    """ "is necessary" / "is required" where the letter says only that it may or can happen."""
    needed = [t for t in out.doc if t.lower_ in _NEEDED and t.dep_ in ("acomp", "ROOT", "oprd", "attr", "conj")]
    if not needed:
        return None
    letter = " ".join(s.text for s in srcs)
    if _LETTER_OBLIGES.search(letter) or not _LETTER_MAY.search(letter):
        return None
    may = next((g for s in srcs for g in s.frames if _LETTER_MAY.search(g.text)), None)
    shown = f' ("{quote(may.text)}")' if may is not None else ""
    return Problem(
        "modal",
        f'This sentence says something is "{needed[0].text}"; the letter only says it may or can happen{shown}.',
    )


def _invented_reason(out, srcs, ctx, said) -> Problem | None:
    """A "because" clause whose words the letter sentence does not say: an explanation the letter does not give."""
    if _LETTER_REASON.search(" ".join(s.text for s in srcs)):
        return None
    for t in out.doc:
        if t.lower_ not in _REASON or t.dep_ != "mark":
            continue
        clause = " ".join(x.text for x in t.head.subtree if x.i != t.i)
        new = sorted(w.content_stems(clause) - said)
        if new:
            return Problem(
                "invented",
                f'This sentence gives a reason ("{t.text} {quote(clause)}") that the letter sentence does not give.',
            )
    return None


def _if_at(sentence: fr.Sentence) -> int | None:
    for t in sentence.doc:
        if t.lower_ in _IF and (t.i == 0 or t.nbor(-1).is_punct or t.dep_ == "mark"):
            return t.i
    return None


def _left(sentence: fr.Sentence, frame: fr.Frame) -> int:
    """Where the clause of a frame starts: its subject's first word, else the verb."""
    tok = sentence.doc[frame.i]
    starts = [c.left_edge.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    aux = [c.i for c in tok.children if c.dep_ in ("aux", "auxpass", "neg")]
    return min([frame.i, *starts, *aux])


def _region(sentence: fr.Sentence, at_if: int, consequence: fr.Frame) -> list[fr.Frame]:
    """The frames of a sentence's condition: between its "if" and the consequence, or after a trailing "if"."""
    if at_if < consequence.i:
        end = _left(sentence, consequence)
        return [f for f in sentence.frames if at_if < f.i < end]
    return [f for f in sentence.frames if f.i > at_if]


def _and_clause(sentence: fr.Sentence, frame: fr.Frame) -> bool:
    """A clause of its own joined by "and" ("and we can't solve the problem"): a part every "if" needs.

    Alternatives ("or you have a cough") are often said as sentences of their own, and "to claim PIP" or "so
    another patient may ..." say what for, not a further condition."""
    tok = sentence.doc[frame.i]
    if tok.dep_ != "conj" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    joins = [c for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i]
    return bool(joins) and joins[-1].lower_ == "and" and not _in_alternative(tok)


def _in_alternative(tok) -> bool:
    """ "..., or if your child has been excluded and you fail to ...": the "and" part belongs to a condition of its
    own joined by "or if", an alternative the line need not say, whatever clause the parse hangs it on."""
    node = tok.head
    while node.dep_ == "conj" and node.head.i != node.i:
        own_if = any(c.dep_ == "mark" and c.lower_ in ("if", "when") for c in node.children)
        joins = [c for c in node.head.children if c.dep_ == "cc" and c.i < node.i]
        if own_if and joins and joins[-1].lower_ == "or":
            return True
        node = node.head
    return False


def _condition_part_dropped(out, srcs, ctx, said) -> Problem | None:
    """The rewrite keeps the "if" and the consequence, but only part of the letter's condition."""
    out_if = _if_at(out)
    if out_if is None or out.question:
        return None
    groups_around = {g.group for c in ctx for g in c.frames}
    for src in srcs:
        src_if = _if_at(src)
        if src_if is None:
            continue
        for f in out.frames:
            twins = [g for g in src.frames if g.group == f.group and g.i != src_if and (g.i > src_if) == (f.i > out_if)]
            for g in twins:
                src_cond = _region(src, src_if, g)
                if g in src_cond or not src_cond:
                    continue
                out_cond = _region(out, out_if, f)
                if f in out_cond or not out_cond:
                    continue
                kept = {x.group for x in out.frames} | groups_around
                lost = [
                    x for x in src_cond if x.group not in kept and x.group not in w.LIGHT_VERBS and _and_clause(src, x)
                ]
                if lost:
                    end = _left(src, g) if src_if < g.i else len(src.doc)
                    part = src.doc[_left(src, lost[0]) : max(end, lost[0].i + 1)].text.strip(" ,")
                    return Problem(
                        "condition",
                        f'The letter\'s condition also says "{quote(part)}"; '
                        "this sentence leaves that part of the condition out.",
                    )
                return None
    return None


def _complements(sentence: fr.Sentence) -> dict[str, str]:
    """Nouns the letter says the content of ("proof that you have given them permission"): noun -> that clause."""
    out: dict[str, str] = {}
    for t in sentence.doc:
        if t.dep_ != "acl" or t.head.lower_ in _COMPLEMENT_NOUNS_SKIP:
            continue
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
            # "first", "also": adverbs say when, not what the thing is
            out[w.stem(t.head.lower_)] = " ".join(x.text for x in t.subtree if x.dep_ != "advmod")
    return out


def _own_notice(noun, clause: str) -> bool:
    """ "We usually give you 24 hours notice" for "... to give 24 hours written notice that we need access": what
    the notice says is the giver's own act, which giving it implies; "We will ask them for proof" (that you gave them
    permission) still leaves out what is to be proved, someone else's act."""
    verb = noun.head
    while not verb.tag_.startswith("VB") and verb.head.i != verb.i:
        verb = verb.head
    giver = subject_of(verb)[0] if verb.tag_.startswith("VB") else None
    said = read(clause).frames
    return bool(giver and said and said[0].agent and said[0].agent == giver)


def _complement_dropped(out, srcs, ctx, said) -> Problem | None:
    """A noun the letter explains with a "that" clause, kept bare: "We will ask them for proof." """
    wanted: dict[str, str] = {}
    for s in srcs:
        wanted.update(_complements(s))
    if not wanted:
        return None
    around = w.content_stems(" ".join([out.text] + [c.text for c in ctx]))
    for t in out.doc:
        clause = wanted.get(w.stem(t.lower_))
        if clause is None or any(c.dep_ in ("acl", "prep", "relcl", "ccomp") for c in t.children):
            continue
        if _own_notice(t, clause):
            continue
        content = w.content_stems(clause) - {w.stem(t.lower_)}
        if content and not content & around:
            return Problem(
                "fragment",
                f'The letter says what the {t.text} is of ("{t.text} {quote(clause)}"); this sentence leaves it out.',
                harmful=False,
            )
    return None

"""Rules on the shape of a sentence: length, ideas, voice, negatives, questions."""

from __future__ import annotations

import re

from easyread.checks.nlp import is_modifier, is_verb
from easyread.checks.readability import word_count
from easyread.checks.registry import FAIL, Hit, rule

JOINERS = {
    "and",
    "but",
    "or",
    "so",
    "which",
    "because",
    "as",
    "since",
    "although",
    "though",
    "while",
    "whereas",
    "who",
    "whom",
    "whose",
    "where",
    "yet",
}
NEGATIVES = {
    "not",
    "n't",
    "never",
    "no",
    "nobody",
    "nothing",
    "none",
    "nowhere",
    "neither",
    "nor",
    "without",
    "cannot",
    "unless",
}
NEGATIVE_PREFIX = re.compile(r"^(?:un|in|im|ir|il|dis|non)\w{3,}")
RHETORICAL = re.compile(
    r"^\s*(?:why not|did you know|what if|how about|have you ever|who wouldn'?t|isn'?t it|wouldn'?t it|don'?t you|can'?t you)\b",
    re.IGNORECASE,
)
YOU = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)


@rule("sentence-length", "This sentence is long.", "Split it into short sentences of 15 words or fewer.")
def sentence_length(ctx):
    n = word_count(ctx.text)
    end = len(ctx.text.rstrip())
    if n > ctx.options.sentence_fail_words:
        yield Hit(
            0,
            end,
            FAIL,
            f"This sentence has {n} words. Easy Read sentences have {ctx.options.sentence_fail_words} words at most.",
        )
    elif n > ctx.options.sentence_warn_words:
        yield Hit(
            0, end, None, f"This sentence has {n} words. Try for {ctx.options.sentence_warn_words} words or fewer."
        )


def _has_subject(tok) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def _joiner_before(tok, limit):
    """The joining word nearest before `tok`, looking back no further than token `limit`."""
    for i in range(tok.i - 1, max(limit, tok.sent.start) - 1, -1):
        if tok.doc[i].lower_ in JOINERS:
            return tok.doc[i]
    return None


def _clause_joins(span):
    """Tokens that start a second main clause: the joining word of a conjoined clause with
    its own subject, of a 'because' / 'which' clause, or of 'X, so Y'. 'If' and 'when'
    clauses are left alone: Easy Read uses them."""
    joins = []
    for tok in span:
        if tok.dep_ == "conj" and is_verb(tok) and _has_subject(tok):
            joins.append(_joiner_before(tok, tok.head.i) or tok)
        elif tok.dep_ in ("advcl", "relcl") and is_verb(tok):
            lead = [c for c in tok.children if c.i < tok.i and c.lower_ in JOINERS]
            if lead:
                joins.append(lead[0])
        elif tok.dep_ == "ROOT":
            early = [c for c in tok.children if c.dep_ in ("ccomp", "parataxis") and c.i < tok.i and _has_subject(c)]
            link = [c for c in tok.children if c.lower_ in ("so", "but", "yet", "and") and early and c.i > early[0].i]
            if link:
                joins.append(link[0])
    return joins


@rule("one-idea", "This sentence has more than one idea.", "Split it into one sentence for each idea.")
def one_idea(ctx):
    joins = _clause_joins(ctx.span)
    if joins:
        offsets = {tok.i: tok.idx - ctx.offset for tok in joins}
        for tok in joins:
            start = offsets[tok.i]
            yield Hit(
                start, start + len(tok.text), None, f"This sentence joins {len(joins) + 1} ideas with '{tok.text}'."
            )


@rule(
    "passive-voice",
    "This sentence is passive: it does not say clearly who does what.",
    "Say who does it: 'We will send you a letter', not 'A letter will be sent'.",
)
def passive_voice(ctx):
    for tok, start, end in ctx.tokens():
        if tok.dep_ == "auxpass":
            verb = tok.head
            vstart = verb.idx - ctx.offset
            yield Hit(min(start, vstart), max(end, vstart + len(verb.text)))


def _negatives(ctx):
    return [(tok, s, e) for tok, s, e in ctx.tokens() if tok.lower_ in NEGATIVES or tok.dep_ == "neg"]


@rule("negative", "This sentence says what not to do.", "Say what to do instead, if you can.")
def negative(ctx):
    negs = _negatives(ctx)
    if negs and not _double(negs):
        tok, start, end = negs[0]
        yield Hit(start, end)


def _double(negs):
    """Two negatives on one verb ('do not do nothing'), or 'not' before 'unlikely'."""
    heads = {}
    for tok, start, end in negs:
        key = tok.head.i
        if key in heads:
            return heads[key][1], end
        heads[key] = (tok, start)
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if (
            tok.lower_ in ("not", "n't", "never")
            and nxt is not None
            and is_modifier(nxt)
            and NEGATIVE_PREFIX.match(nxt.lower_)
        ):
            return start, nxt.idx + len(nxt.text) - (tok.idx - start)
    return None


@rule(
    "double-negative",
    "This sentence has a double negative.",
    "Say it in a positive way: 'You must pay', not 'You cannot not pay'.",
    severity=FAIL,
)
def double_negative(ctx):
    span = _double(_negatives(ctx))
    if span:
        yield Hit(*span)


@rule(
    "question",
    "The reader may not be able to answer this question.",
    "Tell the reader the answer, or ask only what they can answer about themselves.",
)
def question(ctx):
    text = ctx.text.strip()
    if not text.endswith("?"):
        return
    start = len(ctx.text) - len(ctx.text.lstrip())
    if RHETORICAL.match(text):
        yield Hit(start, start + len(text), None, "This looks like a question the reader is not meant to answer.")
    elif not YOU.search(text) and len(text.split()) > 4:
        yield Hit(start, start + len(text))

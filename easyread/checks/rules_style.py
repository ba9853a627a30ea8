"""Rules on punctuation, formatting, paragraphs and the whole document."""

from __future__ import annotations

import re

from easyread.checks.readability import word_count
from easyread.checks.registry import FAIL, Hit, rule

BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|[()\[\]]")
SLASH = re.compile(r"\b[A-Za-z]+(?:/[A-Za-z]+)+\b")


@rule("brackets", "Words in brackets are easy to miss.", "Put the words in brackets in their own sentence.")
def brackets(ctx):
    for m in BRACKETS.finditer(ctx.text):
        if not ctx.protected(m.start(), m.end()):
            yield Hit(m.start(), m.end())


@rule("semicolon", "This sentence has a semicolon.", "Use a full stop and start a new sentence.")
def semicolon(ctx):
    for m in re.finditer(";", ctx.text):
        yield Hit(m.start(), m.end())


@rule(
    "slash",
    "This uses a slash between words.",
    "Use words: 'you or your partner' instead of 'you/your partner', 'and' or 'or' instead of 'and/or'.",
)
def slash(ctx):
    for m in SLASH.finditer(ctx.text):
        if not ctx.protected(m.start(), m.end()):
            yield Hit(m.start(), m.end())


@rule(
    "formatting",
    "This text is in italics or underlined. It is hard to read.",
    "Use plain text. Use bold for a few key words instead.",
    severity=FAIL,
)
def formatting(ctx):
    for mark in ctx.marks:
        if mark.kind in ("italic", "underline"):
            word = "in italics" if mark.kind == "italic" else "underlined"
            yield Hit(
                max(0, mark.start), min(len(ctx.text), mark.end), None, f"This text is {word}. It is hard to read."
            )


@rule(
    "paragraph-length",
    "This paragraph has too many sentences.",
    "Keep to 3 sentences or fewer. Start a new point for each idea.",
    severity=FAIL,
    scope="paragraph",
)
def paragraph_length(ctx):
    limit = ctx.options.paragraph_max_sentences
    if len(ctx.sentences) > limit:
        start = ctx.sentences[limit][0]
        yield Hit(
            start,
            len(ctx.text.rstrip()),
            None,
            f"This paragraph has {len(ctx.sentences)} sentences. Easy Read paragraphs have {limit} at most.",
        )


@rule(
    "document-length",
    "This document is too long for Easy Read.",
    "Keep to about 1,000 words and 24 pages. Make a short summary, or split it into parts.",
    severity=FAIL,
    scope="document",
)
def document_length(ctx):
    words = word_count(ctx.text)
    if words > ctx.options.document_max_words:
        yield Hit(
            0,
            0,
            None,
            f"This document has {words} words. Easy Read documents have about {ctx.options.document_max_words} words at most.",
        )
    if ctx.pages and ctx.pages > ctx.options.document_max_pages:
        yield Hit(
            0,
            0,
            None,
            f"This document has {ctx.pages} pages. Easy Read documents have {ctx.options.document_max_pages} pages at most.",
        )

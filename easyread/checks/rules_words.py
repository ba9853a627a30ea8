"""Rules on words: uncommon and long words, jargon, acronyms, abbreviations, idioms, capitals."""

from __future__ import annotations

import re

from easyread.checks.nlp import is_proper_noun
from easyread.checks.readability import syllables, zipf
from easyread.checks.registry import FAIL, Hit, rule
from easyread.checks.wordlists import ABBREVIATIONS, ABBREVIATIONS_CASED, IDIOMS, KNOWN_ACRONYMS

ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]*[A-Z][A-Z0-9&]*s?\b")
CAPS_RUN = re.compile(r"\b[A-Z]{2,}(?:['’][A-Z]*)?(?:[\s,!]+[A-Z]{2,}(?:['’][A-Z]*)?)+\b|\b[A-Z]{6,}\b")
ABBREV = re.compile(ABBREVIATIONS, re.IGNORECASE)
ABBREV_CASED = re.compile(ABBREVIATIONS_CASED)
IDIOM = re.compile(
    r"\b(?:" + "|".join(re.escape(i).replace(r"\ ", r"\s+") for i in sorted(IDIOMS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
DEFINED_AFTER = re.compile(r"\(([A-Z][A-Z0-9&]{1,6})s?\)")
DEFINED_BEFORE = re.compile(r"\b([A-Z][A-Z0-9&]{1,6})s?\s*\((?=[^)]*[a-z])")


def explained_acronyms(text: str) -> set[str]:
    """Acronyms a text spells out somewhere: 'Penalty Charge Notice (PCN)' or 'PCN (Penalty Charge Notice)'."""
    return {m.group(1) for m in DEFINED_AFTER.finditer(text)} | {m.group(1) for m in DEFINED_BEFORE.finditer(text)}


_SUFFIXES = (
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ly", ""),
    ("er", ""),
)


def common_score(word: str) -> float:
    """Zipf frequency of a word or of its plain form, so 'phoning' counts as common as 'phone'."""
    best = zipf(word)
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            best = max(best, zipf(word[: -len(suffix)] + repl))
    return best


def _plain_word(tok, start, end, ctx) -> bool:
    """A lower-case-able word worth judging: not a name, number, acronym or part of an address."""
    text = tok.text
    return (
        tok.is_alpha
        and len(text) > 2
        and not is_proper_noun(tok)
        and not text.isupper()
        and not ctx.protected(start, end)
        and not ctx.explained_by_glossary(start, end)
    )


@rule(
    "uncommon-word",
    "This word is not used much. Some readers may not know it.",
    "Use an everyday word, or explain it in the next sentence and in the word list.",
)
def uncommon_word(ctx):
    for tok, start, end in ctx.tokens():
        if _plain_word(tok, start, end, ctx) and common_score(tok.lower_) < ctx.options.zipf_threshold:
            yield Hit(start, end, None, f"'{tok.text}' is not used much. Some readers may not know it.")


@rule("long-word", "This is a long word.", "Use a shorter word, or explain it.")
def long_word(ctx):
    for tok, start, end in ctx.tokens():
        if not _plain_word(tok, start, end, ctx):
            continue
        common = common_score(tok.lower_)
        # Uncommon words are already flagged; very common long words ("information") are fine.
        if (
            ctx.options.zipf_threshold <= common < ctx.options.long_word_common_zipf
            and syllables(tok.lower_) >= ctx.options.long_word_syllables
        ):
            yield Hit(start, end, None, f"'{tok.text}' has {syllables(tok.lower_)} syllables.")


@rule("jargon", "This is a hard term.", "Explain it the first time you use it.")
def jargon(ctx):
    for match in ctx.terms:
        key = match.entry.term.casefold()
        if key in ctx.seen_terms:
            continue  # explained the first time is enough
        ctx.seen_terms.add(key)
        yield Hit(
            match.start,
            match.end,
            None,
            f"'{ctx.text[match.start : match.end]}' is a hard term.",
            f"Explain it: {match.entry.explanation}",
        )


@rule(
    "acronym",
    "This is a short form of a name that is not explained.",
    "Write the words in full, or explain the short form the first time.",
)
def acronym(ctx):
    caps = [m.span() for m in CAPS_RUN.finditer(ctx.text)]
    for m in ACRONYM.finditer(ctx.text):
        word = m.group(0)
        bare = word[:-1] if word.endswith("s") and word[:-1].isupper() else word
        if (
            bare in KNOWN_ACRONYMS
            or bare in ctx.explained
            or (ctx.glossary is not None and bare in ctx.glossary)
            or ctx.protected(m.start(), m.end(), ("email", "url", "phone", "postcode", "reference", "time"))
            or any(s <= m.start() and m.end() <= e for s, e in caps)
        ):
            continue
        yield Hit(m.start(), m.end(), None, f"'{word}' is a short form that is not explained.")


@rule(
    "abbreviation",
    "This is an abbreviation.",
    "Write it out: 'for example' instead of 'e.g.', 'that is' instead of 'i.e.'. Leave out 'etc.' and list the things.",
    severity=FAIL,
)
def abbreviation(ctx):
    for pattern in (ABBREV, ABBREV_CASED):
        for m in pattern.finditer(ctx.text):
            if not ctx.protected(m.start(), m.end()):
                yield Hit(m.start(), m.end(), None, f"'{m.group(0)}' is an abbreviation.")


@rule("idiom", "This is a saying. Some readers may take it word for word.", "Say plainly what you mean.")
def idiom(ctx):
    for m in IDIOM.finditer(ctx.text):
        yield Hit(m.start(), m.end(), None, f"'{m.group(0)}' is a saying. Some readers may take it word for word.")


@rule(
    "block-capitals",
    "These words are in capital letters. They are hard to read.",
    "Use lower case. Use bold for a few key words instead.",
    severity=FAIL,
)
def block_capitals(ctx):
    for m in CAPS_RUN.finditer(ctx.text):
        if not ctx.protected(m.start(), m.end()) and not (ctx.glossary is not None and m.group(0) in ctx.glossary):
            if any(len(w) >= 4 for w in re.findall(r"[A-Z]+", m.group(0))):
                yield Hit(m.start(), m.end())

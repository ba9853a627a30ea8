"""Letters the rewriter refuses or treats specially: empty, too long, not English, already Easy Read."""

from __future__ import annotations

from easyread.documents.errors import InputError
from easyread.documents.model import Document
from easyread.simplify import checking
from easyread.simplify.fixes import fix_sentence
from easyread.simplify.language import guess_language, language_name
from easyread.simplify.plan import LetterPlan
from easyread.simplify.state import LetterInProgress, Line


def validate(doc: Document, settings: dict) -> None:
    """Raise InputError, in plain words, for a letter the rewriter cannot take. `settings` are resolved (every
    REWRITE_* setting present: `simplify_documents` resolves them).

    Not-English letters are refused as a whole (see `easyread.simplify.language`
    for why); bilingual letters pass here and lose only their non-English paragraphs.
    """
    body = "\n\n".join(b.plain_text() for b in doc.body_blocks() if b.plain_text().strip())
    if not body.strip():
        raise InputError("This letter has no text to rewrite. Check you chose the right file.", code="empty")
    words = len(body.split())
    limit = int(settings["REWRITE_MAX_WORDS"])
    if words > limit:
        raise InputError(
            f"This document has {words:,} words. Easy Read works on letters of up to {limit:,} words. "
            "Split it into smaller parts and convert each one.",
            code="too_long",
        )
    guess = guess_language(body, threshold=float(settings["REWRITE_ENGLISH_SHARE"]))
    if not guess.is_english:
        english_blocks = [
            b
            for b in doc.body_blocks()
            if guess_language(b.plain_text()).is_english and len(b.plain_text().split()) >= 5
        ]
        if not english_blocks:
            name = language_name(guess.language)
            what = f"in {name}" if guess.language != "und" else "not in English"
            raise InputError(
                f"This letter looks like it is {what}. easyread rewrites English letters only. "
                "Rewrite the English version, then translate the Easy Read draft.",
                code="not_english",
            )


# Findings that mark a hard word: uncommon by wordfreq, long, a glossary term, an unexplained short form.
HARD_WORD_RULES = frozenset({"uncommon-word", "long-word", "jargon", "acronym", "abbreviation"})
# At most 2 hard words in 100. Measured with these rules: Easy Read written to the guidance has almost none
# (0 in the test samples), the bench's council letters have 2 to 8 in 100 words, the adult-care text of
# issue 14 has 7 in 100.
HARD_WORD_SHARE = 0.02
EASY_SENTENCE_WORDS = 12
# No sentence of an Easy Read letter is this long: short lines ("Day." "Evening.") must not average away a 32-word
# sentence of what the reader faces (read in a TV Licensing warning laid out unchanged in stop 33).
LONGEST_EASY_SENTENCE = 20


def hard_words(findings: list) -> int:
    """How many of `findings` mark a hard word (warnings count: a letter of hard words is not Easy Read)."""
    return sum(1 for f in findings if str(checking.get(f, "rule_id", "")) in HARD_WORD_RULES)


def is_easy_sentence(sentence: str, glossary=None) -> bool:
    """A short sentence with no finding at all reads as Easy Read already: it is kept without a model call."""
    words = len(sentence.split())
    if not 3 <= words <= EASY_SENTENCE_WORDS or "\n" in sentence or sentence.rstrip()[-1:] not in ".!?":
        return False
    return not checking.sentence_findings(sentence, glossary)


def _whole_sentence(text: str) -> bool:
    """Not a lead-in ending in a colon, nor a piece starting in lower case (a list item that goes on from one)."""
    text = text.strip()
    return bool(text) and not text[0].islower() and not text.endswith(":")


def already_easy(
    letter: LetterInProgress, plan: LetterPlan, glossary, share_needed: float, hard_share: float = HARD_WORD_SHARE
) -> bool:
    """If the letter already reads as Easy Read, lay it out as it is.

    It must pass on three counts: most sentences pass the checks, they are short (none over 20 words), and
    its hard words (uncommon, long, glossary terms and short forms, counted from warnings as well as failures)
    are as rare as in real Easy Read. Returns True and fills `letter.lines` with the letter's own sentences (with
    only the safe fixes of dates and numbers), so the model never rewrites them.
    """
    lines: list[Line] = []
    checking.prepare([unit.text.replace("\n- ", "\n") for unit in plan.units])
    for u, unit in enumerate(plan.units):
        for sentence in checking.split_sentences(unit.text.replace("\n- ", "\n")):
            sentence = fix_sentence(sentence.lstrip("- ").strip())
            lines.append(
                Line(
                    sentence,
                    u,
                    checking.sentence_findings(sentence, glossary),
                    source_index=unit.index,
                    sources=[unit.sid] if unit.sid else [],
                )
            )
    if not lines:
        return False
    if not all(_whole_sentence(l.text) for l in lines):
        # A list item ("how much you need to pay") read apart from its lead-in is not a sentence a
        # resident can follow: such a letter goes to the rewriter, which gives each item its lead-in.
        return False
    passing = sum(1 for l in lines if not l.fails) / len(lines)
    words = sum(l.words for l in lines)
    mean_words = words / len(lines)
    hard = sum(hard_words(l.findings) for l in lines) / max(1, words)
    longest = max(l.words for l in lines)
    if passing >= share_needed and mean_words <= 12 and hard <= hard_share and longest <= LONGEST_EASY_SENTENCE:
        letter.lines = lines
        letter.already_easy = True
        letter.notes.append("This letter already reads as Easy Read, so its sentences were kept as they are.")
        return True
    return False

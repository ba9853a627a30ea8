"""Letters the rewriter refuses or treats specially: empty, too long, not English, already Easy Read."""
from __future__ import annotations

from easyread.documents.errors import InputError
from easyread.documents.model import Document
from easyread.simplify import checking
from easyread.simplify.fixes import fix_sentence
from easyread.simplify.language import guess_language, language_name
from easyread.simplify.plan import LetterPlan
from easyread.simplify.state import Job, Line


def validate(doc: Document, settings: dict) -> None:
    """Raise InputError, in plain words, for a letter the rewriter cannot take.

    Not-English letters are refused as a whole (see `easyread.simplify.language`
    for why); bilingual letters pass here and lose only their non-English paragraphs.
    """
    body = "\n\n".join(b.plain_text() for b in doc.body_blocks() if b.plain_text().strip())
    if not body.strip():
        raise InputError("This letter has no text to rewrite. Check you chose the right file.", code="empty")
    words = len(body.split())
    limit = int(settings.get("REWRITE_MAX_WORDS", 6000))
    if words > limit:
        raise InputError(
            f"This document has {words:,} words. Easy Read works on letters of up to {limit:,} words. "
            "Split it into smaller parts and convert each one.",
            code="too_long",
        )
    guess = guess_language(body, threshold=float(settings.get("REWRITE_ENGLISH_SHARE", 0.6)))
    if not guess.is_english:
        english_blocks = [b for b in doc.body_blocks() if guess_language(b.plain_text()).is_english and len(b.plain_text().split()) >= 5]
        if not english_blocks:
            name = language_name(guess.language)
            what = f"in {name}" if guess.language != "und" else "not in English"
            raise InputError(
                f"This letter looks like it is {what}. easyread rewrites English letters only. "
                "Rewrite the English version, then translate the Easy Read draft.",
                code="not_english",
            )


def already_easy(job: Job, plan: LetterPlan, glossary, share_needed: float) -> bool:
    """If most sentences already pass the checks, lay the letter out as it is.

    Returns True and fills `job.lines` with the letter's own sentences (with only
    the safe fixes of dates and numbers), so the model never rewrites them.
    """
    lines: list[Line] = []
    for u, unit in enumerate(plan.units):
        for sentence in checking.split_sentences(unit.text.replace("\n- ", "\n")):
            sentence = fix_sentence(sentence.lstrip("- ").strip())
            lines.append(Line(sentence, u, checking.sentence_findings(sentence, glossary), source_index=unit.index))
    if not lines:
        return False
    passing = sum(1 for l in lines if not l.fails) / len(lines)
    mean_words = sum(l.words for l in lines) / len(lines)
    if passing >= share_needed and mean_words <= 12:
        job.lines = lines
        job.already_easy = True
        job.notes.append("This letter already reads as Easy Read, so its sentences were kept as they are.")
        return True
    return False

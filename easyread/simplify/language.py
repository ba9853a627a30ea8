"""Is this letter in English? An offline check from word frequencies (wordfreq).

Decision for letters that are not in English:

* A letter that is mostly not English (for example a Welsh or Polish letter) is
  refused with a plain message: the embedded model writes poor Easy Read in other
  languages, and a wrong Easy Read letter is worse than none. Staff can translate
  an English Easy Read draft into the reader's language instead.
* A bilingual letter (Welsh councils send English and Welsh side by side) is
  rewritten from its English paragraphs only; the other paragraphs are left out
  and the result says so in its notes, so nobody thinks they were rewritten.

The test is the share of ordinary lowercase words (four letters or more) that are
common English words. Capitalised words are skipped because names of people and
places are not English or Welsh, and short words are skipped because many short
Welsh and Polish words ("yn", "a", "nie") are also English spellings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
# Common Welsh words; wordfreq has no Welsh list, so we name Welsh from these.
_WELSH = frozenset(
    "eich cyngor treth rhaid gallwch cysylltwch llythyr dyddiad rydym ydych bydd gyda "
    "neu ddim hwn hon wedi mae chi nhw cael gwneud talu dalu angen gwybodaeth ffoniwch "
    "gyfer rhif drwy ynghylch annwyl cofion gilydd sydd fydd oes".split()
)
# Languages we try to name when a letter is not English (all in wordfreq).
_CANDIDATES = (
    "pl",
    "ro",
    "lt",
    "pt",
    "es",
    "fr",
    "de",
    "it",
    "nl",
    "cs",
    "sk",
    "bg",
    "ru",
    "uk",
    "tr",
    "ar",
    "ur",
    "fa",
    "bn",
    "hi",
)

ENGLISH_WORD_ZIPF = 3.0


@dataclass(frozen=True)
class LanguageGuess:
    """`english_share` is 0-1; `language` is a BCP 47 code ("en", "cy", "pl", "und")."""

    language: str
    english_share: float
    words: int

    @property
    def is_english(self) -> bool:
        return self.language == "en"


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if w[:1].islower() and len(w) >= 4]


@lru_cache(maxsize=20000)
def _zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


def guess_language(text: str, *, threshold: float = 0.6) -> LanguageGuess:
    """Guess whether `text` is English; name the other language when we can.

    Text with fewer than 3 usable words is taken as English (nothing to judge by).
    """
    words = _words(text)
    if len(words) < 3:
        return LanguageGuess("en", 1.0, len(words))
    english = sum(1 for w in words if _zipf(w.lower(), "en") >= ENGLISH_WORD_ZIPF)
    share = english / len(words)
    if share >= threshold:
        return LanguageGuess("en", share, len(words))
    all_words = [w.lower() for w in _WORD.findall(text)]
    if sum(1 for w in all_words if w in _WELSH) >= max(2, 0.08 * len(all_words)):
        return LanguageGuess("cy", share, len(words))
    best, best_score = "und", 0.0
    for lang in _CANDIDATES:
        score = sum(1 for w in words if _zipf(w.lower(), lang) >= ENGLISH_WORD_ZIPF) / len(words)
        if score > best_score:
            best, best_score = lang, score
    return LanguageGuess(best if best_score >= threshold else "und", share, len(words))


def language_name(code: str) -> str:
    """English name of a language code, from CLDR via babel ("cy" -> "Welsh")."""
    if code == "und":
        return "another language"
    try:
        from babel import Locale

        return Locale("en").languages.get(code, code)
    except Exception:  # babel missing data should never stop a conversion
        return code

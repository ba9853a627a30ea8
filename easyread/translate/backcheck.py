"""Back-translation: translate each point back into English and score it against the source.

Two scores, because each misses what the other sees: chrF (sacrebleu's character
n-gram F-score, 0-100) catches lost names, numbers and negations; cosine similarity
of all-MiniLM-L6-v2 sentence embeddings (0-1) tolerates a paraphrase that keeps the
meaning. A point is flagged when either falls below its threshold. Neither proves a
translation right: a flag sends the point to a fluent reviewer, nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class BackCheck:
    """The back-translation of one point and its scores."""

    back: str
    chrf: float
    similarity: float
    drifted: bool

    def finding(self) -> dict:
        """A finding for the point, in the shape the checks use."""
        message = (
            "The meaning may have changed in translation: translated back it reads "
            f'"{self.back}" (chrF {self.chrf:.0f}, similarity {self.similarity:.2f}). Ask a fluent speaker to check it.'
            if self.drifted
            else f'Translated back it reads "{self.back}".'
        )
        return {
            "check": "back-translation",
            "level": "warning" if self.drifted else "info",
            "message": message,
            "back_translation": self.back,
            "chrf": round(self.chrf, 1),
            "similarity": round(self.similarity, 3),
        }


def chrf(hypothesis: str, reference: str) -> float:
    """Sentence-level chrF (sacrebleu defaults: character 6-grams, beta 2), 0-100."""
    from sacrebleu.metrics import CHRF

    return float(CHRF().sentence_score(hypothesis, [reference]).score)


def similarities(embedder, sources: list[str], backs: list[str]) -> list[float]:
    """Cosine similarity of each source with its back-translation (unit vectors, so a dot product)."""
    if not sources:
        return []
    vectors = embedder.encode(list(sources) + list(backs))
    left, right = vectors[: len(sources)], vectors[len(sources) :]
    return [float(x) for x in np.clip(np.sum(left * right, axis=1), -1.0, 1.0)]


def score(
    sources: list[str],
    backs: list[str],
    *,
    embedder=None,
    chrf_min: float,
    similarity_min: float,
) -> list[BackCheck]:
    """Score back-translations against their English sources; `embedder` defaults to MiniLM. A point drifted when
    its chrF is below `chrf_min` or its similarity below `similarity_min` (the TRANSLATE_CHRF_MIN and
    TRANSLATE_SIMILARITY_MIN settings)."""
    if embedder is None:
        from easyread.pictures.embed import MiniLM

        embedder = MiniLM()
    sims = similarities(embedder, sources, backs)
    out = []
    for source, back, sim in zip(sources, backs, sims):
        value = chrf(back, source)
        out.append(BackCheck(back, value, sim, value < chrf_min or sim < similarity_min))
    return out


def back_check(translator, sources: list[str], translations: list[str], language: str, **kwargs) -> list[BackCheck]:
    """Translate `translations` (in `language`) back into English with `translator` and score them."""
    backs = translator.translate(list(translations), target="en", source=language)
    return score(sources, backs, **kwargs)

"""Choose the picture for each point: concept map first, then embeddings, else none.

1. Concepts: the point's key idea from `concepts.csv` (and the council's own
   keywords) gives its picture, the council's picture for that idea first.
2. Embeddings: otherwise the symbol whose keywords are nearest in meaning, if
   the similarity reaches the threshold (council pictures first).
3. Nothing: better no picture than a wrong one.

Within one document an idea keeps the picture it got first.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from easyread.pictures.concepts import Concept, find, load_concepts, tokens
from easyread.pictures.library import COUNCIL, Library, Symbol

DEFAULT_THRESHOLD = 0.45
# A picture already used in the document wins over a new one this close to it in score,
# so a letter does not alternate between two money pictures.
REUSE_MARGIN = 0.05


@dataclass(frozen=True)
class Choice:
    """The picture chosen for one text, how it was found, and the idea it stands for."""

    symbol: Symbol | None
    stage: str  # "concept", "embedding" or "none"
    score: float = 0.0
    idea: str | None = None


class Matcher:
    """Matches texts to a library's symbols. Build one per library and reuse it."""

    def __init__(self, library: Library, threshold: float = DEFAULT_THRESHOLD, *, use_concepts: bool = True, use_embeddings: bool = True):
        self.library = library
        self.threshold = threshold
        self.use_concepts = use_concepts
        self.use_embeddings = use_embeddings
        builtin = load_concepts()
        self.concepts: list[Concept] = [*self._council_concepts(builtin), *builtin]
        self._resolved = {c.name: self._resolve(c) for c in self.concepts}
        # Which idea each built-in picture belongs to, so an embedding match joins the idea's picture.
        self._idea_of: dict[str, str] = {}
        for concept in builtin:
            for pid in concept.pictures:
                self._idea_of.setdefault(pid, concept.name)
        self._positions = {s.id: i for i, s in enumerate(library.symbols)}
        self._council_rows = np.array([i for i, s in enumerate(library.symbols) if s.source == COUNCIL], dtype=int)

    def _council_concepts(self, builtin: tuple[Concept, ...]) -> list[Concept]:
        """Each council picture as a concept named by its keywords, ranked like the built-in idea it shares words with."""
        out = []
        for symbol in self.library.council():
            keys = {tuple(tokens(k)) for k in symbol.keywords}
            tiers = [c.tier for c in builtin if keys & {tuple(tokens(t)) for t in c.terms}]
            out.append(Concept(symbol.id, min(tiers, default=1), (symbol.id,), symbol.keywords))
        return out

    def _resolve(self, concept: Concept) -> Symbol | None:
        """The picture for an idea: a council picture named by one of its words, else its first picture in the library."""
        if concept.name.startswith(COUNCIL + ":"):
            return self.library.get(concept.name)
        words = {tuple(tokens(t)) for t in (concept.name, *concept.terms) if not t.startswith("<")}
        for symbol in self.library.council():
            if words & {tuple(tokens(k)) for k in symbol.keywords}:
                return symbol
        for pid in concept.pictures:
            if (symbol := self.library.get(pid)) is not None:
                return symbol
        return None

    def concept_choice(self, text: str) -> Choice | None:
        """The picture of the text's key idea from the concept map, or None when it names no idea with a picture."""
        for hit in find(text, self.concepts):
            symbol = self._resolved.get(hit.concept.name)
            if symbol is not None:
                idea = self._idea_of.get(hit.concept.name[len(COUNCIL) + 1 :], hit.concept.name) if symbol.source == COUNCIL else hit.concept.name
                return Choice(symbol, "concept", 1.0, idea)
        return None

    def similarities(self, texts: list[str]) -> np.ndarray:
        """Cosine similarity of each text (rows) with each library symbol (columns)."""
        if not texts or not self.library.symbols:
            return np.zeros((len(texts), len(self.library.symbols)), dtype=np.float32)
        vectors = self.library.get_embedder().encode(list(texts))
        return vectors @ self.library.vectors().T

    def _embedding_choice(self, scores: np.ndarray, used: dict[str, Symbol]) -> Choice:
        symbols = self.library.symbols
        if not symbols:  # a council that turned the default set off and has no folder yet: no picture, not a crash
            return Choice(None, "none")
        best = None
        if self._council_rows.size:
            i = int(self._council_rows[np.argmax(scores[self._council_rows])])
            if scores[i] >= self.threshold:
                best = i
        if best is None:
            i = int(np.argmax(scores))
            if scores[i] < self.threshold:
                return Choice(None, "none", float(scores[i]))
            best = i
        symbol = symbols[best]
        idea = self._idea_of.get(symbol.id, symbol.id)
        if idea in used:
            return Choice(used[idea], "embedding", float(scores[best]), idea)
        for used_idea, used_symbol in used.items():
            j = self._positions.get(used_symbol.id)
            if j is not None and scores[j] >= max(self.threshold, scores[best] - REUSE_MARGIN):
                return Choice(used_symbol, "embedding", float(scores[j]), used_idea)
        return Choice(symbol, "embedding", float(scores[best]), idea)

    def match(self, texts: list[str]) -> list[Choice]:
        """One choice per text, in order, keeping one picture per idea across the texts (one document)."""
        choices: list[Choice | None] = [self.concept_choice(t) if self.use_concepts and t.strip() else None for t in texts]
        pending = [i for i, c in enumerate(choices) if c is None and texts[i].strip()]
        scores = self.similarities([texts[i] for i in pending]) if self.use_embeddings and pending else None
        rows = {i: r for r, i in enumerate(pending)}
        used: dict[str, Symbol] = {}
        out = []
        for i, choice in enumerate(choices):
            if choice is not None:
                choice = Choice(used.setdefault(choice.idea, choice.symbol), choice.stage, choice.score, choice.idea)
            elif scores is not None and i in rows:
                choice = self._embedding_choice(scores[rows[i]], used)
                if choice.symbol is not None:
                    used.setdefault(choice.idea, choice.symbol)
            else:
                choice = Choice(None, "none")
            out.append(choice)
        return out

    def search(self, query: str, limit: int = 20) -> list[Symbol]:
        """Symbols for a person's search: the idea's pictures, then council keyword matches, then nearest in meaning."""
        found: dict[str, Symbol] = {}
        for hit in find(query, self.concepts):
            resolved = self._resolved.get(hit.concept.name)
            for symbol in [resolved, *(self.library.get(p) for p in hit.concept.pictures)]:
                if symbol is not None:
                    found.setdefault(symbol.id, symbol)
        needle = query.strip().lower()
        for symbol in self.library.symbols:
            if needle and (any(needle in k for k in symbol.keywords) or needle in symbol.alt.lower()):
                found.setdefault(symbol.id, symbol)
        if len(found) < limit and needle and self.use_embeddings:
            scores = self.similarities([query])[0]
            for i in np.argsort(-scores)[: limit * 2]:
                found.setdefault(self.library.symbols[i].id, self.library.symbols[i])
        return list(found.values())[:limit]

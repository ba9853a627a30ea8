"""Choose the picture for each point: concept map first, then embeddings, else none.

1. Concepts: the point's key idea from `concepts.csv` (and the council's own
   keywords) gives its picture, the council's picture for that idea first.
2. Embeddings: otherwise the symbol whose keywords are nearest in meaning, if
   the similarity reaches the threshold (council pictures first).
3. Nothing: better no picture than a wrong one.

Within one document an idea keeps the picture it got first, but no picture stands
beside more than MAX_USES points: past that a point takes the picture of the next
idea it names, then another picture of the same idea, then the next nearest in
meaning, else none (one picture on half a letter's points tells a reader nothing).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from easyread.pictures.concepts import Concept, find, load_concepts, tokens
from easyread.pictures.library import COUNCIL, Library, Symbol

DEFAULT_THRESHOLD = 0.45
# A picture already used in the document wins over a new one this close to it in score,
# so a letter does not alternate between two money pictures.
REUSE_MARGIN = 0.05
# How many points of one document one picture may stand beside.
MAX_USES = 2
# A searched-for picture found only by meaning must be at least this close, so a search for
# "reference number" does not end in a funeral urn.
SEARCH_MIN_SIMILARITY = 0.30


@dataclass(frozen=True)
class Choice:
    """The picture chosen for one text, how it was found, and the idea it stands for."""

    symbol: Symbol | None
    stage: str  # "concept", "embedding" or "none"
    score: float = 0.0
    idea: str | None = None


class Matcher:
    """Matches texts to a library's symbols. Build one per library and reuse it."""

    def __init__(
        self,
        library: Library,
        threshold: float = DEFAULT_THRESHOLD,
        *,
        use_concepts: bool = True,
        use_embeddings: bool = True,
    ):
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
                idea = (
                    self._idea_of.get(hit.concept.name[len(COUNCIL) + 1 :], hit.concept.name)
                    if symbol.source == COUNCIL
                    else hit.concept.name
                )
                return Choice(symbol, "concept", 1.0, idea)
        return None

    def similarities(self, texts: list[str]) -> np.ndarray:
        """Cosine similarity of each text (rows) with each library symbol (columns)."""
        if not texts or not self.library.symbols:
            return np.zeros((len(texts), len(self.library.symbols)), dtype=np.float32)
        vectors = self.library.get_embedder().encode(list(texts))
        return vectors @ self.library.vectors().T

    def _embedding_choice(self, scores: np.ndarray, used: dict[str, Symbol], uses: Counter | None = None) -> Choice:
        symbols = self.library.symbols
        if not symbols:  # a council that turned the default set off and has no folder yet: no picture, not a crash
            return Choice(None, "none")
        if uses:
            scores = scores.copy()
            full = [self._positions[sid] for sid, n in uses.items() if n >= MAX_USES and sid in self._positions]
            scores[full] = -1.0  # a picture beside MAX_USES points already is not offered again
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
        if idea in used and (uses is None or uses[used[idea].id] < MAX_USES):
            return Choice(used[idea], "embedding", float(scores[best]), idea)
        for used_idea, used_symbol in used.items():
            j = self._positions.get(used_symbol.id)
            if j is not None and scores[j] >= max(self.threshold, scores[best] - REUSE_MARGIN):
                return Choice(used_symbol, "embedding", float(scores[j]), used_idea)
        return Choice(symbol, "embedding", float(scores[best]), idea)

    def _idea_of_hit(self, name: str, symbol: Symbol) -> str:
        return self._idea_of.get(name[len(COUNCIL) + 1 :], name) if symbol.source == COUNCIL else name

    def _concept_choice(self, text: str, used: dict[str, Symbol], uses: Counter) -> tuple[Choice | None, bool]:
        """(choice, named an idea): the first idea the text names whose picture is not full, then another
        picture of those ideas; (None, True) when every picture of every idea it names is full."""
        hits = find(text, self.concepts)
        if not hits:
            return None, False
        for hit in hits:  # each idea's own picture (the one it already has in this letter first)
            symbol = self._resolved.get(hit.concept.name)
            if symbol is None:
                continue
            idea = self._idea_of_hit(hit.concept.name, symbol)
            symbol = used.get(idea, symbol)
            if uses[symbol.id] < MAX_USES:
                return Choice(symbol, "concept", 1.0, idea), True
        for hit in hits:  # another picture of the same idea
            for pid in hit.concept.pictures:
                symbol = self.library.get(pid)
                if symbol is not None and uses[symbol.id] < MAX_USES:
                    return Choice(symbol, "concept", 0.9, hit.concept.name), True
        return None, True

    def match(self, texts: list[str], on_done: Callable[[int], None] | None = None) -> list[Choice]:
        """One choice per text, in order (one document): an idea keeps its picture across the texts,
        and no picture is used more than MAX_USES times. `on_done(count)` as each text's choice is made."""
        used: dict[str, Symbol] = {}
        uses: Counter = Counter()
        firsts = [
            self._concept_choice(t, {}, Counter()) if self.use_concepts and t.strip() else (None, False) for t in texts
        ]
        # Texts naming no idea are embedded together, as before; the rest only if their ideas' pictures run out.
        pending = [i for i, (c, _) in enumerate(firsts) if c is None and texts[i].strip()]
        scores = self.similarities([texts[i] for i in pending]) if self.use_embeddings and pending else None
        rows = {i: r for r, i in enumerate(pending)}
        out = []
        for i, text in enumerate(texts):
            choice = None
            if firsts[i][0] is not None:
                choice, _ = self._concept_choice(text, used, uses)
                if choice is None and self.use_embeddings:
                    choice = self._embedding_choice(self.similarities([text])[0], used, uses)
            elif scores is not None and i in rows:
                choice = self._embedding_choice(scores[rows[i]], used, uses)
            if on_done is not None:
                on_done(i + 1)
            if choice is None or choice.symbol is None:
                out.append(choice or Choice(None, "none"))
                continue
            used.setdefault(choice.idea, choice.symbol)
            uses[choice.symbol.id] += 1
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
                if scores[i] < SEARCH_MIN_SIMILARITY:
                    break
                found.setdefault(self.library.symbols[i].id, self.library.symbols[i])
        return list(found.values())[:limit]

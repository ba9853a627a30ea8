"""A picture beside every point: symbol sets, matching and alt text.

Public API:
- `add_pictures(doc, *, settings=None, library=None)` fills `Point.picture` and `doc.credits`.
- `search_pictures(query, limit=20)` lists symbols for a person to choose from.
- `Symbol(id, path, alt, keywords, source, credit)`.
"""
from __future__ import annotations

import copy

from easyread.documents.model import EasyReadDocument, Picture
from easyread.pictures.library import OPENMOJI_CREDIT, Library, Symbol, cache_folder, default_library
from easyread.pictures.match import DEFAULT_THRESHOLD, Choice, Matcher
from easyread.pictures.raster import png_path

__all__ = ["add_pictures", "search_pictures", "picture_for", "Symbol", "Library", "Matcher", "Choice", "OPENMOJI_CREDIT"]

_matchers: dict[tuple[int, float], Matcher] = {}


def _settings(settings: dict | None) -> dict:
    if settings is None:
        from easyread.config import load_settings

        settings = load_settings()
    return settings


def _matcher(library: Library, threshold: float) -> Matcher:
    # One matcher per library: building it stems every concept word and council keyword.
    key = (id(library), threshold)
    if key not in _matchers or _matchers[key].library is not library:
        _matchers[key] = Matcher(library, threshold)
    return _matchers[key]


def picture_for(symbol: Symbol, settings: dict | None = None) -> Picture:
    """A `Picture` for `symbol`: a PNG of PICTURE_PX pixels in the symbol cache, its alt text and credit."""
    settings = _settings(settings)
    px = int(settings.get("PICTURE_PX") or 400)
    path = png_path(symbol.path, symbol.id, px, cache_folder(settings))
    return Picture(path=str(path), alt=symbol.alt, credit=symbol.credit)


def add_pictures(doc: EasyReadDocument, *, settings: dict | None = None, library: Library | None = None) -> EasyReadDocument:
    """A copy of `doc` with a picture beside each point that has none, and the pictures' credits.

    A picture already on a point was chosen by a person and is kept. Points whose
    key idea has no picture good enough stay without one. Only English text is
    matched (the concept words and the embedding model are English); other
    languages keep the pictures of the English version they were translated from.
    """
    settings = _settings(settings)
    doc = copy.deepcopy(doc)
    if (doc.language or "en").lower().split("-")[0] == "en":
        library = library if library is not None else default_library(settings)
        threshold = float(settings.get("PICTURE_MATCH_THRESHOLD", DEFAULT_THRESHOLD))
        todo = [p for p in doc.points() if p.picture is None and p.text.strip()]
        choices = _matcher(library, threshold).match([p.text for p in todo])
        for point, choice in zip(todo, choices):
            if choice.symbol is not None:
                point.picture = picture_for(choice.symbol, settings)
    for point in doc.points():
        credit = point.picture.credit if point.picture else None
        if credit and credit not in doc.credits:
            doc.credits.append(credit)
    return doc


def search_pictures(query: str, limit: int = 20, *, settings: dict | None = None, library: Library | None = None) -> list[Symbol]:
    """Up to `limit` symbols for `query`, best first, council pictures before OpenMoji's for the same idea."""
    settings = _settings(settings)
    library = library if library is not None else default_library(settings)
    threshold = float(settings.get("PICTURE_MATCH_THRESHOLD", DEFAULT_THRESHOLD))
    return _matcher(library, threshold).search(query, limit)

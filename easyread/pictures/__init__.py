"""A picture beside every point: symbol sets, matching and alt text.

Public API:
- `add_pictures(doc, *, settings=None, library=None)` fills `Point.picture` and `doc.credits`.
- `search_pictures(query, limit=20)` lists symbols for a person to choose from.
- `Symbol(id, path, alt, keywords, source, credit)`.
"""

from __future__ import annotations

import copy

from easyread.config import resolved
from easyread.documents.model import EasyReadDocument, Picture, Point
from easyread.pictures.alt import alt_for_point
from easyread.pictures.library import COUNCIL, OPENMOJI_CREDIT, Library, Symbol, cache_folder, default_library
from easyread.pictures.match import Choice, Matcher
from easyread.pictures.raster import png_path

__all__ = [
    "add_pictures",
    "search_pictures",
    "picture_for",
    "Symbol",
    "Library",
    "Matcher",
    "Choice",
    "OPENMOJI_CREDIT",
]

_matchers: dict[tuple[int, float], Matcher] = {}


def _matcher(library: Library, threshold: float) -> Matcher:
    # One matcher per library: building it stems every concept word and council keyword.
    key = (id(library), threshold)
    if key not in _matchers or _matchers[key].library is not library:
        _matchers[key] = Matcher(library, threshold)
    return _matchers[key]


def picture_for(symbol: Symbol, settings: dict | None = None, alt: str | None = None) -> Picture:
    """A `Picture` for `symbol`: a PNG of PICTURE_PX pixels in the symbol cache, its alt text (or `alt`) and credit."""
    settings = resolved(settings)
    px = settings.PICTURE_PX
    path = png_path(symbol.path, symbol.id, px, cache_folder(settings))
    return Picture(path=str(path), alt=alt or symbol.alt, credit=symbol.credit)


# A letter part gets the picture that fits it, or none: an address is not about money, and a
# reference number has no picture a reader would understand. (symbol id, what it means) or None.
LETTER_PART_PICTURES: dict[str, tuple[str, str] | None] = {
    "sender_address": ("1F3E2", "Who sent this letter"),
    "recipient_address": ("1F3E0", "Your address"),
    "date_line": ("1F4C5", "The date of this letter"),
    "reference": None,
    "salutation": None,
    "sign_off": None,
}


def letter_part(point: Point) -> str | None:
    """Which part of a letter the point keeps ("reference", "sign_off", ...), from its flags or its words;
    None for the body."""
    from easyread.documents.identity import LETTER_PART
    from easyread.documents.letter import DATE_LINE_RE, SIGN_OFF_RE, parse_references

    for flag in point.flags:
        if flag.startswith(LETTER_PART + ":"):
            return flag.split(":", 1)[1]
    text = point.text.strip()
    if parse_references(text):
        return "reference"
    if DATE_LINE_RE.match(text):
        return "date_line"
    if SIGN_OFF_RE.match(text.split("\n")[0].strip()):
        return "sign_off"
    return None


def _no_progress(done: int, total: int) -> None:
    pass


def add_pictures(
    doc: EasyReadDocument, *, settings: dict | None = None, library: Library | None = None, progress=_no_progress
) -> EasyReadDocument:
    """A copy of `doc` with a picture beside each point that has none, and the pictures' credits.

    A picture already on a point was chosen by a person and is kept. Points whose
    key idea has no picture good enough stay without one. The letter's own parts
    (addresses, date, references, sign-off) get the picture that fits them or none.
    Each picture's alt text says what it means beside its point. Only English text is
    matched (the concept words and the embedding model are English); other
    languages keep the pictures of the English version they were translated from.
    `progress(done, total)` is called as the library loads, the points are matched and each picture is made.
    """
    settings = resolved(settings)
    doc = copy.deepcopy(doc)
    if (doc.language or "en").lower().split("-")[0] == "en":
        points = [p for p in doc.points() if p.picture is None and p.text.strip()]
        # Two steps per point: its idea matched, then its picture made (a letter part's, both at once).
        total, done = 2 * len(points) + 2, 0
        progress(done, total)
        library = library if library is not None else default_library(settings)
        threshold = settings.PICTURE_MATCH_THRESHOLD
        matcher = _matcher(library, threshold)
        done += 1
        progress(done, total)
        todo = []
        for point in points:
            part = letter_part(point)
            if part is None:
                todo.append(point)
                continue
            fitting = LETTER_PART_PICTURES.get(part)
            symbol = library.get(fitting[0]) if fitting else None
            if symbol is not None:
                point.picture = picture_for(symbol, settings, alt=fitting[1])
            done += 2
            progress(done, total)
        matched = done
        choices = matcher.match([p.text for p in todo], on_done=lambda n: progress(matched + n, total))
        done += len(todo) + 1
        progress(done, total)
        for point, choice in zip(todo, choices):
            if choice.symbol is not None:
                alt = choice.symbol.alt  # a council's own picture keeps the alt text the council wrote
                if choice.symbol.source != COUNCIL:
                    alt = alt_for_point(choice.idea, point.text, choice.symbol.alt)
                point.picture = picture_for(choice.symbol, settings, alt=alt)
            done += 1
            progress(done, total)
    for point in doc.points():
        credit = point.picture.credit if point.picture else None
        if credit and credit not in doc.credits:
            doc.credits.append(credit)
    return doc


def search_pictures(
    query: str, limit: int = 20, *, settings: dict | None = None, library: Library | None = None
) -> list[Symbol]:
    """Up to `limit` symbols for `query`, best first, council pictures before OpenMoji's for the same idea."""
    settings = resolved(settings)
    library = library if library is not None else default_library(settings)
    threshold = settings.PICTURE_MATCH_THRESHOLD
    return _matcher(library, threshold).search(query, limit)

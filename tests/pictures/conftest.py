"""A small picture library for tests: the concept map's OpenMoji pictures, a few others, and a council folder."""

from __future__ import annotations

import pytest
from PIL import Image

from easyread.pictures.concepts import load_concepts
from easyread.pictures.library import Library, load_council_folder, load_openmoji

# Pictures the concept map names, plus near-misses the embeddings could pick.
EXTRA_IDS = {"1F4DA", "26CF", "1F91E", "1F517", "1F4B5", "1F4B6", "1F4B8"}


def openmoji_subset() -> list:
    ids = {p for c in load_concepts() for p in c.pictures} | EXTRA_IDS
    return load_openmoji(ids)


@pytest.fixture(scope="session")
def symbol_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("symbols")


@pytest.fixture(scope="session")
def council_folder(tmp_path_factory):
    """A council folder: a square PNG for money and a wide JPEG for the library, with pictures.csv."""
    folder = tmp_path_factory.mktemp("council")
    Image.new("RGBA", (300, 300), (0, 120, 0, 255)).save(folder / "money.png")
    Image.new("RGB", (640, 320), (0, 0, 200)).save(folder / "library.jpg")
    (folder / "pictures.csv").write_text(
        "file,keywords,alt,credit\n"
        "money.png,money; cash; pound,Money in a purse,Pictures: Example Picture Bank. Licensed to Westmoor Council\n"
        "library.jpg,library; books; novels; stories,Library books,Pictures: Example Picture Bank. Licensed to Westmoor Council\n"
        "missing.png,ghost,Not there,\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="session")
def openmoji_library(symbol_cache):
    return Library(openmoji_subset(), cache_dir=str(symbol_cache))


@pytest.fixture(scope="session")
def council_library(symbol_cache, council_folder):
    return Library(load_council_folder(council_folder) + openmoji_subset(), cache_dir=str(symbol_cache))


@pytest.fixture
def settings(symbol_cache, tmp_path):
    return {
        "INSTANCE_PATH": str(tmp_path),
        "SYMBOL_CACHE": str(symbol_cache),
        "PICTURE_PX": 120,
        "PICTURE_MATCH_THRESHOLD": 0.45,
    }

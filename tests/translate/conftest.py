"""Fixtures for the translation tests: a small draft, a glossary, fakes, and tiny seq2seq models."""

from __future__ import annotations

import pytest

from easyread.documents.model import EasyReadDocument, Picture, Point, Section
from easyread.glossary import Glossary, GlossaryEntry
from tests.translate.fakes import FakeTranslator, HashEmbedder
from tests.translate.tiny_models import build_tiny_model


@pytest.fixture
def draft(tmp_path):
    picture = tmp_path / "pay.png"
    from PIL import Image

    Image.new("RGB", (20, 20), "white").save(picture)
    return EasyReadDocument(
        title="Your bill",
        sections=[
            Section(
                "Money",
                [
                    Point(
                        "Pay £125.00 by 1 March 2025.",
                        Picture(str(picture), alt="Money", credit="OpenMoji CC BY-SA 4.0"),
                        source_index=0,
                    ),
                    Point("Call 01632 960 123.", None, flags=["fact-readded"], source_index=1),
                ],
            ),
            Section("", [Point("You have 28 days.", None, source_index=2)]),
        ],
        language="en",
        credits=["Made by the council"],
    )


@pytest.fixture
def glossary():
    return Glossary([GlossaryEntry("council tax", "Money you pay to the council.", {"pl": "podatek lokalny"})])


@pytest.fixture
def settings():
    return {
        "TRANSLATE_BACK_CHECK": True,
        "TRANSLATE_CHRF_MIN": 25.0,
        "TRANSLATE_SIMILARITY_MIN": 0.7,
        "GLOSSARY_DIR": "",
        "TRANSLATE_MAX_TOKENS": 8,
    }  # random-weight models never stop by themselves


@pytest.fixture
def fake():
    return FakeTranslator()


@pytest.fixture
def embedder():
    return HashEmbedder()


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory):
    """One tiny random-weight model of each family, saved the way a downloaded model is."""
    root = tmp_path_factory.mktemp("tiny-translators")
    names = {
        "nllb": "nllb",
        "m2m100": "m2m100",
        "madlad": "madlad",
        "marian": "opus-mt-en-mul",
        "marian-pair": "opus-mt-en-pl",
    }
    return {kind: build_tiny_model(kind, root / name) for kind, name in names.items()}

"""Scripted translators and embedders for the translation tests: no model, fully predictable."""

from __future__ import annotations

import hashlib
import re

import numpy as np

from easyread.engines.base import EngineError, GenerationStats
from easyread.translate.catalogue import DRAFT

# A "translation" into Polish that is easy to read back: a few words swapped, months in
# the genitive as Polish writes them, everything else (facts, markers) copied.
WORDS = {
    "Pay": "Zapłać",
    "by": "do",
    "Call": "Zadzwoń",
    "You": "Ty",
    "have": "masz",
    "days": "dni",
    "Your": "Twój",
    "bill": "rachunek",
    "is": "jest",
    "here": "tutaj",
    "Money": "Pieniądze",
}
MONTHS = {"March": "marca", "April": "kwietnia"}


def to_polish(text: str) -> str:
    for en, pl in {**WORDS, **MONTHS}.items():
        text = re.sub(rf"\b{en}\b", pl, text)
    return "PL " + text


def from_polish(text: str) -> str:
    text = text.removeprefix("PL ")
    for en, pl in {**WORDS, **MONTHS}.items():
        text = re.sub(rf"(?<!\w){pl}(?!\w)", en, text)
    return text


class FakeTranslator:
    """Translates by `script(text, target, source)`, defaulting to the word swaps above.

    `supports` maps codes to tiers; `fail_on` makes one target language raise EngineError.
    """

    name = "fake"

    def __init__(self, script=None, supports=None, fail_on=None, back=None):
        self.script = script
        self.back = back
        self.supports = supports or {"pl": DRAFT, "ro": DRAFT, "ur": DRAFT, "cy": DRAFT, "ti": DRAFT}
        self.fail_on = fail_on
        self.calls: list[tuple[str, str, list[str]]] = []
        self.batch_size = 8
        self.stats = GenerationStats()

    def supported(self):
        return dict(self.supports)

    def translate(self, texts, target, source="en"):
        self.calls.append((source, target, list(texts)))
        if target == self.fail_on:
            raise EngineError("The model server at http://test is not answering. Check it is running.")
        if target == "en":
            return [self.back(t) if self.back else from_polish(t) for t in texts]
        if self.script:
            return [self.script(t, target) for t in texts]
        return [to_polish(t) for t in texts]


class HashEmbedder:
    """Character-trigram vectors: the same text gives 1.0, unrelated texts much less."""

    name = "hash"

    def encode(self, texts):
        out = np.zeros((len(texts), 256), dtype=np.float32)
        for row, text in enumerate(texts):
            padded = f"  {text.lower()}  "
            for i in range(len(padded) - 2):
                out[row, int(hashlib.md5(padded[i : i + 3].encode()).hexdigest(), 16) % 256] += 1
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)

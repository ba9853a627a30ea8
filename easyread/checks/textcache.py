"""Bounded caches of work done on a text (its spaCy parse, its facts), shared by the threads of a process.

The rewriter checks the same letter sentences and candidate lines again and again (every repair round, every meaning
rule, every line of a sentence), so the checks keep what they worked out for the last few thousand texts. Anything
cached is shared between callers: what is kept must never be changed by one of them.

`uncached()` turns the caches off inside a block, for the benchmark's and tests' side-by-side "before".
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_ON: ContextVar[bool] = ContextVar("easyread_text_caches", default=True)


@contextmanager
def uncached() -> Iterator[None]:
    """Work every text out afresh inside the block, as before the caches."""
    token = _ON.set(False)
    try:
        yield
    finally:
        _ON.reset(token)


def caching() -> bool:
    """False inside `uncached()`."""
    return _ON.get()


class TextCache:
    """The last `size` values, by key, least recently used dropped first; counts its misses and hits.

    Safe under threads: every look-up and store holds a lock. The work on a miss is done outside the lock, so two
    threads may both work out the same text; both get equal values and one is kept.
    """

    def __init__(self, size: int):
        self.size = size
        self.misses = 0  # values worked out (also inside `uncached()`, where every call is one)
        self.hits = 0
        self._values: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable):
        """The kept value, or None."""
        with self._lock:
            value = self._values.get(key)
            if value is not None:
                self._values.move_to_end(key)
                self.hits += 1
            return value

    def put(self, key: Hashable, value) -> None:
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)

    def missed(self, count: int = 1) -> None:
        """Count `count` values worked out afresh."""
        with self._lock:
            self.misses += count

    def clear(self) -> None:
        with self._lock:
            self._values.clear()

    def __len__(self) -> int:
        return len(self._values)

"""One engine queue per model for the life of a process, shared by every job its worker threads run.

A web job used to make its own engine for each letter (`registry.get_engine`): when two staff uploaded at
once, the worker's threads ran two separate generations on one model, each in its own batches. Here every
job of the process gets a door (`caller`) into one `SharedEngine` over one engine, so the prompts of all the
letters being drafted go to one queue and share decode steps, as the letters of a batch do (simplify/overlap.py).

A lone letter waits for no companion: the in-process engine takes each prompt into its running decoder as
it comes, and a fixed-batch engine's round (a model server, OpenVINO) waits only for other callers that are
open, that is for other jobs running at that moment (`SharedEngine._serve_rounds`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from easyread.config import Settings, resolved
from easyread.engines.base import Chat, GenerationStats, Sampling, TextGenerator
from easyread.engines.shared import CallerEngine, SharedEngine

_lock = threading.Lock()
_engines: dict[tuple, SharedEngine] = {}


def shared_engine(spec: str | None, settings: Settings | dict, make: Callable | None = None) -> SharedEngine:
    """The process's shared engine for model `spec` (default: the MODEL setting), made on first need by `make`
    (default `registry.get_engine`). One whose serving thread stopped (the model failed) is made again."""
    from easyread.engines import registry

    settings = resolved(settings)
    spec = (spec or settings.MODEL).strip()
    make = make or registry.get_engine
    # The settings that shape the engine and its queue are part of the key, and so is the maker: an engine
    # made another way (a test's fake) is never handed out for this one.
    key = (spec, settings.MODEL_BATCH_SIZE, settings.MODEL_THREADS, settings.REWRITE_BATCH_SIZE, make)
    with _lock:
        shared = _engines.get(key)
        if shared is None or shared.broken:
            engine: TextGenerator = make(spec, settings)
            shared = SharedEngine(engine, batch_size=int(settings.REWRITE_BATCH_SIZE))
            _engines[key] = shared
        return shared


class Door:
    """One job's door into the process's shared engine, opened at its first prompt: a job that never asks the
    model (a letter already in Easy Read) makes no engine, and no fixed-batch round waits for it before then."""

    def __init__(self, spec: str | None, settings: Settings | dict) -> None:
        self.settings = resolved(settings)
        self.spec = (spec or self.settings.MODEL).strip()
        self.name = self.spec
        self.stats = GenerationStats()  # this job's prompts and tokens
        self._door: CallerEngine | None = None

    def _open(self) -> CallerEngine:
        if self._door is None:
            self._door = shared_engine(self.spec, self.settings).for_caller()
            self._door.stats = self.stats
        return self._door

    def close(self) -> None:
        """This job hands over no more prompts."""
        if self._door is not None:
            self._door.close()

    def count_tokens(self, text: str) -> int:
        """Number of model tokens in `text`."""
        return self._open().count_tokens(text)

    def generate(self, prompts: list[Chat], sampling: Sampling | None = None) -> list[str]:
        """One reply per chat, in order."""
        return self._open().generate(prompts, sampling)

    def generate_each(
        self, prompts: list[Chat], samplings: list[Sampling], on_done: Callable[[int], None] | None = None
    ) -> list[str]:
        """Replies to `prompts`, in order, through the process's shared queue."""
        return self._open().generate_each(prompts, samplings, on_done)


@contextmanager
def caller(spec: str | None, settings: Settings | dict) -> Iterator[Door]:
    """A door into the process's shared engine for one job, closed when the job ends (so fixed-batch rounds
    stop waiting for its prompts)."""
    door = Door(spec, settings)
    try:
        yield door
    finally:
        door.close()


def forget() -> None:
    """Close every shared engine (their serving threads end once the prompts handed over are answered)."""
    with _lock:
        engines = list(_engines.values())
        _engines.clear()
    for shared in engines:
        shared.close()

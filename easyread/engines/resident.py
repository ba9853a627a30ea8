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
from easyread.engines.base import TextGenerator
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


@contextmanager
def caller(spec: str | None, settings: Settings | dict) -> Iterator[CallerEngine]:
    """A door into the process's shared engine for one job, closed when the job ends (so fixed-batch rounds
    stop waiting for its prompts)."""
    with shared_engine(spec, settings).for_caller() as door:
        yield door


def forget() -> None:
    """Close every shared engine (their serving threads end once the prompts handed over are answered)."""
    with _lock:
        engines = list(_engines.values())
        _engines.clear()
    for shared in engines:
        shared.close()

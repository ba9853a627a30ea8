"""The Huey queue: one per process, pointed at the instance's storage by `configure`.

QUEUE_URL empty: a SQLite file `huey.db` in the instance folder (nothing to install).
redis://…: Redis (needs the `redis` package). "immediate": jobs run at once, in the
process and request that asked for them (tests and debugging).
"""

from __future__ import annotations

import logging
from pathlib import Path

from huey import Huey
from huey.consumer import Consumer
from huey.storage import SqliteStorage

log = logging.getLogger(__name__)

IMMEDIATE = "immediate"

# Tasks are registered on this object at import; `configure` swaps its storage.
huey = Huey("easyread", results=False, storage_class=SqliteStorage, filename=":memory:", immediate=True)


class QueueError(RuntimeError):
    """The queue setting cannot be used; the message says what to change."""


def describe(settings: dict) -> str:
    """Where the queue is, in words, for the worker's first line."""
    url = settings["QUEUE_URL"].strip()
    if url == IMMEDIATE:
        return "immediate (jobs run inside the request)"
    if url.startswith(("redis://", "rediss://", "unix://")):
        return f"Redis at {url.split('@')[-1]}"
    return f"SQLite file {sqlite_file(settings)}"


def sqlite_file(settings: dict) -> Path:
    url = settings["QUEUE_URL"].strip()
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///"))
    return Path(settings["INSTANCE_PATH"]) / "huey.db"


def configure(settings: dict) -> Huey:
    """Point the process's queue at the storage QUEUE_URL names, and return it."""
    url = settings["QUEUE_URL"].strip()
    if url == IMMEDIATE:
        huey.immediate_use_memory = True
        huey._immediate = True
        huey.storage = huey.get_immediate_storage()
        return huey
    huey._immediate = False
    if url.startswith(("redis://", "rediss://", "unix://")):
        try:
            from huey.storage import RedisStorage

            huey.storage_class, huey.storage_kwargs = RedisStorage, {"url": url}
            huey.storage = huey.create_storage()
        except Exception as error:  # missing redis package or a bad URL
            raise QueueError(
                f"The job queue at {url} cannot be used ({error}). Install the redis package, or leave EASYREAD_QUEUE_URL empty to use SQLite."
            ) from error
        return huey
    if url and not url.startswith("sqlite:///"):
        raise QueueError(
            f"EASYREAD_QUEUE_URL must be empty, sqlite:///path, redis://host:port/db or immediate, not {url!r}."
        )
    path = sqlite_file(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    huey.storage_class, huey.storage_kwargs = SqliteStorage, {"filename": str(path)}
    huey.storage = huey.create_storage()
    return huey


def is_immediate() -> bool:
    return bool(huey.immediate)


class QuietConsumer(Consumer):
    """A consumer that leaves signal handling to its host (the web server), so it can run in a thread."""

    def _set_signal_handlers(self):
        pass


def make_consumer(threads: int = 1, *, in_thread: bool = False) -> Consumer:
    """A consumer of worker threads on the configured queue. `in_thread` for one started beside a web server."""
    cls = QuietConsumer if in_thread else Consumer
    # flush_locks: a lock held by a worker that was killed must not block the task's rerun.
    return cls(
        huey,
        workers=max(1, threads),
        worker_type="thread",
        periodic=False,
        initial_delay=0.1,
        max_delay=2.0,
        flush_locks=True,
    )

"""Several letters through the rewriter at once, each at its own pace, sharing one engine queue.

Run stage by stage across a batch (`simplify.pipeline`, the baseline), the engine is full while every
letter is rewritten and nearly empty while the few repairs and meaning questions of the later stages
are written. Here each letter runs its own stages in its own thread, and the prompts of every letter
in flight go to one queue (engines/shared.py): a letter's repairs start as soon as its own rewrites
are back, and they share the engine with the next letter's rewriting. At most `in_flight` letters run
at once; as one ends, the next starts.

Each letter's stages are the same calls with the same prompts as the stage-by-stage path, one letter
at a time, so a letter's draft does not depend on which letters ran beside it (greedy decoding).
Progress is reported per letter ("letter 2 of 5: rewrite"), from each letter's own thread, one at a time.
"""

from __future__ import annotations

import contextvars
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from easyread.documents.model import Document
from easyread.engines.base import EngineError, TextGenerator
from easyread.engines.shared import SharedEngine
from easyread.progress import Progress
from easyread.timelimit import TimeLimitError

log = logging.getLogger(__name__)

# (number of the first letter, letters, engine, progress) -> results of those letters, as `stages.run_stages` gives them
RunLetters = Callable[[int, list[Document], TextGenerator, Progress], list]


def letter_progress(progress: Progress, n: int, total: int, lock: threading.Lock) -> Progress:
    """`progress` for letter n of total: the stage named with its letter, reported one caller at a time."""

    def report(stage: str, done: int, of: int) -> None:
        with lock:
            progress(f"letter {n} of {total}: {stage}", done, of)

    return report


def simplify_overlapped(
    docs: list[Document],
    engine: TextGenerator,
    run: RunLetters,
    *,
    in_flight: int,
    batch_size: int,
    progress: Progress,
) -> list:
    """One result per letter, in order: each letter run by `run` on its own, up to `in_flight` at once."""
    if len(docs) <= 1 or in_flight <= 1:
        # Nothing to overlap: the letters run one after another on the caller's thread, as given.
        return [r for n, doc in enumerate(docs) for r in run(n, [doc], engine, progress)]
    lock = threading.Lock()
    results: list = [None] * len(docs)
    with SharedEngine(engine, batch_size=batch_size) as shared:

        def one(n: int) -> None:
            try:
                with shared.for_caller() as mine:
                    results[n] = run(n, [docs[n]], mine, letter_progress(progress, n + 1, len(docs), lock))[0]
            except (EngineError, TimeLimitError):
                raise  # every letter after it would fail the same way
            except Exception as error:  # one odd letter does not sink the letters beside it
                log.exception("Rewriting letter %d of %d failed", n + 1, len(docs))
                results[n] = error

        with ThreadPoolExecutor(max_workers=min(in_flight, len(docs)), thread_name_prefix="easyread-letter") as pool:
            # Each letter runs in a copy of the caller's context: the check options and the task's time limit
            # live in context variables.
            futures = [pool.submit(contextvars.copy_context().run, one, n) for n in range(len(docs))]
            for future in futures:
                future.result()
    return results

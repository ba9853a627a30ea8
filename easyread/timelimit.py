"""A time limit for one task's checks and rewriting, looked at between steps.

    with time_limit(settings["JOB_TIME_LIMIT_SECONDS"]):
        ...                      # long work that calls check_time() between its steps

The limit is cooperative: the checks call `check_time()` before each sentence and the
rewriter's progress callback after each batch of model replies. Every pattern over a
letter's text is linear and the letter's size is limited at the door, so no single step
runs long; a hard kill is not needed and would leave the task's database session half done.
The deadline lives in a context variable, so each worker thread has its own.
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# (when it ends, how many seconds it allowed) of the current block, or None outside one.
_deadline: contextvars.ContextVar[tuple[float, float] | None] = contextvars.ContextVar("deadline", default=None)


class TimeLimitError(RuntimeError):
    """The task ran past its time limit. `str(error)` is one plain sentence for staff."""

    def __init__(self, seconds: float):
        minutes = max(1, round(seconds / 60))
        super().__init__(
            f"This letter took longer than {minutes} minute{'s' if minutes != 1 else ''} to check and rewrite, "
            "so it was stopped. "
            "Try again with a shorter letter, or ask your administrator to raise EASYREAD_JOB_TIME_LIMIT_SECONDS."
        )


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Within this block, `check_time()` raises TimeLimitError once `seconds` have passed. 0 or None: no limit."""
    if not seconds or seconds <= 0:
        yield
        return
    token = _deadline.set((time.monotonic() + seconds, seconds))
    try:
        yield
    finally:
        _deadline.reset(token)


def check_time() -> None:
    """Raise TimeLimitError if the current time limit has passed; nothing when there is none."""
    current = _deadline.get()
    if current is not None and time.monotonic() > current[0]:
        raise TimeLimitError(current[1])


def watched(progress: Callable[[str, int, int], None]) -> Callable[[str, int, int], None]:
    """`progress` that first checks the time limit, so every progress report is also a checkpoint."""

    def report(stage: str, done: int, total: int) -> None:
        check_time()
        progress(stage, done, total)

    return report

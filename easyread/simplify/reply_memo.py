"""One letter's run asks the model each distinct greedy question once.

The rewriter's stages ask the same greedy prompt more than once: the meaning second opinion asks the same
questions about one letter sentence for each Easy Read line made from it, and asks them again in the re-check
after a repair. Greedy decoding (temperature 0) gives a prompt the same reply each time, so every copy after the
first is prompt tokens read and reply tokens written for nothing. `ReplyMemo` wraps the engine for one run of the
stages: each distinct greedy prompt (same chat, same reply budget) is generated once and its reply handed to every
copy, in the same call or a later one. Sampled prompts (temperature above 0, the best-of-N copies) always go to
the engine, in the order given, since their copies are meant to differ.

The replies are those the engine gives the prompt alone; as in any batch, in bfloat16 a row's sums can round
differently beside different neighbours, and leaving out a copy changes a batch's neighbours.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from easyread.engines.base import Chat, Sampling, TextGenerator
from easyread.simplify.batching import generate_all

# Benchmarks switch merging off to measure the copies and to show the drafts do not change.
_MERGING: ContextVar[bool] = ContextVar("easyread_merge_greedy_prompts", default=True)


@contextmanager
def unmerged() -> Iterator[None]:
    """Within this block (and threads started in a copy of its context) every prompt goes to the engine."""
    token = _MERGING.set(False)
    try:
        yield
    finally:
        _MERGING.reset(token)


def prompt_key(chat: Chat, sampling: Sampling) -> str | None:
    """What makes two prompts the same question: the chat and the reply budget. None for a sampled prompt."""
    if sampling.temperature > 0:
        return None
    return json.dumps([sampling.max_new_tokens, chat], ensure_ascii=False, sort_keys=True)


def remembered(engine: TextGenerator, batch_size: int) -> TextGenerator:
    """`engine` with a reply memo for one run of the stages (the engine itself while merging is switched off)."""
    if not _MERGING.get() or isinstance(engine, ReplyMemo):
        return engine
    return ReplyMemo(engine, batch_size=batch_size)


class ReplyMemo:
    """An engine view that generates each distinct greedy prompt once and remembers its reply.

    Everything else (stats, count_tokens, name) is the wrapped engine's: its stats count the prompts it was
    really given. `merged` counts the prompts answered from the memo or from a copy in the same call."""

    def __init__(self, engine: TextGenerator, *, batch_size: int = 16) -> None:
        self.engine = engine
        self.batch_size = batch_size
        self.merged = 0
        self._replies: dict[str, str] = {}

    def __getattr__(self, name: str) -> Any:
        # Only reached for names not set here: the wrapped engine's stats, name, count_tokens, ...
        engine = self.__dict__.get("engine")
        if engine is None:
            raise AttributeError(name)
        return getattr(engine, name)

    def generate(self, prompts: list[Chat], sampling: Sampling | None = None) -> list[str]:
        """One reply per chat, in order."""
        return self.generate_each(prompts, [sampling or Sampling()] * len(prompts))

    def generate_each(
        self, prompts: list[Chat], samplings: list[Sampling], on_done: Callable[[int], None] | None = None
    ) -> list[str]:
        """One reply per chat, in order; each distinct greedy prompt generated at most once in this run.

        `on_done(count)` counts the caller's prompts, copies included, and reaches len(prompts) at the end."""
        if not prompts:
            return []
        keys = [prompt_key(chat, s) for chat, s in zip(prompts, samplings)]
        send: list[int] = []  # indexes of the prompts the engine gets: first copies not yet answered, and sampled
        first_of: dict[str, int] = {}
        for index, key in enumerate(keys):
            if key is None:
                send.append(index)
            elif key not in self._replies and key not in first_of:
                first_of[key] = index
                send.append(index)
        total = len(prompts)

        def progress(done: int, _of: int = 0) -> None:
            # The engine counts the prompts it was given; its copies are answered with them, so the count of the
            # caller's prompts moves in proportion and ends at `total`.
            if on_done:
                on_done(done * total // len(send))

        texts = (
            generate_all(
                self.engine,
                [prompts[i] for i in send],
                [samplings[i] for i in send],
                batch_size=self.batch_size,
                on_batch=progress,
            )
            if send
            else []
        )
        own = dict(zip(send, texts))
        for key, index in first_of.items():
            self._replies[key] = own[index]
        self.merged += total - len(send)
        replies = [own[i] if i in own else self._replies[key] for i, key in enumerate(keys)]  # type: ignore[index]
        if on_done and not send:
            on_done(total)
        return replies

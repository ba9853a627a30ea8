"""Send prompts to the engine in batches: the main speed lever on a CPU.

An engine that schedules its own rows (the in-process one) gets every prompt at
once. For the others, prompts are sorted by length before batching so that the
prompts in one batch pad to about the same length (padding is wasted work).
Replies come back in the caller's order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from easyread.engines.base import Chat, EachGenerator, Sampling, TextGenerator

BatchDone = Callable[[int, int], None]  # (prompts done, prompts total)


def _size(chat: Chat) -> int:
    return sum(len(m.get("content", "")) for m in chat)


def generate_all(
    engine: TextGenerator,
    prompts: list[Chat],
    sampling: Sampling | list[Sampling],
    *,
    batch_size: int = 16,
    on_batch: BatchDone | None = None,
) -> list[str]:
    """Replies for every prompt, in order, generated `batch_size` at a time.

    `sampling` may be one Sampling or one per prompt; prompts in one batch share
    the largest `max_new_tokens` among them (the engine stops each at its end).
    """
    if not prompts:
        return []
    per_prompt = sampling if isinstance(sampling, list) else [sampling] * len(prompts)
    if isinstance(engine, EachGenerator):
        # The engine keeps `batch_size` rows busy itself, refilling each as it finishes.
        total = len(prompts)
        replies = engine.generate_each(prompts, per_prompt, on_done=on_batch and (lambda done: on_batch(done, total)))
        return [reply or "" for reply in replies]
    order = sorted(range(len(prompts)), key=lambda i: (per_prompt[i].temperature, _size(prompts[i])))
    replies: list[str] = [""] * len(prompts)
    done = 0
    start = 0
    while start < len(order):
        batch = order[start : start + max(1, batch_size)]
        # Greedy and sampled prompts never share a batch: they need different settings.
        temp = per_prompt[batch[0]].temperature
        batch = [i for i in batch if per_prompt[i].temperature == temp]
        start += len(batch)
        base = per_prompt[batch[0]]
        shared = replace(base, max_new_tokens=max(per_prompt[i].max_new_tokens for i in batch))
        out = engine.generate([prompts[i] for i in batch], shared)
        for i, reply in zip(batch, out):
            replies[i] = reply or ""
        done += len(batch)
        if on_batch:
            on_batch(done, len(prompts))
    return replies


def generated_tokens(engine: TextGenerator) -> int:
    """Tokens the engine has generated so far (0 when it keeps no stats)."""
    stats = getattr(engine, "stats", None)
    return int(getattr(stats, "generated_tokens", 0) or 0)

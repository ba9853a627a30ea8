"""The one small interface every text-generation engine offers.

A prompt is a chat: a list of {"role": "system"|"user"|"assistant", "content": str}.
Engines take a *batch* of prompts at once because batching is what makes a small
CPU model fast enough (1 sequence ~3.9 tokens/s, batch 8 ~28 tokens/s here).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

Chat = list[dict[str, str]]


@dataclass(frozen=True)
class Sampling:
    """How to sample. temperature 0 means greedy decoding (repeatable)."""

    max_new_tokens: int = 256
    temperature: float = 0.0
    top_p: float = 1.0
    seed: int | None = None


class EngineError(Exception):
    """The engine could not answer. The message is plain English for staff."""


@runtime_checkable
class TextGenerator(Protocol):
    """Anything that turns a batch of chats into a batch of replies, in order."""

    name: str

    def generate(self, prompts: list[Chat], sampling: Sampling | None = None) -> list[str]:
        """Return one reply per prompt, in the same order."""
        ...


@dataclass
class GenerationStats:
    """Counters an engine keeps so benchmarks can report tokens per second."""

    prompts: int = 0
    generated_tokens: int = 0
    seconds: float = 0.0

"""The one small interface every text-generation engine offers.

A prompt is a chat: a list of {"role": "system"|"user"|"assistant", "content": str}.
Engines take a *batch* of prompts at once because batching is what makes a small
CPU model fast enough (1 sequence ~3.9 tokens/s, batch 8 ~28 tokens/s here).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

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


@runtime_checkable
class EachGenerator(Protocol):
    """Engines that take a Sampling per prompt and schedule the batches themselves.

    The in-process engine refills a finished row with the next prompt, so it wants
    every prompt at once rather than in fixed batches.
    """

    def generate_each(
        self, prompts: list[Chat], samplings: list[Sampling], on_done: Callable[[int], None] | None = None
    ) -> list[str]:
        """One reply per prompt, in order; `on_done(count)` as replies finish."""
        ...


@dataclass
class Occupancy:
    """How full the rows of a refilling engine were, and where its time went.

    Decode steps, those with every row taken, and rows summed over steps; then seconds spent
    reading prompts (prefill), joining and cutting caches (refills and finished rows), and in
    decode steps, with the cache width each decode step attended over."""

    steps: int = 0
    full_steps: int = 0
    row_steps: int = 0
    slots: int = 0
    prefills: int = 0
    prefill_seconds: float = 0.0
    prefill_tokens: int = 0  # prompt tokens of the rows read (their shared starts too)
    prefill_padding: int = 0  # padding read beside them, to line rows of different lengths up
    join_seconds: float = 0.0
    decode_seconds: float = 0.0
    width_steps: int = 0  # cache columns per decode step, summed over steps
    cells: int = 0  # rows x columns per decode step, summed: what attention reads
    attended: int = 0  # of those, cells a row really attends to (the rest is padding)

    @property
    def full_share(self) -> float:
        """Share of decode steps run with every row taken (0 before any)."""
        return self.full_steps / self.steps if self.steps else 0.0

    @property
    def mean_fill(self) -> float:
        """Rows taken per decode step, as a share of the rows there are."""
        return self.row_steps / (self.steps * self.slots) if self.steps and self.slots else 0.0

    @property
    def mean_width(self) -> float:
        """Cache columns per decode step, on average (0 before any)."""
        return self.width_steps / self.steps if self.steps else 0.0

    @property
    def padding_share(self) -> float:
        """Share of the cache cells decode steps attended over that were padding (0 before any)."""
        return 1 - self.attended / self.cells if self.cells else 0.0

    def add(self, other: Occupancy) -> None:
        """Count `other`'s steps and seconds in these."""
        for name in _COUNTED:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.slots = max(self.slots, other.slots)

    def since(self, before: Occupancy) -> Occupancy:
        """What was counted after `before` (a copy of these counters taken earlier)."""
        out = Occupancy(slots=self.slots)
        for name in _COUNTED:
            setattr(out, name, getattr(self, name) - getattr(before, name))
        return out

    def time_line(self) -> str:
        """Where the engine's time went, in one line (benchmarks print it)."""
        return (
            f"engine time: prefill {self.prefill_seconds:.1f} s for {self.prefill_tokens} prompt tokens "
            f"(+{self.prefill_padding} padding) in {self.prefills} refills, joins {self.join_seconds:.1f} s, decode {self.decode_seconds:.1f} s "
            f"over {self.steps} steps ({self.decode_seconds / max(1, self.steps):.2f} s each), "
            f"mean row width {self.mean_width:.0f} columns ({self.padding_share:.0%} padding)"
        )


_COUNTED = [f for f in Occupancy.__dataclass_fields__ if f != "slots"]


@dataclass
class GenerationStats:
    """Counters an engine keeps so benchmarks can report tokens per second."""

    prompts: int = 0
    generated_tokens: int = 0
    seconds: float = 0.0
    prompt_tokens: int = 0
    batches: int = 0
    # Prompt tokens taken from a kept cache of a shared start instead of read per prompt
    # (in-process engines; the start itself is counted once in prompt_tokens).
    shared_prompt_tokens: int = 0
    # Decode steps and how full their rows were (the refilling engines; engine occupancy in the benchmarks).
    occupancy: Occupancy = field(default_factory=Occupancy)

    @property
    def tokens_per_second(self) -> float:
        """Generated tokens per wall-clock second (0 before any generation)."""
        return self.generated_tokens / self.seconds if self.seconds else 0.0

    def reset(self) -> None:
        """Start counting again from zero."""
        self.prompts = self.generated_tokens = self.prompt_tokens = self.batches = self.shared_prompt_tokens = 0
        self.seconds = 0.0
        self.occupancy = Occupancy()


@runtime_checkable
class TokenCounter(Protocol):
    """Engines that can count tokens (the in-process ones) offer this too.

    Prompt builders use it to keep a chat inside the model's context window.
    """

    def count_tokens(self, text: str) -> int:
        """Number of model tokens in `text`."""
        ...


def encode_chat(tokenizer: Any, chat: Chat) -> list[int]:
    """The token ids an in-process engine reads for `chat`: its chat template, with the assistant's turn opened."""
    text = tokenizer.apply_chat_template(chat, tokenize=False, add_generation_prompt=True)
    return tokenizer(text, add_special_tokens=False)["input_ids"]


class ChatTokenizerEngine:
    """What the in-process engines (transformers, OpenVINO) share: their tokenizer's chat template.

    A subclass gives `load()` -> (model, tokenizer) and `generate_each`."""

    def load(self) -> tuple[Any, Any]:  # pragma: no cover - every subclass gives its own
        raise NotImplementedError

    def generate_each(
        self, prompts: list[Chat], samplings: list[Sampling], on_done: Callable[[int], None] | None = None
    ) -> list[str]:  # pragma: no cover - every subclass gives its own
        raise NotImplementedError

    def count_tokens(self, text: str) -> int:
        """Number of model tokens in `text`."""
        _, tokenizer = self.load()
        return len(tokenizer(text, add_special_tokens=False)["input_ids"])

    def _encode(self, tokenizer: Any, chat: Chat) -> list[int]:
        return encode_chat(tokenizer, chat)

    def generate(self, prompts: list[Chat], sampling: Sampling | None = None) -> list[str]:
        """Return one reply per chat, in the order given."""
        return self.generate_each(prompts, [sampling or Sampling()] * len(prompts))

"""In-process generation with transformers: any Hugging Face model folder on disk.

Batching is the main speed lever on a CPU (one sequence ~4 tokens/s, sixteen
~40 tokens/s for the 1.5B model), so `generate` takes many chats at once and keeps
`batch_size` of them running: as a reply ends, the next waiting chat takes its row
(engines/continuous.py). Rows are padded on the left so every sequence ends where
generation starts. Models whose cache that loop cannot edit run fixed batches
through `model.generate`, sorted by length so a batch wastes little on padding.

The second lever is the prompt. Reading a prompt costs as much CPU as writing
(2 cores read ~130 tokens/s), and the rewriter's prompts share their first ~340
tokens (rules and a worked example). So a batch whose prompts start the same is
read once: the shared start goes through the model alone, its key/value cache is
kept and copied to every row, and only the rest of each prompt is read. The
padding goes between the shared start and each row's own part
([shared][pad][own]); position ids come from the attention mask, so every row
sees the positions it would have had unpadded. transformers re-uses a cache for
one prompt; sharing one across a padded batch is ours.
"""

from __future__ import annotations

import copy
import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from easyread.engines.base import Chat, ChatTokenizerEngine, EngineError, GenerationStats, Sampling
from easyread.engines.continuous import CacheNotEditable, Decoder, decode, schedule, shared_length, shared_runs

log = logging.getLogger(__name__)

# One loaded model per (folder, dtype) per process: loading takes seconds and gigabytes.
_LOADED: dict[tuple[str, str], tuple[Any, Any]] = {}
_LOAD_LOCK = threading.Lock()

# Below this many shared tokens, reading the start separately saves less than it costs.
MIN_SHARED_PREFIX = 32
# Caches of shared starts kept per engine (each ~30 KB per token for the 1.5B model).
KEPT_PREFIXES = 4


def load_model(path: str | os.PathLike, dtype: Any = None, threads: int | None = None) -> tuple[Any, Any]:
    """Load (or reuse) the model and tokenizer in `path`. Never downloads anything."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    dtype = dtype or torch.bfloat16
    folder = Path(path).expanduser().resolve()
    if not (folder / "config.json").is_file():
        raise EngineError(f"No model was found in {folder}. Check the EASYREAD_MODEL setting points at a model folder.")
    if threads:
        torch.set_num_threads(int(threads))
    key = (str(folder), str(dtype))
    with _LOAD_LOCK:
        if key not in _LOADED:
            started = time.monotonic()
            try:
                tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
                model = AutoModelForCausalLM.from_pretrained(folder, dtype=dtype, local_files_only=True)
            except (OSError, ValueError) as exc:
                raise EngineError(f"The model in {folder} could not be loaded: {exc}") from exc
            model.eval()
            _LOADED[key] = (model, tokenizer)
            log.info("Loaded model %s in %.1f s", folder, time.monotonic() - started)
        return _LOADED[key]


def forget_models() -> None:
    """Drop every loaded model (tests use this to free memory)."""
    with _LOAD_LOCK:
        _LOADED.clear()


def _stop_ids(model: Any, tokenizer: Any) -> list[int]:
    # Chat models end a turn with their own token (<|im_end|> for Qwen) which is
    # not always the config's eos; stop on any of them.
    ids: set[int] = set()
    for source in (model.generation_config.eos_token_id, model.config.eos_token_id, tokenizer.eos_token_id):
        if isinstance(source, int):
            ids.add(source)
        elif source:
            ids.update(source)
    added = tokenizer.get_added_vocab()  # small, unlike get_vocab() (150k entries for Qwen)
    for token in ("<|im_end|>", "<|endoftext|>", "<|eot_id|>", "<end_of_turn>"):
        if isinstance(added.get(token), int):
            ids.add(added[token])
    return sorted(ids)


class TransformersEngine(ChatTokenizerEngine):
    """A `TextGenerator` running a transformers causal LM in this process."""

    def __init__(
        self,
        path_or_name: str | os.PathLike,
        *,
        dtype: Any = None,
        threads: int | None = None,
        batch_size: int = 24,
        name: str | None = None,
        share_prefix: bool = True,
        continuous: bool = True,
    ) -> None:
        self.path = Path(path_or_name)
        self.name = name or f"transformers://{self.path}"
        self.dtype = dtype
        self.threads = threads
        self.batch_size = max(1, int(batch_size))
        # Benchmarks switch this off to measure the plain way beside it.
        self.share_prefix = share_prefix
        # Refill finished rows from the queue (engines/continuous.py) instead of running
        # fixed batches with `model.generate`; off for models whose cache it cannot edit.
        self.continuous = continuous
        self.stats = GenerationStats()
        self._lock = threading.Lock()  # one generation at a time: the cores are already all busy
        self._prefixes: OrderedDict[tuple[int, ...], Any] = OrderedDict()

    def load(self) -> tuple[Any, Any]:
        """Load the model now (otherwise it loads on first use)."""
        return load_model(self.path, self.dtype, self.threads)

    def forget_shared_starts(self) -> None:
        """Drop the kept caches of shared prompt starts (benchmarks use this to count reading them)."""
        with self._lock:
            self._prefixes.clear()

    @contextmanager
    def plain(self):
        """Within this block: plain `model.generate` per batch, every prompt read whole (benchmark baselines)."""
        before = self.share_prefix, self.continuous
        self.share_prefix = self.continuous = False
        try:
            yield self
        finally:
            self.share_prefix, self.continuous = before

    def generate_each(
        self, prompts: list[Chat], samplings: list[Sampling], on_done: Callable[[int], None] | None = None
    ) -> list[str]:
        """One reply per chat, each with its own Sampling; `on_done(count)` as replies finish.

        Chats whose settings differ only in `max_new_tokens` (each keeps its own) run
        together; a group with one temperature and top_p is seeded by its first chat's seed.
        """
        if not prompts:
            return []
        model, tokenizer = self.load()
        encoded = [self._encode(tokenizer, chat) for chat in prompts]
        groups: dict[tuple[float, float], list[int]] = {}
        for index, sampling in enumerate(samplings):
            groups.setdefault((sampling.temperature, sampling.top_p), []).append(index)
        replies: list[str] = [""] * len(prompts)
        finished = 0

        def count(done_here: int) -> None:
            if on_done:
                on_done(finished + done_here)

        with self._lock:
            for members in groups.values():
                texts = self._generate_group(
                    model, tokenizer, [encoded[i] for i in members], [samplings[i] for i in members], count
                )
                for index, text in zip(members, texts):
                    replies[index] = text
                finished += len(members)
                count(0)
        return replies

    def _generate_group(
        self,
        model: Any,
        tokenizer: Any,
        encoded: list[list[int]],
        samplings: list[Sampling],
        on_done: Callable[[int], None],
    ) -> list[str]:
        if self.continuous:
            try:
                return self._generate_continuous(model, tokenizer, encoded, samplings, on_done)
            except CacheNotEditable:
                log.info("%s keeps its cache in a form the refilling loop cannot edit; using generate", self.name)
                self.continuous = False
        # Longest first: a batch of similar lengths wastes little on padding, and an
        # out-of-memory error shows up on the first batch rather than the last.
        order = sorted(range(len(encoded)), key=lambda i: -len(encoded[i]))
        replies: list[str] = [""] * len(encoded)
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            # A batch runs until its longest reply ends, so it takes its largest budget.
            sampling = replace(samplings[chunk[0]], max_new_tokens=max(samplings[i].max_new_tokens for i in chunk))
            texts = self._generate_batch(model, tokenizer, [encoded[i] for i in chunk], sampling)
            for index, text in zip(chunk, texts):
                replies[index] = text
            on_done(start + len(chunk))
        return replies

    def _generate_continuous(
        self,
        model: Any,
        tokenizer: Any,
        encoded: list[list[int]],
        samplings: list[Sampling],
        on_done: Callable[[int], None],
    ) -> list[str]:
        import torch

        stop = _stop_ids(model, tokenizer)
        pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else stop[0]
        if self.share_prefix:
            order, groups = schedule(encoded, MIN_SHARED_PREFIX)
        else:
            order, groups = sorted(range(len(encoded)), key=lambda i: -len(encoded[i])), [0] * len(encoded)
        pick = _picker(samplings[0])
        started = time.perf_counter()

        def prefill(rows: list[list[int]]) -> list[tuple[Any, Any, Any]]:
            # Rows that share a longer start than the rest (best-of-N copies, repairs of one
            # paragraph) are read as their own block, so that start is read once.
            blocks = shared_runs(rows, MIN_SHARED_PREFIX) if self.share_prefix else [list(range(len(rows)))]
            return [self._prefill(model, [rows[i] for i in block], pad_id) for block in blocks]

        with torch.inference_mode(), _plain_memory_error():
            outputs = decode(
                model,
                [encoded[i] for i in order],
                [samplings[i].max_new_tokens for i in order],
                slots=self.batch_size,
                stop_ids=set(stop),
                prefill=prefill,
                pick=pick,
                group_of=[groups[i] for i in order],
                on_done=on_done,
                occupancy=self.stats.occupancy,
            )
        replies: list[str] = [""] * len(encoded)
        stop_set = set(stop)
        for index, tokens in zip(order, outputs):
            self.stats.generated_tokens += len(tokens)  # the stop token was generated too
            replies[index] = tokenizer.decode(
                [t for t in tokens if t not in stop_set], skip_special_tokens=True
            ).strip()
        self.stats.prompts += len(encoded)
        self.stats.seconds += time.perf_counter() - started
        return replies

    # The shared engine queue (engines/shared.py) runs one Decoder for many callers through these four.
    def open_decoder(self) -> Decoder:
        """A refilling decoder on this engine's model, for a caller that keeps adding prompts to it."""
        model, tokenizer = self.load()
        stop = _stop_ids(model, tokenizer)
        pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else stop[0]

        def prefill(rows: list[list[int]]) -> list[tuple[Any, Any, Any]]:
            blocks = shared_runs(rows, MIN_SHARED_PREFIX) if self.share_prefix else [list(range(len(rows)))]
            return [self._prefill(model, [rows[i] for i in block], pad_id) for block in blocks]

        return Decoder(model, slots=self.batch_size, stop_ids=set(stop), prefill=prefill, pick=_picker(Sampling()))

    @contextmanager
    def serving(self):
        """The block a decoder's steps run in: no gradients, and running out of memory said plainly."""
        import torch

        with torch.inference_mode(), _plain_memory_error():
            yield

    def prepare_rows(self, prompts: list[Chat], samplings: list[Sampling]) -> tuple[list, list, list]:
        """(token ids, refill group, own pick or None for greedy) per chat.

        Prompts whose first MIN_SHARED_PREFIX tokens match are one group, as `schedule` groups them."""
        model, tokenizer = self.load()
        encoded = [self._encode(tokenizer, chat) for chat in prompts]
        groups = [tuple(ids[:MIN_SHARED_PREFIX]) if self.share_prefix else 0 for ids in encoded]
        picks = [None if s.temperature <= 0 else _picker(s) for s in samplings]
        return encoded, groups, picks

    def row_order(self, encoded: list[list[int]]) -> list[int]:
        """The order to queue prompts in: alike starts together, longest runs first (as `generate_each`)."""
        if self.share_prefix:
            return schedule(encoded, MIN_SHARED_PREFIX)[0]
        return sorted(range(len(encoded)), key=lambda i: -len(encoded[i]))

    def reply_text(self, tokens: list[int]) -> str:
        """A row's generated tokens as text, without its stop token."""
        model, tokenizer = self.load()
        stop = set(_stop_ids(model, tokenizer))
        return tokenizer.decode([t for t in tokens if t not in stop], skip_special_tokens=True).strip()

    def _prefill(self, model: Any, rows: list[list[int]], pad_id: int) -> tuple[Any, Any, Any]:
        """Read `rows` (with their shared start from a kept cache when there is one).

        Returns the cache, the attention mask and the logits of each row's last token.
        """
        shared, cache = self._shared_start(model, rows) if self.share_prefix else (0, None)
        if cache is None:
            from transformers import DynamicCache

            cache = DynamicCache(config=model.config)
        input_ids, attention = _layout(rows, shared, pad_id)
        # Each row's positions count only its own tokens, as if it were alone.
        positions = (attention.cumsum(dim=1) - 1).clamp(min=0)
        output = model(
            input_ids=input_ids[:, shared:],
            attention_mask=attention,
            position_ids=positions[:, shared:],
            cache=cache,
            use_cache=True,
            logits_to_keep=1,
        )
        self.stats.prompt_tokens += sum(len(ids) - shared for ids in rows)
        self.stats.batches += 1
        return cache, attention, output.logits[:, -1, :]

    def _shared_start(self, model: Any, batch: list[list[int]]) -> tuple[int, Any]:
        """How many leading tokens every row shares, and a cache of them copied for each row.

        (0, None) when sharing would not pay. A kept cache is used when it still fits
        this batch, so the last, smaller batch of a call and the next call with the same
        rules both skip reading them again; a longer shared start is read on top of it.
        """
        common = _common_prefix_length(batch)
        kept = max((len(k) for k in self._prefixes if len(k) <= common and tuple(batch[0][: len(k)]) == k), default=0)
        if len(batch) >= 2 and common - kept >= MIN_SHARED_PREFIX:
            key = tuple(batch[0][:common])
            cache = self._read_start(model, key, kept)
            if not hasattr(cache, "batch_repeat_interleave"):
                log.info("%s keeps its cache in a form that cannot be shared; reading every prompt whole", self.name)
                self.share_prefix = False
                return 0, None
            kept = common
            self._prefixes[key] = cache
            while len(self._prefixes) > KEPT_PREFIXES:
                self._prefixes.popitem(last=False)
        if not kept:
            return 0, None
        key = tuple(batch[0][:kept])
        self._prefixes.move_to_end(key)
        cache = copy.deepcopy(self._prefixes[key])
        cache.batch_repeat_interleave(len(batch))
        self.stats.shared_prompt_tokens += kept * len(batch)
        return kept, cache

    def _read_start(self, model: Any, tokens: tuple[int, ...], kept: int = 0) -> Any:
        """A cache of `tokens`, reading only those after the first `kept` (already kept) ones."""
        import torch

        cache = copy.deepcopy(self._prefixes[tokens[:kept]]) if kept else None
        with torch.inference_mode(), _plain_memory_error():
            # logits_to_keep=1: the logits of every position would be 150k numbers each, and none is needed.
            output = model(
                input_ids=torch.tensor([tokens[kept:]], dtype=torch.long),
                position_ids=torch.arange(kept, len(tokens))[None, :],
                cache=cache,
                use_cache=True,
                logits_to_keep=1,
            )
        self.stats.prompt_tokens += len(tokens) - kept
        return getattr(output, "cache", None) or getattr(output, "past_key_values", None)

    def _generate_batch(self, model: Any, tokenizer: Any, batch: list[list[int]], sampling: Sampling) -> list[str]:
        import torch
        from transformers import GenerationConfig

        stop = _stop_ids(model, tokenizer)
        pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else stop[0]
        started = time.perf_counter()
        shared, cache = self._shared_start(model, batch) if self.share_prefix else (0, None)
        input_ids, attention = _layout(batch, shared, pad_id)
        width = input_ids.shape[1]
        greedy = sampling.temperature <= 0
        # A fresh config, not the model's: a Hub folder's generation_config.json may turn on
        # sampling or a repetition penalty, and our Sampling must mean the same on every model.
        config = GenerationConfig(
            max_new_tokens=sampling.max_new_tokens,
            do_sample=not greedy,
            temperature=None if greedy else sampling.temperature,
            top_p=None if greedy else sampling.top_p,
            top_k=None,
            eos_token_id=stop,
            pad_token_id=pad_id,
        )
        if not greedy and sampling.seed is not None:
            torch.manual_seed(sampling.seed)
        extra = {"cache": cache} if cache is not None else {}
        with torch.inference_mode(), _plain_memory_error():
            output = model.generate(input_ids=input_ids, attention_mask=attention, generation_config=config, **extra)
        seconds = time.perf_counter() - started
        texts, generated = [], 0
        stop_set = set(stop)
        for row in output[:, width:].tolist():
            kept = []
            for token in row:
                if token in stop_set:
                    generated += 1  # the stop token was generated too; padding after it was not
                    break
                kept.append(token)
            generated += len(kept)
            texts.append(tokenizer.decode(kept, skip_special_tokens=True).strip())
        self.stats.prompts += len(batch)
        self.stats.batches += 1
        self.stats.prompt_tokens += sum(len(ids) - shared for ids in batch)
        self.stats.generated_tokens += generated
        self.stats.seconds += seconds
        return texts


def _picker(sampling: Sampling) -> Callable[[Any], Any]:
    """The next token per row from its logits: the likeliest, or sampled as `sampling` says."""
    import torch

    if sampling.temperature <= 0:
        return lambda logits: logits.argmax(dim=-1)
    from transformers.generation.logits_process import TemperatureLogitsWarper, TopPLogitsWarper

    warpers = [TemperatureLogitsWarper(sampling.temperature)]
    if sampling.top_p < 1.0:
        warpers.append(TopPLogitsWarper(sampling.top_p))
    generator = torch.Generator()
    if sampling.seed is None:
        generator.seed()
    else:
        generator.manual_seed(sampling.seed)

    def pick(logits: Any) -> Any:
        scores = logits.float()
        for warp in warpers:
            scores = warp(None, scores)
        return torch.multinomial(scores.softmax(dim=-1), 1, generator=generator).squeeze(1)

    return pick


def _common_prefix_length(batch: list[list[int]]) -> int:
    """Leading tokens all rows share, leaving every row at least one of its own to read."""
    limit = max(0, min(len(ids) for ids in batch) - 1)
    return min([limit] + [shared_length(batch[0], ids) for ids in batch[1:]])


def _layout(batch: list[list[int]], shared: int, pad_id: int) -> tuple[Any, Any]:
    """Token ids and attention mask laid out [shared start][padding][own part] per row.

    With shared=0 this is plain left padding: every row ends in the last column,
    where the first new token goes.
    """
    import torch

    width = shared + max(len(ids) - shared for ids in batch)
    input_ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
    attention = torch.zeros((len(batch), width), dtype=torch.long)
    if shared:
        input_ids[:, :shared] = torch.tensor(batch[0][:shared], dtype=torch.long)
        attention[:, :shared] = 1
    for row, ids in enumerate(batch):
        own = ids[shared:]
        input_ids[row, width - len(own) :] = torch.tensor(own, dtype=torch.long)
        attention[row, width - len(own) :] = 1
    return input_ids, attention


@contextmanager
def _plain_memory_error():
    """Turn running out of memory into a message staff can act on."""
    try:
        yield
    except (MemoryError, RuntimeError) as exc:
        if isinstance(exc, MemoryError) or "memory" in str(exc).lower():
            raise EngineError(
                "The computer ran out of memory while writing. Lower EASYREAD_MODEL_BATCH_SIZE and try again."
            ) from exc
        raise

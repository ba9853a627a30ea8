"""In-process generation with transformers: any Hugging Face model folder on disk.

Batching is the main speed lever on a CPU (one sequence ~4 tokens/s, sixteen
~40 tokens/s for the 1.5B model), so `generate` takes many chats at once, sorts
them by length so a batch wastes little on padding, and pads on the left so
every sequence ends where generation starts.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path
from typing import Any

from easyread.engines.base import Chat, EngineError, GenerationStats, Sampling

log = logging.getLogger(__name__)

# One loaded model per (folder, dtype) per process: loading takes seconds and gigabytes.
_LOADED: dict[tuple[str, str], tuple[Any, Any]] = {}
_LOAD_LOCK = threading.Lock()


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


class TransformersEngine:
    """A `TextGenerator` running a transformers causal LM in this process."""

    def __init__(
        self,
        path_or_name: str | os.PathLike,
        *,
        dtype: Any = None,
        threads: int | None = None,
        batch_size: int = 16,
        name: str | None = None,
    ) -> None:
        self.path = Path(path_or_name)
        self.name = name or f"transformers://{self.path}"
        self.dtype = dtype
        self.threads = threads
        self.batch_size = max(1, int(batch_size))
        self.stats = GenerationStats()
        self._lock = threading.Lock()  # one generation at a time: the cores are already all busy

    def load(self) -> tuple[Any, Any]:
        """Load the model now (otherwise it loads on first use)."""
        return load_model(self.path, self.dtype, self.threads)

    def count_tokens(self, text: str) -> int:
        """Number of model tokens in `text`."""
        _, tokenizer = self.load()
        return len(tokenizer(text, add_special_tokens=False)["input_ids"])

    def _encode(self, tokenizer: Any, chat: Chat) -> list[int]:
        text = tokenizer.apply_chat_template(chat, tokenize=False, add_generation_prompt=True)
        return tokenizer(text, add_special_tokens=False)["input_ids"]

    def generate(self, prompts: list[Chat], sampling: Sampling | None = None) -> list[str]:
        """Return one reply per chat, in the order given."""
        if not prompts:
            return []
        sampling = sampling or Sampling()
        model, tokenizer = self.load()
        encoded = [self._encode(tokenizer, chat) for chat in prompts]
        # Longest first: a batch of similar lengths wastes little on padding, and an
        # out-of-memory error shows up on the first batch rather than the last.
        order = sorted(range(len(encoded)), key=lambda i: -len(encoded[i]))
        replies: list[str] = [""] * len(prompts)
        with self._lock:
            for start in range(0, len(order), self.batch_size):
                chunk = order[start : start + self.batch_size]
                texts = self._generate_batch(model, tokenizer, [encoded[i] for i in chunk], sampling)
                for index, text in zip(chunk, texts):
                    replies[index] = text
        return replies

    def _generate_batch(self, model: Any, tokenizer: Any, batch: list[list[int]], sampling: Sampling) -> list[str]:
        import torch
        from transformers import GenerationConfig

        stop = _stop_ids(model, tokenizer)
        pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else stop[0]
        width = max(len(ids) for ids in batch)
        input_ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
        attention = torch.zeros((len(batch), width), dtype=torch.long)
        for row, ids in enumerate(batch):
            # Left padding: every prompt ends in the last column, where the first new token goes.
            input_ids[row, width - len(ids) :] = torch.tensor(ids, dtype=torch.long)
            attention[row, width - len(ids) :] = 1
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
        started = time.perf_counter()
        try:
            with torch.inference_mode():
                output = model.generate(input_ids=input_ids, attention_mask=attention, generation_config=config)
        except (MemoryError, RuntimeError) as exc:
            if isinstance(exc, MemoryError) or "memory" in str(exc).lower():
                raise EngineError(
                    "The computer ran out of memory while writing. Lower EASYREAD_MODEL_BATCH_SIZE and try again."
                ) from exc
            raise
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
        self.stats.prompt_tokens += sum(len(ids) for ids in batch)
        self.stats.generated_tokens += generated
        self.stats.seconds += seconds
        return texts

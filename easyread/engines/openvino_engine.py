"""In-process generation with OpenVINO GenAI: an OpenVINO IR model folder as optimum-intel exports it.

The second in-process engine, beside the transformers one (engines/local.py). It
runs OpenVINO GenAI's continuous-batching pipeline: every prompt is queued as a
request and the pipeline's scheduler refills rows as replies end, reading prompts
in chunks between decode steps and reusing the cache of prompt starts it has
already read (prefix caching, so the rewriter's shared rules are read once).

Prompts are built and replies decoded with the model folder's Hugging Face
tokenizer, exactly as the transformers engine does, so both engines see the same
token ids; only the arithmetic differs (int8 weights, OpenVINO's CPU kernels).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from easyread.engines.base import Chat, ChatTokenizerEngine, EngineError, GenerationStats, Sampling

log = logging.getLogger(__name__)

# One pipeline per (folder, threads) per process: compiling the model takes seconds and memory.
_LOADED: dict[tuple[str, str], tuple[Any, Any]] = {}
_LOAD_LOCK = threading.Lock()

STOP_TOKENS = ("<|im_end|>", "<|endoftext|>", "<|eot_id|>", "<end_of_turn>")
MODEL_FILE = "openvino_model.xml"


def is_model_folder(folder: Path) -> bool:
    """True when `folder` holds an exported OpenVINO language model."""
    return (folder / MODEL_FILE).is_file()


def load_pipeline(
    path: str | os.PathLike, threads: int | None = None, properties: dict | None = None
) -> tuple[Any, Any]:
    """Load (or reuse) the pipeline and Hugging Face tokenizer in `path`. Never downloads anything.

    `properties` are OpenVINO CPU settings, e.g. {"INFERENCE_PRECISION_HINT": "f32"} to compute in
    full precision (by default OpenVINO computes in bf16 where the CPU supports it).
    """
    os.environ["HF_HUB_OFFLINE"] = "1"
    folder = Path(path).expanduser().resolve()
    if not is_model_folder(folder):
        raise EngineError(f"No OpenVINO model was found in {folder}. Check the path, or run `easyread models prepare`.")
    try:
        import openvino_genai
    except ImportError as exc:
        raise EngineError(
            "The OpenVINO engine is not installed. Install it with: pip install 'easyread[openvino]'."
        ) from exc
    from transformers import AutoTokenizer

    key = _key(folder, threads, properties)
    properties = _properties(threads, properties)
    with _LOAD_LOCK:
        if key not in _LOADED:
            started = time.monotonic()
            scheduler = openvino_genai.SchedulerConfig()
            # cache_size stays 0: the key/value cache grows as rows need it rather than being
            # preallocated (48 rows of ~600 tokens need about 0.8 GB for the 1.5B model).
            scheduler.enable_prefix_caching = True
            try:
                tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
                pipeline = openvino_genai.ContinuousBatchingPipeline(str(folder), scheduler, "CPU", properties)
            except (OSError, ValueError, RuntimeError) as exc:
                raise EngineError(f"The OpenVINO model in {folder} could not be loaded: {exc}") from exc
            _LOADED[key] = (pipeline, tokenizer)
            log.info("Loaded OpenVINO model %s in %.1f s", folder, time.monotonic() - started)
        return _LOADED[key]


def _properties(threads: int | None, properties: dict | None) -> dict:
    merged = dict(properties or {})
    if threads:
        merged["INFERENCE_NUM_THREADS"] = int(threads)
    return merged


def _key(path: str | os.PathLike, threads: int | None, properties: dict | None) -> tuple[str, str]:
    return str(Path(path).expanduser().resolve()), repr(sorted(_properties(threads, properties).items()))


def forget_pipelines() -> None:
    """Drop every loaded pipeline (tests use this to free memory)."""
    with _LOAD_LOCK:
        _LOADED.clear()


def stop_ids(tokenizer: Any, folder: Path) -> set[int]:
    """Token ids that end a reply: the tokenizer's end tokens and the chat end-of-turn markers."""
    ids: set[int] = set()
    if isinstance(tokenizer.eos_token_id, int):
        ids.add(tokenizer.eos_token_id)
    added = tokenizer.get_added_vocab()
    ids.update(added[token] for token in STOP_TOKENS if isinstance(added.get(token), int))
    try:
        import json

        eos = json.loads((folder / "generation_config.json").read_text()).get("eos_token_id")
        ids.update([eos] if isinstance(eos, int) else eos or [])
    except (OSError, ValueError):
        pass
    return ids


class OpenVINOEngine(ChatTokenizerEngine):
    """A `TextGenerator` running an OpenVINO IR language model in this process."""

    def __init__(
        self,
        path: str | os.PathLike,
        *,
        threads: int | None = None,
        batch_size: int = 24,
        name: str | None = None,
        properties: dict | None = None,
    ) -> None:
        self.path = Path(path)
        self.name = name or f"openvino://{self.path}"
        self.threads = threads
        self.properties = properties
        # At most this many replies are written at once; the next waiting prompt takes a finished row.
        self.batch_size = max(1, int(batch_size))
        self.dtype = "int8 weights (OpenVINO)"
        self.stats = GenerationStats()
        self._lock = threading.Lock()  # one generation at a time: the cores are already all busy
        self._next_id = 0

    def load(self) -> tuple[Any, Any]:
        """Load the model now (otherwise it loads on first use)."""
        return load_pipeline(self.path, self.threads, self.properties)

    def forget_shared_starts(self) -> None:
        """Drop the pipeline's cache of prompt starts already read (benchmarks use this to count reading them).

        OpenVINO offers no call to empty that cache, so the pipeline is loaded afresh (a few seconds).
        """
        with self._lock:
            with _LOAD_LOCK:
                _LOADED.pop(_key(self.path, self.threads, self.properties), None)
            self.load()

    def generate_each(
        self, prompts: list[Chat], samplings: list[Sampling], on_done: Callable[[int], None] | None = None
    ) -> list[str]:
        """One reply per chat, each with its own Sampling; `on_done(count)` as replies finish."""
        if not prompts:
            return []
        pipeline, tokenizer = self.load()
        encoded = [self._encode(tokenizer, chat) for chat in prompts]
        stops = stop_ids(tokenizer, self.path)
        with self._lock:
            started = time.perf_counter()
            outputs = self._run(pipeline, encoded, samplings, stops, on_done)
            self.stats.seconds += time.perf_counter() - started
        self.stats.prompts += len(prompts)
        self.stats.prompt_tokens += sum(len(e) for e in encoded)
        self.stats.generated_tokens += sum(len(ids) for ids in outputs)
        self.stats.batches += 1
        return [
            tokenizer.decode([t for t in ids if t not in stops], skip_special_tokens=True).strip() for ids in outputs
        ]

    def _run(
        self,
        pipeline: Any,
        encoded: list[list[int]],
        samplings: list[Sampling],
        stops: set[int],
        on_done: Callable[[int], None] | None,
    ) -> list[list[int]]:
        import numpy as np
        import openvino
        import openvino_genai

        # Longest first, as in the transformers engine: the long prompts do not end up alone at the end.
        waiting = sorted(range(len(encoded)), key=lambda i: -len(encoded[i]))
        running: dict[int, Any] = {}
        outputs: list[list[int]] = [[] for _ in encoded]
        done = 0
        while waiting or running:
            while waiting and len(running) < self.batch_size:
                index = waiting.pop(0)
                tokens = openvino.Tensor(np.array([encoded[index]], dtype=np.int64))
                running[index] = pipeline.add_request(self._request_id(), tokens, _config(samplings[index], stops))
            pipeline.step()
            for index, handle in list(running.items()):
                status = handle.get_status()
                if status == openvino_genai.GenerationStatus.RUNNING:
                    continue
                if status != openvino_genai.GenerationStatus.FINISHED:
                    raise EngineError("The OpenVINO engine stopped a reply before it was finished. Try again.")
                results = handle.read_all()
                outputs[index] = list(results[0].generated_ids) if results else []
                del running[index]
                done += 1
                if on_done:
                    on_done(done)
        return outputs

    def _request_id(self) -> int:
        self._next_id += 1
        return self._next_id


def _config(sampling: Sampling, stops: set[int]) -> Any:
    import openvino_genai

    config = openvino_genai.GenerationConfig()
    config.max_new_tokens = sampling.max_new_tokens
    config.stop_token_ids = set(stops)
    config.apply_chat_template = False  # the prompt is already the chat, rendered by the HF template
    if sampling.temperature > 0:
        config.do_sample = True
        config.temperature = sampling.temperature
        config.top_p = sampling.top_p
        if sampling.seed is not None:
            config.rng_seed = int(sampling.seed)
    else:
        config.do_sample = False
    return config

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
from collections import deque
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from easyread.engines.base import Chat, ChatTokenizerEngine, EngineError, GenerationStats, Occupancy, Sampling

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
        # The shared engine queue refills this engine's rows across callers (False: it runs rounds instead).
        self.continuous = True
        self.stats = GenerationStats()
        self._lock = threading.Lock()  # one generation at a time: the cores are already all busy
        self._next_id = 0
        self._stops: set[int] | None = None

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
        encoded, _, picks = self.prepare_rows(prompts, samplings)
        outputs: list[list[int]] = [[] for _ in encoded]
        finished = 0

        def done_with(index: int) -> Callable[[list[int]], None]:
            def done(tokens: list[int]) -> None:
                nonlocal finished
                outputs[index] = tokens
                finished += 1
                if on_done:
                    on_done(finished)

            return done

        with self._lock:
            started = time.perf_counter()
            decoder = self.open_decoder()
            for index in self.row_order(encoded):
                decoder.add(encoded[index], samplings[index].max_new_tokens, done_with(index), pick=picks[index])
            while decoder.busy:
                decoder.step()
            self.stats.seconds += time.perf_counter() - started
            self.stats.occupancy.add(decoder.occupancy)
        self.stats.prompts += len(prompts)
        self.stats.generated_tokens += sum(len(ids) for ids in outputs)
        return [self.reply_text(ids) for ids in outputs]

    # The shared engine queue (engines/shared.py) runs one decoder for every letter's prompts through these,
    # as for the transformers engine, so a row freed by one stage is taken by the next prompt of any stage.
    def open_decoder(self) -> RequestDecoder:
        """A refilling decoder on this engine's pipeline, for a caller that keeps adding prompts to it."""
        pipeline, tokenizer = self.load()
        return RequestDecoder(pipeline, slots=self.batch_size, stops=stop_ids(tokenizer, self.path), engine=self)

    @contextmanager
    def serving(self):
        """The block a decoder's steps run in (nothing to set up for OpenVINO)."""
        yield

    def prepare_rows(self, prompts: list[Chat], samplings: list[Sampling]) -> tuple[list, list, list]:
        """(token ids, refill group, own Sampling or None for greedy) per chat.

        One group for all: the pipeline's prefix cache finds shared starts by itself."""
        _, tokenizer = self.load()
        encoded = [self._encode(tokenizer, chat) for chat in prompts]
        return encoded, [0] * len(encoded), [None if s.temperature <= 0 else s for s in samplings]

    def row_order(self, encoded: list[list[int]]) -> list[int]:
        """Longest first, as in the transformers engine: the long prompts do not end up alone at the end."""
        return sorted(range(len(encoded)), key=lambda i: -len(encoded[i]))

    def reply_text(self, tokens: list[int]) -> str:
        """A row's generated tokens as text, without its stop token."""
        _, tokenizer = self.load()
        if self._stops is None:
            self._stops = stop_ids(tokenizer, self.path)
        return tokenizer.decode([t for t in tokens if t not in self._stops], skip_special_tokens=True).strip()

    def _request_id(self) -> int:
        self._next_id += 1
        return self._next_id


class RequestDecoder:
    """OpenVINO's continuous-batching pipeline behind the interface of `continuous.Decoder`.

    `add` queues a prompt, `step` hands waiting prompts to free rows and runs one pipeline step,
    and each prompt's `done(tokens)` is called when its reply ends. Where the time went is counted
    in `occupancy` as the transformers engine counts it, with one difference: OpenVINO reads prompt
    chunks and decodes running rows in the same step, so a step that still reads any prompt counts
    as prefill (prefill_seconds) and only steps that just decode count as decode_seconds. Every
    step counts in `steps`, with the rows that write a token in it.
    """

    def __init__(self, pipeline: Any, *, slots: int, stops: set[int], engine: OpenVINOEngine) -> None:
        self.pipeline = pipeline
        self.slots = slots
        self.stops = set(stops)
        self.engine = engine
        self.waiting: deque[tuple[list[int], Sampling, Callable[[list[int]], None]]] = deque()
        # request -> (handle, done, whether it has written its first token, i.e. finished reading its prompt)
        self.running: dict[int, list] = {}
        self.occupancy = Occupancy(slots=slots)

    def add(
        self,
        tokens: list[int],
        budget: int,
        done: Callable[[list[int]], None],
        *,
        group: Any = 0,
        pick: Sampling | None = None,
    ) -> None:
        """Queue one prompt (`pick`: its Sampling, None for greedy); `done(tokens)` when it ends."""
        self.waiting.append((tokens, replace(pick or Sampling(), max_new_tokens=budget), done))

    @property
    def busy(self) -> bool:
        """True while any prompt waits or runs."""
        return bool(self.waiting or self.running)

    def step(self) -> None:
        """Give free rows to waiting prompts, then run one pipeline step and hand finished replies back."""
        import numpy as np
        import openvino
        import openvino_genai

        counted = self.occupancy
        while self.waiting and len(self.running) < self.slots:
            tokens, sampling, done = self.waiting.popleft()
            tensor = openvino.Tensor(np.array([tokens], dtype=np.int64))
            request = self.engine._request_id()
            handle = self.pipeline.add_request(request, tensor, _config(sampling, self.stops))
            self.running[request] = [handle, done, False]
            counted.prefill_tokens += len(tokens)
            self.engine.stats.prompt_tokens += len(tokens)
        reading = sum(1 for _, _, writing in self.running.values() if not writing)
        writing = len(self.running) - reading
        started = time.perf_counter()
        self.pipeline.step()
        elapsed = time.perf_counter() - started
        counted.steps += 1
        counted.row_steps += writing
        counted.full_steps += writing == self.slots
        if reading:
            counted.prefills += 1
            counted.prefill_seconds += elapsed
            self.engine.stats.batches += 1
        else:
            counted.decode_seconds += elapsed
        for request, entry in list(self.running.items()):
            handle, done, _ = entry
            status = handle.get_status()
            if status == openvino_genai.GenerationStatus.RUNNING:
                entry[2] = entry[2] or handle.can_read()
                continue
            del self.running[request]
            if status != openvino_genai.GenerationStatus.FINISHED:
                raise EngineError("The OpenVINO engine stopped a reply before it was finished. Try again.")
            results = handle.read_all()
            done(list(results[0].generated_ids) if results else [])


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

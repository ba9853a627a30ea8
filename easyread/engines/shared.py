"""One engine queue shared by several callers: the prompts of every stage of every letter in flight.

The rewriter's stages (plan, rewrite, fact lock, repair, meaning) run one after another per letter,
and the later ones hand the engine only a few prompts each: run letter by letter, the rows stand
empty while a letter's repairs are written. `SharedEngine` lets several letters (each in its own
thread, easyread/simplify/overlap.py) hand over prompts whenever they have them. One thread owns
the model:

- an in-process engine that refills its rows (`TransformersEngine` with `open_decoder`) gets every
  prompt into the waiting list of one running `continuous.Decoder`, so a row freed by one letter's
  rewrite is taken by another's repair at the next refill, and the batch stays full;
- any other engine (a model server's fixed batches, OpenVINO, the test fakes) gets the prompts that
  are waiting in rounds: each round is one `generate_all` over all of them.

Callers see an ordinary `EachGenerator`: `generate_each` blocks until its own replies are back,
reporting each as it returns. `for_caller()` gives a view that counts one caller's prompts and
tokens. Greedy prompts give the replies they get alone: each row is decoded as it would be in any
other batch (the tiny-model tests check it; in bfloat16 a row's sums can round differently beside
different neighbours, as in any batch).
"""

from __future__ import annotations

import copy
import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, as_completed
from dataclasses import dataclass, field

from easyread.engines.base import Chat, EngineError, GenerationStats, Sampling, TextGenerator

log = logging.getLogger(__name__)

# Longest a round of a fixed-batch engine waits for the other callers' prompts (seconds).
ROUND_WAIT = 2.0


@dataclass
class _Request:
    prompts: list[Chat]
    samplings: list[Sampling]
    futures: list[Future] = field(default_factory=list)


class SharedEngine:
    """An engine several threads can call at once; their prompts share one queue.

    Use as a context manager (or call `close()`) so the serving thread ends."""

    def __init__(self, engine: TextGenerator, *, batch_size: int = 16) -> None:
        self.engine = engine
        self.name = getattr(engine, "name", "engine")
        self.stats: GenerationStats = getattr(engine, "stats", None) or GenerationStats()
        self.batch_size = batch_size
        # Rows refilled from one waiting list when the engine offers its decoder and refills at all.
        self.refills = bool(getattr(engine, "continuous", False)) and hasattr(engine, "open_decoder")
        self._inbox: queue.SimpleQueue = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self._error: BaseException | None = None
        self._closed = False
        self._aborted = False
        self._callers = 0  # callers that may still hand prompts over (see `for_caller`)
        self._admitted: set[Future] = set()  # futures whose prompts are in the running decoder

    def __enter__(self) -> SharedEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Stop the serving thread once the prompts already handed over are answered."""
        self._closed = True
        if self._thread is not None:
            self._inbox.put(None)
            self._thread.join()
            self._thread = None

    @property
    def broken(self) -> bool:
        """True once this engine takes no more prompts: closed, or its serving thread stopped on an error."""
        return self._closed or self._error is not None

    def abort(self) -> None:
        """Stop now (Ctrl-C): prompts not answered yet fail with EngineError; the serving thread ends after
        its current step or round."""
        self._aborted = True
        self.close()

    def count_tokens(self, text: str) -> int:
        """Number of model tokens in `text` (the engine's count)."""
        return self.engine.count_tokens(text)  # type: ignore[attr-defined]

    def generate(self, prompts: list[Chat], sampling: Sampling | None = None) -> list[str]:
        """One reply per chat, in order."""
        return self.generate_each(prompts, [sampling or Sampling()] * len(prompts))

    def generate_each(
        self, prompts: list[Chat], samplings: list[Sampling], on_done: Callable[[int], None] | None = None
    ) -> list[str]:
        """Replies to `prompts`, in order, generated beside every other caller's; `on_done(count)` as each returns."""
        return [text for text, _ in self.replies(prompts, samplings, on_done)]

    def replies(
        self, prompts: list[Chat], samplings: list[Sampling], on_done: Callable[[int], None] | None = None
    ) -> list[tuple[str, int]]:
        """(reply, tokens generated) per prompt, in order."""
        if not prompts:
            return []
        if self._closed:
            raise RuntimeError("This shared engine is closed.")
        if self._error is not None:
            raise self._error
        request = _Request(list(prompts), list(samplings), [Future() for _ in prompts])
        self._ensure_thread()
        self._inbox.put(request)
        # Progress is reported on the caller's thread (it may write to the caller's database session).
        for count, _ in enumerate(as_completed(request.futures), 1):
            if on_done:
                on_done(count)
        return [f.result() for f in request.futures]

    def for_caller(self) -> CallerEngine:
        """A view of this engine that counts one caller's prompts and generated tokens in its own stats.

        Close it when the caller is done: a round of a fixed-batch engine waits for every open caller's prompts."""
        with self._start_lock:
            self._callers += 1
        return CallerEngine(self)

    def _caller_done(self) -> None:
        with self._start_lock:
            self._callers -= 1

    def _ensure_thread(self) -> None:
        with self._start_lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._serve, name="easyread-engine", daemon=True)
                self._thread.start()

    def _serve(self) -> None:
        try:
            if self.refills:
                self._serve_rows()
            else:
                self._serve_rounds()
        except BaseException as error:  # every waiting caller must hear of it, not hang
            if not self._aborted:
                log.exception("The shared engine stopped")
            self._error = error
            for future in list(self._admitted):
                if not future.done():
                    future.set_exception(error)
            self._fail_waiting(error)

    def _check_aborted(self, taken: list) -> None:
        if self._aborted:
            error = EngineError("The work was stopped.")
            for request in taken:
                for future in request.futures if request is not None else []:
                    future.set_exception(error)
            raise error

    def _fail_waiting(self, error: BaseException) -> None:
        while True:
            try:
                request = self._inbox.get_nowait()
            except queue.Empty:
                return
            if request is not None:
                for future in request.futures:
                    if not future.done():
                        future.set_exception(error)

    def _take(self, block: bool) -> list[_Request] | None:
        """Every request waiting now (waiting for one when `block`); None once closed."""
        taken: list[_Request] = []
        try:
            item = self._inbox.get(block=block)
        except queue.Empty:
            return taken
        while True:
            if item is None:
                return None if not taken else taken + [None]  # type: ignore[list-item]
            taken.append(item)
            try:
                item = self._inbox.get_nowait()
            except queue.Empty:
                return taken

    def _serve_rounds(self) -> None:
        from easyread.simplify.batching import generate_all

        while True:
            taken = self._take(block=True)
            if taken is None:
                return
            self._check_aborted(taken)
            # A fixed batch cannot take prompts once it runs: the round waits (a little) until every open
            # caller has handed its prompts over, so letters at the same stage share batches.
            until = time.monotonic() + ROUND_WAIT
            while taken[-1] is not None and len(taken) < self._callers and time.monotonic() < until:
                try:
                    taken.append(self._inbox.get(timeout=0.02))
                except queue.Empty:
                    continue
            closing = taken[-1] is None
            requests = [r for r in taken if r is not None]
            prompts = [p for r in requests for p in r.prompts]
            samplings = [s for r in requests for s in r.samplings]
            before = int(getattr(self.stats, "generated_tokens", 0) or 0)
            try:
                texts = generate_all(self.engine, prompts, samplings, batch_size=self.batch_size)
            except Exception as error:
                for r in requests:
                    for future in r.futures:
                        future.set_exception(error)
                continue
            # A fixed-batch engine counts tokens per batch: each reply gets a share by its length.
            tokens = int(getattr(self.stats, "generated_tokens", 0) or 0) - before
            chars = sum(len(t) for t in texts) or 1
            futures = [f for r in requests for f in r.futures]
            for future, text in zip(futures, texts):
                future.set_result((text, round(tokens * len(text) / chars)))
            if closing:
                return

    def _serve_rows(self) -> None:
        engine = self.engine
        decoder = engine.open_decoder()  # type: ignore[attr-defined]
        with engine.serving():  # type: ignore[attr-defined]
            self._rows_loop(decoder)

    def _rows_loop(self, decoder) -> None:
        engine = self.engine
        counted = self.stats.occupancy
        closing = False
        while True:
            self._check_aborted([])
            if not closing:
                taken = self._take(block=not decoder.busy)
                if taken is None:
                    closing = True
                else:
                    if taken and taken[-1] is None:
                        closing = True
                    for request in taken:
                        if request is not None:
                            self._admit(decoder, request)
            if not decoder.busy:
                if closing:
                    return
                continue
            started, before = time.perf_counter(), copy.copy(decoder.occupancy)
            with engine._lock:  # type: ignore[attr-defined]  # one generation at a time, even beside direct callers
                decoder.step()
            self.stats.seconds += time.perf_counter() - started
            if self.stats.occupancy is not counted:  # the stats were reset meanwhile
                counted = self.stats.occupancy
            counted.add(decoder.occupancy.since(before))

    def _admit(self, decoder, request: _Request) -> None:
        """Queue a request's prompts in the running decoder; each future gets its reply when its row ends."""
        engine = self.engine
        try:
            encoded, groups, picks = engine.prepare_rows(request.prompts, request.samplings)  # type: ignore[attr-defined]
        except Exception as error:
            for future in request.futures:
                future.set_exception(error)
            return
        for index in engine.row_order(encoded):  # type: ignore[attr-defined]

            def done(tokens: list[int], future: Future = request.futures[index]) -> None:
                self.stats.generated_tokens += len(tokens)
                self.stats.prompts += 1
                self._admitted.discard(future)
                future.set_result((engine.reply_text(tokens), len(tokens)))  # type: ignore[attr-defined]

            self._admitted.add(request.futures[index])

            budget = request.samplings[index].max_new_tokens
            decoder.add(encoded[index], budget, done, group=groups[index], pick=picks[index])


class CallerEngine:
    """One caller's door into a SharedEngine, with that caller's own counts in `stats`."""

    def __init__(self, shared: SharedEngine) -> None:
        self.shared = shared
        self.name = shared.name
        self.stats = GenerationStats()
        self._open = True

    def close(self) -> None:
        """This caller hands over no more prompts."""
        if self._open:
            self._open = False
            self.shared._caller_done()

    def __enter__(self) -> CallerEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def count_tokens(self, text: str) -> int:
        """Number of model tokens in `text`."""
        return self.shared.count_tokens(text)

    def generate(self, prompts: list[Chat], sampling: Sampling | None = None) -> list[str]:
        """One reply per chat, in order."""
        return self.generate_each(prompts, [sampling or Sampling()] * len(prompts))

    def generate_each(
        self, prompts: list[Chat], samplings: list[Sampling], on_done: Callable[[int], None] | None = None
    ) -> list[str]:
        """Replies to `prompts`, in order, through the shared queue."""
        started = time.perf_counter()
        out = self.shared.replies(prompts, samplings, on_done)
        self.stats.prompts += len(prompts)
        self.stats.generated_tokens += sum(n for _, n in out)
        self.stats.seconds += time.perf_counter() - started
        return [text for text, _ in out]

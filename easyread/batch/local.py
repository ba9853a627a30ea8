"""Convert letters on this machine (easyread.drafting), then write them.

Fed one by one (`LocalConverter.stream`, REWRITE_LETTERS_IN_FLIGHT above 0), up to `in_flight` letters are
drafted at once, each in its own thread, their prompts sharing one engine queue (engines/shared.py); as soon as
one letter is drafted it is written and the next letter of the folder starts, so no letter waits for a slower
one beside it. Fed in chunks (`__call__`, REWRITE_LETTERS_IN_FLIGHT=0, and the old way), a chunk's letters are
drafted together and the next chunk starts when the slowest is done.
"""

from __future__ import annotations

import contextvars
import json
import logging
import threading
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path

from easyread.batch.run import (
    UNEXPECTED,
    BatchError,
    BatchOptions,
    Chunk,
    Item,
    Reporter,
    guard_folder,
    report_stats,
    tidy_folder,
)
from easyread.batch.state import DONE, FAILED, SKIPPED, Entry, Manifest
from easyread.config import resolved
from easyread.documents.errors import InputError
from easyread.drafting import NO_MODEL

log = logging.getLogger(__name__)


class LocalConverter:
    """Turns each chunk into entries. The engine and glossary are made once, when first needed,
    so a run with nothing to do never loads the model."""

    def __init__(
        self,
        out_root: Path,
        in_root: Path,
        options: BatchOptions,
        *,
        settings: dict,
        engine=None,
        on_draft=None,
        translator=None,
    ):
        self.out_root, self.in_root = out_root, in_root
        self.options, self.settings = options, resolved(settings)
        self.engine, self.on_draft, self.translator = engine, on_draft, translator
        self._glossary = None
        self._shared = None  # the engine queue the letters in flight share, while `stream` runs
        self._previous = Manifest(out_root)  # what the last run wrote, to tidy away outputs no longer made

    def glossary(self):
        if self._glossary is None:
            from easyread.glossary import load_glossary

            self._glossary = load_glossary(glossary_dir=self.settings.GLOSSARY_DIR or None)
        return self._glossary

    def get_engine(self):
        if self.engine is None:
            from easyread.engines.base import EngineError
            from easyread.engines.registry import get_engine

            try:
                self.engine = get_engine(self.options.model, self.settings)
            except EngineError as error:
                raise BatchError(str(error)) from error
        return self.engine

    @property
    def in_flight(self) -> int:
        """How many letters `stream` drafts at once; 0 when the letters go in chunks (REWRITE_LETTERS_IN_FLIGHT=0).

        At most --jobs, as many as chunks held. Without a model there is no engine to share: one at a time."""
        lanes = int(self.settings.REWRITE_LETTERS_IN_FLIGHT)
        if lanes <= 0:
            return 0
        return 1 if self.options.model == NO_MODEL else max(1, min(lanes, self.options.at_once))

    def stream(self, letters: Iterator[tuple[Item, bytes | InputError]], reporter: Reporter) -> Iterator[Entry]:
        """Each letter's entry as soon as it is written, up to `in_flight` letters drafted at once.

        `letters` is read one letter ahead of need, so only the letters in flight are held. A model that stops
        working ends the run (BatchError) once the letters in flight have ended; what was written is kept."""
        from easyread.engines.base import EngineError
        from easyread.engines.shared import SharedEngine

        lanes = max(1, self.in_flight)
        engine = None if self.options.model == NO_MODEL else self.get_engine()
        shared = None if engine is None else SharedEngine(engine, batch_size=int(self.settings.REWRITE_BATCH_SIZE))
        self._shared = shared
        self.glossary()  # loaded once here, not by the first letters' threads at the same time
        pool = ThreadPoolExecutor(max_workers=lanes, thread_name_prefix="easyread-letter")
        running: dict[Future, tuple[Item, bytes, float]] = {}
        say = threading.Lock()  # the letters' threads report their stages one at a time
        pending, broken, finished = iter(letters), None, False
        try:
            while True:
                while broken is None and len(running) < lanes:
                    item, data = next(pending, (None, None))
                    if item is None:
                        break
                    if isinstance(data, InputError):
                        yield _entry(item, SKIPPED, reason=str(data))
                        continue
                    progress = _letter_progress(reporter, item.found.path.name, say)
                    # Counted as a caller here, not on its thread: a round then waits for this letter's prompts
                    # even when its thread starts after the other letters' prompts have arrived.
                    caller = None if shared is None else shared.for_caller()
                    # A copy of this context per letter: the check options live in context variables.
                    future = pool.submit(contextvars.copy_context().run, self._draft, caller, item, data, progress)
                    running[future] = (item, data, time.monotonic())
                    reporter.working([i.found.rel for i, _, _ in running.values()])
                if not running:
                    break
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in sorted(done, key=lambda f: running[f][2]):
                    item, data, started = running.pop(future)
                    try:
                        made = future.result()
                    except EngineError as error:
                        broken = broken or error  # the letter is not recorded: the next run does it again
                        continue
                    yield self._written(item, data, made, started)
            finished = True
        finally:
            self._shared = None
            pool.shutdown(wait=finished, cancel_futures=True)
            if shared is not None:
                if finished:
                    shared.close()
                else:  # stopped (Ctrl-C, or the run ended early): the letters in flight end at their next prompt
                    shared.abort()
        if broken is not None:
            raise BatchError(
                f"The model stopped working: {broken} The letters finished so far are kept; run the same command again to go on."
            ) from broken

    def _draft(self, engine, item: Item, data: bytes, progress) -> object:
        """One letter's draft (or the error that stopped it), made on this letter's thread with its caller `engine`."""
        from easyread.drafting import Source, make_drafts
        from easyread.engines.base import EngineError

        try:
            try:
                return make_drafts(
                    [Source(data, item.found.path.name)],
                    model=self.options.model,
                    settings=self.settings,
                    glossary=self.glossary(),
                    engine=engine,
                    pictures=self.options.pictures,
                    progress=progress,
                )[0]
            finally:
                if engine is not None:
                    engine.close()  # a fixed-batch engine's rounds stop waiting for this letter's prompts
        except EngineError:
            raise
        except Exception as error:  # one odd letter does not stop the others
            log.exception("Converting %s failed", item.found.rel)
            return error

    def _written(self, item: Item, data: bytes, made, started: float) -> Entry:
        """The letter's entry once its outputs are written (or why not)."""
        if isinstance(made, Exception):
            status = SKIPPED if isinstance(made, InputError) else FAILED
            return _entry(item, status, reason=_plain(made), seconds=round(time.monotonic() - started, 2))
        try:
            entry = self._write(item, data, made)
        except (BatchError, KeyboardInterrupt):
            raise
        except Exception as error:  # one letter's writer failing must not stop the others
            log.exception("Writing %s failed", item.found.rel)
            entry = _entry(item, FAILED, reason=_plain(error))
        entry.seconds = round(time.monotonic() - started, 2)
        return entry

    def __call__(self, chunk: Chunk, reporter: Reporter) -> Iterator[Entry]:
        from easyread.drafting import Source, make_drafts
        from easyread.engines.base import EngineError

        started = time.monotonic()
        readable: list[tuple[Item, bytes]] = []
        for item, data in chunk:
            if isinstance(data, InputError):
                yield _entry(item, SKIPPED, reason=str(data))
                continue
            readable.append((item, data))
        if not readable:
            return
        try:
            # The chunk's letters are read once, rewritten together (they share each pass through the model),
            # checked once with the settings and given pictures: easyread.drafting, as convert and the web app's task.
            drafts = make_drafts(
                [Source(data, item.found.path.name) for item, data in readable],
                model=self.options.model,
                settings=self.settings,
                glossary=self.glossary(),
                engine=None if self.options.model == NO_MODEL else self.get_engine(),
                pictures=self.options.pictures,
                progress=reporter.stage,
            )
        except EngineError as error:
            # A model that stops working fails every letter after it: stop, keeping what is done.
            raise BatchError(
                f"The model stopped working: {error} The letters finished so far are kept; run the same command again to go on."
            ) from error
        # The model's time is shared by the letters it rewrote together; each also pays its own writing.
        share = (time.monotonic() - started) / len(readable)
        for (item, data), made in zip(readable, drafts):
            entry = self._written(item, data, made, time.monotonic())
            entry.seconds = round(share + (entry.seconds or 0), 2)  # its share of the chunk's drafting, then writing
            yield entry

    def _write(self, item: Item, data: bytes, made) -> Entry:
        from easyread.documents.atomic import atomic_write_text
        from easyread.documents.write import WriteOptions, write_draft_json, write_outputs

        draft, report = made.draft, made.report
        folder = guard_folder(self.out_root, self.in_root, item.folder)
        stem = Path(item.folder).name
        names = [f"{stem}.{fmt}" for fmt in self.options.formats] + [f"{stem}.draft.json", f"{stem}.report.json"]
        if self.options.languages:
            names += [
                f"{stem}.{code}.{ext}" for code in self.options.languages for ext in [*self.options.formats, "json"]
            ]
            names.append(f"{stem}.translation.json")
        tidy_folder(folder, names, self._previous.get(item.found.rel))
        write_outputs(draft, folder, stem, self.options.formats, WriteOptions.from_settings(self.settings))
        write_draft_json(draft, folder, stem)
        atomic_write_text(folder / f"{stem}.report.json", json.dumps(report, indent=2, ensure_ascii=False))
        entry = _entry(item, DONE, folder=item.folder, outputs=names[: len(self.options.formats) + 2])
        report_stats(entry, report)
        if self.options.languages:
            self._translate(draft, folder, stem, entry)
        if self.on_draft is not None:
            self.on_draft(entry, made, data)
        return entry

    def _translate(self, draft, folder: Path, stem: str, entry: Entry) -> None:
        """Write the draft's translations beside it (<stem>.<code>.<format> and .json) and the translation
        report; a language not done makes the letter failed, so the next run tries it again."""
        from easyread.documents.atomic import atomic_write_text
        from easyread.documents.write import WriteOptions, write_outputs
        from easyread.engines.base import EngineError
        from easyread.translate import TranslationError, lookup, translate_draft
        from easyread.translate.fonts import missing_font

        # The rewriter's model already in memory translates too, unless another engine is set.
        engine = self.translator
        if engine is None and not self.settings.TRANSLATE_ENGINE and self.options.model != NO_MODEL:
            # While letters are in flight their engine queue owns the model: the translation queues there too.
            engine = self._shared or self.get_engine()
        try:
            run = translate_draft(
                draft, self.options.languages, engine=engine, settings=self.settings, glossary=self.glossary()
            )
        except (TranslationError, EngineError) as error:
            entry.status, entry.reason = FAILED, f"Not translated: {error}"
            return
        missing = []
        for code, result in run.results.items():
            if not result.ok:
                missing.append(f"{result.name}: {result.error}")
                continue
            formats = [f for f in self.options.formats if not (f == "pdf" and missing_font(lookup(code)))]
            write_outputs(result.draft, folder, f"{stem}.{code}", formats, WriteOptions.from_settings(self.settings))
            atomic_write_text(
                folder / f"{stem}.{code}.json", json.dumps(result.draft.to_dict(), ensure_ascii=False, indent=2)
            )
            entry.outputs += [f"{stem}.{code}.{f}" for f in formats] + [f"{stem}.{code}.json"]
        atomic_write_text(folder / f"{stem}.translation.json", json.dumps(run.to_dict(), ensure_ascii=False, indent=2))
        entry.outputs.append(f"{stem}.translation.json")
        if missing:
            entry.status, entry.reason = FAILED, "Not translated into " + "; ".join(missing)


def _letter_progress(reporter: Reporter, name: str, lock: threading.Lock):
    """The reporter's `stage` for one letter in flight: its stages named with the letter, one thread at a time."""

    def report(stage: str, done: int, total: int) -> None:
        with lock:
            reporter.stage(f"{name}: {stage}", done, total)

    return report


def _entry(item: Item, status: str, **fields) -> Entry:
    return Entry(rel=item.found.rel, status=status, hash=item.digest, **fields)


def _plain(error: Exception) -> str:
    """The user's message for an error we expect, else a general one (the details go to the log)."""
    from easyread.convert import ConvertError
    from easyread.engines.base import EngineError

    if isinstance(error, (InputError, ConvertError, EngineError)) and str(error).strip():
        return str(error)
    log.error("Unexpected error: %r", error)
    return UNEXPECTED

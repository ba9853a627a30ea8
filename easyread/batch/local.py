"""Convert a chunk of letters on this machine: their drafts made together (easyread.drafting), then written."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
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
            begun = time.monotonic()
            if isinstance(made, Exception):
                status = SKIPPED if isinstance(made, InputError) else FAILED
                yield _entry(item, status, reason=_plain(made), seconds=share)
                continue
            try:
                entry = self._write(item, data, made)
            except (BatchError, KeyboardInterrupt):
                raise
            except Exception as error:  # one letter's writer failing must not stop the others
                log.exception("Writing %s failed", item.found.rel)
                entry = _entry(item, FAILED, reason=_plain(error))
            entry.seconds = round(share + time.monotonic() - begun, 2)
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
            engine = self.get_engine()
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

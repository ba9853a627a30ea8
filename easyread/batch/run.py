"""Convert a folder of letters: walk, skip what is done, rewrite, write, summarise.

A converter that offers `stream` (the local one, REWRITE_LETTERS_IN_FLIGHT above 0) gets the letters one by
one and keeps several in flight through one engine, starting the next as soon as one is written; any other
(a server's, or REWRITE_LETTERS_IN_FLIGHT=0) gets them `at_once` (`--jobs`) at a time, a chunk after the last one ended.
Either way only a few letters are held in memory, and each finished letter is recorded in the manifest at
once, so a run stopped at any point is finished by running it again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from easyread.batch.lock import LOCK_FILE, OutLock
from easyread.batch.state import FAILED, IGNORED, MANIFEST, SKIPPED, Entry, Manifest, options_key
from easyread.batch.summary import CSV_NAME, HTML_NAME, TODO, write_summary
from easyread.batch.walk import Found, check_folders, dir_names, find_letters, inside, letter_folder
from easyread.config import resolved
from easyread.documents.errors import InputError

ERROR_LOG = "batch-errors.log"
RESERVED = {CSV_NAME, HTML_NAME, MANIFEST, LOCK_FILE, ERROR_LOG, ".easyread-remote.json"}
UNEXPECTED = f"Something went wrong while converting this letter. The details are in {ERROR_LOG} in the output folder."


class BatchError(Exception):
    """The batch cannot start or go on (bad folders, a model that will not load); the message says why."""


@dataclass
class BatchOptions:
    """What to make of each letter. `at_once` letters (`--jobs`) share each pass through the model."""

    formats: list[str]
    model: str = "embedded"
    pictures: bool = True
    at_once: int = 4
    force: bool = False
    languages: list[str] = field(default_factory=list)
    remote: str = ""  # the server's URL when the letters are sent to one

    def key(self, settings: dict) -> str:
        """What decides the outputs, hashed: a change redoes every letter."""
        chosen = {
            "model": self.model,
            "formats": sorted(self.formats),
            "pictures": self.pictures,
            "languages": sorted(self.languages),
            "remote": self.remote,
        }
        return options_key(chosen, {} if self.remote else settings)


class Reporter:
    """Progress events from a batch run. Every method does nothing here; the CLI shows a bar."""

    def start(self, total: int, todo: int) -> None:
        """`total` files found, `todo` of them to convert in this run."""

    def working(self, names: list[str]) -> None:
        """The letters being converted now."""

    def stage(self, stage: str, done: int, total: int) -> None:
        """Progress inside the current chunk (the rewriter's stages); with letters in flight, "name: stage" of
        one of them, called from that letter's thread (one call at a time)."""

    def finished(self, entry: Entry) -> None:
        """A letter was done, skipped or failed (and is already in the manifest)."""

    def close(self) -> None:
        """The run ended, finished or not."""


@dataclass
class Item:
    """A letter to convert in this run."""

    found: Found
    digest: str
    folder: str  # relative to OUT_DIR


@dataclass
class BatchResult:
    """What a run did: every file's entry in walk order, and the summary files."""

    entries: list[Entry]
    converted: int = 0  # letters worked on in this run (done, skipped or failed)
    up_to_date: int = 0  # letters left alone because nothing changed
    interrupted: bool = False
    summary_csv: Path | None = None
    summary_html: Path | None = None

    @property
    def problems(self) -> list[Entry]:
        return [e for e in self.entries if e.status in (SKIPPED, FAILED)]

    @property
    def exit_code(self) -> int:
        """0 when every letter is done, 1 when any was skipped or failed, 130 when stopped."""
        if self.interrupted:
            return 130
        return 1 if self.problems else 0


# A chunk converter takes the chunk's items with their bytes (or an InputError) and yields
# each letter's entry as soon as it is finished. One with an `in_flight` above 0 is given an iterator
# of them instead, through its `stream(letters, reporter)` (see batch/local.py).
Chunk = list[tuple[Item, bytes | InputError]]
Converter = Callable[[Chunk, Reporter], Iterator[Entry]]


def file_digest(path: Path, limit_mb: int) -> tuple[str, bytes | InputError]:
    """(SHA-256 of the file, its bytes) reading at most one byte past the size limit.
    A file that cannot be opened gives ("", an InputError): no digest, so it is tried again next run."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit_mb * 1024 * 1024 + 1)
    except OSError:
        return "", InputError(
            "The file could not be opened. Check you are allowed to read it and try again.", code="not_readable"
        )
    return hashlib.sha256(data).hexdigest(), data


def run_batch(
    in_dir: Path,
    out_dir: Path,
    options: BatchOptions,
    *,
    settings: dict,
    reporter: Reporter | None = None,
    converter: Converter | None = None,
    engine=None,
    on_draft=None,
    translator=None,
) -> BatchResult:
    """Convert every letter under `in_dir` into its own folder under `out_dir`.

    `converter` does the work for each chunk (default: locally, with `engine` or the
    one `options.model` names, loaded once on first need; `translator` for
    `options.languages`, default the TRANSLATE_ENGINE setting or that same engine). `on_draft(entry, made,
    data)` is called after each letter is written, with its `easyread.drafting.Drafted` (the letter as read, its
    draft and report) and its bytes (the CLI's --review uses it).
    Raises BatchError for folders it cannot use, LockedError when another run holds
    OUT_DIR. Ctrl-C stops it after saving the summary: the result says `interrupted`.
    """
    settings = resolved(settings)
    reporter = reporter or Reporter()
    try:
        in_root, out_root = check_folders(in_dir, out_dir)
    except Exception as error:
        raise BatchError(str(error)) from error
    if options.at_once < 1:
        raise BatchError("--jobs must be 1 or more.")
    with OutLock(out_root):
        if converter is None:
            from easyread.batch.local import LocalConverter

            converter = LocalConverter(
                out_root, in_root, options, settings=settings, engine=engine, on_draft=on_draft, translator=translator
            )
        return _run(in_root, out_root, options, settings, reporter, converter)


def _run(
    in_root: Path, out_root: Path, options: BatchOptions, settings: dict, reporter: Reporter, converter: Converter
) -> BatchResult:
    manifest = Manifest(out_root)
    key = options.key(settings)
    limit = settings.MAX_UPLOAD_MB
    found = find_letters(in_root)
    taken = dir_names(found) | manifest.folders() | RESERVED
    entries: dict[str, Entry] = {}
    todo: list[Item] = []
    for f in found:
        if f.ignored:
            entries[f.rel] = Entry(f.rel, IGNORED, reason=f.ignored)
            continue
        digest, _ = file_digest(f.path, limit)  # bytes dropped at once: only paths and hashes are kept
        if not options.force and manifest.is_current(f.rel, digest, key, out_root):
            entries[f.rel] = manifest.get(f.rel)
            continue
        previous = manifest.get(f.rel)
        folder = previous.folder if previous and previous.folder else letter_folder(f.rel, taken)
        taken.add(folder)
        todo.append(Item(f, digest, folder))
        entries[f.rel] = Entry(f.rel, TODO)
    result = BatchResult(entries=[], up_to_date=sum(e.status != TODO and e.status != IGNORED for e in entries.values()))
    reporter.start(len(found), len(todo))

    def load(item: Item) -> tuple[Item, bytes | InputError]:
        digest, data = file_digest(item.found.path, limit)
        item.digest = digest  # the file may have changed since the walk: record what was converted
        return item, data

    def record(made: Iterator[Entry]) -> None:
        for entry in made:
            entry.options = key
            manifest.put(entry)
            entries[entry.rel] = entry
            result.converted += 1
            reporter.finished(entry)

    try:
        if int(getattr(converter, "in_flight", 0) or 0) > 0:
            # One letter after another, each starting as soon as a letter in flight is written.
            stream = converter.stream((load(item) for item in todo), reporter)  # type: ignore[attr-defined]
            try:
                record(stream)
            finally:
                stream.close()
        else:
            for start in range(0, len(todo), options.at_once):
                chunk = todo[start : start + options.at_once]
                loaded = [load(item) for item in chunk]
                reporter.working([i.found.rel for i in chunk])
                record(converter(loaded, reporter))
                del loaded
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        reporter.close()
        result.entries = [entries[f.rel] for f in found]
        result.summary_csv, result.summary_html = write_summary(out_root, result.entries)
    return result


def guard_folder(out_root: Path, in_root: Path, folder: str) -> Path:
    """OUT_DIR/folder, created; refuses (BatchError) a folder that a link sends into IN_DIR."""
    path = out_root / folder
    path.mkdir(parents=True, exist_ok=True)
    if inside(path, in_root) or not inside(path, out_root):
        raise BatchError(
            f"{path} leads inside the folder of letters or out of the output folder (through a link); easyread will not write there."
        )
    return path


def tidy_folder(path: Path, keep: list[str], previous: Entry | None) -> None:
    """Remove a stopped run's temporary files, and outputs of the last run this one no longer makes."""
    for tmp in path.glob(".*.tmp"):
        tmp.unlink(missing_ok=True)
    if previous is not None and previous.folder:
        for name in previous.outputs:
            if name not in keep:
                (path / name).unlink(missing_ok=True)


def report_stats(entry: Entry, report: dict | None) -> None:
    """Fill the summary's columns from a check report dict."""
    if not report:
        return
    parts = report.get("parts") or []
    entry.sentences = sum(len(p.get("sentences") or []) for p in parts)
    entry.score = report.get("score")
    entry.passed = report.get("passed")
    counts = report.get("counts") or {}
    entry.fails, entry.warns = int(counts.get("fail", 0)), int(counts.get("warn", 0))
    lock = report.get("fact_lock") or {}
    kept = len(lock.get("kept") or [])
    entry.facts_kept = kept
    entry.facts_total = kept + len(lock.get("lost") or []) + len(lock.get("changed") or [])

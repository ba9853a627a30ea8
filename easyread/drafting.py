"""Make Easy Read drafts: read each letter once, rewrite, check once with the settings, add pictures.

The one path every caller takes: `easyread convert` (easyread/convert.py), the web app's task
(easyread/jobs/work.py) and `easyread batch` (easyread/batch/local.py). `make_drafts` takes
several letters so the model rewrites them together (big batches are what make a small
CPU model fast enough); `make_draft` is the one-letter door over it.

The check happens once per letter: the rewriter checks its own draft with the CHECK_*
settings (easyread.simplify.pipeline sets them for the run); a letter laid out without a
model is checked here with the same settings. Domain code only: no Flask, database or queue.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from easyread.config import Settings, resolved
from easyread.documents.errors import InputError
from easyread.documents.model import Document, EasyReadDocument
from easyread.documents.read import read_document
from easyread.progress import Progress

log = logging.getLogger(__name__)

NO_MODEL = "none"
FIRST_DRAFT = "First draft: still being checked."


class ConvertError(Exception):
    """The draft could not be made; the message says why in plain words."""


@dataclass
class Source:
    """One letter to draft: its bytes or path, its file name, and the title staff gave it (if any).
    `letter`, when given, is the letter already read (an upload is read once, in the request), and `data`
    is not read again."""

    data: bytes | Path | None
    filename: str
    title: str | None = None
    letter: Document | None = None


@dataclass
class Drafted:
    """One letter's Easy Read draft, its check report (a dict) and a one-line summary."""

    letter: Document
    draft: EasyReadDocument
    report: dict
    summary: str


def _quiet(stage: str, done: int, total: int) -> None:
    pass


# (number of the source, its first draft) -> None
FirstDraft = Callable[[int, Drafted], None]


def make_draft(
    source: Source,
    *,
    model: str,
    settings: Settings | dict,
    glossary,
    engine=None,
    pictures: bool = True,
    progress: Progress = _quiet,
) -> Drafted:
    """Draft one letter. Raises InputError (a letter we cannot use), EngineError (the model failed)
    or whatever else stopped it."""
    made = make_drafts(
        [source], model=model, settings=settings, glossary=glossary, engine=engine, pictures=pictures, progress=progress
    )[0]
    if isinstance(made, Exception):
        raise made
    return made


def make_drafts(
    sources: list[Source],
    *,
    model: str,
    settings: Settings | dict,
    glossary,
    engine=None,
    pictures: bool = True,
    progress: Progress = _quiet,
    first_draft: FirstDraft | None = None,
) -> list[Drafted | Exception]:
    """Draft several letters, rewriting them together; one result per source, in order: its `Drafted`,
    or the error that stopped that letter alone (InputError for a letter we cannot use).

    `first_draft(n, drafted)` gets source n's draft as soon as it is rewritten and its facts locked, while
    the repairs and the meaning check go on (no pictures yet): a draft to read, not to approve.

    `model` is a MODEL spec or "none" (lay the letter out with its own words); `engine`, when given,
    is used instead of making one from `model`. An EngineError (the model stopped working) stops
    them all and is raised, since every letter after it would fail the same way."""
    settings = resolved(settings)
    results: list[Drafted | Exception | None] = [None] * len(sources)
    letters: list[tuple[int, Document]] = []
    progress("read", 0, len(sources))
    for n, source in enumerate(sources):
        try:
            letter = _letter_of(source, settings)
        except InputError as error:
            results[n] = error
            continue
        if source.title:
            letter.title = source.title  # the name staff gave the letter titles its Easy Read version
        letters.append((n, letter))
    progress("read", len(sources), len(sources))
    if letters:

        def early(k: int, result) -> None:
            n, letter = letters[k]
            report = result.report.to_dict() if result.report is not None else {}
            first_draft(n, Drafted(letter=letter, draft=result.draft, report=report, summary=FIRST_DRAFT))

        rewritten = rewrite_letters(
            [letter for _, letter in letters],
            model=model,
            settings=settings,
            glossary=glossary,
            engine=engine,
            progress=progress,
            first_draft=early if first_draft else None,
        )
        _done_asking(engine)
        for (n, letter), made in zip(letters, rewritten):
            results[n] = (
                made if isinstance(made, Exception) else _finish(letter, *made, settings, glossary, pictures, progress)
            )
    return results  # type: ignore[return-value]  # every slot is filled above


def _done_asking(engine) -> None:
    """A door into a shared engine queue (a worker's jobs, a batch's letters in flight) is closed once the letters
    are rewritten: the other callers' fixed-batch rounds stop waiting for prompts while pictures are chosen."""
    from easyread.engines.resident import Door
    from easyread.engines.shared import CallerEngine

    if isinstance(engine, (CallerEngine, Door)):
        engine.close()


def _letter_of(source: Source, settings: Settings) -> Document:
    """The source's letter: the one already read, else read from its bytes or path (InputError if unusable)."""
    if source.letter is not None:
        return source.letter
    return read_document(source.data, filename=source.filename, settings=settings)


def rewrite_letters(
    letters: list[Document],
    *,
    model: str,
    settings: Settings | dict,
    glossary,
    engine=None,
    progress: Progress = _quiet,
    first_draft=None,
) -> list[tuple[EasyReadDocument, dict | None, str] | Exception]:
    """(draft, check report or None, summary) for each letter, or the error that stopped that letter.

    With a model the rewriter checks its draft (the report); laid out without one, the report is None
    and `make_drafts` checks it. Rewrites all letters in one go; if that fails, each on its own, so one
    odd letter does not sink the letters it was batched with."""
    if model == NO_MODEL:
        from easyread.documents.identity import identity_draft

        progress("lay out", 0, len(letters))
        laid_out = [(identity_draft(letter), None, "Words kept as they are: no model was used.") for letter in letters]
        progress("lay out", len(letters), len(letters))
        return laid_out
    from easyread.engines.base import EngineError
    from easyread.simplify.pipeline import simplify_documents

    if engine is None:
        from easyread.engines.registry import get_engine

        engine = get_engine(model, settings)

    def simplify(docs: list[Document]) -> list:
        return simplify_documents(
            docs, engine, glossary=glossary, settings=settings, progress=progress, first_draft=first_draft
        )

    try:
        results = simplify(letters)
    except (EngineError, KeyboardInterrupt):
        raise
    except Exception:
        if len(letters) == 1:
            raise
        log.exception("Rewriting %d letters together failed; rewriting them one by one", len(letters))
        results = []
        for letter in letters:
            try:
                results.extend(simplify([letter]))
            except (EngineError, KeyboardInterrupt):
                raise
            except Exception as error:
                results.append(error)
    return [
        r if isinstance(r, Exception) else (r.draft, r.report.to_dict() if r.report is not None else None, r.summary())
        for r in results
    ]


def check(draft: EasyReadDocument, source_text: str | None, *, glossary, settings: Settings | dict) -> dict:
    """Run the checks with the CHECK_* settings (and the fact lock against `source_text`) on `draft`,
    filling each point's findings; the report as a dict."""
    # Imported here: the checks load spaCy and textstat, which `easyread batch --help` and the web app never need.
    from easyread.checks.registry import Options
    from easyread.checks.report import check_draft

    return check_draft(draft, source_text, glossary=glossary, options=Options.from_settings(settings)).to_dict()


def _finish(
    letter: Document,
    draft: EasyReadDocument,
    report: dict | None,
    summary: str,
    settings: Settings | dict,
    glossary,
    pictures: bool,
    progress: Progress,
) -> Drafted | Exception:
    if report is None:  # laid out without a model: nothing has checked it yet
        progress("check", 0, 1)
        report = check(draft, letter.text(), glossary=glossary, settings=settings)
        progress("check", 1, 1)
    if pictures:
        from easyread.pictures import add_pictures

        try:
            # Per point, so a progress bar moves while pictures are chosen and drawn.
            draft = add_pictures(
                draft, settings=settings, progress=lambda done, total: progress("pictures", done, total)
            )
        except Exception as error:  # one letter's pictures failing must not stop the others; the caller reports it
            return error
    return Drafted(letter=letter, draft=draft, report=report, summary=summary or "Draft made.")

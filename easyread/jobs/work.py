"""What a task does, as calls to domain functions only: make a draft (easyread.drafting), check a person's
edit, write one point again, translate.

No database and no Flask here: the task in `easyread.jobs.tasks` loads the state,
calls these, and stores what they return.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass

from easyread import drafting
from easyread.documents.model import Block, BlockKind, Document, EasyReadDocument
from easyread.documents.read import read_document
from easyread.drafting import NO_MODEL, ConvertError, Source, check, make_drafts
from easyread.engines.base import TextGenerator
from easyread.progress import Progress
from easyread.timelimit import time_limit, watched

NEEDS_MODEL = "Making a point again needs a model. This letter was laid out with no model (words kept as they are): edit the point yourself, or upload the letter again with a model."


def _quiet(stage: str, done: int, total: int) -> None:
    pass


@contextmanager
def _engine(model: str, settings) -> Iterator[TextGenerator | None]:
    """This job's door into the worker process's one engine queue for `model` (None without a model): letters
    drafted at the same time by the worker's threads share its decode steps (easyread.engines.resident)."""
    if model == NO_MODEL:
        yield None
        return
    from easyread.engines import resident

    with resident.caller(model, settings) as door:
        yield door


@dataclass
class Made:
    """A draft and its check report, as plain dicts ready to store."""

    draft: dict
    report: dict
    note: str


def recheck(draft: dict, source_text: str | None, *, glossary, settings) -> tuple[dict, dict]:
    """(draft with fresh findings, report) for a draft dict changed by a person."""
    doc = EasyReadDocument.from_dict(draft)
    report = check(doc, source_text, glossary=glossary, settings=settings)
    return doc.to_dict(), report


def make_draft(
    data: bytes | None,
    *,
    filename: str,
    options: dict,
    settings,
    glossary,
    progress: Progress = _quiet,
    letter: Document | None = None,
    first_draft: Callable[[Made], None] | None = None,
) -> Made:
    """Rewrite the letter, check it once and add pictures (easyread.drafting): the `letter` the upload read,
    else read from the stored original `data`. `first_draft(made)` gets the draft as soon as it is rewritten and
    its facts locked, before the repairs and the meaning check. Raises InputError, ConvertError or EngineError,
    or TimeLimitError past the JOB_TIME_LIMIT_SECONDS setting."""
    model = options.get("model") or settings["MODEL"]
    with time_limit(settings["JOB_TIME_LIMIT_SECONDS"]), _engine(model, settings) as engine:
        made = make_drafts(
            [Source(data, filename, title=options.get("title"), letter=letter)],
            model=model,
            settings=settings,
            glossary=glossary,
            engine=engine,
            pictures=options.get("pictures", True),
            progress=watched(progress),
            first_draft=first_draft
            and (
                lambda _, early: first_draft(Made(draft=early.draft.to_dict(), report=early.report, note=early.summary))
            ),
        )[0]
    if isinstance(made, Exception):
        raise made
    return Made(draft=made.draft.to_dict(), report=made.report, note=made.summary)


def source_block(
    data: bytes,
    *,
    filename: str,
    settings: dict,
    source_index: int | None,
    fallback: str,
    sources: list[str] | None = None,
) -> Document:
    """A one-block letter holding the letter sentences a point says (its `sources`), else the original
    paragraph it came from, else the point's own words."""
    doc = read_document(data, filename=filename, settings=settings)
    block = None
    said = [doc.sentence_map().get(s) for s in sources or []]
    if said and all(said):
        block = Block(kind=BlockKind.PARAGRAPH, text=" ".join(said))
    elif source_index is not None and 0 <= source_index < len(doc.blocks):
        block = doc.blocks[source_index]
    if block is None or not block.plain_text().strip():
        block = Block(kind=BlockKind.PARAGRAPH, text=fallback)
    return Document(
        blocks=[Block(kind=BlockKind.PARAGRAPH, text=block.plain_text())],
        title="",
        language=doc.language,
        source_name=filename,
    )


def regenerate_texts(
    data: bytes,
    *,
    filename: str,
    model: str | None,
    settings: dict,
    source_index: int | None,
    fallback: str,
    glossary=None,
    progress: Progress = _quiet,
    sources: list[str] | None = None,
) -> list[str]:
    """New Easy Read sentences for one point, rewritten from the letter sentences it says (else its original
    paragraph). Raises ConvertError without a model."""
    if not model or model == NO_MODEL:
        raise ConvertError(NEEDS_MODEL)
    with time_limit(settings["JOB_TIME_LIMIT_SECONDS"]):
        one = source_block(
            data, filename=filename, settings=settings, source_index=source_index, fallback=fallback, sources=sources
        )
        with _engine(model, settings) as engine:
            made = drafting.rewrite_letters(
                [one], model=model, settings=settings, glossary=glossary, engine=engine, progress=watched(progress)
            )[0]
    if isinstance(made, Exception):
        raise made
    draft = made[0]
    return [p.text for p in draft.points() if p.text.strip()]


@dataclass
class Translated:
    """Translated drafts and their reports as plain dicts by language code, and why any language is missing."""

    drafts: dict[str, tuple[dict, dict]]
    errors: dict[str, str]  # language name -> plain reason


def translate(
    draft: dict,
    languages: list[str],
    *,
    settings: dict,
    glossary,
    progress: Progress = _quiet,
    memory: dict | None = None,
) -> Translated:
    """Translate an English draft into `languages` with the configured engine (TRANSLATE_ENGINE, else MODEL).

    Each translation's report holds what the translation checks found (engine, trust tier,
    points flagged for a fluent reader, facts kept, back-translation scores, points from the
    translation `memory`: a Memory per language code). Raises
    TranslationError when nothing can start (unknown language, empty draft).
    """
    from easyread.engines.embedded import EMBEDDED_MODELS
    from easyread.translate import translate_draft
    from easyread.translate.engines import configured_spec

    spec = configured_spec(settings)
    # The embedded model translates through the worker's one engine (easyread.engines.resident), as drafts are
    # made: a translation of its own would load a second copy of the model beside the one the worker keeps.
    shared = _engine(spec, settings) if spec in EMBEDDED_MODELS else nullcontext(None)
    with shared as engine:
        run = translate_draft(
            draft, languages, settings=settings, glossary=glossary, progress=progress, memory=memory, engine=engine
        )
    drafts = {code: (r.draft.to_dict(), {"translation": r.to_dict()}) for code, r in run.results.items() if r.ok}
    errors = {r.name: r.error for r in run.results.values() if r.error}
    return Translated(drafts=drafts, errors=errors)

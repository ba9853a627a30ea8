"""The background tasks. Each takes a document id and a task token, re-reads the state, and is idempotent.

- A document that is done is not redone; a task whose token is no longer the
  document's (the letter was retried or re-queued since) does nothing.
- A draft version and the "done" status are stored in one commit, so a task
  stopped half way leaves the document "running" and a rerun starts again from
  the stored original file.
- What the task should do, and the token of its current run, are stored on the document
  (`progress["task"]`: kind, parameters, token), so a worker that starts after a crash can
  queue it again (`easyread.jobs.recover`).
"""

from __future__ import annotations

import logging
import secrets
import time
from contextlib import contextmanager
from pathlib import Path

from easyread.jobs.queue import huey

log = logging.getLogger(__name__)

GENERIC_ERROR = (
    "Something went wrong while making the Easy Read draft. Try again. If it happens again, tell your administrator."
)
MISSING_FILE = "The uploaded letter is no longer on the server. Upload it again."

_state: dict = {"app": None}

# Stage -> (percent at start, percent at end) of the whole task, for the progress bar. Each of the rewriter's
# stages has its own span, so the bar moves with every reply of every stage instead of waiting at the end of
# the rewrite while the repairs and the meaning check run. Spans follow the time each stage took on one-page
# letters with the embedded model (the rewrite about half of it). Stages not named here (translation) take
# _REWRITE_SPAN.
_SPAN = {
    "read": (0, 3),
    "plan": (3, 5),
    "rewrite": (5, 45),
    "rewrite check": (45, 46),
    "fact lock": (46, 50),
    "first draft": (50, 50),
    "repair round 1": (50, 57),
    "repair round": (57, 62),
    "best-of-N": (62, 66),
    "meaning check": (66, 75),
    "meaning repair": (75, 80),
    "meaning re-check": (80, 84),
    "fact lock and report": (84, 88),
    "pictures": (88, 95),
    "check": (95, 98),
}
_REWRITE_SPAN = (5, 70)


def _span(stage: str) -> tuple[int, int]:
    if stage in _SPAN:
        return _SPAN[stage]
    if stage.startswith("repair round"):
        return _SPAN["repair round"]
    return _REWRITE_SPAN


def set_app(app) -> None:
    _state["app"] = app


@contextmanager
def app_context():
    """The Flask app's context: the current one (immediate mode, in a request) or the worker's."""
    from flask import current_app, has_app_context

    app = current_app._get_current_object() if has_app_context() else _state["app"]
    if app is None:
        raise RuntimeError("The job queue has no app. Call easyread.jobs.init_app(app) first.")
    with app.app_context():
        yield app


def _percent(stage: str, done: int, total: int, before: int) -> int:
    start, end = _span(stage)
    share = done / total if total else 0
    return max(before, min(99, int(start + (end - start) * share)))


def _progress_writer(doc):
    """A progress callback that stores the stage on the document, at most twice a second unless the stage changes."""
    from easyread.records import letters

    last = {"at": 0.0, "stage": None, "pictures": False}

    def progress(stage: str, done: int, total: int) -> None:
        # The rewriter checks its own sentences ("check") before the pictures; the final check comes after them.
        last["pictures"] = last["pictures"] or stage == "pictures"
        if stage == "check" and not last["pictures"]:
            stage = "rewrite check"
        now = time.monotonic()
        if stage == last["stage"] and now - last["at"] < 0.5 and done != total:
            return
        last.update(at=now, stage=stage)
        old = dict(doc.progress or {})
        letters.set_progress(
            doc,
            {
                **old,
                "stage": stage,
                "done": int(done),
                "total": int(total),
                "percent": _percent(stage, done, total, int(old.get("percent", 0))),
            },
        )

    return progress


def task_token(progress: dict | None) -> str | None:
    """The token of the task the letter is queued for or running, from its progress.

    Letters queued before the token moved into `progress["task"]` carry it as `progress["job"]`: read, never
    written, so a worker upgraded with letters still in its queue finishes them rather than skipping them."""
    progress = progress or {}
    return (progress.get("task") or {}).get("token") or progress.get("job")


def _load(document_id: int, token: str, *, statuses=("queued", "running")):
    """The document if this task should run for it, else None (deleted, done, or superseded)."""
    from easyread.records import letters

    doc = letters.for_task(document_id)
    if doc is None:
        return None
    if doc.status not in statuses or task_token(doc.progress) != token:
        log.info(
            "Task %s for document %s skipped: status %s, current task %s",
            token,
            document_id,
            doc.status,
            task_token(doc.progress),
        )
        return None
    return doc


def _still_mine(doc, token: str) -> bool:
    from easyread.records import letters

    letters.reload(doc)
    return doc.deleted_at is None and doc.status == "running" and task_token(doc.progress) == token


def _original(doc, app) -> bytes:
    return (Path(app.instance_path) / doc.original_path).read_bytes()


def _upload(doc, app):
    """(None, the letter as the upload read it), or (the stored original's bytes, None) for a letter whose reading
    was not kept, so the worker reads an upload only when the request did not."""
    from easyread.records import letters

    letter = letters.as_read(doc)
    return (None, letter) if letter is not None else (_original(doc, app), None)


def _plain_error(error: Exception) -> str | None:
    """The user's message for an error we expect (bad input, no model, model server down), else None."""
    from easyread.convert import ConvertError
    from easyread.documents.errors import InputError
    from easyread.engines.base import EngineError
    from easyread.timelimit import TimeLimitError
    from easyread.translate.errors import TranslationError

    expected = (InputError, ConvertError, TranslationError, TimeLimitError, EngineError)
    return str(error) if isinstance(error, expected) and str(error).strip() else None


def _start(document_id: int, token: str):
    """The document marked running and committed, or None when this task is no longer the document's."""
    from easyread.records import letters

    doc = _load(document_id, token)
    if doc is not None:
        letters.set_status(doc, "running")
    return doc


def _task_user(task: dict):
    """The person who asked for the task, or None for the service itself."""
    from easyread.records import letters

    return letters.task_user(task.get("user_id"))


@huey.task(name="easyread.make_draft")
def make_draft(document_id: int, token: str) -> str:
    """Rewrite the letter as its upload read it, add pictures, check it, store draft version 1 (or the next)."""
    with app_context() as app:
        return _make_draft(app, document_id, token)


def _make_draft(app, document_id: int, token: str) -> str:
    from easyread.glossary import council as council_glossary
    from easyread.jobs import work
    from easyread.records import letters, versions

    doc = _load(document_id, token)
    if doc is None:
        return "skipped"
    settings = app.config["EASYREAD"]
    letters.set_status(
        doc, "running", progress={**(doc.progress or {}), "stage": "read", "done": 0, "total": 1, "percent": 0}
    )
    try:
        data, letter = _upload(doc, app)
    except OSError:
        return _fail(doc, MISSING_FILE)
    try:
        glossary = council_glossary.glossary_for(settings, doc.council_id)
        made = work.make_draft(
            data,
            letter=letter,
            filename=doc.filename,
            options=doc.options or {},
            settings=settings,
            glossary=glossary,
            progress=_progress_writer(doc),
            first_draft=_first_draft_writer(doc, token),
        )
    except Exception as error:  # the task must end in a state a person can see and retry
        message = _plain_error(error)
        if message is None:
            log.exception("Task %s for document %s failed", token, document_id)
        return _fail(doc, message or GENERIC_ERROR)
    if not _still_mine(doc, token):
        return "superseded"
    versions.add_made(doc, "en", made.draft, made.report, note=made.note)
    letters.task_done(doc, done=1, total=1, first_draft=None)
    wanted = [code for code in (doc.options or {}).get("languages", []) if code != "en"]
    if wanted:  # asked for at upload: a task of its own, so the English draft can be read meanwhile
        queue(doc, "translate", languages=list(wanted), user_id=None)
    return "done"


def _first_draft_writer(doc, token: str):
    """Store the first draft in the letter's progress, to be shown (not approved) while the checks go on.

    Not a version: approval, review rounds and history only ever see the checked draft, stored at the end."""
    from easyread.records import letters

    def store(made) -> None:
        if not _still_mine(doc, token):
            return
        old = dict(doc.progress or {})
        first = {"draft": made.draft, "report": made.report, "note": made.note}
        # When it came is kept after the task ends (the draft itself is cleared then): a short letter's checks can
        # finish before anyone polls, and `bench first-draft` still needs the time.
        letters.set_progress(
            doc,
            {
                **old,
                "stage": "first draft",
                "percent": max(int(old.get("percent", 0)), 50),
                "first_draft": first,
                "first_draft_at": time.time(),
            },
        )

    return store


def _fail(doc, message: str, *, back_to: str = "failed") -> str:
    from easyread.records import letters

    letters.task_failed(doc, message, status=back_to)
    return back_to


@huey.task(name="easyread.regenerate_point")
def regenerate_point(document_id: int, token: str) -> str:
    """Rewrite one point from its original paragraph and store the result as the next version."""
    with app_context() as app:
        return _regenerate_point(app, document_id, token)


def _regenerate_point(app, document_id: int, token: str) -> str:
    from easyread.documents import edits
    from easyread.glossary import council as council_glossary
    from easyread.jobs import work
    from easyread.records import letters, versions

    doc = _start(document_id, token)
    if doc is None:
        return "skipped"
    task = (doc.progress or {}).get("task", {})
    settings = app.config["EASYREAD"]
    base = versions.latest(doc)
    section, index = int(task.get("section", -1)), int(task.get("index", -1))
    try:
        point = edits.point_at(base.draft, section, index)
        glossary = council_glossary.glossary_for(settings, doc.council_id)
        texts = work.regenerate_texts(
            _original(doc, app),
            filename=doc.filename,
            model=(doc.options or {}).get("model") or settings.get("MODEL"),
            settings=settings,
            source_index=point.get("source_index"),
            fallback=point["text"],
            glossary=glossary,
            progress=_progress_writer(doc),
            sources=point.get("sources"),
        )
        changed = edits.replace_point(base.draft, section, index, texts)
        draft, report = work.recheck(changed, _source_text(doc, app, settings), glossary=glossary, settings=settings)
    except Exception as error:
        message = _plain_error(error) or (str(error) if isinstance(error, edits.DraftError) else None)
        if message is None:
            log.exception("Regenerating a point of document %s failed", document_id)
        return _fail(doc, f"The point was not made again. {message or GENERIC_ERROR}", back_to="done")
    if not _still_mine(doc, token):
        return "superseded"
    versions.add_edited(
        doc,
        "en",
        draft,
        report,
        user=_task_user(task) or "system",
        note=f"Point {index + 1} of section {section + 1} made again by the model.",
        change="regenerate",
    )
    letters.task_done(doc)
    return "done"


def _source_text(doc, app, settings: dict) -> str | None:
    """The original letter's text, for the fact lock; None if it cannot be read any more."""
    from easyread.documents.read import read_document
    from easyread.records import letters

    if (letter := letters.as_read(doc)) is not None:
        return letter.text()
    try:
        return read_document(_original(doc, app), filename=doc.filename, settings=settings).text()
    except Exception:  # the fact lock is skipped rather than blocking a person's edit
        return None


@huey.task(name="easyread.translate")
def translate_document(document_id: int, token: str) -> str:
    """Translate the latest English version into the languages the task names; each is stored as its own version."""
    with app_context() as app:
        return _translate_document(app, document_id, token)


def _translate_document(app, document_id: int, token: str) -> str:
    from easyread.glossary import council as council_glossary
    from easyread.jobs import work
    from easyread.records import letters, versions

    doc = _start(document_id, token)
    if doc is None:
        return "skipped"
    task = (doc.progress or {}).get("task", {})
    settings = app.config["EASYREAD"]
    base = versions.latest(doc)
    if base is None:
        return _fail(doc, "Make the Easy Read draft before translating it.", back_to="done")
    try:
        glossary = council_glossary.glossary_for(settings, doc.council_id)
        memory = _memories(doc, task.get("languages") or [], settings)
        made = work.translate(
            base.draft,
            task.get("languages") or [],
            settings=settings,
            glossary=glossary,
            progress=_progress_writer(doc),
            memory=memory,
        )
    except Exception as error:
        message = _plain_error(error)
        if message is None:
            log.exception("Translating document %s failed", document_id)
        return _fail(doc, f"The draft was not translated. {message or GENERIC_ERROR}", back_to="done")
    if not _still_mine(doc, token):
        return "superseded"
    user = _task_user(task)
    for code, (draft, report) in made.drafts.items():
        versions.add_made(
            doc,
            code,
            draft,
            {**report, "from_version": base.number},
            note=f"Translated from English version {base.number}.",
            user=user,
        )
    letters.task_done(doc, error=" ".join(f"{name}: {reason}" for name, reason in made.errors.items()) or None)
    return "done"


def _memories(doc, languages: list[str], settings: dict) -> dict:
    """The council's translation memory for each language asked for.

    Codes the catalogue does not know are left out here: the translation reports them."""
    from easyread.records.translations import load_memory
    from easyread.translate import lookup
    from easyread.translate.errors import TranslationError

    out = {}
    for language in languages:
        try:
            code = lookup(language).code
        except TranslationError:
            continue
        out[code] = load_memory(doc.council_id, code, settings)
    return out


TASKS = {"document": make_draft, "point": regenerate_point, "translate": translate_document}


def queue(doc, kind: str, **params) -> str:
    """Mark `doc` queued for a task of `kind`, commit, then hand the task to the queue. Returns the task token.

    Here rather than in easyread.jobs so that a task can queue the next one (translation after the English draft)
    without the tasks and the package importing each other.
    """
    from easyread.records import letters

    token = secrets.token_hex(8)
    letters.set_status(
        doc,
        "queued",
        progress={
            "stage": "waiting",
            "done": 0,
            "total": 1,
            "percent": 0,
            "task": {"kind": kind, **params, "token": token},
        },
    )
    enqueue(doc.id, kind, token)
    return token


def enqueue(document_id: int, kind: str, token: str) -> None:
    """Hand an already-marked task to the queue."""
    TASKS[kind](document_id, token)

"""Background jobs (Huey): make an Easy Read draft from an uploaded letter, make one point again.

    from easyread import jobs
    jobs.init_app(app)              # in create_app: points the queue at the instance's storage
    jobs.queue_draft(doc)           # after the Letter row is committed
    jobs.retry(doc)                 # a failed document
    jobs.queue_point(doc, user, section, index)
    jobs.queue_translation(doc, user, ["pl", "ur"])
    jobs.run_worker(app)            # `easyread worker`: blocks
    consumer = jobs.start_in_thread(app)   # `easyread serve`; consumer.stop() at exit

The queue is a SQLite file in the instance folder unless QUEUE_URL names Redis.
Tasks take a document id and a task token and re-read everything else.
"""

from __future__ import annotations

import logging

from easyread.jobs import tasks
from easyread.jobs.queue import QueueError, configure, describe, huey, is_immediate, make_consumer  # noqa: F401

log = logging.getLogger(__name__)

ACTIVE = ("queued", "running")
# Staff see this: they know a letter being worked on, not the queue's tasks.
BUSY = "Wait until the work on this letter has finished, then try again."


def init_app(app) -> None:
    """Point the queue at the storage the app's settings name, and let tasks find the app."""
    configure(app.config["EASYREAD"])
    tasks.set_app(app)
    app.extensions["easyread_jobs"] = huey


def queue_draft(doc) -> str:
    """Queue the task that makes `doc`'s Easy Read draft. Returns the task token."""
    return tasks.queue(doc, "document")


def retry(doc) -> str:
    """Queue a failed document again, from the letter as its upload read it (else its stored original)."""
    if doc.status != "failed":
        raise ValueError("Only a document whose job failed can be tried again.")
    return tasks.queue(doc, "document")


def queue_point(doc, user, section: int, index: int) -> str:
    """Queue making point (section, index) of the latest version again with the model."""
    if doc.status in ACTIVE:
        raise ValueError(BUSY)
    return tasks.queue(doc, "point", section=int(section), index=int(index), user_id=getattr(user, "id", None))


def queue_translation(doc, user, languages: list[str]) -> str:
    """Queue translating the latest English version of `doc` into `languages` (catalogue codes)."""
    if doc.status in ACTIVE:
        raise ValueError(BUSY)
    return tasks.queue(doc, "translate", languages=list(languages), user_id=getattr(user, "id", None))


def recover(app) -> list[int]:
    """Queue again every document left queued or running whose task is not waiting in the queue
    (its worker stopped or crashed). Returns their ids. Call before a consumer starts."""
    from easyread.records import letters

    waiting: set[tuple[int, str]] = set()
    for task in huey.pending():
        if task.args and len(task.args) >= 2:
            waiting.add((task.args[0], task.args[1]))
    again = []
    with app.app_context():
        rows = letters.with_status(ACTIVE)
        for doc in rows:
            progress = doc.progress or {}
            token, kind = tasks.task_token(progress), (progress.get("task") or {}).get("kind", "document")
            if token and (doc.id, token) in waiting:
                continue
            if not token or kind not in tasks.TASKS:
                tasks.queue(doc, "document")
            elif doc.status == "running":
                # A new token: if the old run is somehow still alive (another worker), its result is discarded.
                params = {k: v for k, v in (progress.get("task") or {}).items() if k not in ("kind", "token")}
                tasks.queue(doc, kind, **params)
            else:
                tasks.enqueue(doc.id, kind, token)
            again.append(doc.id)
    if again:
        log.warning("Queued again %d interrupted job(s): documents %s", len(again), ", ".join(map(str, again)))
    return again


def run_worker(app, threads: int | None = None) -> None:
    """Run a consumer in this process until Ctrl+C or SIGTERM (`easyread worker`)."""
    if is_immediate():
        raise QueueError(
            "EASYREAD_QUEUE_URL is 'immediate': jobs run inside the web requests, so there is nothing for a worker to do."
        )
    consumer = make_consumer(threads or app.config["EASYREAD"]["WORKER_THREADS"])
    recover(app)
    consumer.run()


def start_in_thread(app, threads: int | None = None):
    """Start a consumer's threads beside the web server and return it (call .stop() at exit), or None in immediate mode."""
    if is_immediate():
        return None
    consumer = make_consumer(threads or app.config["EASYREAD"]["WORKER_THREADS"], in_thread=True)
    recover(app)
    consumer.start()
    return consumer

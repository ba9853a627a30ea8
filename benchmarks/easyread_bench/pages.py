"""Benchmark: how long each staff page takes to load while the in-process worker converts a letter.

The app runs as `easyread serve` runs it: waitress (threads=8) on 127.0.0.1 with the job worker in the
same process (a Huey consumer on the SQLite queue in a temporary instance folder). A first letter is
laid out with `model: none` so the pages that show a draft have one; then a second letter is queued
with MODEL (default: embedded) and, while its job runs, one signed-in person opens every staff page
in turn, ROUNDS times. Each page is also timed with the worker idle first: that is the baseline.
Printed per page: the median and the largest load time, idle and busy. The target is every staff
page under 1 s at the median while a job runs.

    easyread bench pages [--model embedded|embedded-fast|none] [--rounds 5]
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import time
from pathlib import Path

from easyread_bench import machine_line
from easyread_bench.web import LETTER, add_letter, document_state, make_app, sign_in, start_waitress

TARGET_SECONDS = 1.0


def staff_pages(doc_id: int, busy_id: int) -> list[tuple[str, str]]:
    """(label, path) of every page a staff person opens, for the letter with a draft and the one being worked on."""
    return [
        ("home", "/"),
        ("letters list", "/documents/"),
        ("upload", "/documents/new"),
        ("draft page", f"/documents/{doc_id}"),
        ("draft page while working", f"/documents/{busy_id}"),
        ("versions", f"/documents/{doc_id}/versions"),
        ("translations", f"/documents/{doc_id}/translations"),
        ("picture search", f"/documents/{doc_id}/points/1/0/picture?q=money"),
        ("glossary", "/glossary/"),
        ("reviewers", "/review/reviewers"),
        ("review and approve", f"/review/documents/{doc_id}"),
        ("compare versions", f"/review/documents/{doc_id}/compare"),
        ("learning", "/review/learning"),
        ("account", "/account"),
        ("accessibility", "/accessibility"),
    ]


def _time_pages(
    session, base: str, pages, rounds: int, still_busy=None, seconds: float = 0.0
) -> dict[str, list[float]]:
    """Open every page in turn, `rounds` times; with `still_busy`, go on for `seconds` while it stays true."""
    times: dict[str, list[float]] = {label: [] for label, _ in pages}
    statuses: dict[str, int] = {}
    started, done = time.perf_counter(), 0
    while done < rounds or (still_busy is not None and time.perf_counter() - started < seconds):
        done += 1
        for label, path in pages:
            began = time.perf_counter()
            answer = session.get(base + path, timeout=120)
            times[label].append(time.perf_counter() - began)
            statuses[label] = answer.status_code
        if still_busy is not None and not still_busy():
            break
    bad = {label: code for label, code in statuses.items() if code != 200}
    if bad:
        raise SystemExit(f"pages that did not load: {bad}")
    return times


def _stage(app, doc_id: int) -> str:
    """The job's stage ("waiting", "read", "rewrite", ...), or its status once it is not running."""
    from easyread.store.db import db
    from easyread.store.models import Letter

    with app.app_context():
        doc = db.session.get(Letter, doc_id)
        return (doc.progress or {}).get("stage", "waiting") if doc.status == "running" else doc.status


def run(args: list[str] | None = None) -> None:
    """Print each staff page's median and largest load time, idle and while the worker converts a letter."""
    parser = argparse.ArgumentParser(prog="easyread bench pages")
    parser.add_argument(
        "--model",
        default="embedded",
        help="model for the letter the worker converts while pages are timed (default embedded)",
    )
    parser.add_argument(
        "--rounds", type=int, default=5, help="times each page is opened at least, idle and busy (default 5)"
    )
    parser.add_argument(
        "--seconds", type=float, default=90.0, help="go on opening pages while the job runs for this long (default 90)"
    )
    options = parser.parse_args(args)
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    from easyread import jobs

    print(machine_line(("flask", "waitress", "requests", "huey", "torch")))
    with tempfile.TemporaryDirectory(prefix="easyread-bench-pages-") as folder:
        app = make_app(Path(folder), QUEUE_URL="", PICTURE_DEFAULT_SET="openmoji", WORKER_THREADS=1)
        consumer = jobs.start_in_thread(app)
        server, base = start_waitress(app)
        try:
            doc_id = add_letter(app, "none", pictures=True)
            deadline = time.monotonic() + 300
            while document_state(app, doc_id)[0] not in ("done", "failed") and time.monotonic() < deadline:
                time.sleep(0.5)
            if document_state(app, doc_id)[0] != "done":
                raise SystemExit(f"the first letter was not laid out: {document_state(app, doc_id)}")
            session = sign_in(base)
            # The busy letter's page is timed idle too: before its job starts it is a queued letter.
            busy_id = doc_id + 1
            pages = staff_pages(doc_id, busy_id)
            idle_pages = [(label, path) for label, path in pages if label != "draft page while working"]
            for _, path in idle_pages:
                session.get(base + path, timeout=120)  # warm: first requests load templates and the picture library
            idle = _time_pages(session, base, idle_pages, options.rounds)
            busy_id = add_letter(app, options.model, pictures=True)
            # Time the pages while the model writes (past loading it), when the worker is busiest.
            wait_until = time.monotonic() + 600
            while _stage(app, busy_id) in ("queued", "waiting", "read") and time.monotonic() < wait_until:
                time.sleep(0.5)
            stage = _stage(app, busy_id)
            pages = staff_pages(doc_id, busy_id)
            began = time.perf_counter()
            busy = _time_pages(
                session,
                base,
                pages,
                options.rounds,
                still_busy=lambda: document_state(app, busy_id)[0] == "running",
                seconds=options.seconds,
            )
            took = time.perf_counter() - began
            state = document_state(app, busy_id)[0]
        finally:
            server.close()
            consumer.stop(graceful=False)
    print(
        f"{LETTER.name}: worker converting it with model {options.model} for the busy runs "
        f"(timing began at stage {stage!r}; "
        f"the job was still {state} after {took:.0f} s of timing); "
        f"{len(busy['home'])} rounds busy, {options.rounds} idle; one signed-in person; waitress threads=8; 127.0.0.1"
    )
    print(f"{'page':<28}{'idle median s':>14}{'idle max s':>11}{'busy median s':>14}{'busy max s':>11}")
    worst = 0.0
    for label, _ in pages:
        got = busy[label]
        worst = max(worst, statistics.median(got))
        before = idle.get(label)
        idle_cells = f"{statistics.median(before):>14.3f}{max(before):>11.3f}" if before else f"{'-':>14}{'-':>11}"
        print(f"{label:<28}{idle_cells}{statistics.median(got):>14.3f}{max(got):>11.3f}")
    verdict = "every page under" if worst < TARGET_SECONDS else "NOT every page under"
    print(f"largest median while busy: {worst:.3f} s ({verdict} the {TARGET_SECONDS:g} s target)")


if __name__ == "__main__":
    run()

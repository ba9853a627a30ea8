"""Benchmark: the web service under load, and upload → draft time with the embedded model.

Load: the app is served by waitress as `easyread serve` serves it (threads=8) on 127.0.0.1,
with a temporary instance folder. One council, one staff person and a one-page letter whose
draft is made with `model: none` (the identity layout, so setting up takes seconds). Each of
N clients (default 20) signs in with its own `requests.Session` and GETs the draft page again
and again for a bounded time and count. The baseline, under the same load in the same run, is
/health (one database query, a JSON answer). Loopback only.

Upload → draft (`--model embedded`, or embedded-fast): the same one-page letter is taken in
through the upload function (`jobs.intake.accept`, as the upload page and the API do) with a
real worker (a Huey consumer on the SQLite queue in the instance folder), timed until the
document is done. One run (the model takes minutes): the figure is a single measurement.

    python -m easyread_bench.web [--clients 20] [--seconds 20] [--max-requests 20000] [--model embedded]
"""

from __future__ import annotations

import argparse
import logging
import re
import statistics
import tempfile
import threading
import time
from pathlib import Path

from easyread_bench import machine_line

LETTER = Path(__file__).parent / "letters" / "01_council_tax_reminder.txt"
PASSWORD = "correct-horse-battery-staple"
EMAIL = "bench@bench-council.gov.uk"


def make_app(instance: Path, **config):
    """An app on `instance` with a council and a staff person (password PASSWORD)."""
    from easyread import create_app
    from easyread.records import users
    from easyread.records.users import get_or_create_council
    from easyread.store.db import db

    # COOKIE_SECURE off: browsers send Secure cookies to http://127.0.0.1, `requests` does not.
    app = create_app(
        {"INSTANCE_PATH": str(instance), "COUNCIL_NAME": "Bench Council", "COOKIE_SECURE": False, **config}
    )
    with app.app_context():
        council = get_or_create_council("Bench Council")
        users.create_user(EMAIL, "Bench Staff", "staff", council, PASSWORD, actor="bench")
        db.session.commit()
    return app


def add_letter(app, model: str, pictures: bool):
    """Take in the one-page letter as the upload page does; return the document id."""
    from easyread.jobs import intake
    from easyread.records.users import find_user

    with app.app_context():
        settings = app.config["EASYREAD"]
        options = intake.clean_options(settings, model=model, formats=["docx"], pictures=pictures)
        doc = intake.accept(
            data=LETTER.read_bytes(),
            filename=LETTER.name,
            user=find_user(EMAIL),
            options=options,
            settings=settings,
            instance=app.instance_path,
        )
        return doc.id


def document_state(app, doc_id: int) -> tuple[str, str | None, int]:
    from easyread.store.db import db
    from easyread.store.models import Letter

    with app.app_context():
        doc = db.session.get(Letter, doc_id)
        return doc.status, doc.error, len(doc.versions)


class LocalServer:
    """A waitress server on 127.0.0.1 run in a thread of its own, that stops cleanly.

    waitress's own `close()` only closes the listening socket: its loop thread goes on polling the
    kept-alive connections and fails on their closed file descriptors. Here the loop runs in short
    turns and, once asked to stop, closes every connection itself, in its own thread."""

    def __init__(self, app, threads: int):
        from waitress import create_server

        self.server = create_server(app, host="127.0.0.1", port=0, threads=threads)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-waitress", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from waitress import wasyncore

        server = self.server
        while not self._stop.is_set() and server._map:
            wasyncore.loop(timeout=0.2, map=server._map, use_poll=server.adj.asyncore_use_poll, count=1)
        server.task_dispatcher.shutdown()
        for channel in list(server._map.values()):
            channel.close()

    def close(self) -> None:
        """Stop serving and wait (a few seconds at most) for the loop thread to finish."""
        self._stop.set()
        self._thread.join(timeout=30)


def start_waitress(app, threads: int = 8):
    """Serve `app` with waitress on 127.0.0.1 (a free port) in a daemon thread; returns (server, base URL).
    Call `server.close()` to stop it."""
    local = LocalServer(app, threads)
    return local, f"http://127.0.0.1:{local.server.effective_port}"


def run_together(work, argsets: list[tuple]) -> float:
    """Call `work(*args)` for each of `argsets` in its own thread, all released at the same moment (so the server
    meets them together, not as they are started); returns the seconds from the release until the last ends."""
    start_line = threading.Barrier(len(argsets) + 1)

    def released(*args):
        start_line.wait()
        work(*args)

    threads = [threading.Thread(target=released, args=args, daemon=True) for args in argsets]
    for t in threads:
        t.start()
    start_line.wait()
    began = time.perf_counter()
    for t in threads:
        t.join()
    return time.perf_counter() - began


def sign_in(base: str):
    """A requests.Session signed in as the bench's staff person."""
    import requests

    session = requests.Session()
    page = session.get(base + "/sign-in", timeout=30)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    answer = session.post(
        base + "/sign-in",
        data={"csrf_token": token, "email": EMAIL, "password": PASSWORD},
        timeout=30,
        allow_redirects=False,
    )
    if answer.status_code != 302:
        raise RuntimeError(f"sign-in failed: {answer.status_code}")
    return session


def load(sessions, url: str, seconds: float, max_requests: int, expect: str) -> dict:
    """Every session GETs `url` in its own thread until `seconds` pass or `max_requests` are made in all.
    An error is any answer other than 200, one without `expect` in its body, or an exception."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    count = [0]

    def client(session):
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            with lock:
                if count[0] >= max_requests:
                    return
                count[0] += 1
            began = time.perf_counter()
            try:
                answer = session.get(url, timeout=30)
                problem = None if answer.status_code == 200 and expect in answer.text else f"HTTP {answer.status_code}"
            except Exception as error:  # any failure counts as an error in the figures
                problem = type(error).__name__
            took = time.perf_counter() - began
            with lock:
                latencies.append(took)
                if problem:
                    errors.append(problem)

    wall = run_together(client, [(s,) for s in sessions])
    ordered = sorted(latencies)
    return {
        "requests": len(latencies),
        "seconds": wall,
        "per_second": len(latencies) / wall if wall else 0.0,
        "median_ms": statistics.median(ordered) * 1000 if ordered else float("nan"),
        "p95_ms": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000 if ordered else float("nan"),
        "errors": len(errors),
        "error_kinds": sorted(set(errors)),
    }


def bench_load(clients: int, seconds: float, max_requests: int) -> None:
    with tempfile.TemporaryDirectory(prefix="easyread-bench-web-") as folder:
        app = make_app(Path(folder), QUEUE_URL="immediate", PICTURE_DEFAULT_SET="none", MODEL="embedded")
        doc_id = add_letter(app, "none", pictures=False)  # the job runs at once (immediate queue)
        status, error, made = document_state(app, doc_id)
        if status != "done" or not made:
            raise SystemExit(f"the draft was not made: {status} {error}")
        server, base = start_waitress(app)
        try:
            sessions = [sign_in(base) for _ in range(clients)]
            draft_url = f"{base}/documents/{doc_id}"
            first = sessions[0].get(draft_url, timeout=30)
            print(
                f"draft page: {len(first.content):,} bytes; {clients} clients, up to {seconds:g} s or {max_requests:,} requests per run, waitress threads=8, 127.0.0.1"
            )
            print(f"{'page':<24}{'requests':>10}{'req/s':>10}{'median ms':>12}{'p95 ms':>10}{'errors':>8}")
            for label, url, expect in (
                ("/health (baseline)", f"{base}/health", '"ok"'),
                (f"draft page /documents/{doc_id}", draft_url, "Easy Read draft"),
            ):
                for s in sessions[:1]:
                    s.get(url, timeout=30)  # warm
                r = load(sessions, url, seconds, max_requests, expect)
                kinds = f"  ({', '.join(r['error_kinds'])})" if r["errors"] else ""
                print(
                    f"{label:<24}{r['requests']:>10,}{r['per_second']:>10.1f}{r['median_ms']:>12.1f}{r['p95_ms']:>10.1f}{r['errors']:>8}{kinds}"
                )
        finally:
            server.close()


def bench_model(model: str, wait_seconds: float, rewrite: dict) -> None:
    from easyread import jobs

    with tempfile.TemporaryDirectory(prefix="easyread-bench-web-model-") as folder:
        app = make_app(Path(folder), QUEUE_URL="", MODEL=model, **rewrite)
        consumer = jobs.start_in_thread(app)
        try:
            words = len(LETTER.read_text(encoding="utf-8").split())
            began = time.perf_counter()
            doc_id = add_letter(app, model, pictures=True)
            deadline = began + wait_seconds
            while True:
                status, error, made = document_state(app, doc_id)
                if status in ("done", "failed") or time.perf_counter() > deadline:
                    break
                time.sleep(0.5)
            took = time.perf_counter() - began
        finally:
            consumer.stop(graceful=False)
        settings = app.config["EASYREAD"]
        print(
            f"upload → draft, {LETTER.name} ({words} words, one page), model {model}, pictures {settings['PICTURE_DEFAULT_SET']}, "
            f"REWRITE_REPAIR_ROUNDS={settings['REWRITE_REPAIR_ROUNDS']}, REWRITE_BEST_OF={settings['REWRITE_BEST_OF']}, real worker (SQLite queue):"
        )
        if status == "done":
            print(f"  {took:.1f} s (one run, not a median: the model takes minutes; includes loading the model)")
        else:
            print(f"  not finished after {took:.0f} s: status {status} {error or ''}")


def run(args: list[str] | None = None) -> None:
    """Print pages per second for the draft page under concurrent clients (beside /health), and optionally upload → draft time."""
    parser = argparse.ArgumentParser(prog="easyread bench web")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients (default 20)")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long each load run lasts at most (default 20)")
    parser.add_argument("--max-requests", type=int, default=20000, help="requests per load run at most (default 20000)")
    parser.add_argument(
        "--model", choices=("embedded", "embedded-fast"), default=None, help="also time upload → draft with this model"
    )
    parser.add_argument(
        "--wait",
        type=float,
        default=1200.0,
        help="how long to wait for the model's draft at most, in seconds (default 1200)",
    )
    parser.add_argument(
        "--repair-rounds", type=int, default=None, help="REWRITE_REPAIR_ROUNDS for the model run (default: the setting)"
    )
    parser.add_argument(
        "--best-of", type=int, default=None, help="REWRITE_BEST_OF for the model run (default: the setting)"
    )
    parser.add_argument("--no-load", action="store_true", help="skip the load part")
    options = parser.parse_args(args)
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "Task queue depth" is expected under load
    print(machine_line(("flask", "waitress", "requests", "huey")))
    if not options.no_load:
        bench_load(options.clients, options.seconds, options.max_requests)
    if options.model:
        rewrite = {
            name: value
            for name, value in (("REWRITE_REPAIR_ROUNDS", options.repair_rounds), ("REWRITE_BEST_OF", options.best_of))
            if value is not None
        }
        bench_model(options.model, options.wait, rewrite)


if __name__ == "__main__":
    run()

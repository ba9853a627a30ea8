"""Benchmark: 50 resident reviewers tapping at once on the review page.

The app is served by waitress as `easyread serve` serves it (threads=8) on 127.0.0.1 with a
temporary instance folder (SQLite). One council, one letter whose draft is a DraftVersion made
straight from a small Easy Read dict (no model), one round sent to N reviewers (default 50).
Each reviewer signs in with their own link and picture code in its own `requests.Session`
(not timed). Then, released together by a barrier, every reviewer loads the review page and
taps one answer per point (a JSON POST, as the page's script sends it), for `--rounds` passes.
Timed: each page load and each tap. Baseline under the same concurrency: /health.
Afterwards the stored ReviewFeedback rows are counted: every tap answered 200 must be a row.

    python -m easyread_bench.review [--reviewers 50] [--passes 2]
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import threading
import time
from pathlib import Path

from easyread_bench import machine_line

POINTS = [
    "You must pay £120 by 1 May 2025.",
    "Council tax pays for bins and roads.",
    "If you do not pay, we may take you to court.",
    "Call us if you need help.",
    "We can help you pay in small amounts.",
    "Our phone number is 01234 567890.",
    "Thank you for reading.",
]
DRAFT = {
    "title": "Your council tax",
    "language": "en",
    "credits": [],
    "sections": [
        {
            "heading": "Paying",
            "points": [{"text": t, "picture": None, "findings": [], "flags": [], "source_index": None} for t in POINTS],
        }
    ],
}
ANSWERS = ("understand", "not_sure", "not_understand")


def setup(instance: Path, reviewers: int):
    """An app with a letter, `reviewers` set-up reviewers and a round sent to them: (app, round id, [sign-in keys])."""
    from easyread import create_app
    from easyread.records import invites, rounds, users
    from easyread.records.users import get_or_create_council
    from easyread.store.db import db
    from easyread.store.models import DraftVersion, Letter

    app = create_app(
        {
            "INSTANCE_PATH": str(instance),
            "COUNCIL_NAME": "Bench Council",
            "COOKIE_SECURE": False,
            "QUEUE_URL": "immediate",
            "PICTURE_DEFAULT_SET": "none",
            "LOGIN_MAX_FAILURES": 1000,
        }
    )
    with app.app_context():
        council = get_or_create_council("Bench Council")
        staff = users.create_user(
            "staff@bench.gov.uk", "Bench Staff", "staff", council, "correct-horse-battery-staple", actor="bench"
        )
        doc = Letter(
            council_id=council.id,
            created_by=staff.id,
            title="Bench letter",
            filename="bench.txt",
            source_kind="text",
            content_hash="0" * 64,
            original_path="",
            status="done",
            options={"model": "none"},
        )
        db.session.add(doc)
        db.session.flush()
        version = DraftVersion(document_id=doc.id, number=1, language="en", draft=DRAFT, report={}, note="bench")
        db.session.add(version)
        keys, people = [], []
        for n in range(reviewers):
            person = invites.create_reviewer(council, f"Reviewer {n + 1}", actor="bench")
            token = invites.new_invite(person, 14, actor="bench")
            keys.append(invites.set_up(invites.access_for_invite(token), "number", f"{n % 10000:04d}"))
            people.append(person)
        row = rounds.prepare(doc, version, people, due=None, note="", user=staff, use_presidio=False)
        rounds.send(row, user=staff)
        db.session.commit()
        return app, row.id, keys


def sign_in(base: str, key: str, n: int):
    import requests

    session = requests.Session()
    page = session.get(f"{base}/review/sign-in/{key}", timeout=60)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    answer = session.post(
        f"{base}/review/sign-in/{key}",
        data={"csrf_token": token, "number": f"{n % 10000:04d}"},
        timeout=60,
        allow_redirects=False,
    )
    if answer.status_code != 302:
        raise RuntimeError(f"reviewer sign-in failed: {answer.status_code}")
    return session


def _stats(values: list[float]) -> str:
    if not values:
        return "no samples"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return (
        f"median {statistics.median(ordered):.3f} s, p95 {p95:.3f} s, max {ordered[-1]:.3f} s ({len(ordered)} samples)"
    )


def hammer(base: str, round_id: int, sessions: list, passes: int) -> dict:
    """Every reviewer, all released at once: load the page, tap an answer on every point; `passes` times."""
    from easyread_bench.web import run_together

    loads, taps, health, errors = [], [], [], []
    sent_ok = [0]
    lock = threading.Lock()
    page_url = f"{base}/review/read/{round_id}"

    def reviewer(n: int, session):
        for p in range(passes):
            began = time.perf_counter()
            try:
                page = session.get(page_url, timeout=120)
                ok = page.status_code == 200 and "Do you understand this part?" in page.text
            except Exception as error:  # every failure is counted in the figures
                ok, page = False, None
                errors.append(type(error).__name__)
            took = time.perf_counter() - began
            with lock:
                loads.append(took)
                if not ok:
                    errors.append(f"page HTTP {getattr(page, 'status_code', '?')}")
            if not ok:
                continue
            token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
            for i in range(len(POINTS)):
                began = time.perf_counter()
                try:
                    r = session.post(
                        f"{page_url}/points/0/{i}",
                        data={"csrf_token": token, "answer": ANSWERS[(n + i + p) % 3]},
                        headers={"Accept": "application/json"},
                        timeout=120,
                    )
                    good = r.status_code == 200 and r.json().get("ok")
                except Exception as error:  # counted below
                    good = False
                    errors.append(type(error).__name__)
                took = time.perf_counter() - began
                with lock:
                    taps.append(took)
                    if good:
                        sent_ok[0] += 1
                    else:
                        errors.append(f"tap HTTP {getattr(r, 'status_code', '?')}")
            began = time.perf_counter()
            session.get(f"{base}/health", timeout=120)
            with lock:
                health.append(time.perf_counter() - began)

    seconds = run_together(reviewer, list(enumerate(sessions)))
    return {
        "loads": loads,
        "taps": taps,
        "health": health,
        "errors": errors,
        "taps_ok": sent_ok[0],
        "seconds": seconds,
    }


def stored_rows(app, round_id: int) -> int:
    from sqlalchemy import func, select

    from easyread.store.db import db
    from easyread.store.models import ReviewFeedback

    with app.app_context():
        return (
            db.session.scalar(
                select(func.count()).select_from(ReviewFeedback).where(ReviewFeedback.round_id == round_id)
            )
            or 0
        )


def run(args: list[str] | None = None) -> None:
    """Print seconds per review page load and per feedback tap with N reviewers at once, and check no tap was lost."""
    import logging

    from easyread_bench.web import start_waitress

    logging.getLogger("waitress.queue").setLevel(
        logging.ERROR
    )  # 50 clients on 8 threads queue by design; the figures show it

    parser = argparse.ArgumentParser(prog="easyread bench review")
    parser.add_argument("--reviewers", type=int, default=50, help="reviewers tapping at once (default 50)")
    parser.add_argument(
        "--passes", type=int, default=2, help="page load + one tap per point, this many times per reviewer (default 2)"
    )
    options = parser.parse_args(args or [])
    print(machine_line(("flask", "waitress", "sqlalchemy")))
    with tempfile.TemporaryDirectory(prefix="easyread-bench-review-") as folder:
        began = time.perf_counter()
        app, round_id, keys = setup(Path(folder), options.reviewers)
        server, base = start_waitress(app)
        try:
            sessions = [sign_in(base, key, n) for n, key in enumerate(keys)]
            print(
                f"set up {options.reviewers} reviewers and signed them in: {time.perf_counter() - began:.1f} s (not part of the figures)"
            )
            print(
                f"{options.reviewers} reviewers at once, {options.passes} passes of: load the page, tap one answer on each of {len(POINTS)} points; "
                "waitress threads=8, SQLite, 127.0.0.1"
            )
            result = hammer(base, round_id, sessions, options.passes)
        finally:
            server.close()
        rows = stored_rows(app, round_id)
    sent = len(result["taps"])
    print(f"  review page load : {_stats(result['loads'])}")
    print(f"  one feedback tap : {_stats(result['taps'])}")
    print(f"  /health baseline : {_stats(result['health'])}")
    print(
        f"  wall time {result['seconds']:.1f} s; taps sent {sent}, answered OK {result['taps_ok']}, rows stored {rows}; "
        f"errors {len(result['errors'])}{' (' + ', '.join(sorted(set(result['errors']))) + ')' if result['errors'] else ''}"
    )
    print("  none lost" if rows == result["taps_ok"] == sent else "  TAPS LOST: rows stored differ from taps sent")


if __name__ == "__main__":
    run()

"""Time from upload to the first draft on the staff page, and to the checked draft, for a one-page letter.

    python -m easyread_bench.first_draft [--model embedded] [--warm 2] [--pictures]

The letter (benchmarks/easyread_bench/letters/01_council_tax_reminder.txt, one page) is taken in through the
upload function (`jobs.intake.accept`, as the upload page and the API do) and made by a real
worker (a Huey consumer on the SQLite queue of a temporary instance folder), polled every 0.2 s:
"first draft" is when the job has stored the draft the staff page shows as "First draft: still
being checked" (after the rewrite and the fact lock), "checked draft" when the job is done.
Cold: the model is not loaded yet (loading it is included). Warm: the same worker again, the
model loaded. Peak memory is the process's (resource.getrusage), worker included.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

from easyread_bench import machine_line
from easyread_bench.web import LETTER, add_letter, make_app


def _state(app, doc_id: int) -> tuple[str, float | None, str | None]:
    from easyread.store.db import db
    from easyread.store.models import Letter

    with app.app_context():
        doc = db.session.get(Letter, doc_id)
        return doc.status, (doc.progress or {}).get("first_draft_at"), doc.error


def time_one(app, model: str, pictures: bool, wait: float) -> dict:
    """Seconds from upload to the first draft and to the checked draft (None when it did not come).

    The first draft's time is the one the task stored with it, not when a poll saw it: the checks of a short letter
    can end between two polls."""
    began, wall = time.perf_counter(), time.time()
    doc_id = add_letter(app, model, pictures=pictures)
    first = None
    while time.perf_counter() - began < wait:
        status, first_at, error = _state(app, doc_id)
        first = None if first_at is None else max(0.0, first_at - wall)
        if status in ("done", "failed"):
            return {"first": first, "done": time.perf_counter() - began, "status": status, "error": error}
        time.sleep(0.2)
    return {"first": first, "done": None, "status": "timed out", "error": None}


def run(args: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="easyread bench first-draft", description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="embedded", help="Model spec (default embedded).")
    parser.add_argument("--warm", type=int, default=2, help="Warm runs after the cold one (default 2).")
    parser.add_argument("--pictures", action="store_true", help="Add pictures too (off: the rewriter alone).")
    parser.add_argument("--wait", type=float, default=1200.0, help="Longest wait for one letter, in seconds.")
    opts = parser.parse_args(args)

    from easyread import jobs
    from easyread.engines.local import forget_models

    print(machine_line(("torch", "transformers", "huey")), flush=True)
    words = len(LETTER.read_text(encoding="utf-8").split())
    runs = []
    with tempfile.TemporaryDirectory(prefix="easyread-bench-first-draft-") as folder:
        app = make_app(Path(folder), QUEUE_URL="", MODEL=opts.model)
        forget_models()  # cold: the first letter pays for loading the model
        consumer = jobs.start_in_thread(app)
        try:
            for n in range(1 + opts.warm):
                figures = time_one(app, opts.model, opts.pictures, opts.wait)
                runs.append({"worker": "cold" if n == 0 else "warm", **figures})
                print(f"  {runs[-1]}", flush=True)
        finally:
            consumer.stop(graceful=False)
    warm = [r for r in runs[1:] if r["first"] is not None]
    out = {
        "cold": runs[0],
        "warm_first_median": statistics.median(r["first"] for r in warm) if warm else None,
        "warm_done_median": statistics.median(r["done"] for r in warm if r["done"]) if warm else None,
        "runs": runs,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    cold = runs[0]

    def seconds(value) -> str:
        return "-" if value is None else f"{value:.1f} s"

    print(f"\nupload -> draft, {LETTER.name} ({words} words, one page), model {opts.model}, pictures {opts.pictures}:")
    print(f"  cold worker (model load included): first draft {seconds(cold['first'])}, checked {seconds(cold['done'])}")
    print(
        f"  warm worker, median of {len(warm)}: first draft {seconds(out['warm_first_median'])} (target <= 60 s), "
        f"checked {seconds(out['warm_done_median'])}"
    )
    print(f"  peak memory (ru_maxrss, worker in this process): {out['peak_rss_mb']:.0f} MB (target <= 6 GB)")
    return out


if __name__ == "__main__":  # pragma: no cover
    run()

"""`easyread serve` runs jobs in a worker process of its own: pages answer while a big letter is converted,
and the worker stops with the server."""

from __future__ import annotations

import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _status(app, doc_id) -> str:
    from easyread.store.db import db
    from easyread.store.models import Letter

    with app.app_context():
        return db.session.get(Letter, doc_id).status


def _seconds_to_get(url: str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
        assert response.status == 200
    return time.perf_counter() - start


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (ended, not yet reaped) counts as ended.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except OSError:
        return False


def _start_server(env, log: Path) -> tuple[subprocess.Popen, int]:
    """`easyread serve` with its output in `log` (a pipe nobody reads could fill and stall it); its worker's pid."""
    out = log.open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "easyread.cli", "serve"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 120
    while not (found := re.search(r"worker process \((\d+)\)", log.read_text())):
        assert server.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
        time.sleep(0.2)
    return server, int(found.group(1))


def big_letter(words: int = 19_500) -> str:
    """As big a letter as the default limits take (MAX_WORDS 20,000): the longest job without a model."""
    from easyread_bench.checks import letter_of

    return "Dear resident,\n\n" + letter_of(words) + "\n\nYours sincerely,\nRevenues Team\n"


@pytest.mark.timeout(600)
def test_pages_answer_while_a_big_job_runs_and_the_worker_stops_with_the_server(app, staff, instance, tmp_path):
    from easyread import jobs
    from easyread.jobs import intake

    app.config["EASYREAD"] = app.config["EASYREAD"].replace(QUEUE_URL="")
    jobs.configure(app.config["EASYREAD"])
    jobs.init_app(app)
    with app.app_context():
        settings = app.config["EASYREAD"]
        doc = intake.accept(
            data=big_letter().encode(),
            filename="big.txt",
            user=staff,
            options=intake.clean_options(settings, model="none", formats=["txt"], pictures=False),
            settings=settings,
            instance=app.instance_path,
        )
        doc_id = doc.id
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(
        os.environ,
        EASYREAD_INSTANCE_PATH=str(instance),
        EASYREAD_PORT=str(port),
        EASYREAD_PICTURE_DEFAULT_SET="none",
        EASYREAD_QUEUE_URL="",
    )
    server, worker_pid = _start_server(env, tmp_path / "serve.log")
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while _status(app, doc_id) != "running":
            assert server.poll() is None and time.monotonic() < deadline, (
                f"the job did not start: {_status(app, doc_id)}"
            )
            time.sleep(0.2)
        health, page = [], []
        while _status(app, doc_id) == "running":
            assert time.monotonic() < deadline, "the job did not finish"
            health.append(_seconds_to_get(f"{base}/health"))
            page.append(_seconds_to_get(f"{base}/sign-in"))
            time.sleep(0.2)
        assert _status(app, doc_id) == "done"
        assert len(health) >= 3, "the job ended too soon to measure anything"
        print(
            f"\n/health while the job ran: median {statistics.median(health) * 1000:.0f} ms, max {max(health) * 1000:.0f} ms "
            f"({len(health)} requests); /sign-in median {statistics.median(page) * 1000:.0f} ms, max {max(page) * 1000:.0f} ms"
        )
        assert statistics.median(health) < 0.5 and max(health) < 3.0
        assert statistics.median(page) < 1.0 and max(page) < 5.0
        assert _alive(worker_pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    deadline = time.monotonic() + 30
    while _alive(worker_pid):
        assert time.monotonic() < deadline, "the worker outlived the server"
        time.sleep(0.2)


@pytest.mark.timeout(120)
def test_the_worker_ends_even_when_the_server_is_killed(instance, tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, EASYREAD_INSTANCE_PATH=str(instance), EASYREAD_PORT=str(port), EASYREAD_QUEUE_URL="")
    server, worker_pid = _start_server(env, tmp_path / "serve.log")
    try:
        assert _alive(worker_pid)
    finally:
        server.kill()
        server.wait(timeout=30)
    deadline = time.monotonic() + 30
    while _alive(worker_pid):
        assert time.monotonic() < deadline, "the worker outlived a killed server"
        time.sleep(0.2)

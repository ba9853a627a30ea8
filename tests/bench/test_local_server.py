"""The benches' waitress server stops cleanly: no thread fails on a closed socket (CI failed on this once)."""

import logging
import threading

import requests

from easyread_bench.web import start_waitress


def _hello(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]


def test_server_stops_without_errors_while_connections_are_kept_alive(caplog, monkeypatch):
    failures = []
    monkeypatch.setattr(threading, "excepthook", lambda args: failures.append(args.exc_value))
    caplog.set_level(logging.ERROR, logger="waitress")
    for _ in range(30):
        server, base = start_waitress(_hello, threads=2)
        session = requests.Session()  # keeps its connection open while the server stops
        assert session.get(base + "/", timeout=10).text == "ok"
        server.close()
        assert not server._thread.is_alive()
        session.close()
    assert failures == []
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_run_together_runs_every_caller_at_once_and_times_them():
    from easyread_bench.web import run_together

    meet = threading.Barrier(4, timeout=10)  # only passed when all four run at the same time
    seen = []

    def work(n):
        meet.wait()
        seen.append(n)

    seconds = run_together(work, [(n,) for n in range(4)])
    assert sorted(seen) == [0, 1, 2, 3] and 0 <= seconds < 10


def test_load_counts_every_request_through_a_real_server():
    from easyread_bench.web import load

    server, base = start_waitress(_hello, threads=2)
    try:
        sessions = [requests.Session() for _ in range(3)]
        figures = load(sessions, base + "/", seconds=5, max_requests=30, expect="ok")
        missing = load(sessions[:1], base + "/", seconds=5, max_requests=3, expect="not in the body")
    finally:
        server.close()
    assert figures["requests"] == 30 and figures["errors"] == 0 and figures["per_second"] > 0
    assert missing["requests"] == 3 and missing["errors"] == 3 and missing["error_kinds"] == ["HTTP 200"]

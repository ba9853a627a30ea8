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

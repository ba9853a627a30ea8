"""`easyread serve` starts a real server that answers on its health page."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_health(instance):
    port = _free_port()
    env = dict(os.environ, EASYREAD_INSTANCE_PATH=str(instance), EASYREAD_PORT=str(port))
    proc = subprocess.Popen(
        [sys.executable, "-m", "easyread.cli", "serve"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                    body = json.loads(response.read())
                break
            except OSError:
                assert proc.poll() is None, proc.stdout.read().decode()
                assert time.monotonic() < deadline, "server did not start within 60 s"
                time.sleep(0.3)
        assert body["status"] == "ok"
        assert (instance / "easyread.db").exists()
    finally:
        proc.terminate()
        proc.wait(timeout=10)

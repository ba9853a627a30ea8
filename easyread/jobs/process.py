"""The background worker as a child process of `easyread serve`, started and stopped with the server.

Converting a letter is CPU work in Python (the checks, the model's tokenizer and sampling). Run
in threads of the web server's own process, one long task held the interpreter and `/health`
stopped answering; in a process of its own it cannot slow a page down. The child is the same
`easyread worker` command a person can run by hand, with the same settings (it inherits the
environment and the current folder), so it reads the same instance folder and queue.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading

log = logging.getLogger(__name__)

RESTART_DELAY_SECONDS = 5.0


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Ask Linux to send the child SIGTERM when the server dies, even by SIGKILL (prctl PR_SET_PDEATHSIG)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)
    except (OSError, AttributeError):
        pass  # not Linux: stop() still ends the child when the server stops normally


class WorkerProcess:
    """`easyread worker` as a child process; started again if it dies while the server runs."""

    def __init__(self, threads: int | None = None):
        self.argv = [sys.executable, "-m", "easyread.cli", "worker"] + (["--threads", str(threads)] if threads else [])
        self.process: subprocess.Popen | None = None
        self._stopping = threading.Event()
        self._watcher: threading.Thread | None = None

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def start(self) -> WorkerProcess:
        self._spawn()
        self._watcher = threading.Thread(target=self._watch, name="easyread-worker-watch", daemon=True)
        self._watcher.start()
        return self

    def _spawn(self) -> None:
        preexec = _die_with_parent if sys.platform.startswith("linux") else None
        self.process = subprocess.Popen(self.argv, env=dict(os.environ), preexec_fn=preexec)  # noqa: PLW1509
        log.info("Started the background worker, process %s", self.process.pid)

    def _watch(self) -> None:
        while not self._stopping.is_set():
            code = self.process.wait()
            if self._stopping.is_set():
                return
            log.warning(
                "The background worker stopped (exit code %s); starting it again in %.0f s", code, RESTART_DELAY_SECONDS
            )
            if self._stopping.wait(RESTART_DELAY_SECONDS):
                return
            self._spawn()

    def stop(self, timeout: float = 20.0) -> None:
        """End the worker: SIGTERM (a task cut short is queued again when a worker next starts), then SIGKILL."""
        self._stopping.set()
        process = self.process
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

"""One batch run per OUT_DIR at a time: an OS lock on OUT_DIR/.easyread-batch.lock.

The operating system drops the lock when the process ends, however it ends, so a
crashed run never leaves a stale lock behind. The file also names the holder, for
the message the second run prints.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

LOCK_FILE = ".easyread-batch.lock"


class LockedError(Exception):
    """Another batch run is writing to the same OUT_DIR."""


class OutLock:
    """`with OutLock(out_dir):` holds the lock for the block; LockedError when another run has it."""

    def __init__(self, out_dir: Path):
        self.path = Path(out_dir) / LOCK_FILE
        self._fd: int | None = None

    def __enter__(self) -> OutLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            holder = _read(fd)
            os.close(fd)
            who = f" ({holder})" if holder else ""
            raise LockedError(
                f"Another easyread batch is already writing to {self.path.parent}{who}. "
                "Wait for it to finish, or choose a different output folder."
            )
        os.ftruncate(fd, 0)
        os.write(fd, f"process {os.getpid()} on {socket.gethostname()}".encode())
        self._fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing drops the lock; the file stays so no other run races on its name
            self._fd = None


def _read(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 200).decode("utf-8", "replace").strip()
    except OSError:
        return ""


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False

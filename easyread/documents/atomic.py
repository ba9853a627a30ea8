"""Write files whole or not at all.

A writer works on a temporary file in the target's own folder (so the final
rename never crosses file systems) and only a finished, fsync'd file is moved
over the target with `os.replace`. An interrupted run leaves the old file, or no
file, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

# mkstemp makes files readable by the owner only; a finished output should look
# like any other file the service writes, and keep the mode of a file it replaces.
# A new file is never more open than its folder: in a private (0700) folder it stays 0600.
_NEW_FILE_MODE = 0o644


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path`.

    Write the whole output to the yielded path (by name: WeasyPrint, python-docx
    and friends all accept one). When the block ends without an error the file
    is flushed to disk and renamed over `path`; when it raises, the temporary
    file is removed and `path` is left as it was.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        _fsync_file(tmp)
        try:
            mode = target.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = _NEW_FILE_MODE & folder.stat().st_mode
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        # BaseException too: a Ctrl-C mid-write must not leave a stray temp file.
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    _fsync_dir(folder)


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write `data` to `path` atomically and return the path."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def atomic_write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    """Write `text` to `path` atomically (UTF-8, newlines kept as given) and return the path."""
    return atomic_write_bytes(path, text.encode(encoding))


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    # The rename itself lives in the folder's entry; without this a power cut
    # can lose the new name even though the data reached the disk.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on some platforms (Windows); the data is safe anyway
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)

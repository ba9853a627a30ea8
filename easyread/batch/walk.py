"""Find the letters in a folder tree, safely, and give each one a folder name under OUT_DIR.

Symbolic links are never followed out of the input folder, and linked folders are
not entered at all (a link back up the tree would loop). Output names are made
from the input names but cleaned and shortened, so any file name (spaces,
non-ASCII, 250 characters) gives a folder name every file system accepts.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# Names that say "not a letter": system clutter and Word's own lock files.
_CLUTTER = {"thumbs.db", "desktop.ini", ".ds_store"}
# Leave room in NAME_MAX (255 bytes) for "<stem>.report.json" and the ".<name>.XXXXXXXX.tmp"
# the atomic writer puts beside it.
MAX_NAME_BYTES = 120
_BAD_CHARS = set('<>:"/\\|?*') | {chr(c) for c in range(32)} | {"\x7f"}


class FolderError(Exception):
    """IN_DIR or OUT_DIR cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class Found:
    """One file found under IN_DIR. `ignored` says why it is not a letter to convert (or is empty)."""

    rel: str  # POSIX path relative to IN_DIR: the key in the manifest and the summary
    path: Path  # where to read it
    ignored: str = ""


def check_folders(in_dir: Path, out_dir: Path) -> tuple[Path, Path]:
    """Both folders, resolved; FolderError when the input is missing or either holds the other."""
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    if not in_dir.is_dir():
        raise FolderError(f"There is no folder at {in_dir}. Check the name and try again.")
    real_in = in_dir.resolve()
    real_out = out_dir.resolve()  # resolves as far as it exists, so a link to IN_DIR is caught
    if real_out == real_in or real_in in real_out.parents:
        raise FolderError(
            "The output folder must not be inside the folder of letters: choose a folder outside it, so easyread never writes among the originals."
        )
    if real_out in real_in.parents:
        raise FolderError(
            "The folder of letters must not be inside the output folder: choose an output folder that does not hold the letters."
        )
    if out_dir.exists() and not out_dir.is_dir():
        raise FolderError(f"{out_dir} is a file, not a folder. Choose a folder for the Easy Read files.")
    return real_in, real_out


def inside(path: Path, folder: Path) -> bool:
    """True when `path` (links resolved) is `folder` or under it."""
    real = Path(path).resolve()
    return real == folder or folder in real.parents


def find_letters(in_dir: Path) -> list[Found]:
    """Every file under `in_dir` (resolved), sorted by path, with links out of it marked as ignored.

    Only paths are kept, so a folder of thousands of letters costs little memory.
    """
    root = Path(in_dir).resolve()
    found: list[Found] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        for name in sorted(dirs):
            if (here / name).is_symlink():
                found.append(
                    Found(
                        _rel(here / name, root) + "/",
                        here / name,
                        "A link to another folder; easyread does not follow links to folders.",
                    )
                )
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (here / d).is_symlink())
        for name in sorted(files):
            if name.startswith((".", "~$")) or name.lower() in _CLUTTER:
                continue
            path = here / name
            rel = _rel(path, root)
            if path.is_symlink():
                target = path.resolve()
                if not (root in target.parents and target.is_file()):
                    found.append(
                        Found(rel, path, "A link to a file outside the folder of letters; easyread does not follow it.")
                    )
                    continue
                path = target
            elif not path.is_file():
                continue  # sockets, pipes and devices are not letters
            found.append(Found(rel, path))
    found.sort(key=lambda f: f.rel)
    return found


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def safe_name(name: str, limit: int = MAX_NAME_BYTES) -> str:
    """`name` as a file or folder name any system accepts: no separators or control
    characters, not hidden, at most `limit` UTF-8 bytes (a long name keeps its start
    and gets a short hash of the whole name, so two long names never collide)."""
    clean = unicodedata.normalize("NFC", name)
    clean = "".join("_" if ch in _BAD_CHARS else ch for ch in clean)
    clean = " ".join(clean.split()).strip(" .") or "letter"
    if clean.upper().split(".")[0] in {
        "CON",
        "PRN",
        "AUX",
        "NUL",
        *(f"COM{i}" for i in range(10)),
        *(f"LPT{i}" for i in range(10)),
    }:
        clean = "_" + clean  # Windows refuses these names, and OUT_DIR may be a shared drive
    if len(clean.encode("utf-8")) <= limit:
        return clean
    tag = "-" + hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    cut = clean.encode("utf-8")[: limit - len(tag)].decode("utf-8", "ignore").rstrip(" .")
    return cut + tag


def letter_folder(rel: str, taken: set[str]) -> str:
    """The output folder (POSIX, relative to OUT_DIR) for the letter at `rel`.

    The folder is named after the file without its extension; when that name is
    already `taken` (a sibling folder, or another letter with the same name such as
    a.docx beside a.pdf) the extension is kept as well, then a hash is added.
    Names are compared ignoring case, since OUT_DIR may be on a case-blind drive.
    """
    parts = PurePosixPath(rel).parts
    parent = "/".join(safe_name(p) for p in parts[:-1])
    name = parts[-1]
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    candidates = [safe_name(stem)]
    if ext:
        candidates.append(safe_name(f"{stem} ({ext})"))
    candidates.append(safe_name(f"{name}-{hashlib.sha256(rel.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}"))
    lowered = {t.lower() for t in taken}
    for candidate in candidates:
        full = f"{parent}/{candidate}" if parent else candidate
        if full.lower() not in lowered:
            return full
    return full  # the hashed name is unique in practice


def dir_names(found: list[Found]) -> set[str]:
    """Every output folder the mirrored tree itself needs (so no letter folder takes one)."""
    names: set[str] = set()
    for f in found:
        parts = PurePosixPath(f.rel.rstrip("/")).parts[:-1]
        for i in range(1, len(parts) + 1):
            names.add("/".join(safe_name(p) for p in parts[:i]))
    return names

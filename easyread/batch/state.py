"""The batch manifest: what was done for each letter, so a second run only does what changed.

It lives in OUT_DIR as `.easyread-batch.json` and is written atomically after each
letter, so a run stopped at any moment (Ctrl-C, a crash, a power cut) loses at
most the letter it was working on. A letter is done again only when its bytes,
the options, or its outputs on disk changed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from easyread.documents.atomic import atomic_write_text

MANIFEST = ".easyread-batch.json"
VERSION = 1

DONE, SKIPPED, FAILED, IGNORED = "done", "skipped", "failed", "ignored"
# Settings that change what a letter's outputs look like or say; a change to any redoes the letters.
# Batch sizes and threads are left out: they change speed, not the words.
_OUTPUT_SETTINGS = ("REWRITE_", "CHECK_", "PICTURE", "FONT", "HEADING_SIZE_PT", "COUNCIL_NAME", "GLOSSARY_DIR", "MAX_")
_SPEED_ONLY = {"REWRITE_BATCH_SIZE"}


@dataclass
class Entry:
    """One letter's line in the manifest and in the summary."""

    rel: str
    status: str
    hash: str = ""
    options: str = ""
    folder: str = ""  # relative to OUT_DIR
    outputs: list[str] = field(default_factory=list)  # file names inside `folder`
    reason: str = ""
    sentences: int = 0
    score: int | None = None
    passed: bool | None = None
    facts_kept: int = 0
    facts_total: int = 0
    fails: int = 0
    warns: int = 0
    seconds: float = 0.0
    remote_id: int | None = None

    @classmethod
    def from_dict(cls, data: dict) -> Entry:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def options_key(options: dict, settings: dict) -> str:
    """A short hash of everything that decides a letter's outputs."""
    relevant = {k: settings[k] for k in sorted(settings) if k.startswith(_OUTPUT_SETTINGS) and k not in _SPEED_ONLY}
    blob = json.dumps({"options": options, "settings": relevant}, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


class Manifest:
    """The manifest of one OUT_DIR, loaded once and saved after every change."""

    def __init__(self, out_dir: Path):
        self.path = Path(out_dir) / MANIFEST
        self.entries: dict[str, Entry] = {}
        if self.path.is_file():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                self.entries = {rel: Entry.from_dict(e) for rel, e in data.get("letters", {}).items()}
            except (ValueError, TypeError, AttributeError):
                # Only a hand edit can spoil it (writes are atomic); start again rather than stop.
                self.entries = {}

    def get(self, rel: str) -> Entry | None:
        return self.entries.get(rel)

    def is_current(self, rel: str, digest: str, options: str, out_dir: Path) -> bool:
        """True when `rel` was finished with these bytes and options and its outputs are still there.
        A file that was skipped (unreadable, or not a letter the rewriter takes) stays so until its bytes change, so it counts as current too."""
        entry = self.entries.get(rel)
        if entry is None or not digest or entry.hash != digest or entry.options != options:
            return False
        if entry.status == SKIPPED:
            return True
        if entry.status != DONE:
            return False
        folder = Path(out_dir) / entry.folder
        return all((folder / name).is_file() for name in entry.outputs)

    def folders(self) -> set[str]:
        return {e.folder for e in self.entries.values() if e.folder}

    def put(self, entry: Entry) -> None:
        """Record `entry` and write the manifest at once (atomically)."""
        self.entries[entry.rel] = entry
        self.save()

    def save(self) -> None:
        body = {"version": VERSION, "letters": {rel: asdict(e) for rel, e in sorted(self.entries.items())}}
        atomic_write_text(self.path, json.dumps(body, ensure_ascii=False, separators=(",", ":")))

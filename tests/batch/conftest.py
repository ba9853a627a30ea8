"""A generated folder tree of letters with bad files mixed in, and quick settings for batch runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.samples import (
    letter_text,
    make_empty_file,
    make_encrypted_pdf,
    make_letter_docx,
    make_png,
    make_random_binary,
    make_truncated_docx,
)

AMOUNTS = ["£12.50", "£140.00", "£1,234.56", "£75", "£9.99", "£310.20"]
PLACES = ["housing", "council tax", "parking", "care", "benefits"]
LONG_NAME = (
    "Reminder about your council tax bill for the year 2025 to 2026 and what to do if you cannot pay it on time " * 2
)


def small_letter(n: int) -> str:
    """A short, distinct letter (so each has its own content hash and facts)."""
    amount = AMOUNTS[n % len(AMOUNTS)]
    place = PLACES[n % len(PLACES)]
    return (
        f"Northshire County Council\nTel: 0300 123 {4000 + n}\n\nDear resident,\n\n"
        f"This letter is about your {place} account number {70000 + n}.\n\n"
        f"You need to pay {amount} by {1 + n % 28} May 2026. You can pay online or by phone.\n\n"
        "If you need help, call us. We are open Monday to Friday.\n\nYours sincerely,\nJane Smith\n"
    )


@dataclass
class Tree:
    root: Path
    good: list[str] = field(default_factory=list)  # relative paths of letters that convert
    bad: dict[str, str] = field(default_factory=dict)  # relative path -> a word of its reason


def build_tree(root: Path, *, letters: int = 30) -> Tree:
    """`letters` good letters (text and DOCX) in nested folders with odd names, and bad files beside them."""
    tree = Tree(root)
    folders = ["", "housing", "housing/repairs 2026", "Bénéfices", "council tax/reminders/second"]

    def add(rel: str) -> Path:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        tree.good.append(rel)
        return path

    for n in range(letters - 4):
        folder = folders[n % len(folders)]
        name = f"letter {n:02d}.txt" if n % 3 else f"lettre-{n:02d}-ñ.txt"
        add(f"{folder}/{name}".lstrip("/")).write_text(small_letter(n), encoding="utf-8")
    make_letter_docx(add("housing/tenancy letter.docx"))
    add("housing/tenancy letter.txt").write_text(letter_text(), encoding="utf-8")  # same stem as the DOCX beside it
    add(f"{LONG_NAME.strip()}.txt").write_text(small_letter(99), encoding="utf-8")
    make_letter_docx(add("council tax/Ünïcödé letter — copy.docx"), extra_paragraphs=1)

    def bad(rel: str, why: str) -> Path:
        tree.bad[rel] = why
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    make_empty_file(bad("empty.txt", "empty"))
    make_truncated_docx(bad("housing/broken.docx", "damaged"))
    make_random_binary(bad("council tax/data.bin", "not a Word document"))
    make_png(bad("Bénéfices/scan.png", "picture"))
    make_encrypted_pdf(bad("care/protected.pdf", "password"))
    # clutter that is not reported at all
    (root / ".DS_Store").write_bytes(b"\x00\x01")
    (root / "housing" / "~$nancy letter.docx").write_bytes(b"lock")
    return tree


@pytest.fixture
def tree(tmp_path) -> Tree:
    return build_tree(tmp_path / "in")


@pytest.fixture
def settings():
    """The defaults, with no pictures model and no instance config file in play."""
    from easyread.config import SETTINGS

    values = {s.name: s.default for s in SETTINGS}
    values.update(PICTURE_DEFAULT_SET="none", MODEL="none")
    return values


@pytest.fixture
def batch_env(monkeypatch, tmp_path):
    """Environment for `easyread batch` through the CLI: no model, no pictures, a temp instance."""
    instance = tmp_path / "instance"
    instance.mkdir(exist_ok=True)
    monkeypatch.setenv("EASYREAD_INSTANCE_PATH", str(instance))
    monkeypatch.setenv("EASYREAD_PICTURE_DEFAULT_SET", "none")
    monkeypatch.setenv("EASYREAD_MODEL", "none")
    return instance

"""Our own set of council letters (benchmarks/easyread_bench/letters/) and their known hard facts.

Each letter `NN_name.txt` has a `NN_name.json` listing the facts a faithful Easy
Read version must keep: {"kind", "text", "also": [other acceptable forms]}. The
matcher here is deliberately separate from the fact lock in easyread.checks, so
the benchmark does not mark its own homework.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

LETTERS = Path(__file__).resolve().parent / "letters"
_MONTHS = "january february march april may june july august september october november december".split()
_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "fourteen": "14",
    "twenty-one": "21",
    "twenty-eight": "28",
}


@dataclass
class Letter:
    name: str
    path: Path
    service: str
    facts: list[dict] = field(default_factory=list)


def load_letters(limit: int | None = None, folder: Path | str | None = None) -> list[Letter]:
    """The letters of `folder` (our set by default) in name order, `limit` letters at most.

    A letter without a `.json` beside it has no known facts: the facts figure then counts none for it.
    """
    out = []
    for path in sorted(Path(folder or LETTERS).glob("*.txt"))[: limit or None]:
        meta_path = path.with_suffix(".json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        out.append(Letter(path.stem, path, meta.get("service", ""), meta.get("facts", [])))
    return out


def _norm(text: str) -> str:
    text = text.lower().replace("\u00a0", " ")
    text = re.sub(r"(\d),(\d{3})", r"\1\2", text)
    text = re.sub(r"£(\d+)\.00\b", r"£\1", text)
    text = re.sub(r"\b(\d{1,2})(st|nd|rd|th)\b", r"\1", text)
    text = re.sub(r"\b(\d{1,2}):00\s?([ap]m)\b", r"\1\2", text)
    text = re.sub(r"\b(\d{1,2})[.:](\d\d)\s?([ap]m)\b", r"\1:\2\3", text)
    text = re.sub(r"\b12\s?noon\b|\bnoon\b", "midday", text)
    for word, digit in _WORDS.items():
        text = re.sub(rf"\b{word}\b", digit, text)
    text = re.sub(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day,?\s+", "", text)
    return re.sub(r"\s+", " ", text)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def fact_found(fact: dict, draft: str) -> bool:
    """Is the fact (or one of its accepted forms) in the draft text?"""
    forms = [fact["text"], *fact.get("also", [])]
    if fact["kind"] == "phone":
        return any(_digits(f) in _digits_runs(draft) for f in forms)
    norm = _norm(draft)
    for form in forms:
        f = _norm(form)
        if re.search(rf"(?<![\w£]){re.escape(f)}(?![\w])", norm) or (
            fact["kind"] in ("url", "email", "reference") and f in norm
        ):
            return True
    return False


def _digits_runs(text: str) -> str:
    """Phone-like digit runs with spaces removed, joined by '|'."""
    runs = re.findall(r"(?:\+44\s?|0)[\d\s-]{8,14}\d", text)
    return "|".join(_digits(r) for r in runs)

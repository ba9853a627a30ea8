"""Glossaries: hard terms and their Easy Read explanations.

A glossary is a CSV file with the columns `term,explanation` and, optionally, one
column per language code (`pl`, `ur`, …) holding the council's agreed translation
of the term. `glossaries/default.csv` ships with easyread; a council adds its own
files in the folder named by the GLOSSARY_DIR setting. A later file wins over an
earlier one for the same term, so a council can reword our explanations.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import langcodes

DEFAULT_GLOSSARY = Path(__file__).resolve().parents[2] / "glossaries" / "default.csv"
REQUIRED = ("term", "explanation")


class GlossaryError(ValueError):
    """A glossary file has a row we cannot use. The message names the file and line."""


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    explanation: str
    translations: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class TermMatch:
    """Where a glossary term occurs in a text."""

    entry: GlossaryEntry
    start: int
    end: int


class Glossary:
    """Terms with explanations; finds them in text (case-insensitive, whole words, longest first)."""

    def __init__(self, entries: list[GlossaryEntry] | None = None):
        self._entries: dict[str, GlossaryEntry] = {}
        for entry in entries or []:
            self._entries[entry.term.casefold()] = entry
        self._pattern: re.Pattern | None = None

    def add(self, entry: GlossaryEntry) -> None:
        """Add or replace one entry."""
        self._entries[entry.term.casefold()] = entry
        self._pattern = None

    def get(self, term: str) -> GlossaryEntry | None:
        """The entry for `term` (any case, plural accepted), or None."""
        key = term.casefold()
        return (
            self._entries.get(key)
            or self._entries.get(key.removesuffix("s"))
            or self._entries.get(key.removesuffix("es"))
        )

    def __contains__(self, term: str) -> bool:
        return self.get(term) is not None

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self):
        return iter(self._entries.values())

    def _regex(self) -> re.Pattern:
        if self._pattern is None:
            # Longest first so "council tax reduction" wins over "council tax".
            terms = sorted(self._entries, key=len, reverse=True)
            alternation = "|".join(re.escape(t).replace(r"\ ", r"\s+").replace("'", "['’]?") for t in terms) or "(?!)"
            self._pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?:e?s)?(?![\w-])", re.IGNORECASE)
        return self._pattern

    def find(self, text: str) -> list[TermMatch]:
        """Every occurrence of a term in `text`, in order, with offsets."""
        found = []
        for m in self._regex().finditer(text):
            if _inside_name(text, m.start()):
                continue
            entry = self.get(" ".join(m.group(0).replace("’", "'").split()))
            if entry is None:  # matched with an apostrophe the term spells differently
                entry = next((e for e in self if _loose(e.term) == _loose(m.group(0))), None)
            if entry is not None:
                found.append(TermMatch(entry, m.start(), m.end()))
        return found

    def terms_in(self, text: str) -> list[GlossaryEntry]:
        """The distinct entries whose terms occur in `text`, in order of first use."""
        seen: dict[str, GlossaryEntry] = {}
        for match in self.find(text):
            seen.setdefault(match.entry.term.casefold(), match.entry)
        return list(seen.values())


# "HMRC's Self Assessment", "a Simple Assessment letter": a capitalised word before a capitalised term, inside a
# sentence, makes a name whose sense is its own. Explained as the glossary's "assessment" (a meeting about the help
# you need), a tax letter's rewrite told the resident something false.
_NAME_BEFORE = re.compile(
    r"(?<![.!?:;]\s)(?<!^)\b"
    r"(?!(?:The|A|An|Your|Our|This|That|These|Those|Any|No|Each|Every|If|When|We|You|I|Please|Dear)\b)"
    r"[A-Z][a-z]+\s+$"
)


def _inside_name(text: str, start: int) -> bool:
    return text[start : start + 1].isupper() and bool(_NAME_BEFORE.search(text[max(0, start - 40) : start]))


def _loose(term: str) -> str:
    return re.sub(r"['’\s]+|e?s$", "", term.casefold())


def read_glossary_file(path: str | Path) -> list[GlossaryEntry]:
    """Entries of one CSV file; raises GlossaryError naming the file and line of a bad row."""
    path = Path(path)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    if not rows or [c.strip().lower() for c in rows[0][:2]] != list(REQUIRED):
        raise GlossaryError(f"{path.name}, line 1: the first row must start with the columns term,explanation.")
    header = [c.strip() for c in rows[0]]
    for code in header[2:]:
        if not langcodes.tag_is_valid(code):
            raise GlossaryError(
                f"{path.name}, line 1: {code!r} is not a language code. Extra columns must be language codes such as pl or ur."
            )
    entries, seen = [], {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
            continue
        if len(row) != len(header):
            raise GlossaryError(
                f"{path.name}, line {line}: this row has {len(row)} columns but the first row has {len(header)}. Put text that has commas inside double quotes."
            )
        term, explanation = row[0].strip(), row[1].strip()
        if not term or not explanation:
            raise GlossaryError(f"{path.name}, line {line}: every row needs a term and an explanation.")
        key = term.casefold()
        if key in seen:
            raise GlossaryError(
                f"{path.name}, line {line}: {term!r} is already on line {seen[key]}. Keep one row for each term."
            )
        seen[key] = line
        translations = {code: cell.strip() for code, cell in zip(header[2:], row[2:]) if cell.strip()}
        entries.append(GlossaryEntry(term, explanation, translations))
    return entries


def glossary_files(glossary_dir: str | Path | None = None) -> list[Path]:
    """The default glossary, then the council's CSV files in `glossary_dir` in name order."""
    files = [DEFAULT_GLOSSARY]
    if glossary_dir:
        files += sorted(Path(glossary_dir).glob("*.csv"))
    return files


def load_glossary(paths: list[str | Path] | None = None, *, glossary_dir: str | Path | None = None) -> Glossary:
    """A Glossary from `paths`, or from the default file plus the council's folder."""
    glossary = Glossary()
    for path in paths if paths is not None else glossary_files(glossary_dir):
        for entry in read_glossary_file(path):
            glossary.add(entry)
    return glossary


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    """The shipped glossary, loaded once; used when a check is given no glossary."""
    return load_glossary([DEFAULT_GLOSSARY])

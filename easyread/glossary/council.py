"""Each council's own glossary: a CSV file per council in the instance folder.

`instance/glossaries/council-<id>.csv` has the same columns as glossaries/default.csv
(term,explanation plus optional language columns). The checks and the rewriter use
the default glossary, then GLOSSARY_DIR, then the council's file (later wins).
No Flask and no database here: the web pages and the background tasks call these functions.
"""

from __future__ import annotations

import csv
import io
import tempfile
import threading
from pathlib import Path

from easyread.config import resolved
from easyread.documents.atomic import atomic_write_text
from easyread.glossary import Glossary, GlossaryEntry, GlossaryError, glossary_files, load_glossary, read_glossary_file

MAX_CSV_BYTES = 2 * 1024 * 1024
_lock = threading.Lock()


def path_for(instance: str | Path, council_id: int) -> Path:
    return Path(instance) / "glossaries" / f"council-{int(council_id)}.csv"


def load_entries(instance: str | Path, council_id: int) -> list[GlossaryEntry]:
    """The council's own entries, in file order (none when it has no file yet)."""
    path = path_for(instance, council_id)
    return read_glossary_file(path) if path.is_file() else []


# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets (CSV injection, OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """`cell` with a leading apostrophe if a spreadsheet would run it as a formula ("=HYPERLINK(...)")."""
    # By hand: it is one rule, and the libraries for it (defusedcsv) wrap the csv module we already use.
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def unspreadsheet(cell: str) -> str:
    """Undo `spreadsheet_safe`, so a file exported here imports back unchanged."""
    return cell[1:] if cell.startswith("'") and cell[1:2] and cell[1:].startswith(FORMULA_STARTS) else cell


def to_csv(entries: list[GlossaryEntry], *, for_spreadsheet: bool = False) -> str:
    """Entries as CSV text with a header, language columns in name order.

    `for_spreadsheet` (downloads): cells that a spreadsheet would run as formulas get a leading apostrophe.
    """
    codes = sorted({code for e in entries for code in e.translations})
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["term", "explanation", *codes])
    clean = spreadsheet_safe if for_spreadsheet else str
    for e in entries:
        writer.writerow([clean(e.term), clean(e.explanation), *(clean(e.translations.get(c, "")) for c in codes)])
    return out.getvalue()


def save_entries(instance: str | Path, council_id: int, entries: list[GlossaryEntry]) -> Path:
    """Write the council's file atomically (a half-written glossary is never read)."""
    path = path_for(instance, council_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    return atomic_write_text(path, to_csv(entries))


def parse_csv(data: bytes, name: str = "glossary.csv") -> list[GlossaryEntry]:
    """Entries from an uploaded CSV file; GlossaryError names the line of a bad row."""
    if not data.strip():
        raise GlossaryError("The file is empty. Choose a CSV file with the columns term,explanation.")
    if len(data) > MAX_CSV_BYTES:
        raise GlossaryError("The file must be smaller than 2 MB.")
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GlossaryError(
            "The file must be saved as UTF-8 CSV. In Excel, choose 'CSV UTF-8' when you save it."
        ) from None
    safe = Path(name or "glossary.csv").name or "glossary.csv"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / safe
        path.write_bytes(data)
        entries = read_glossary_file(path)
    # A file downloaded from here and uploaded again comes back as it was, without the formula guards.
    return [
        GlossaryEntry(
            unspreadsheet(e.term),
            unspreadsheet(e.explanation),
            {k: unspreadsheet(v) for k, v in e.translations.items()},
        )
        for e in entries
    ]


def upsert(
    entries: list[GlossaryEntry], term: str, explanation: str, *, replacing: str | None = None
) -> list[GlossaryEntry]:
    """Entries with `term` added or changed (and `replacing`, an old spelling of it, taken out)."""
    term, explanation = " ".join(term.split()), " ".join(explanation.split())
    if not term:
        raise GlossaryError("Enter the word or phrase.")
    if not explanation:
        raise GlossaryError("Enter what it means, in easy words.")
    if len(term) > 100:
        raise GlossaryError("The word or phrase must be 100 characters or fewer.")
    if len(explanation) > 500:
        raise GlossaryError("The explanation must be 500 characters or fewer.")
    gone = {term.casefold(), (replacing or "").casefold()}
    kept = {}
    for e in entries:
        if e.term.casefold() == term.casefold() or e.term.casefold() == (replacing or "").casefold():
            kept = e.translations
    out = [e for e in entries if e.term.casefold() not in gone]
    out.append(GlossaryEntry(term, explanation, dict(kept)))
    return sorted(out, key=lambda e: e.term.casefold())


def merge(entries: list[GlossaryEntry], new: list[GlossaryEntry]) -> list[GlossaryEntry]:
    """Entries with `new` added; a term in both takes the new row."""
    by_term = {e.term.casefold(): e for e in entries}
    by_term.update({e.term.casefold(): e for e in new})
    return sorted(by_term.values(), key=lambda e: e.term.casefold())


def remove(entries: list[GlossaryEntry], term: str) -> list[GlossaryEntry]:
    return [e for e in entries if e.term.casefold() != term.casefold()]


def change(instance: str | Path, council_id: int, fn) -> list[GlossaryEntry]:
    """Read, change with `fn(entries) -> entries` and save the council's file, one writer at a time."""
    with _lock:
        entries = fn(load_entries(instance, council_id))
        save_entries(instance, council_id, entries)
        return entries


def glossary_for(settings: dict, council_id: int | None) -> Glossary:
    """The glossary the checks use for a council: default, GLOSSARY_DIR, then the council's own file."""
    settings = resolved(settings)
    paths = glossary_files(settings.GLOSSARY_DIR or None)
    if council_id is not None:
        own = path_for(settings.INSTANCE_PATH, council_id)
        if own.is_file():
            paths.append(own)
    return load_glossary(paths)

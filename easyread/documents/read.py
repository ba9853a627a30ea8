"""Read a letter from a file or bytes: choose the reader by content, check limits, mark letter parts.

The file name is never trusted to choose a reader (people rename files); it only
names the blocks' source and words a clearer message for a damaged file.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from easyread.documents.errors import InputError
from easyread.documents.letter import detect_letter_parts
from easyread.documents.model import Document
from easyread.documents.read_docx import DAMAGED as DOCX_DAMAGED
from easyread.documents.read_docx import OLE_MAGIC, is_encrypted_office_file, read_docx
from easyread.documents.read_pdf import DAMAGED as PDF_DAMAGED
from easyread.documents.read_pdf import read_pdf
from easyread.documents.read_text import decode_text, looks_like_markdown, read_text

UNKNOWN_TYPE = "This file is not a Word document (.docx), PDF or text file. Save it as one of those and try again."
EMPTY = "The file is empty. Choose a file that has the letter in it."
NO_TEXT = "This file has no text in it. Choose a file that has the letter's text in it."

# Control bytes that never appear in a text file (tab, line feed, form feed and carriage return do).
_BINARY_BYTES = bytes(set(range(32)) - {9, 10, 12, 13} | {127})
# spaCy refuses a text longer than this (error E088), so MAX_CHARS is never allowed above it.
SPACY_MAX_CHARS = 999_999
# PDF readers accept the header anywhere in the first kilobyte.
_PDF_HEADER_WINDOW = 1024


def sniff(data: bytes) -> str:
    """Name the kind of a file from its bytes: 'docx', 'pdf', 'text', 'markdown', or 'unknown'.

    Text that is not UTF-8 is still 'text' so the text reader can ask for UTF-8.
    A damaged zip, or a password-protected Word file, counts as 'docx' so the
    Word reader can explain what is wrong with it.
    """
    if b"%PDF-" in data[:_PDF_HEADER_WINDOW]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
            return "docx"
        return "docx" if "word/document.xml" in names else "unknown"
    if data.startswith(OLE_MAGIC):
        return "docx" if is_encrypted_office_file(data) else "unknown"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16: text, but the text reader will ask for UTF-8
    sample = data[:65536]
    if any(byte in _BINARY_BYTES for byte in sample):
        return "unknown"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "text"
    return "markdown" if looks_like_markdown(text) else "text"


def read_document(source, *, filename: str | None = None, settings: dict | None = None) -> Document:
    """Read a letter from a path or bytes into a Document with its letter parts marked.

    Raises InputError, whose message is one plain sentence for the user, for an
    empty, too large, unknown, damaged, protected, non-UTF-8 or too long file.
    The input file is only ever opened for reading.
    """
    limits = _limits(settings)
    max_mb = limits["MAX_UPLOAD_MB"]
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    else:
        path = Path(os.fspath(source))
        filename = filename or path.name
        data = _read_bytes(path, max_mb)
    if not data:
        raise InputError(EMPTY, code="empty")
    if len(data) > max_mb * 1024 * 1024:
        raise InputError(f"The file must be smaller than {max_mb} MB.", code="too_large")
    kind = sniff(data)
    if kind == "unknown":
        raise InputError(_unknown_message(filename, data), code="unknown_type")
    if kind == "docx":
        document = read_docx(data, name=filename, max_uncompressed_mb=limits["MAX_UNCOMPRESSED_MB"])
    elif kind == "pdf":
        document = read_pdf(data, name=filename, max_pages=limits["MAX_PAGES"])
    else:
        text = decode_text(data)
        _check_characters(len(text), limits["MAX_CHARS"])  # before parsing: no time spent on a text that is refused
        document = read_text(text, name=filename, markdown=kind == "markdown")
    text = document.text()
    if not text.split():
        raise InputError(NO_TEXT, code="no_text")
    _check_characters(len(text), limits["MAX_CHARS"])
    max_words = limits["MAX_WORDS"]
    if len(text.split()) > max_words:
        raise InputError(
            f"The letter must have {max_words:,} words or fewer. Split it into shorter documents and try again.",
            code="too_many_words",
        )
    _check_words_and_lines(text, limits["MAX_WORD_CHARS"], limits["MAX_LINE_CHARS"])
    document.blocks = detect_letter_parts(document.blocks)
    document.source_name = filename
    return document


def _check_characters(count: int, max_chars: int) -> None:
    """Refuse a letter longer than MAX_CHARS characters (spaCy refuses texts over 1,000,000)."""
    if count > max_chars:
        raise InputError(
            f"The letter must have {max_chars:,} characters or fewer. Split it into shorter documents and try again.",
            code="too_many_characters",
        )


def _check_words_and_lines(text: str, max_word: int, max_line: int) -> None:
    """Refuse a letter with a word or a line (a paragraph, a table row) too long to be a letter's.

    No real letter has a 40,000-character word; such text is a damaged or hostile file, and every
    check and model prompt after this point is sized for letters."""
    longest_word = max(map(len, text.split()), default=0)
    if longest_word > max_word:
        raise InputError(
            f"This letter has a word longer than {max_word:,} characters. "
            "Check that the file is the letter you meant and try again.",
            code="word_too_long",
        )
    longest_line = max(map(len, text.split("\n")), default=0)
    if longest_line > max_line:
        raise InputError(
            f"This letter has a paragraph longer than {max_line:,} characters. "
            "Split it into shorter paragraphs and try again.",
            code="line_too_long",
        )


def _read_bytes(path: Path, max_mb: int) -> bytes:
    """Read at most one byte past the size limit, so a huge file is refused without loading it all."""
    try:
        with path.open("rb") as fh:
            return fh.read(max_mb * 1024 * 1024 + 1)
    except FileNotFoundError:
        raise InputError("The file could not be found. Check its name and try again.", code="not_found") from None
    except IsADirectoryError:
        raise InputError("This is a folder, not a file. Choose a file and try again.", code="not_a_file") from None
    except PermissionError:
        raise InputError(
            "The file could not be opened. Check you are allowed to read it and try again.", code="not_readable"
        ) from None


def _limits(settings) -> dict[str, int]:
    """The input limits from `settings` (a partial dict or None takes the declared defaults, not the environment)."""
    from easyread.config import resolved

    settings = resolved(settings)
    names = (
        "MAX_UPLOAD_MB",
        "MAX_PAGES",
        "MAX_UNCOMPRESSED_MB",
        "MAX_WORDS",
        "MAX_CHARS",
        "MAX_WORD_CHARS",
        "MAX_LINE_CHARS",
    )
    limits = {name: settings[name] for name in names}
    limits["MAX_CHARS"] = min(limits["MAX_CHARS"], SPACY_MAX_CHARS)
    return limits


IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")
PICTURE = (
    "This file is a picture, not a letter. If it is a scanned letter, turn it into a PDF "
    "with text recognition first, or save the letter as a Word document (.docx)."
)


def _unknown_message(filename: str | None, data: bytes = b"") -> str:
    if data.startswith(IMAGE_SIGNATURES):
        return PICTURE
    # The name cannot choose the reader, but a .docx or .pdf that is neither was most likely damaged.
    suffix = Path(filename).suffix.lower() if filename else ""
    if suffix == ".docx":
        return DOCX_DAMAGED
    if suffix == ".pdf":
        return PDF_DAMAGED
    return UNKNOWN_TYPE

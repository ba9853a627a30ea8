"""Plain text Easy Read: for screen readers, braille displays, SMS and plain printers.

Layout: the title, then each section's heading on its own line followed by its
points, one per line, each starting with "- ". A hyphen is plain ASCII (any
printer has it) and screen readers at their usual punctuation level do not read
it out, while it still marks where one point ends and the next begins. A blank
line separates sections. Pictures are left out: their alt text is in English
words the letter's reader may not share, and the points stand on their own.
"""

from __future__ import annotations

import os
from pathlib import Path

from easyread.documents.atomic import atomic_write_text
from easyread.documents.model import EasyReadDocument
from easyread.documents.write import WriteOptions, credit_lines, document_title


def render_text(doc: EasyReadDocument, options: WriteOptions | None = None) -> str:
    """The document as plain text, ending with one newline."""
    options = options or WriteOptions.defaults()
    lines: list[str] = []
    header = [t for t in (options.council_name.strip(), options.status.strip()) if t]
    if header:
        lines += [*header, ""]
    lines += [document_title(doc), ""]
    for section in doc.sections:
        if section.heading.strip():
            lines.append(_one_line(section.heading))
        for point in section.points:
            for i, line in enumerate(_lines(point.text)):
                # Continuation lines are indented so they read as part of the same point.
                lines.append(("- " if i == 0 else "  ") + line)
        lines.append("")
    credits = credit_lines(doc)
    if credits:
        lines += credits + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def write_text(doc: EasyReadDocument, path: str | os.PathLike, options: WriteOptions | None = None) -> Path:
    """Write the plain text version to `path` (UTF-8) atomically and return the path."""
    return atomic_write_text(path, render_text(doc, options))


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.strip().splitlines() if line.strip()] or [""]


def _one_line(text: str) -> str:
    return " ".join(text.split())

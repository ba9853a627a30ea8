"""One door to the writers: options, the list of formats, and `write_outputs`.

Writers are imported only when their format is asked for, so writing a text file
never pays for loading WeasyPrint.
"""

from __future__ import annotations

import importlib
import logging
import os
from dataclasses import dataclass, replace
from pathlib import Path

from easyread.config import resolved
from easyread.documents.model import EasyReadDocument, Picture

log = logging.getLogger(__name__)

# format -> (module, function); each function is write_X(doc, path, options) -> Path
# and writes atomically itself.
WRITERS: dict[str, tuple[str, str]] = {
    "docx": ("easyread.documents.write_docx", "write_docx"),
    "html": ("easyread.documents.write_html", "write_html"),
    "pdf": ("easyread.documents.write_pdf", "write_pdf"),
    "txt": ("easyread.documents.write_text", "write_text"),
}
FORMATS: tuple[str, ...] = tuple(WRITERS)


@dataclass
class WriteOptions:
    """How Easy Read documents look: the FONT, FONT_SIZE_PT, HEADING_SIZE_PT and PICTURE_SIZE_CM settings
    (`from_settings`), or their declared defaults (`defaults()`: Arial, 16 pt, as the UK guidance asks)."""

    font: str
    font_size_pt: float
    heading_size_pt: float
    picture_size_cm: float
    council_name: str = ""
    # "Final version 3" for an approved version, "Draft: not approved yet" otherwise; shown in the header.
    # Empty (the command line's convert) shows nothing.
    status: str = ""

    @classmethod
    def from_settings(cls, settings) -> WriteOptions:
        """Options from the resolved settings (a partial dict takes the declared defaults)."""
        settings = resolved(settings)
        return cls(
            font=settings.FONT,
            font_size_pt=settings.FONT_SIZE_PT,
            heading_size_pt=settings.HEADING_SIZE_PT,
            picture_size_cm=settings.PICTURE_SIZE_CM,
            council_name=settings.COUNCIL_NAME,
        )

    @classmethod
    def defaults(cls, **changes) -> WriteOptions:
        """The declared defaults with no council named (a draft written without settings), with `changes`."""
        return replace(cls.from_settings(None), **{"council_name": "", **changes})

    @property
    def title_size_pt(self) -> float:
        """The document title is a step above section headings."""
        return round(self.heading_size_pt * 1.25)


def normalise_formats(formats: list[str] | str) -> list[str]:
    """Clean a list of format names ("PDF", ".docx", "docx,html"); raise ValueError for unknown ones."""
    if isinstance(formats, str):
        formats = formats.split(",")
    cleaned: list[str] = []
    for name in formats:
        fmt = name.strip().lower().lstrip(".")
        if fmt == "text":
            fmt = "txt"
        if not fmt:
            continue
        if fmt not in WRITERS:
            raise ValueError(f"We cannot write '{name.strip()}' files. Choose from: {', '.join(FORMATS)}.")
        if fmt not in cleaned:
            cleaned.append(fmt)
    if not cleaned:
        raise ValueError(f"Choose at least one output format: {', '.join(FORMATS)}.")
    return cleaned


def write_outputs(
    doc: EasyReadDocument,
    out_dir: str | os.PathLike,
    stem: str,
    formats: list[str],
    options: WriteOptions | None = None,
) -> dict[str, Path]:
    """Write `doc` as `out_dir/stem.<format>` for each format and return {format: path}.

    Every file is written atomically. Unknown formats raise ValueError before any
    file is written.
    """
    chosen = normalise_formats(formats)
    options = options or WriteOptions.defaults()
    if not stem or Path(stem).name != stem:
        raise ValueError(f"The file name '{stem}' must be a plain name without folders.")
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for fmt in chosen:
        module_name, func_name = WRITERS[fmt]
        writer = getattr(importlib.import_module(module_name), func_name)
        written[fmt] = writer(doc, folder / f"{stem}.{fmt}", options)
    return written


def write_draft_json(doc: EasyReadDocument, out_dir: str | os.PathLike, stem: str) -> Path:
    """Write `doc` as `out_dir/stem.draft.json` (atomically), the form `easyread translate` reads."""
    import json

    from easyread.documents.atomic import atomic_write_text

    path = Path(out_dir) / f"{stem}.draft.json"
    atomic_write_text(path, json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))
    return path


def credit_lines(doc: EasyReadDocument) -> list[str]:
    """The document's credits followed by any picture credits not already listed, each once."""
    lines: list[str] = []
    for line in list(doc.credits) + [p.picture.credit for p in doc.points() if p.picture and p.picture.credit]:
        line = (line or "").strip()
        if line and line not in lines:
            lines.append(line)
    return lines


def document_title(doc: EasyReadDocument) -> str:
    """The title to show and to store in metadata; never empty, since pages and PDFs need one."""
    return doc.title.strip() or "Easy Read"


def picture_file(picture: Picture | None) -> Path | None:
    """The picture's file if it exists; a missing file is logged and left out, not fatal.

    A deleted symbol must not stop a letter going out: the words carry the facts.
    """
    if picture is None or not picture.path:
        return None
    path = Path(picture.path)
    if not path.is_file():
        log.warning("Picture %s is missing; the point is written without it.", path)
        return None
    return path

"""Convert one letter file into Easy Read files: make its draft (easyread.drafting), then write it.

`easyread convert` calls `convert_file`; the web app's background task and `easyread batch` make their drafts with
the same `easyread.drafting.make_drafts` and store or write them their own way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from easyread.config import Settings, resolved
from easyread.documents.model import EasyReadDocument
from easyread.drafting import NO_MODEL, ConvertError, Source, make_draft
from easyread.progress import Progress

__all__ = ["NO_MODEL", "ConvertError", "ConvertResult", "convert_file", "output_stem"]


@dataclass
class ConvertResult:
    draft: EasyReadDocument
    outputs: dict[str, Path] = field(default_factory=dict)
    report: dict | None = None
    summary: str = ""


def _quiet(stage: str, done: int, total: int) -> None:
    pass


def output_stem(path: Path) -> str:
    """The name the outputs share: the letter's name without its extension, or "letter" when that leaves
    nothing usable ("..txt" has the stem ".", which names a folder, not a file)."""
    stem = Path(path).stem.strip()
    return stem if stem.strip(".") and Path(stem).name == stem else "letter"


def convert_file(
    path: Path,
    out_dir: Path,
    *,
    formats: list[str],
    model: str | None = None,
    settings: Settings | dict,
    pictures: bool = True,
    progress: Progress = _quiet,
) -> ConvertResult:
    """Read `path` (never changing it) and write its Easy Read version into `out_dir`: each format,
    `<stem>.draft.json` (what `easyread translate` reads) and `<stem>.report.json` (the checks)."""
    path, out_dir, settings = Path(path), Path(out_dir), resolved(settings)
    if not path.is_file():
        raise ConvertError(f"There is no file at {path}. Check the name and try again.")
    if not formats:
        raise ConvertError("Choose at least one format to write: docx, html, pdf or txt.")
    unknown = [f for f in formats if f not in {"docx", "html", "pdf", "txt"}]
    if unknown:
        raise ConvertError(f"easyread cannot write {', '.join(unknown)}. Choose from docx, html, pdf and txt.")
    from easyread.documents.atomic import atomic_write_text
    from easyread.documents.write import WriteOptions, write_draft_json, write_outputs
    from easyread.engines.base import EngineError
    from easyread.glossary import GlossaryError, load_glossary

    try:
        glossary = load_glossary(glossary_dir=settings.GLOSSARY_DIR or None)
    except GlossaryError as error:  # names the file and line to fix
        raise ConvertError(str(error)) from error
    try:
        made = make_draft(
            Source(path, path.name),
            model=model or settings.MODEL,
            settings=settings,
            glossary=glossary,
            pictures=pictures,
            progress=progress,
        )
    except EngineError as error:  # the engine's message is already plain English
        raise ConvertError(str(error)) from error
    stem = output_stem(path)
    out_dir.mkdir(parents=True, exist_ok=True)
    progress("write", 0, len(formats))
    outputs = write_outputs(made.draft, out_dir, stem, formats, WriteOptions.from_settings(settings))
    outputs["draft"] = write_draft_json(made.draft, out_dir, stem)
    progress("write", len(formats), len(formats))
    report_path = out_dir / f"{stem}.report.json"
    atomic_write_text(report_path, json.dumps(made.report, indent=2, ensure_ascii=False))
    outputs["report"] = report_path
    return ConvertResult(draft=made.draft, outputs=outputs, report=made.report, summary=made.summary)

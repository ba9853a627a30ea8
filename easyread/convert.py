"""Convert one letter file into Easy Read files: read, rewrite, check, write.

The CLI's `convert`, the job queue and the batch command all call `convert_file`
(or `convert_document` when they already hold a Document).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from easyread.documents.model import Document, EasyReadDocument

Progress = Callable[[str, int, int], None]

NO_MODEL = "none"


class ConvertError(Exception):
    """The conversion could not be done; the message says why in plain words."""


@dataclass
class ConvertResult:
    draft: EasyReadDocument
    outputs: dict[str, Path] = field(default_factory=dict)
    report: dict | None = None
    summary: str = ""


def _quiet(stage: str, done: int, total: int) -> None:
    pass


def rewrite(
    doc: Document, *, model: str | None, settings: dict, progress: Progress = _quiet, glossary=None
) -> tuple[EasyReadDocument, dict | None, str]:
    """Rewrite `doc` into Easy Read. Returns the draft, its check report (dict) and a one-line summary.
    `glossary` defaults to the default glossary plus GLOSSARY_DIR (the web app passes the council's)."""
    if model == NO_MODEL:
        from easyread.documents.identity import identity_draft

        progress("lay out", 1, 1)
        return identity_draft(doc), None, "Words kept as they are: no model was used."
    try:
        from easyread.engines.registry import get_engine
        from easyread.simplify.pipeline import simplify_document
    except ImportError as error:  # the rewriter ships in a later part
        raise ConvertError(
            "The Easy Read rewriter is not built yet. Use --model none to lay out the letter without rewriting it."
        ) from error
    from easyread.engines.base import EngineError
    from easyread.glossary import load_glossary

    if glossary is None:
        glossary = load_glossary(glossary_dir=settings.get("GLOSSARY_DIR") or None)
    try:
        engine = get_engine(model, settings)
        result = simplify_document(doc, engine, glossary=glossary, settings=settings, progress=progress)
    except EngineError as error:  # the engine's message is already plain English
        raise ConvertError(str(error)) from error
    report = result.report.to_dict() if result.report is not None else None
    return result.draft, report, result.summary()


def convert_document(
    doc: Document,
    out_dir: Path,
    stem: str,
    *,
    formats: list[str],
    model: str | None,
    settings: dict,
    pictures: bool = True,
    progress: Progress = _quiet,
) -> ConvertResult:
    """Rewrite an already-read document, add pictures, and write it in each format plus
    `<stem>.draft.json` (what `easyread translate` reads) and `<stem>.report.json`."""
    from easyread.documents.atomic import atomic_write_text
    from easyread.documents.write import WriteOptions, write_draft_json, write_outputs

    draft, report, summary = rewrite(doc, model=model, settings=settings, progress=progress)
    if pictures:
        from easyread.pictures import add_pictures

        progress("pictures", 0, 1)
        draft = add_pictures(draft, settings=settings)
        progress("pictures", 1, 1)
    out_dir.mkdir(parents=True, exist_ok=True)
    progress("write", 0, len(formats))
    outputs = write_outputs(draft, out_dir, stem, formats, WriteOptions.from_settings(settings))
    outputs["draft"] = write_draft_json(draft, out_dir, stem)
    progress("write", len(formats), len(formats))
    if report is not None:
        report_path = out_dir / f"{stem}.report.json"
        atomic_write_text(report_path, json.dumps(report, indent=2, ensure_ascii=False))
        outputs["report"] = report_path
    return ConvertResult(draft=draft, outputs=outputs, report=report, summary=summary)


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
    settings: dict,
    pictures: bool = True,
    progress: Progress = _quiet,
) -> ConvertResult:
    """Read `path` (never changing it) and write its Easy Read version into `out_dir`."""
    from easyread.documents.read import read_document

    path, out_dir = Path(path), Path(out_dir)
    if not path.is_file():
        raise ConvertError(f"There is no file at {path}. Check the name and try again.")
    if not formats:
        raise ConvertError("Choose at least one format to write: docx, html, pdf or txt.")
    unknown = [f for f in formats if f not in {"docx", "html", "pdf", "txt"}]
    if unknown:
        raise ConvertError(f"easyread cannot write {', '.join(unknown)}. Choose from docx, html, pdf and txt.")
    progress("read", 0, 1)
    doc = read_document(path, filename=path.name, settings=settings)
    progress("read", 1, 1)
    return convert_document(
        doc,
        out_dir,
        output_stem(path),
        formats=formats,
        model=model or settings.get("MODEL"),
        settings=settings,
        pictures=pictures,
        progress=progress,
    )

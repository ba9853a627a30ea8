"""Taking in a letter from the upload page or the API: check it, keep it, record it, queue its task.

The letter is read once here, so a bad file is refused at once with the reader's
plain message (InputError); what was read is stored with the letter (`Letter.parsed`), so the task
and the pages use it rather than reading the file again.
"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from easyread.config import resolved
from easyread.documents.atomic import atomic_write_bytes
from easyread.documents.errors import InputError
from easyread.documents.read import read_document, sniff
from easyread.documents.write import normalise_formats
from easyread.drafting import NO_MODEL

PASTED_NAME = "pasted-letter.txt"


MODEL_LABELS = {
    "embedded": "Embedded model (Qwen2.5-Coder-1.5B, better)",
    "embedded-fast": "Fast model (Qwen2.5-Coder-0.5B, quicker, weaker)",
    NO_MODEL: "No model: lay the letter out as Easy Read, words unchanged",
}


def model_choices(settings: dict) -> list[tuple[str, str]]:
    """(value, label) of the models a person may choose, the configured one first. Each model
    is offered once, and an embedded model only when it is installed or already prepared."""
    default = resolved(settings).MODEL.strip()
    choices = [(default, f"The service's model: {MODEL_LABELS.get(default, default)}")]
    for value in ("embedded", "embedded-fast", NO_MODEL):
        if value != default and (value == NO_MODEL or embedded_installed(value, settings)):
            choices.append((value, MODEL_LABELS[value]))
    return choices


def embedded_installed(name: str, settings: dict) -> bool:
    """True when the embedded model `name` can run here: its prepared cache or its part packages are present."""
    from easyread.engines import embedded

    model = embedded.EMBEDDED_MODELS[name]
    return embedded.is_ready(model, embedded.cache_root_from(settings)) or embedded.parts_installed(model)


class OptionError(ValueError):
    """A bad choice on the upload form or in an API request. `field` names the form field."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def clean_languages(languages) -> list[str]:
    """Catalogue codes from "pl, ro, Urdu" or a list (English is always made, so it is left out);
    OptionError naming the nearest codes for one we do not know, or for a language that needs a person."""
    from easyread.translate import catalogue
    from easyread.translate.errors import TranslationError

    try:
        chosen = catalogue.parse_languages(languages or [])
    except TranslationError as error:
        # `plain` names the nearest languages without pointing at a command staff cannot run.
        raise OptionError("languages", getattr(error, "plain", None) or str(error)) from None
    for language in chosen:
        if language.signed:
            raise OptionError("languages", f"{language.name} needs a person: it cannot be made by machine translation.")
    return [language.code for language in chosen if language.code != "en"]


def check_translation_set_up(settings: dict) -> None:
    """OptionError before any task is queued when no configured engine can translate (the model is "none")."""
    from easyread.translate.engines import configured_spec
    from easyread.translate.errors import NOT_SET_UP

    if configured_spec(settings) is None:
        raise OptionError("languages", NOT_SET_UP)


def clean_options(settings: dict, *, model: str | None, formats=None, pictures: bool = True, languages=None) -> dict:
    """The stored options for a document; OptionError with a plain message for a bad choice.
    `formats` None means the FORMATS setting; an empty list is refused. `languages` are
    translations to make after the English draft."""

    allowed = [value for value, _ in model_choices(settings)]
    model = (model or allowed[0]).strip()
    if model not in allowed:
        raise OptionError("model", f"Choose a model from: {', '.join(allowed)}.")
    if formats is None:
        formats = resolved(settings).FORMATS
    if not formats:
        raise OptionError("formats", "Choose at least one format to download.")
    try:
        chosen = normalise_formats(formats)
    except ValueError as error:
        raise OptionError("formats", str(error)) from None
    codes = clean_languages(languages)
    if codes:
        check_translation_set_up(settings)
    return {"model": model, "languages": ["en", *codes], "formats": chosen, "pictures": bool(pictures)}


def keep_original(instance: str | Path, data: bytes) -> tuple[str, str]:
    """Store the bytes once under uploads/<sha256> and return (content hash, path relative to the instance)."""
    digest = hashlib.sha256(data).hexdigest()
    relative = f"uploads/{digest}"
    path = Path(instance) / relative
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, data)
    return digest, relative


def _title(doc, filename: str) -> str:
    """The letter's title, its first heading, a short first line, or the file name."""
    from easyread.documents.model import BlockKind

    title = (doc.title or "").strip()
    if not title:
        title = next((b.text.strip() for b in doc.blocks if b.kind is BlockKind.HEADING and b.text.strip()), "")
    if not title:
        first = next((b.text.strip() for b in doc.body_blocks() if b.text.strip()), "")
        if first and len(first.split()) <= 10 and not first.endswith((".", ",", ":", "?", "!")):
            title = first
    title = title or Path(filename).stem.replace("_", " ").replace("-", " ").strip() or "Letter"
    return " ".join(title.split())[:255]


def _without_controls(text: str) -> str:
    """`text` without control and format characters (Unicode category C: NUL, escape, right-to-left override)."""
    return "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")


def clean_filename(filename: str | None) -> str:
    """The file's own name, without folders or control characters (a NUL, a right-to-left override), at most 255
    characters; the pasted-letter name when nothing is left. Names are shown on pages and written into files."""
    name = _without_controls(str(filename or ""))
    name = Path(name.replace("\\", "/")).name.strip()[:255]
    return name if name and name not in (".", "..") else PASTED_NAME


def accept(
    *, data: bytes, filename: str, user, options: dict, settings: dict, instance: str | Path, title: str | None = None
):
    """Read `data` (InputError if we cannot use it), keep it, add a queued Letter, audit the upload and queue its task."""
    from easyread import jobs
    from easyread.records import letters

    filename = clean_filename(filename)
    letter = read_document(data, filename=filename, settings=settings)  # raises InputError
    digest, relative = keep_original(instance, data)
    if (title or "").strip():
        options = {**options, "title": title.strip()[:255]}  # the task titles the Easy Read version with it
    doc = letters.add_upload(
        user,
        words=letter.word_count(),
        filename=filename,
        title=_without_controls(title or "").strip()[:255] or _title(letter, filename),
        source_kind=sniff(data),
        content_hash=digest,
        original_path=relative,
        parsed=letter.to_dict(),
        options=options,
    )
    jobs.queue_draft(doc)
    return doc


def pasted_bytes(text: str) -> bytes:
    """Pasted text as a UTF-8 file; InputError when nothing was pasted."""
    if not (text or "").strip():
        raise InputError("Paste the letter's text, or choose a file.", code="empty")
    return text.replace("\r\n", "\n").encode("utf-8")

"""`easyread xliff export|import`: the translator's round trip for draft files.

Thin commands over easyread.translate.xliff.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from easyread.cli import options
from easyread.cli.translate import _read_draft


@click.group()
def xliff() -> None:
    """Send a translation to a translator's CAT tool as XLIFF 1.2, and take their file back."""


def _drafts(english_file: Path, translated_file: Path):
    from easyread.documents.model import EasyReadDocument

    english = EasyReadDocument.from_dict(_read_draft(english_file))
    translated = EasyReadDocument.from_dict(_read_draft(translated_file))
    if (translated.language or "en").split("-")[0] == "en":
        raise ValueError(
            f"{translated_file.name} is in English: give the translated draft (for example letter.pl.json)."
        )
    return english, translated


@xliff.command("export")
@options.draft_files
@options.output("out", folder=False, help="The XLIFF file to write (default: beside the translation, with .xlf).")
@click.option(
    "--xliff-version",
    type=click.Choice(["1.2", "2.0"]),
    default="1.2",
    show_default=True,
    help="XLIFF 1.2 (every CAT tool reads it) or 2.0.",
)
@click.pass_obj
def export_cmd(settings: dict, english_file: Path, translated_file: Path, out: Path | None, xliff_version: str) -> None:
    """Write TRANSLATED_FILE (a translated draft's JSON) beside ENGLISH_FILE as XLIFF 1.2."""
    from easyread.documents.atomic import atomic_write_bytes
    from easyread.glossary import load_glossary
    from easyread.translate.errors import TranslationError
    from easyread.translate.xliff import export_xliff

    try:
        english, translated = _drafts(english_file, translated_file)
        glossary = load_glossary(glossary_dir=settings.GLOSSARY_DIR or None)
        data = export_xliff(
            english,
            translated,
            translated.language,
            glossary=glossary,
            original=english_file.name.removesuffix(".json"),
            version=xliff_version,
        )
    except (TranslationError, ValueError) as error:
        click.echo(f"{translated_file.name}: {error}", err=True)
        sys.exit(2)
    out = out or translated_file.with_suffix(".xlf")
    atomic_write_bytes(out, data)
    click.echo(f"Wrote {out}")


@xliff.command("import")
@options.draft_files
@click.argument("xliff_file", type=click.Path(dir_okay=False, path_type=Path))
@options.output(
    "out", folder=False, help="Where to write the new translated draft (default: TRANSLATED_FILE with .returned.json)."
)
@click.option(
    "--engine", default=None, help="Engine for the back-translation check (default: TRANSLATE_ENGINE, else MODEL)."
)
@options.back_check("Translate changed points back into English and flag drift")
@click.pass_obj
def import_cmd(
    settings: dict,
    english_file: Path,
    translated_file: Path,
    xliff_file: Path,
    out: Path | None,
    engine: str | None,
    back_check: bool | None,
) -> None:
    """Make a new version of TRANSLATED_FILE from a translator's returned XLIFF_FILE (fact lock and back-check run)."""
    from easyread.documents.atomic import atomic_write_text
    from easyread.engines.base import EngineError
    from easyread.translate.engines import get_translator
    from easyread.translate.errors import TranslationError
    from easyread.translate.xliff import import_xliff

    try:
        english, translated = _drafts(english_file, translated_file)
        if not xliff_file.is_file():
            raise ValueError(f"There is no file at {xliff_file}. Check the name and try again.")
        back = settings.TRANSLATE_BACK_CHECK if back_check is None else back_check
        translator = get_translator(engine, settings) if back else None
        result = import_xliff(
            xliff_file.read_bytes(),
            english,
            translated,
            translated.language,
            translator=translator,
            chrf_min=settings.TRANSLATE_CHRF_MIN,
            similarity_min=settings.TRANSLATE_SIMILARITY_MIN,
        )
    except (TranslationError, EngineError, ValueError) as error:
        click.echo(f"{xliff_file.name}: {error}", err=True)
        sys.exit(2)
    out = out or translated_file.with_name(translated_file.name.removesuffix(".json") + ".returned.json")
    atomic_write_text(out, json.dumps(result.draft.to_dict(), ensure_ascii=False, indent=2))
    click.echo(
        f"{len(result.changed)} changed, {len(result.approved)} approved, {len(result.flagged)} flagged for a check."
    )
    for note in result.notes:
        click.echo(f"  {note}")
    click.echo(f"Wrote {out}")

"""`easyread memory import-tmx|export-tmx|show`: a council's translation memory, in and out as TMX 1.4."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from easyread.cli import options


def _app():
    from easyread import create_app

    return create_app()


def _council(name: str | None, settings: dict):
    from easyread.records import users as accounts

    return accounts.get_or_create_council(name or settings["COUNCIL_NAME"])


def _code(language: str) -> str:
    from easyread.translate import lookup

    return lookup(language).code


@click.group()
def memory() -> None:
    """A council's translation memory: approved translations reused with each letter's facts."""


@memory.command("import-tmx")
@click.argument("tmx_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--language", required=True, help="The language to take from the file, e.g. pl.")
@options.council()
@click.pass_obj
def import_tmx(settings: dict, tmx_file: Path, language: str, council: str | None) -> None:
    """Add the English and LANGUAGE pairs of a TMX file (from a supplier's CAT tool) to the council's memory."""
    from easyread.records import audit
    from easyread.records.translations import store_segments
    from easyread.store.db import db
    from easyread.translate.errors import TranslationError
    from easyread.translate.tmx import read_tmx

    try:
        code = _code(language)
        if not tmx_file.is_file():
            raise ValueError(f"There is no file at {tmx_file}. Check the name and try again.")
        read = read_tmx(tmx_file.read_bytes(), code)
    except (TranslationError, ValueError) as error:
        click.echo(f"{tmx_file.name}: {error}", err=True)
        sys.exit(2)
    app = _app()
    with app.app_context():
        target = _council(council, settings)
        added, replaced = store_segments(target.id, code, read.segments, origin="tmx", user=None)
        audit.record("memory_imported", "cli", council_id=target.id, language=code, added=added, replaced=replaced)
        db.session.commit()
    click.echo(
        f"{read.pairs} pairs read: {added} added, {replaced} replaced, {read.skipped} skipped "
        "(their facts did not match between the languages)."
    )


@memory.command("export-tmx")
@click.argument("tmx_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--language", required=True, help="The language to export, e.g. pl.")
@options.council()
@click.pass_obj
def export_tmx_cmd(settings: dict, tmx_file: Path, language: str, council: str | None) -> None:
    """Write the council's memory for LANGUAGE as TMX 1.4, for a supplier's CAT tool."""
    from easyread.documents.atomic import atomic_write_bytes
    from easyread.records.translations import memory_segments
    from easyread.translate.errors import TranslationError
    from easyread.translate.tmx import export_tmx

    try:
        code = _code(language)
    except TranslationError as error:
        click.echo(str(error), err=True)
        sys.exit(2)
    app = _app()
    with app.app_context():
        segments = memory_segments(_council(council, settings).id, code)
    atomic_write_bytes(tmx_file, export_tmx(segments, code))
    click.echo(f"Wrote {len(segments)} entries to {tmx_file}")

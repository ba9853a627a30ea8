"""`easyread languages` and `easyread translate`: thin commands over easyread.translate."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from easyread.cli import options
from easyread.progress import stage_printer


@click.command()
@click.option(
    "--engine",
    "engines",
    multiple=True,
    help="Engine spec to show support for (repeat for several). Default: the TRANSLATE_ENGINE setting, else MODEL.",
)
@click.option("--community", is_flag=True, help="Only the UK's main community languages.")
@click.pass_obj
def languages(settings: dict, engines: tuple[str, ...], community: bool) -> None:
    """List the languages easyread can translate into, and how far each engine can be trusted."""
    from easyread.engines.base import EngineError
    from easyread.translate.catalogue import TIER_LABELS, all_languages
    from easyread.translate.engines import engine_support
    from easyread.translate.errors import TranslationError

    columns = []
    for spec in engines or (None,):
        try:
            columns.append(engine_support(spec, settings))
        except (TranslationError, EngineError) as error:
            click.echo(str(error), err=True)
            sys.exit(2)
    rows = [("code", "language", "own name", "script", "dir", *(name for name, _ in columns))]
    for lang in all_languages():
        if community and not lang.community:
            continue
        tiers = ["person" if lang.signed else tiers.get(lang.code, "-") for _, tiers in columns]
        rows.append((lang.code, lang.name, lang.endonym, lang.script_name, lang.direction, *tiers))
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())
    click.echo("")
    for tier, label in TIER_LABELS.items():
        click.echo(f"{tier:7s} {label}")
    click.echo("-       this engine cannot translate into it")


@click.command()
@click.argument("draft_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "to", required=True, help="Comma-separated language codes or names, e.g. pl,ro,ur.")
@options.output("out_dir", folder=True, help="Folder for the translated files (default: beside the draft).")
@options.formats()
@click.option(
    "--engine",
    default=None,
    help="Translation engine spec (default: the TRANSLATE_ENGINE setting, else MODEL). See `easyread languages`.",
)
@click.option("--bilingual", is_flag=True, help="Also write a Word document with the English beside each translation.")
@click.option(
    "--original",
    is_flag=True,
    help="DRAFT_FILE is the original letter (DOCX, PDF or text), not an Easy Read draft: translate the letter itself.",
)
@options.back_check("Translate each point back into English and flag drifted points")
@click.option(
    "--memory",
    "memory_files",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="A TMX file of approved translations to fill points from before any engine runs (repeat for several).",
)
@click.pass_obj
def translate(
    settings: dict,
    draft_file: Path,
    to: str,
    out_dir: Path | None,
    formats: str | None,
    engine: str | None,
    bilingual: bool,
    back_check: bool | None,
    original: bool,
    memory_files: tuple[Path, ...] = (),
) -> None:
    """Translate an Easy Read draft (the JSON of a draft) into other languages; with --original, the letter itself.

    Writes <name>.<code>.<format> for each language, <name>.<code>.json (the
    translated draft, with flags on points a fluent speaker must check) and
    <name>.translation.json (the report). Exits 1 if any language was not done.
    """
    from easyread.documents.atomic import atomic_write_text
    from easyread.documents.errors import InputError
    from easyread.documents.model import EasyReadDocument
    from easyread.documents.write import WriteOptions, normalise_formats, write_outputs
    from easyread.engines.base import EngineError
    from easyread.translate import TranslationError, translate_draft

    try:
        wanted = normalise_formats(formats or settings["FORMATS"])
        try:
            if original:
                from easyread.documents.read import read_document
                from easyread.translate.original import letter_as_draft

                draft = letter_as_draft(read_document(draft_file, settings=settings))
            else:
                draft = EasyReadDocument.from_dict(_read_draft(draft_file))
        except (KeyError, TypeError, AttributeError) as error:
            raise ValueError(f"This JSON file is not an Easy Read draft: a point or section lacks {error}.") from error
        memory = _tmx_memory(memory_files, to, settings)
        run = translate_draft(
            draft,
            to,
            engine=engine,
            settings=settings,
            progress=stage_printer(),
            back_translate=back_check,
            memory=memory,
        )
    except (TranslationError, EngineError, InputError, ValueError) as error:
        click.echo(f"{draft_file.name}: {error}", err=True)
        sys.exit(2)
    out_dir = out_dir or draft_file.parent
    from easyread.convert import output_stem

    draft_stem = draft_file.name.removesuffix(".json").removesuffix(".draft")
    stem = output_stem(draft_file) if original else output_stem(Path(draft_stem + ".json"))
    options = WriteOptions.from_settings(settings)
    for code, result in run.results.items():
        if not result.ok:
            click.echo(f"{code:8s} {result.name}: not done. {result.error}")
            continue
        formats_here, skipped = list(wanted), None
        if "pdf" in wanted:
            from easyread.translate import lookup
            from easyread.translate.fonts import missing_font

            skipped = missing_font(lookup(code))
            if skipped:
                formats_here.remove("pdf")
                result.notes.append(skipped)
        written = write_outputs(result.draft, out_dir, f"{stem}.{code}", formats_here, options) if formats_here else {}
        json_path = out_dir / f"{stem}.{code}.json"
        atomic_write_text(json_path, json.dumps(result.draft.to_dict(), ensure_ascii=False, indent=2))
        written["json"] = json_path
        if bilingual:
            from easyread.translate.bilingual import write_bilingual_docx

            written["bilingual"] = write_bilingual_docx(
                draft, result.draft, out_dir / f"{stem}.{code}.bilingual.docx", options
            )
        scores = f", back-translation chrF {result.chrf:.0f}" if result.chrf is not None else ""
        memory_note = f", {result.from_memory} from memory and {result.fuzzy} fuzzy" if memory_files else ""
        click.echo(
            f"{code:8s} {result.name}: {result.points} points, {result.flagged} flagged for a fluent check, "
            f"facts kept in {result.facts_kept}/{result.points}{scores}{memory_note} ({result.tier})."
        )
        for note in result.notes:
            click.echo(f"         {note}")
        for path in written.values():
            click.echo(f"         Wrote {path}")
    report = out_dir / f"{stem}.translation.json"
    atomic_write_text(report, json.dumps(run.to_dict(), ensure_ascii=False, indent=2))
    click.echo(f"Wrote {report}")
    sys.exit(0 if run.ok else 1)


def _tmx_memory(files: tuple[Path, ...], to: str, settings: dict) -> dict:
    """A Memory per language asked for, from TMX files (empty without files)."""
    if not files:
        return {}
    from easyread.translate.catalogue import parse_languages
    from easyread.translate.memory import Memory
    from easyread.translate.tmx import TmxRefused, read_tmx

    out = {}
    for language in parse_languages(to):
        segments = []
        for path in files:
            if not path.is_file():
                raise ValueError(f"There is no file at {path}. Check the name and try again.")
            try:
                segments += read_tmx(path.read_bytes(), language.code).segments
            except TmxRefused:
                continue  # this file has no pairs for this language
        fuzzy_min = settings.TRANSLATE_MEMORY_FUZZY_MIN
        out[language.code] = Memory(language.code, segments, fuzzy_min=fuzzy_min)
    return out


def _read_draft(path: Path) -> dict:
    """The draft's dict from a JSON file: an EasyReadDocument.to_dict(), or {"draft": …} around one."""
    if not path.is_file():
        raise ValueError(f"There is no file at {path}. Check the name and try again.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(
            f"This is not a draft file easyread can read (it must be the JSON of an Easy Read draft): {error}."
        ) from error
    if isinstance(data, dict) and isinstance(data.get("draft"), dict):
        data = data["draft"]
    if not isinstance(data, dict) or not isinstance(data.get("sections"), list):
        raise ValueError("This JSON file is not an Easy Read draft: it has no sections.")
    return data

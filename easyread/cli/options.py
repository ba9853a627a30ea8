"""Options several `easyread` commands share, declared once so their names, defaults and help stay the same."""

from __future__ import annotations

from pathlib import Path

import click


def output(dest: str, *, folder: bool, help: str, required: bool = False):
    """-o/--output into `dest`: a folder to write into (`folder`), else one file."""
    kind = click.Path(file_okay=False, path_type=Path) if folder else click.Path(dir_okay=False, path_type=Path)
    return click.option("-o", "--output", dest, type=kind, required=required, default=None, help=help)


def formats(flag: str = "--format"):
    """The output formats, into `formats` (batch spells the flag --formats)."""
    return click.option(
        flag, "formats", default=None, help="Comma-separated formats: docx,pdf,html,txt (default: the FORMATS setting)."
    )


def model():
    """The model to rewrite with."""
    return click.option(
        "--model",
        default=None,
        help='Model to rewrite with, or "none" to keep the words as they are (default: the MODEL setting).',
    )


def pictures():
    """Pictures beside each point, on unless --no-pictures."""
    return click.option(
        "--pictures/--no-pictures", default=True, show_default=True, help="Put a picture beside each point."
    )


def council(more: str = ""):
    """The council a command acts for, by name."""
    return click.option(
        "--council", default=None, help=f"Council name (default: the COUNCIL_NAME setting).{' ' + more if more else ''}"
    )


def back_check(what: str):
    """The back-translation check on or off; `what` says what it checks."""
    return click.option(
        "--back-check/--no-back-check",
        default=None,
        help=f"{what} (default: the TRANSLATE_BACK_CHECK setting).",
    )


def draft_files(command):
    """ENGLISH_FILE and TRANSLATED_FILE, the two draft JSON files a translator's round trip works on."""
    command = click.argument("translated_file", type=click.Path(dir_okay=False, path_type=Path))(command)
    return click.argument("english_file", type=click.Path(dir_okay=False, path_type=Path))(command)

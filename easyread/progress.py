"""How long work reports how far it has got: one callback type shared by the rewriter, translation and the jobs."""

from __future__ import annotations

from collections.abc import Callable

# progress(step, done, total): `step` names what is being done ("rewriting", "checking", …); done of total so far.
Progress = Callable[[str, int, int], None]


def stage_printer() -> Progress:
    """A progress callback for the command line: one line per stage change on stderr, so stdout stays clean for paths."""
    import click  # only the command line prints progress; the domain modules import this file for the type alone

    last = {"stage": None}

    def progress(stage: str, done: int, total: int) -> None:
        if stage != last["stage"] or done == total:
            click.echo(f"  {stage}: {done}/{total}", err=True)
            last["stage"] = stage

    return progress

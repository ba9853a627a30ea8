"""The `easyread` command line: one click group, thin commands that call domain functions."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import click

from easyread.cli import options
from easyread.config import load_settings
from easyread.documents.errors import InputError
from easyread.progress import stage_printer


@click.group()
@click.version_option(package_name="easyread")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Easy Read and translation for council letters, with a local model."""
    ctx.obj = load_settings()


@main.command()
@click.option("--host", default=None, help="Address to listen on (default: the HOST setting).")
@click.option("--port", type=int, default=None, help="Port to listen on (default: the PORT setting).")
@click.option(
    "--worker/--no-worker",
    default=None,
    help="Also start a background job worker, as a child process stopped with the server (default: the SERVE_WORKER setting). Use --no-worker when `easyread worker` runs separately.",
)
@click.pass_obj
def serve(settings: dict, host: str | None, port: int | None, worker: bool | None) -> None:
    """Run the web service."""
    from waitress import serve as waitress_serve

    from easyread import create_app, jobs

    app = create_app()
    host, port = host or settings["HOST"], port or settings["PORT"]
    if hint := first_run_hint(app):
        click.echo(hint)
    child = None
    if (settings["SERVE_WORKER"] if worker is None else worker) and not jobs.is_immediate():
        from easyread.jobs.process import WorkerProcess

        child = WorkerProcess().start()
        click.echo(f"Background jobs run in a worker process ({child.pid}); queue: {jobs.describe(settings)}")
    click.echo(f"easyread is running at http://{host}:{port}/ (press Ctrl+C to stop)")
    # SIGTERM (systemd, docker stop, kill) must run the `finally` below too, so the worker stops with the server.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        waitress_serve(app, host=host, port=port, threads=8)
    finally:
        if child is not None:
            child.stop()


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@options.output("out_dir", folder=True, required=True, help="Folder to write the Easy Read files into.")
@options.formats()
@options.model()
@options.pictures()
@click.pass_obj
def convert(settings: dict, file: Path, out_dir: Path, formats: str | None, model: str | None, pictures: bool) -> None:
    """Convert one letter into Easy Read files."""
    from easyread.convert import ConvertError, convert_file
    from easyread.timelimit import TimeLimitError

    wanted = [f.strip().lower() for f in (formats or settings["FORMATS"]).split(",") if f.strip()]
    try:
        result = convert_file(
            file, out_dir, formats=wanted, model=model, settings=settings, pictures=pictures, progress=stage_printer()
        )
    except (InputError, ConvertError, TimeLimitError) as error:
        click.echo(f"{file.name}: {error}", err=True)
        sys.exit(1)
    except OSError as error:  # the output folder cannot be made or written to
        where = error.filename or out_dir
        click.echo(
            f"{file.name}: easyread could not write to {where} ({error.strerror or error}). "
            "Check the folder exists and you can write to it, then try again.",
            err=True,
        )
        sys.exit(1)
    for _fmt, path in result.outputs.items():
        click.echo(f"Wrote {path}")
    if result.summary:
        click.echo(result.summary)


BENCH_MISSING = (
    "The benchmarks are not installed: run `.venv/bin/pip install -e benchmarks` in the easyread folder "
    "(or `bash scripts/setup.sh test`), then try again."
)


@main.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("name", required=False)
@click.pass_context
def bench(ctx: click.Context, name: str | None) -> None:
    """Run a benchmark and print its figures beside its baseline. Without NAME, list them."""
    try:
        # The benchmarks are a separate distribution (benchmarks/), so the service does not ship their data.
        from easyread_bench import BENCHMARKS, load
    except ImportError:
        click.echo(BENCH_MISSING, err=True)
        sys.exit(2)

    if not name:
        for key, (_, about) in BENCHMARKS.items():
            click.echo(f"{key:10s} {about}")
        return
    if name not in BENCHMARKS:
        click.echo(f"There is no benchmark called {name!r}. Run `easyread bench` to list them.", err=True)
        sys.exit(2)
    load(name)(list(ctx.args))


@main.command()
@click.option(
    "--threads", type=int, default=None, help="Jobs to run at the same time (default: the WORKER_THREADS setting)."
)
@click.pass_obj
def worker(settings: dict, threads: int | None) -> None:
    """Run a background job worker: makes Easy Read drafts for uploaded letters. Ctrl+C stops it."""
    import logging

    from easyread import create_app, jobs

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = create_app()
    click.echo(f"easyread worker: queue {jobs.describe(settings)} (press Ctrl+C to stop)", err=True)
    try:
        jobs.run_worker(app, threads)
    except jobs.QueueError as error:
        click.echo(str(error), err=True)
        sys.exit(2)


# --- batch (folders of letters: easyread/cli/batch.py) ---
from easyread.cli import batch as batch_commands  # noqa: E402

main.add_command(batch_commands.batch)


# --- languages and translate (easyread/cli/translate.py) ---
from easyread.cli import translate as translate_commands  # noqa: E402

main.add_command(translate_commands.languages)
main.add_command(translate_commands.translate)

# --- the translator's round trip (easyread/cli/xliff.py) ---
from easyread.cli import xliff as xliff_commands  # noqa: E402

main.add_command(xliff_commands.xliff)

# --- translation memory, TMX in and out (easyread/cli/memory.py) ---
from easyread.cli import memory as memory_commands  # noqa: E402

main.add_command(memory_commands.memory)


# --- models (engine) ---
@main.group(invoke_without_command=True)
@click.pass_context
def models(ctx: click.Context) -> None:
    """List the models easyread can use, where their files are and whether they are ready."""
    if ctx.invoked_subcommand is not None:
        return
    from easyread.engines.registry import list_models

    for info in list_models(ctx.obj):
        state = "ready" if info.ready else "not ready"
        size = f"{info.size_bytes / 1e9:.1f} GB" if info.size_bytes else "-"
        click.echo(f"{info.name:22s} {state:9s} {size:>7s}  {info.spec}")
        click.echo(f"{'':22s} {info.location}")
        if info.note:
            click.echo(f"{'':22s} {info.note}")


@models.command("prepare")
@click.argument("name", required=False)
@click.pass_obj
def models_prepare(settings: dict, name: str | None) -> None:
    """Prepare a model once (join, check and convert it to bf16). Default: the MODEL setting."""
    from tqdm import tqdm

    from easyread.engines.base import EngineError
    from easyread.engines.registry import prepare_model

    bars: dict[str, tqdm] = {}

    def progress(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            for old in bars.values():
                old.close()
            bytes_ = total > 1
            bar = bars[stage] = tqdm(
                total=total, desc=stage, unit="B" if bytes_ else " step", unit_scale=bytes_, leave=True
            )
        bar.update(done - bar.n)

    try:
        folder = prepare_model(name, progress=progress, settings=settings)
    except EngineError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    finally:
        for bar in bars.values():
            bar.close()
    click.echo(f"Ready: {folder}" if folder else "Nothing to prepare for a model server.")


# --- check (readability checks and fact lock) ---
@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON for machines.")
@click.pass_obj
def check(settings: dict, file: Path, as_json: bool) -> None:
    """Check a letter against the Easy Read rules and list its facts. Exits 1 if it does not pass."""
    import json

    from easyread.checks.registry import Options
    from easyread.checks.report import check_document, render_terminal
    from easyread.documents.read import read_document
    from easyread.glossary import GlossaryError, load_glossary

    try:
        glossary = load_glossary(glossary_dir=settings.GLOSSARY_DIR or None)
        report = check_document(
            read_document(file, settings=settings), glossary=glossary, options=Options.from_settings(settings)
        )
    except (InputError, GlossaryError, OSError) as error:
        click.echo(f"{file.name}: {error}", err=True)
        sys.exit(2)
    click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if as_json else render_terminal(report))
    sys.exit(0 if report.passed else 1)


# --- users (accounts and API tokens: easyread/cli/users.py) and resident review (easyread/cli/review.py) ---
from easyread.cli import review as review_commands  # noqa: E402
from easyread.cli import users as users_commands  # noqa: E402
from easyread.cli.users import first_run_hint  # noqa: E402

main.add_command(users_commands.users)
main.add_command(review_commands.review)

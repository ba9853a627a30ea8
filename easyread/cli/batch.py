"""`easyread batch IN_DIR OUT_DIR`: convert a folder of letters, with a progress bar and a summary.

Only calls `easyread.batch`; the Flask app is made here (never in the domain) when
--review adds the drafts to the web app's database.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from easyread.batch.state import DONE, FAILED, SKIPPED
from easyread.cli import options


class BarReporter:
    """A tqdm bar over the letters to do: counts, the current file, rate and time left."""

    def __init__(self, quiet: bool = False):
        self.quiet = quiet
        self.bar = None
        self.counts = {DONE: 0, SKIPPED: 0, FAILED: 0}
        self.current = ""

    def start(self, total: int, todo: int) -> None:
        from tqdm import tqdm

        if total - todo:
            click.echo(f"{total - todo} of {total} files are up to date (use --force to do them again).", err=True)
        self.bar = tqdm(total=todo, unit="letter", dynamic_ncols=True, disable=self.quiet or not todo, file=sys.stderr)

    def working(self, names: list[str]) -> None:
        self.current = names[0] if len(names) == 1 else f"{names[0]} (+{len(names) - 1})"
        self._show()

    def stage(self, stage: str, done: int, total: int) -> None:
        self._show(f"{stage} {done}/{total}")

    def finished(self, entry) -> None:
        self.counts[entry.status] = self.counts.get(entry.status, 0) + 1
        if entry.status != DONE and self.bar is not None:
            self.bar.write(f"{entry.status}: {entry.rel}: {entry.reason}", file=sys.stderr)
        if self.bar is not None:
            self.bar.update(1)
        self._show()

    def _show(self, stage: str = "") -> None:
        if self.bar is None:
            return
        c = self.counts
        self.bar.set_description(f"{c[DONE]} done, {c[SKIPPED]} skipped, {c[FAILED]} failed", refresh=False)
        name = self.current if len(self.current) <= 40 else "…" + self.current[-39:]
        self.bar.set_postfix_str(f"{name} {stage}".strip())

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _languages(value: str | None) -> list[str]:
    """The --languages codes, checked against the translation catalogue (a plain error for an unknown one)."""
    if not (value or "").strip():
        return []
    from easyread.translate import TranslationError
    from easyread.translate.catalogue import parse_languages

    try:
        return [language.code for language in parse_languages(value)]
    except (TranslationError, ValueError) as error:
        raise click.UsageError(str(error)) from None


@click.command()
@click.argument("in_dir", type=click.Path(file_okay=False, path_type=Path))
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@options.formats("--formats")
@options.model()
@options.pictures()
@click.option(
    "--jobs",
    "at_once",
    type=int,
    default=None,
    help="How many letters to convert at once: they share each pass through the model (default: the BATCH_JOBS setting).",
)
@click.option(
    "--force", is_flag=True, help="Convert every letter again, even those already done with the same options."
)
@click.option(
    "--languages",
    default=None,
    help="Comma-separated languages to translate each draft into as well, such as pl,ro,ur (engine: the TRANSLATE_ENGINE setting, else the rewriting model).",
)
@click.option(
    "--review",
    "review_round",
    default=None,
    metavar="ROUND_NAME",
    help="Also add each draft to the web app, marked for this review round (needs --user).",
)
@click.option(
    "--user",
    "user_email",
    default=None,
    help="With --review: the staff member (email) whose council the drafts belong to.",
)
@click.option(
    "--remote",
    default=None,
    metavar="URL",
    help="Send the letters to a running easyread server (for example http://host:5000) instead of converting here.",
)
@click.option(
    "--token",
    envvar="EASYREAD_API_TOKEN",
    default=None,
    help="API token for --remote (or set EASYREAD_API_TOKEN, which keeps it out of the process list).",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_obj
def batch(
    settings: dict,
    in_dir: Path,
    out_dir: Path,
    formats: str | None,
    model: str | None,
    pictures: bool,
    at_once: int | None,
    force: bool,
    languages: str | None,
    review_round: str | None,
    user_email: str | None,
    remote: str | None,
    token: str | None,
    quiet: bool,
) -> None:
    """Convert every letter in IN_DIR (and its folders) into Easy Read, one folder per letter under OUT_DIR.

    Letters already done with the same options are left alone, so running it again
    after stopping (Ctrl+C) finishes the rest. summary.csv and summary.html in OUT_DIR
    list every letter. Exits 1 when any letter was skipped or failed.
    """
    from easyread.batch import BatchError, BatchOptions, LockedError, run_batch
    from easyread.documents.write import normalise_formats

    try:
        chosen = normalise_formats(formats or settings["FORMATS"])
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    langs = _languages(languages)
    options = BatchOptions(
        formats=chosen,
        model=(model or settings.MODEL).strip(),
        pictures=pictures,
        at_once=at_once or settings.BATCH_JOBS,
        force=force,
        languages=langs,
    )
    if options.at_once < 1:
        raise click.UsageError("--jobs must be 1 or more.")
    converter, on_draft, close = None, None, None
    if remote:
        if langs:
            raise click.UsageError(
                "--languages works only when converting here, not with --remote yet. Translate the drafts on the server's web pages."
            )
        if review_round:
            raise click.UsageError(
                "--review works only when converting here; leave out --remote, or send the letters for review from the server's web pages."
            )
        if not token:
            raise click.UsageError(
                "--remote needs an API token: pass --token, or set EASYREAD_API_TOKEN. Make one with `easyread users token EMAIL` on the server."
            )
        from easyread.batch.remote import RemoteConverter

        options.remote = remote.rstrip("/")
        options.model = (model or "").strip()  # none given: the server's own model, not this machine's setting
        converter = RemoteConverter(remote, token, in_dir, out_dir, options)
    elif review_round:
        on_draft, close = _review_hook(review_round, user_email, settings)
    reporter = BarReporter(quiet=quiet)
    _log_errors_to(out_dir)
    try:
        result = run_batch(
            in_dir, out_dir, options, settings=settings, reporter=reporter, converter=converter, on_draft=on_draft
        )
    except (BatchError, LockedError) as error:
        click.echo(str(error), err=True)
        sys.exit(2)
    except KeyboardInterrupt:  # before the first letter started: nothing to keep
        click.echo("Stopped before any letter was converted.", err=True)
        sys.exit(130)
    finally:
        if close is not None:
            close()
    _report(result, out_dir)
    sys.exit(result.exit_code)


def _log_errors_to(out_dir: Path) -> None:
    """Send the batch's unexpected errors (with their tracebacks) to a file in OUT_DIR, never to the screen."""
    import logging

    from easyread.batch.run import ERROR_LOG

    handler = logging.FileHandler(
        Path(out_dir) / ERROR_LOG, delay=True, encoding="utf-8"
    )  # opened on the first error only
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("easyread.batch")
    for old in [h for h in logger.handlers if getattr(h, "easyread_batch", False)]:  # a run before, in this process
        logger.removeHandler(old)
        old.close()
    handler.easyread_batch = True
    logger.addHandler(handler)
    logger.propagate = False


def _report(result, out_dir: Path) -> None:
    from easyread.batch.summary import totals

    t = totals(result.entries)
    if result.interrupted:
        click.echo(
            f"Stopped. {t['done']} letters are done; run the same command again to finish the other {t['to_do']}.",
            err=True,
        )
    problems = result.problems
    if problems:
        click.echo(f"{len(problems)} letters were not converted:", err=True)
        for e in problems[:20]:
            click.echo(f"  {e.rel}: {e.reason}", err=True)
        if len(problems) > 20:
            click.echo(f"  … and {len(problems) - 20} more (see summary.csv).", err=True)
    click.echo(
        f"{t['done']} of {t['letters']} letters done ({result.converted} converted in this run, "
        f"{result.up_to_date} already up to date); {t['passed']} passed the checks."
    )
    click.echo(f"Summary: {result.summary_html}")


def _review_hook(round_name: str, user_email: str | None, settings: dict):
    """(on_draft callback, close) that stores each finished draft in the web app's database."""
    if not user_email:
        raise click.UsageError("--review needs --user EMAIL: the staff member whose council the drafts belong to.")
    try:
        hook = DatabaseReview(round_name, user_email)
    except ReviewError as error:
        raise click.UsageError(str(error)) from None
    return hook, hook.close


class ReviewError(Exception):
    """--review cannot be used as asked; the message says why."""


class DatabaseReview:
    """Adds each finished draft to the web app as a letter with draft version 1 (or the next version
    of the same letter from an earlier run), and prepares a review round for it with the council's
    reviewers, named ROUND_NAME. Staff check what is hidden and send it from the letter's page."""

    def __init__(self, round_name: str, user_email: str, app=None):
        from easyread import create_app
        from easyread.records import invites, users

        self.round_name = round_name.strip()
        if not self.round_name:
            raise ReviewError('Give the review round a name, for example --review "Housing letters May".')
        self.app = app or create_app()
        self._ctx = self.app.app_context()
        self._ctx.push()
        self.user = users.find_user(user_email)
        if self.user is None or not self.user.active or self.user.role not in ("admin", "staff"):
            self.close()
            raise ReviewError(
                f"There is no staff account for {user_email}. Use the email of a staff member or admin who can sign in."
            )
        if not invites.panel(self.user.council_id):
            self.close()
            raise ReviewError(
                "Your council has no reviewers yet. Add reviewers on the review pages of the web app first."
            )

    def __call__(self, entry, made, data: bytes) -> None:
        """Store `made` (an `easyread.drafting.Drafted`: the letter as the batch read it, its draft and report)."""
        from pathlib import PurePosixPath

        from sqlalchemy import select

        from easyread.documents.read import sniff
        from easyread.jobs.intake import _title, keep_original
        from easyread.records import audit, invites, rounds, versions
        from easyread.store.db import db
        from easyread.store.models import DraftVersion, Letter

        filename = PurePosixPath(entry.rel).name[:255]
        letter, draft, report = made.letter, made.draft, made.report  # read once, by the batch: not read again
        digest, relative = keep_original(self.app.instance_path, data)
        try:
            doc = db.session.scalar(
                select(Letter)
                .where(
                    Letter.council_id == self.user.council_id,
                    Letter.content_hash == digest,
                    Letter.filename == filename,
                    Letter.deleted_at.is_(None),
                )
                .order_by(Letter.id.desc())
                .limit(1)
            )
            if doc is None:
                doc = Letter(
                    council_id=self.user.council_id,
                    created_by=self.user.id,
                    title=_title(letter, filename),
                    filename=filename,
                    source_kind=sniff(data),
                    content_hash=digest,
                    original_path=relative,
                    parsed=letter.to_dict(),
                    options={"languages": ["en"], "batch": {"path": entry.rel, "review_round": self.round_name}},
                    status="done",
                    progress={"stage": "done", "done": 1, "total": 1, "percent": 100},
                )
                db.session.add(doc)
                db.session.flush()
                audit.record("upload", self.user, document_id=doc.id, filename=filename, via="batch")
            version = DraftVersion(
                document_id=doc.id,
                number=versions.next_number(doc),
                language="en",
                draft=draft.to_dict(),
                report=report or {},
                created_by=None,
                note=f"Made by easyread batch for the review round {self.round_name}.",
            )
            db.session.add(version)
            db.session.flush()
            audit.record(
                "draft_created",
                "system",
                council_id=doc.council_id,
                document_id=doc.id,
                version=version.number,
                language="en",
            )
            if rounds.open_round(doc.id) is None:
                rounds.prepare(
                    doc,
                    version,
                    invites.panel(doc.council_id),
                    due=None,
                    note=self.round_name,
                    user=self.user,
                    letter=letter,
                )
            db.session.commit()
        except Exception:
            db.session.rollback()
            raise

    def close(self) -> None:
        if self._ctx is not None:
            self._ctx.pop()
            self._ctx = None

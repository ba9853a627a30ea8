"""`easyread review …`: retention (delete originals and personal data after RETENTION_DAYS) and deleting a letter entirely."""

from __future__ import annotations

import sys

import click


def _app():
    from easyread import create_app

    return create_app()


@click.group()
def review() -> None:
    """Review with residents: retention and deletion."""


@review.command("purge")
@click.option(
    "--days",
    type=int,
    default=None,
    help="Days to keep originals and personal data (default: the RETENTION_DAYS setting).",
)
def purge(days: int | None) -> None:
    """Delete originals and personal data older than the retention period (run it daily, e.g. from cron)."""
    from easyread.records import retention

    app = _app()
    with app.app_context():
        days = app.config["EASYREAD"]["RETENTION_DAYS"] if days is None else days
        if not days:
            click.echo("RETENTION_DAYS is 0, so nothing is deleted. Set it, or pass --days.")
            return
        counts = retention.purge(app.instance_path, days, actor="cli")
    click.echo(
        f"Deleted {counts['originals']} original letters, personal data of {counts['rounds']} review rounds, "
        f"and {counts['erased']} deleted letters entirely (older than {days} days)."
    )


@review.command("erase")
@click.argument("document_id", type=int)
@click.option("--yes", is_flag=True, help="Do not ask to confirm.")
def erase(document_id: int, yes: bool) -> None:
    """Delete one letter entirely: its versions, review feedback and files."""
    from easyread.records import retention
    from easyread.store.db import db
    from easyread.store.models import Letter

    app = _app()
    with app.app_context():
        doc = db.session.get(Letter, document_id)
        if doc is None:
            click.echo(f"There is no letter {document_id}.", err=True)
            sys.exit(2)
        if not yes:
            click.confirm(
                f"Delete letter {document_id} ({doc.title or doc.filename}) and everything made from it?", abort=True
            )
        retention.erase(doc, app.instance_path, actor="cli")
        db.session.commit()
    click.echo(f"Deleted letter {document_id} entirely.")

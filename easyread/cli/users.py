"""`easyread users …`: create accounts and API tokens from the command line (the first admin comes from here)."""

from __future__ import annotations

import sys

import click

from easyread.cli import options
from easyread.store.models import ROLES

FIRST_RUN_HINT = (
    "No one can sign in yet. Create the first admin account with:\n"
    '  easyread users create you@example.gov.uk --name "Your Name" --role admin --council "{council}"'
)


def first_run_hint(app) -> str | None:
    """The message `easyread serve` prints when there are no accounts yet, else None."""
    from easyread.records import users as accounts

    with app.app_context():
        if accounts.count_users() == 0:
            return FIRST_RUN_HINT.format(council=app.config["EASYREAD"]["COUNCIL_NAME"])
    return None


def _app():
    from easyread import create_app

    return create_app()


@click.group()
def users() -> None:
    """Create accounts and API tokens."""


@users.command("create")
@click.argument("email")
@click.option("--name", required=True, help="The person's full name.")
@click.option(
    "--role",
    type=click.Choice(ROLES),
    default="staff",
    show_default=True,
    help="admin: manages accounts; staff: makes Easy Read letters; reviewer: reviews them.",
)
@options.council("Made if it does not exist yet.")
@click.option("--generate-password", is_flag=True, help="Make a password and print it once, instead of asking for one.")
@click.pass_obj
def users_create(
    settings: dict, email: str, name: str, role: str, council: str | None, generate_password: bool
) -> None:
    """Create an account. Asks for the password twice unless --generate-password is given."""
    from easyread.records import users as accounts
    from easyread.store.db import db

    if generate_password:
        password = accounts.generate_password()
    else:
        password = click.prompt("Password (12 characters or more)", hide_input=True, confirmation_prompt=True)
    app = _app()
    with app.app_context():
        try:
            target = accounts.get_or_create_council(council or settings["COUNCIL_NAME"])
            user = accounts.create_user(email, name, role, target, password, actor="cli")
        except accounts.UserError as error:
            db.session.rollback()
            click.echo(f"{error}.", err=True)
            sys.exit(1)
        db.session.commit()
        click.echo(f"Created {user.role} account for {user.name} <{user.email}> at {target.name}.")
        if generate_password:
            click.echo(f"Password (shown once): {password}")


@users.command("token")
@click.argument("email")
@click.option(
    "--name", "token_name", default="API token", show_default=True, help="What the token is for, to tell tokens apart."
)
def users_token(email: str, token_name: str) -> None:
    """Make a new API token for an account and print it once. Keep it secret."""
    from easyread.records import users as accounts
    from easyread.store.db import db

    app = _app()
    with app.app_context():
        user = accounts.find_user(email)
        if user is None or not user.active:
            click.echo(f"There is no active account with the email address {email}.", err=True)
            sys.exit(1)
        _, token = accounts.create_token(user, token_name, actor="cli")
        db.session.commit()
    click.echo(token)
    click.echo("This token is shown once. Send it in the Authorization header: Bearer <token>.", err=True)


@users.command("list")
def users_list() -> None:
    """List every account: email, role, council and whether it is active."""
    from sqlalchemy import select

    from easyread.store.db import db
    from easyread.store.models import User

    app = _app()
    with app.app_context():
        for user in db.session.scalars(select(User).order_by(User.email)):
            state = "active" if user.active else "deactivated"
            click.echo(f"{user.email:40s} {user.role:9s} {state:12s} {user.council.name}")


@users.command("tokens")
@click.argument("email")
def users_tokens(email: str) -> None:
    """List one account's API tokens: number, name, created, last used and whether revoked."""
    from easyread.records import users as accounts

    app = _app()
    with app.app_context():
        user = accounts.find_user(email)
        if user is None:
            click.echo(f"There is no account with the email address {email}.", err=True)
            sys.exit(1)
        rows = accounts.tokens_of(user)
        if not rows:
            click.echo(f"{user.email} has no API tokens.")
        for token in rows:
            used = token.last_used_at.strftime("%Y-%m-%d %H:%M") if token.last_used_at else "never used"
            state = f"revoked {token.revoked_at:%Y-%m-%d %H:%M}" if token.revoked_at else "active"
            created = f"created {token.created_at:%Y-%m-%d}"
            click.echo(f"{token.id:6d}  {token.name[:30]:30s}  {created}  {used:16s}  {state}")


@users.command("revoke-token")
@click.argument("token_id", type=int)
def users_revoke_token(token_id: int) -> None:
    """Revoke one API token by its number (from `easyread users tokens EMAIL`). It stops working at once."""
    from easyread.records import users as accounts
    from easyread.store.db import db
    from easyread.store.models import ApiToken

    app = _app()
    with app.app_context():
        token = db.session.get(ApiToken, token_id)
        if token is None:
            click.echo(
                f"There is no API token number {token_id}. See the numbers with: easyread users tokens EMAIL", err=True
            )
            sys.exit(1)
        if not accounts.revoke_token(token, "cli"):
            click.echo(f"API token {token_id} of {token.user.email} was already revoked.")
            return
        db.session.commit()
        click.echo(f"Revoked API token {token_id} ({token.name}) of {token.user.email}.")

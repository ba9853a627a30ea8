"""`easyread users create|token|list` and the first-run hint of `easyread serve`."""

from __future__ import annotations

from sqlalchemy import select

from easyread.cli import main
from easyread.store.db import db
from easyread.store.models import User


def _app(instance):
    from easyread import create_app

    return create_app({"INSTANCE_PATH": str(instance), "TESTING": True})


def test_create_first_admin_with_a_generated_password(cli_runner, instance):
    result = cli_runner.invoke(
        main,
        [
            "users",
            "create",
            "Ada@Council.gov.uk",
            "--name",
            "Ada Admin",
            "--role",
            "admin",
            "--council",
            "Testshire Council",
            "--generate-password",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Created admin account for Ada Admin <ada@council.gov.uk> at Testshire Council." in result.output
    password = result.output.split("Password (shown once): ")[1].strip()
    app = _app(instance)
    with app.app_context():
        from easyread.records import users

        user = db.session.scalar(select(User).where(User.email == "ada@council.gov.uk"))
        assert user.role == "admin" and user.council.slug == "testshire-council"
        assert users.check_password(user, password)


def test_create_asks_for_the_password_twice(cli_runner, instance):
    result = cli_runner.invoke(
        main,
        ["users", "create", "sam@council.gov.uk", "--name", "Sam"],
        input="a long enough password\na long enough password\n",
    )
    assert result.exit_code == 0, result.output
    assert "Created staff account" in result.output
    assert "a long enough password" not in result.output


def test_create_refuses_short_passwords_and_duplicates(cli_runner):
    result = cli_runner.invoke(main, ["users", "create", "sam@council.gov.uk", "--name", "Sam"], input="short\nshort\n")
    assert result.exit_code == 1 and "Password must be 12 characters or more." in result.output
    args = ["users", "create", "sam@council.gov.uk", "--name", "Sam", "--generate-password"]
    assert cli_runner.invoke(main, args).exit_code == 0
    result = cli_runner.invoke(main, args)
    assert result.exit_code == 1 and "There is already an account with this email address." in result.output


def test_create_refuses_a_bad_email(cli_runner):
    result = cli_runner.invoke(main, ["users", "create", "not-an-email", "--name", "X", "--generate-password"])
    assert result.exit_code == 1 and "correct format" in result.output


def test_token_is_printed_once_and_works(cli_runner, instance):
    cli_runner.invoke(main, ["users", "create", "sam@council.gov.uk", "--name", "Sam", "--generate-password"])
    result = cli_runner.invoke(main, ["users", "token", "sam@council.gov.uk", "--name", "batch scripts"])
    assert result.exit_code == 0, result.output
    token = result.stdout.strip().splitlines()[0]
    assert token.startswith("er_") and len(token) > 40
    app = _app(instance)
    with app.app_context():
        from easyread.records import users

        assert users.user_for_token(token).email == "sam@council.gov.uk"
    assert cli_runner.invoke(main, ["users", "token", "nobody@council.gov.uk"]).exit_code == 1


def test_list(cli_runner):
    cli_runner.invoke(
        main, ["users", "create", "sam@council.gov.uk", "--name", "Sam", "--role", "reviewer", "--generate-password"]
    )
    result = cli_runner.invoke(main, ["users", "list"])
    assert "sam@council.gov.uk" in result.output and "reviewer" in result.output and "active" in result.output


def test_serve_tells_how_to_create_the_first_admin(cli_runner, instance):
    from easyread.cli.users import first_run_hint

    app = _app(instance)
    hint = first_run_hint(app)
    assert "easyread users create" in hint and "--role admin" in hint
    cli_runner.invoke(main, ["users", "create", "sam@council.gov.uk", "--name", "Sam", "--generate-password"])
    assert first_run_hint(app) is None


def test_tokens_lists_and_revoke_token_revokes_one_token(cli_runner, instance):
    from easyread.store.models import ApiToken, AuditEvent

    assert (
        cli_runner.invoke(
            main, ["users", "create", "sam@council.gov.uk", "--name", "Sam", "--generate-password"]
        ).exit_code
        == 0
    )
    first = (
        cli_runner.invoke(main, ["users", "token", "sam@council.gov.uk", "--name", "Intranet"])
        .stdout.strip()
        .splitlines()[0]
    )
    cli_runner.invoke(main, ["users", "token", "sam@council.gov.uk", "--name", "Mail robot"])
    listed = cli_runner.invoke(main, ["users", "tokens", "sam@council.gov.uk"])
    assert listed.exit_code == 0 and "Intranet" in listed.output and "Mail robot" in listed.output
    assert listed.output.count("active") == 2 and first not in listed.output
    app = _app(instance)
    with app.app_context():
        token_id = db.session.scalar(select(ApiToken.id).where(ApiToken.name == "Intranet"))
    result = cli_runner.invoke(main, ["users", "revoke-token", str(token_id)])
    assert result.exit_code == 0 and f"Revoked API token {token_id} (Intranet) of sam@council.gov.uk." in result.output
    assert "revoked" in cli_runner.invoke(main, ["users", "tokens", "sam@council.gov.uk"]).output
    assert "already revoked" in cli_runner.invoke(main, ["users", "revoke-token", str(token_id)]).output
    missing = cli_runner.invoke(main, ["users", "revoke-token", "999"])
    assert missing.exit_code == 1 and "There is no API token number 999" in missing.output
    with app.app_context():
        from easyread.records import users

        assert users.user_for_token(first) is None
        assert db.session.scalar(select(ApiToken).where(ApiToken.id == token_id)).revoked_at is not None
        events = db.session.scalars(select(AuditEvent).where(AuditEvent.event == "token_revoked")).all()
        assert [(e.actor, e.details["token_id"]) for e in events] == [("cli", token_id)]

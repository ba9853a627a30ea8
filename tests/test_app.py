"""The app factory, its database and its error pages."""

from pathlib import Path

from sqlalchemy import inspect


def test_health_reports_ok_with_database(client, app):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json["status"] == "ok"
    assert response.json["database"] == "ok"


def test_database_lives_in_instance_folder_and_is_migrated(app, instance):
    assert (Path(instance) / "easyread.db").exists()
    from easyread.store.db import db

    with app.app_context():
        tables = inspect(db.engine).get_table_names()
    assert "audit_events" in tables
    assert "alembic_version" in tables


def test_secret_key_is_made_once_and_kept(instance):
    from easyread import create_app

    first = create_app({"INSTANCE_PATH": str(instance)}).config["SECRET_KEY"]
    second = create_app({"INSTANCE_PATH": str(instance)}).config["SECRET_KEY"]
    assert first == second and len(first) == 64
    assert (Path(instance) / "secret_key").stat().st_mode & 0o077 == 0


def test_not_found_page_is_plain_words(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert b"Page not found" in response.data
    assert b"Traceback" not in response.data


def test_unexpected_error_shows_no_traceback(app):
    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internals")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.data
    assert b"secret internals" not in response.data


def test_front_page_names_the_council(instance):
    from easyread import create_app

    client = create_app({"INSTANCE_PATH": str(instance), "COUNCIL_NAME": "Swindon Borough Council"}).test_client()
    response = client.get("/")
    assert response.status_code == 200
    assert b"Swindon Borough Council" in response.data

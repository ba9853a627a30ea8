"""easyread on a real PostgreSQL server: migrations from empty to head, sign-in, upload, the job, a draft edit,
the audit log and the council boundary, then Alembic downgrade and upgrade.

The test starts its own PostgreSQL (Debian's postgresql package; see tests/pg_server.py) listening on a unix
socket in a temp folder, makes a fresh database for each test and stops the server at the end of the session.
Without PostgreSQL installed it is skipped, except in CI (`CI` set), where scripts/setup.sh installs it and a
missing server is a failure.
The two tests at the end are PostgreSQL-only 500 errors found this way (a NUL character, a too-long name), now refused with 400.
"""

from __future__ import annotations

import itertools
import os

import pytest

from tests.web.doc_support import audit_events, doc_id_from, latest_draft

pytestmark = pytest.mark.timeout(180)

_names = itertools.count(1)
PASSWORD = "correct-horse-battery-staple"  # the web conftest's password for every user it makes


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL server for this test session, stopped (pg_ctl stop -m immediate) at its end, even on failure."""
    from tests.pg_server import PostgresMissing, PostgresServer

    in_ci = bool(os.environ.get("CI"))
    try:
        import psycopg  # noqa: F401
    except ImportError:
        if in_ci:  # the test extra installs it: missing is a failure there
            pytest.fail("psycopg is not installed (pip install 'psycopg[binary]>=3.2,<4')")
        pytest.skip("psycopg is not installed (pip install 'psycopg[binary]>=3.2,<4')")
    try:
        server = PostgresServer.start()
    except PostgresMissing as missing:
        if in_ci:  # scripts/setup.sh test installs postgresql: missing is a failure there
            pytest.fail(str(missing))
        pytest.skip(str(missing))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def database_url(postgres):
    """A new, empty database on the session's server (each test starts from nothing)."""
    return postgres.create_database(f"easyread_{next(_names)}")


@pytest.fixture
def app(instance, database_url, monkeypatch):
    """The app on PostgreSQL, configured the way `easyread serve` is: EASYREAD_DATABASE_URL in the environment,
    and create_app() brings the empty database to the migration head."""
    from easyread import create_app, jobs
    from easyread.records.users import get_or_create_council
    from easyread.store.db import db

    monkeypatch.setenv("EASYREAD_DATABASE_URL", database_url)
    app = create_app(
        {
            "INSTANCE_PATH": str(instance),
            "TESTING": True,
            "COUNCIL_NAME": "Testshire Council",
            "QUEUE_URL": "immediate",
            "PICTURE_DEFAULT_SET": "none",
        }
    )
    jobs.configure(app.config["EASYREAD"])
    with app.app_context():
        assert db.engine.dialect.name == "postgresql", db.engine.url
        get_or_create_council("Testshire Council")
        get_or_create_council("Otherton Council")
        db.session.commit()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def _head() -> str:
    from alembic.script import ScriptDirectory
    from flask import current_app

    config = current_app.extensions["migrate"].migrate.get_config()
    heads = ScriptDirectory.from_config(config).get_heads()
    assert len(heads) == 1, f"the migrations must be one linear chain, found heads {heads}"
    return heads[0]


def _revision() -> str | None:
    from sqlalchemy import text

    from easyread.store.db import db

    return db.session.scalar(text("SELECT version_num FROM alembic_version"))


def _tables() -> set[str]:
    from sqlalchemy import inspect

    from easyread.store.db import db

    return set(inspect(db.engine).get_table_names())


def test_a_letter_goes_from_sign_in_to_an_edited_draft_on_postgres(
    app, staff, other_staff, admin_client, other_client, page, post, upload
):
    from sqlalchemy import func, select

    from easyread.store.db import db
    from easyread.store.models import AuditEvent, DraftVersion, Letter

    # the empty database was migrated to the head by create_app
    with app.app_context():
        assert _revision() == _head()
        assert {"councils", "users", "documents", "draft_versions", "audit_events"} <= _tables()

    # sign in through the form, as a person does
    client = app.test_client()
    response = post(client, "/sign-in", {"email": staff.email, "password": PASSWORD})
    assert response.status_code == 302, response.data[:500]
    assert page(client.get(response.headers["Location"])).h1

    # upload a small text letter; the job (model "none") runs inside the request and makes version 1
    doc_id = doc_id_from(upload(client))
    with app.app_context():
        doc = db.session.get(Letter, doc_id)
        assert doc.status == "done", (doc.status, doc.error)
        assert doc.options["model"] == "none" and doc.progress["task"]["token"]
        assert doc.created_at.tzinfo is not None  # timestamp with time zone comes back aware
    number, draft, report = latest_draft(app, doc_id)
    assert number == 1 and report["fact_lock"]["ok"]

    shown = page(client.get(f"/documents/{doc_id}"))
    assert shown.h1 == "Council Tax reminder"
    assert "£120" in shown.text and "Easy Read draft" in shown.text

    # edit a point: a new version row, the old one untouched
    s, i = next(
        (s, i)
        for s, section in enumerate(draft["sections"])
        for i, point in enumerate(section["points"])
        if point["text"].startswith("You must pay")
    )
    before = draft["sections"][s]["points"][i]["text"]
    response = post(
        client, f"/documents/{doc_id}/points/{s}/{i}/edit", {"text": "You must pay £120 by 1 May 2025.", "version": 1}
    )
    assert response.status_code == 302
    number, draft, _ = latest_draft(app, doc_id)
    assert number == 2 and draft["sections"][s]["points"][i]["text"] == "You must pay £120 by 1 May 2025."
    with app.app_context():
        rows = db.session.execute(
            select(DraftVersion.number, DraftVersion.created_by, DraftVersion.draft)
            .where(DraftVersion.document_id == doc_id)
            .order_by(DraftVersion.number)
        ).all()
        assert [(r.number, r.created_by) for r in rows] == [(1, None), (2, staff.id)]
        assert rows[0].draft["sections"][s]["points"][i]["text"] == before
    assert "Changed the words of point" in page(client.get(f"/documents/{doc_id}")).text
    history = page(client.get(f"/documents/{doc_id}/versions"))
    assert [row.xpath("td")[0].text_content() for row in history.select("//tbody/tr")] == ["2", "1"]
    download = client.get(f"/documents/{doc_id}/download/txt")
    assert download.status_code == 200 and "£120" in download.get_data(as_text=True)

    # the audit log: each event once, with its details (JSON) and council
    assert [(e["actor"], e["user_id"]) for e in audit_events(app, "sign_in")] == [(staff.email, staff.id)]
    assert [e["document_id"] for e in audit_events(app, "upload")] == [doc_id]
    assert [e["version"] for e in audit_events(app, "draft_created")] == [1]
    assert [(e["version"], e["change"]) for e in audit_events(app, "draft_edited")] == [(2, "edit")]
    assert [e["format"] for e in audit_events(app, "exported")] == ["txt"]
    with app.app_context():
        councils = set(
            db.session.scalars(
                select(AuditEvent.council_id).where(
                    AuditEvent.event.in_(["sign_in", "upload", "draft_created", "draft_edited", "exported"])
                )
            )
        )
        assert councils == {staff.council_id}
        assert db.session.scalar(select(func.count()).select_from(AuditEvent)) >= 8
    audit_page = page(admin_client.get("/admin/audit"))  # the admin's view: count, order, page
    assert staff.email in audit_page.text

    # the council boundary: the other council sees nothing and can change nothing
    other = other_client
    for url in (
        f"/documents/{doc_id}",
        f"/documents/{doc_id}/versions",
        f"/documents/{doc_id}/download/txt",
        f"/documents/{doc_id}/status.json",
    ):
        assert other.get(url).status_code == 404, url
    assert post(other, f"/documents/{doc_id}/points/{s}/{i}/edit", {"text": "Hacked", "version": 2}).status_code == 404
    assert other.get("/documents/status.json").get_json()["documents"] == []
    assert "Council Tax reminder" not in page(other.get("/documents/")).text
    assert [d["id"] for d in client.get("/documents/status.json").get_json()["documents"]] == [doc_id]
    assert latest_draft(app, doc_id)[0] == 2


def test_migrations_go_down_to_nothing_and_up_again_on_postgres(app):
    from flask_migrate import downgrade, upgrade

    from easyread.store.db import MIGRATIONS, db

    with app.app_context():
        head = _head()
        assert _revision() == head
        db.session.remove()
        downgrade(directory=MIGRATIONS, revision="base")
        assert _tables() <= {"alembic_version"}
        db.session.remove()
        upgrade(directory=MIGRATIONS)
        assert _revision() == head
        assert {"councils", "users", "documents", "draft_versions", "audit_events"} <= _tables()


def test_a_nul_character_in_a_form_is_refused_not_a_crash(app, staff_client, anon_client, admin_client, page, post):
    page(post(anon_client, "/sign-in", {"email": "a\x00@testshire.gov.uk", "password": "x"}), status=400)
    page(
        post(
            admin_client,
            "/admin/users/new",
            {"email": "n\x00@testshire.gov.uk", "name": "N\x00", "role": "staff", "password": PASSWORD + "-2"},
        ),
        status=400,
    )
    page(
        post(
            staff_client,
            "/documents/new",
            {"text": "Pasted letter\n\nYou must pay £120.", "model": "none", "formats": ["txt"], "title": "T\x00itle"},
        ),
        status=400,
    )


def test_a_too_long_name_or_email_is_refused_not_a_crash(app, admin_client, page, post):
    for name, email in (("N" * 300, "long@testshire.gov.uk"), ("Nell", "n" * 330 + "@testshire.gov.uk")):
        page(
            post(
                admin_client,
                "/admin/users/new",
                {"email": email, "name": name, "role": "staff", "password": PASSWORD + "-2"},
            ),
            status=400,
        )


def test_forty_parallel_wrong_passwords_check_only_the_limit_on_postgres(app, staff):
    """The sign-in limit's conditional UPDATE holds on PostgreSQL too (threads against a real server)."""
    from collections import Counter

    from sqlalchemy import select

    from easyread.store.db import db
    from easyread.store.models import SignInLimit
    from tests.browser_support import serving
    from tests.web.limit_support import parallel_posts

    app.config["WTF_CSRF_ENABLED"] = False
    with serving(app) as base:
        results = parallel_posts(
            base + "/sign-in", 40, lambda n: {"email": staff.email, "password": f"wrong password {n}"}
        )
    statuses = Counter(status for status, _ in results)
    with app.app_context():
        failures = db.session.scalar(select(SignInLimit.failures).where(SignInLimit.key == f"account:{staff.email}"))
    assert sum(statuses.values()) == 40 and set(statuses) <= {401, 429}, statuses
    assert statuses[401] == app.config["EASYREAD"]["LOGIN_MAX_FAILURES"] == failures

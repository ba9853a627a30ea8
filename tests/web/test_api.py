"""REST API /api/v1 with bearer tokens: submit, poll, fetch draft, report and outputs; OpenAPI."""

from __future__ import annotations

import io

import pytest

from tests.web.doc_support import LETTER, audit_events


@pytest.fixture
def token(app, staff):
    from easyread.records import users
    from easyread.store.db import db
    from easyread.store.models import User

    with app.app_context():
        _, secret = users.create_token(db.session.get(User, staff.id), "tests")
        db.session.commit()
    return secret


@pytest.fixture
def other_token(app, other_staff):
    from easyread.records import users
    from easyread.store.db import db
    from easyread.store.models import User

    with app.app_context():
        _, secret = users.create_token(db.session.get(User, other_staff.id), "tests")
        db.session.commit()
    return secret


def auth(token):
    return {"Authorization": f"Bearer {token}"}


def test_submit_json_poll_and_fetch(app, anon_client, token):
    r = anon_client.post(
        "/api/v1/documents",
        json={"text": LETTER, "model": "none", "formats": ["txt"], "pictures": False},
        headers=auth(token),
    )
    assert r.status_code == 202, r.get_json()
    body = r.get_json()
    assert r.headers["Location"].endswith(f"/api/v1/documents/{body['id']}")
    status = anon_client.get(f"/api/v1/documents/{body['id']}", headers=auth(token)).get_json()
    assert status["status"] == "done" and status["version"] == 1 and status["progress"]["percent"] == 100
    draft = anon_client.get(status["links"]["draft"], headers=auth(token)).get_json()
    assert draft["version"] == 1 and draft["draft"]["sections"]
    report = anon_client.get(status["links"]["report"], headers=auth(token)).get_json()
    assert "score" in report["report"] and "fact_lock" in report["report"]
    out = anon_client.get(status["links"]["outputs"]["txt"], headers=auth(token))
    assert out.status_code == 200 and "£120" in out.get_data(as_text=True)
    assert [e["format"] for e in audit_events(app, "exported")] == ["txt"]
    listed = anon_client.get("/api/v1/documents", headers=auth(token)).get_json()
    assert [d["id"] for d in listed["documents"]] == [body["id"]]


def test_submit_a_file(anon_client, token):
    r = anon_client.post(
        "/api/v1/documents",
        data={
            "file": (io.BytesIO(LETTER.encode()), "letter.txt"),
            "model": "none",
            "formats": "txt,docx",
            "pictures": "false",
        },
        headers=auth(token),
        content_type="multipart/form-data",
    )
    assert r.status_code == 202
    assert r.get_json()["options"]["formats"] == ["txt", "docx"]


def test_a_bad_file_gets_the_readers_message(anon_client, token):
    r = anon_client.post(
        "/api/v1/documents",
        data={"file": (io.BytesIO(b""), "empty.txt")},
        headers=auth(token),
        content_type="multipart/form-data",
    )
    assert r.status_code == 422 and r.get_json()["error"].startswith("The file is empty")
    r = anon_client.post("/api/v1/documents", json={"text": "Dear", "model": "gpt-9"}, headers=auth(token))
    assert r.status_code == 400 and "Choose a model" in r.get_json()["error"]


def test_tokens_are_required_and_the_session_is_not_enough(staff_client, anon_client):
    assert anon_client.get("/api/v1/documents").status_code == 401
    assert anon_client.get("/api/v1/documents", headers={"Authorization": "Bearer er_nonsense"}).status_code == 401
    assert staff_client.get("/api/v1/documents").status_code == 401  # a signed-in cookie is not a token
    assert staff_client.post("/api/v1/documents", json={"text": LETTER}).status_code == 401


def test_council_boundary(anon_client, token, other_token):
    doc = anon_client.post(
        "/api/v1/documents", json={"text": LETTER, "model": "none", "pictures": False}, headers=auth(token)
    ).get_json()
    for url in (
        f"/api/v1/documents/{doc['id']}",
        f"/api/v1/documents/{doc['id']}/draft",
        f"/api/v1/documents/{doc['id']}/report",
        f"/api/v1/documents/{doc['id']}/outputs/pdf",
    ):
        r = anon_client.get(url, headers=auth(other_token))
        assert r.status_code == 404 and "error" in r.get_json(), url
    assert anon_client.get("/api/v1/documents", headers=auth(other_token)).get_json()["documents"] == []


def test_not_ready_is_409(app, anon_client, token, monkeypatch):
    from easyread.jobs import tasks

    monkeypatch.setattr(tasks, "enqueue", lambda *a: None)  # queued, never run
    doc = anon_client.post("/api/v1/documents", json={"text": LETTER, "model": "none"}, headers=auth(token)).get_json()
    assert doc["status"] == "queued"
    assert anon_client.get(f"/api/v1/documents/{doc['id']}/draft", headers=auth(token)).status_code == 409


def test_openapi_describes_every_route(app, anon_client):
    spec = anon_client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    described = {path for path in spec["paths"]}
    routes = {
        rule.rule.removeprefix("/api/v1").replace("<int:doc_id>", "{doc_id}").replace("<fmt>", "{format}")
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.")
    }
    assert routes == described
    assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"

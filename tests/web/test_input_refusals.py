"""Bad input through the web: limits at the upload page and the API, JSON of the wrong type, control characters in names."""

from __future__ import annotations

import io

import pytest

from tests.web.doc_support import LETTER, doc_id_from

HUGE_WORD = "Dear resident,\n\n" + "a" * 150_000


@pytest.fixture
def token(app, staff):
    from easyread.records import users
    from easyread.store.db import db
    from easyread.store.models import User

    with app.app_context():
        _, secret = users.create_token(db.session.get(User, staff.id), "tests")
        db.session.commit()
    return secret


def auth(token):
    return {"Authorization": f"Bearer {token}"}


def stored_document(app, doc_id):
    from easyread.store.db import db
    from easyread.store.models import Letter

    with app.app_context():
        return db.session.get(Letter, doc_id)


def test_the_upload_page_refuses_a_huge_word_in_one_sentence(staff_client, page, upload):
    shown = page(upload(staff_client, text=HUGE_WORD), status=400)
    assert "This letter has a word longer than 200 characters." in shown.text
    assert shown.title.startswith("Error: ")


def test_pasted_text_is_held_to_the_same_limits(staff_client, page, post):
    shown = page(
        post(staff_client, "/documents/new", {"model": "none", "formats": ["txt"], "text": HUGE_WORD}), status=400
    )
    assert "This letter has a word longer than 200 characters." in shown.text


def test_the_api_refuses_a_huge_word_with_json(anon_client, token):
    r = anon_client.post("/api/v1/documents", json={"text": HUGE_WORD, "model": "none"}, headers=auth(token))
    assert r.status_code == 422 and r.get_json()["error"].startswith(
        "This letter has a word longer than 200 characters."
    )
    r = anon_client.post(
        "/api/v1/documents",
        data={"file": (io.BytesIO(HUGE_WORD.encode()), "x.txt"), "model": "none"},
        headers=auth(token),
        content_type="multipart/form-data",
    )
    assert r.status_code == 422 and "word longer than 200" in r.get_json()["error"]


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("filename", 123, '"filename" must be text'),
        ("filename", ["a.txt"], '"filename" must be text'),
        ("model", 5, '"model" must be text'),
        ("title", {"a": 1}, '"title" must be text'),
        ("pictures", "no", '"pictures" must be true or false'),
        ("formats", [1, 2], '"formats" must be a list'),
        ("languages", [None], '"languages" must be a list'),
    ],
)
def test_json_of_the_wrong_type_is_a_400_with_a_plain_message(anon_client, token, field, value, words):
    """Before: {"filename": 123} gave a 500 HTML page."""
    r = anon_client.post("/api/v1/documents", json={"text": LETTER, "model": "none", field: value}, headers=auth(token))
    assert r.status_code == 400, r.data[:300]
    assert r.is_json and words in r.get_json()["error"]


def test_null_fields_count_as_absent(anon_client, token):
    r = anon_client.post(
        "/api/v1/documents",
        json={"text": LETTER, "model": "none", "formats": ["txt"], "filename": None, "title": None},
        headers=auth(token),
    )
    assert r.status_code == 202, r.get_json()


def test_a_nul_in_an_uploaded_file_name_is_not_stored_or_shown(app, staff_client, page, upload):
    doc_id = doc_id_from(upload(staff_client, filename="let\x00ter\u202e.txt"))
    assert stored_document(app, doc_id).filename == "letter.txt"
    shown = page(staff_client.get(f"/documents/{doc_id}"))
    assert "\x00" not in shown.text


def test_control_characters_in_an_api_file_name_are_removed(app, anon_client, token):
    r = anon_client.post(
        "/api/v1/documents",
        json={"text": LETTER, "model": "none", "formats": ["txt"], "filename": "../a\x00b\x07c.txt"},
        headers=auth(token),
    )
    assert r.status_code == 202
    assert stored_document(app, r.get_json()["id"]).filename == "abc.txt"
    r = anon_client.post(
        "/api/v1/documents",
        json={"text": LETTER, "model": "none", "formats": ["txt"], "filename": "\x00\x01"},
        headers=auth(token),
    )
    assert stored_document(app, r.get_json()["id"]).filename == "pasted-letter.txt"


def test_control_characters_in_an_api_title_are_removed(app, anon_client, token):
    r = anon_client.post(
        "/api/v1/documents",
        json={"text": LETTER, "model": "none", "formats": ["txt"], "title": "Council\x00 tax\u202e"},
        headers=auth(token),
    )
    assert r.status_code == 202
    assert stored_document(app, r.get_json()["id"]).title == "Council tax"

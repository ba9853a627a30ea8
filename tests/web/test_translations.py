"""Translations in the web app: asked for at upload or on the translations page, made by a background job
through a real HTTP translation engine (a small LibreTranslate-speaking server the test starts), stored as
versions in their own language, shown beside the English and downloaded with the right language."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from tests.web.doc_support import audit_events, doc_id_from
from tests.web.libre_support import Libre


@pytest.fixture
def libre(app):
    server = Libre()
    app.config["EASYREAD"] = app.config["EASYREAD"].replace(
        TRANSLATE_ENGINE=f"libretranslate+{server.url}", TRANSLATE_BACK_CHECK=False
    )  # the sentence-embedding check has its own tests in tests/translate
    yield server
    server.close()


def test_languages_asked_for_at_upload_are_translated_after_the_english(app, staff_client, page, upload, libre):
    doc_id = doc_id_from(upload(staff_client, languages="pl"))
    listing = page(staff_client.get(f"/documents/{doc_id}/translations"))
    assert "Polish" in listing.text and "polski" in listing.text
    shown = page(staff_client.get(f"/documents/{doc_id}/translations/pl"))
    assert shown.h1.startswith("Polish translation of")
    html = staff_client.get(f"/documents/{doc_id}/translations/pl").get_data(as_text=True)
    assert 'lang="pl"' in html and "PL " in html and "£120" in html and "01234 567890" in html
    assert "You must pay £120 by 1 May 2025." in shown.text  # the English beside it
    assert "&lt;script&gt;" in html and "<script>alert" not in html
    events = audit_events(app, "draft_created")
    assert [(e["language"], e["version"]) for e in events] == [("en", 1), ("pl", 1)]
    assert libre.requests >= 1

    response = staff_client.get(f"/documents/{doc_id}/download/docx?language=pl")
    assert response.status_code == 200 and "-pl.docx" in response.headers["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.data)) as docx:
        xml = docx.read("word/document.xml").decode() + docx.read("word/styles.xml").decode()
    assert 'w:val="pl' in xml.replace("w:val='pl", 'w:val="pl') and "PL " in xml
    english = staff_client.get(f"/documents/{doc_id}/download/txt").get_data(as_text=True)
    assert "PL " not in english  # the English file is not overwritten by the Polish one


def test_translate_page_queues_more_languages_and_refuses_bad_ones(app, staff_client, page, upload, post, libre):
    doc_id = doc_id_from(upload(staff_client))
    assert "no translations yet" in page(staff_client.get(f"/documents/{doc_id}/translations")).text
    refused = page(post(staff_client, f"/documents/{doc_id}/translations", {"languages": "klingonese"}), 400)
    assert "There is a problem" in refused.text and "klingonese" in refused.text.lower()
    signed = page(post(staff_client, f"/documents/{doc_id}/translations", {"languages": "bfi"}), 400)
    assert "needs a person" in signed.text
    done = post(staff_client, f"/documents/{doc_id}/translations", {"languages": "Polish"})
    assert done.status_code == 302
    assert "Polish" in page(staff_client.get(f"/documents/{doc_id}/translations")).text


def test_an_engine_that_is_down_keeps_the_english_and_says_why(app, staff_client, page, upload, post):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app.config["EASYREAD"] = app.config["EASYREAD"].replace(
        TRANSLATE_ENGINE=f"libretranslate+http://127.0.0.1:{port}",
        TRANSLATE_BACK_CHECK=False,
        MODEL_RETRIES=0,
        MODEL_TIMEOUT=2,
    )
    doc_id = doc_id_from(upload(staff_client, languages="pl"))
    shown = page(staff_client.get(f"/documents/{doc_id}"))
    assert "£120" in shown.text  # the English draft is there
    listing = page(staff_client.get(f"/documents/{doc_id}/translations"))
    assert "no translations yet" in listing.text
    assert "Polish" in listing.text  # the reason names the language that was not made


def test_upload_refuses_an_unknown_language_before_any_work(app, staff_client, page, upload):
    response = upload(staff_client, languages="pl, xx-nowhere")
    shown = page(response, 400)
    assert "There is a problem" in shown.text
    from easyread.store.db import db
    from easyread.store.models import Letter

    with app.app_context():
        assert db.session.query(Letter).count() == 0


def test_api_submits_languages_and_fetches_a_translation(app, staff, libre):
    from easyread.records.users import create_token

    with app.app_context():
        from easyread.store.db import db
        from easyread.store.models import User

        _, token = create_token(db.session.get(User, staff.id), "test")
        db.session.commit()
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    response = client.post(
        "/api/v1/documents",
        json={"text": "You must pay £120 by 1 May 2025.", "model": "none", "languages": ["pl"]},
        headers=headers,
    )
    assert response.status_code == 202, response.get_json()
    doc_id = response.get_json()["id"]
    draft = client.get(f"/api/v1/documents/{doc_id}/draft?language=pl", headers=headers).get_json()
    assert draft["language"] == "pl" and "£120" in json.dumps(draft["draft"], ensure_ascii=False)
    missing = client.get(f"/api/v1/documents/{doc_id}/draft?language=ro", headers=headers)
    assert missing.status_code == 404 and "no translation" in missing.get_json()["error"]
    bad = client.post(
        "/api/v1/documents", json={"text": "Pay £1.", "model": "none", "languages": ["qq"]}, headers=headers
    )
    assert bad.status_code == 400 and "qq" in bad.get_json()["error"]

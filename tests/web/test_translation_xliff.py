"""The translator's round trip in the web app: download a language's XLIFF, edit it with translate-toolkit as a CAT
tool would, upload it back; a new checked version is stored, and a file changed outside the points is refused."""

from __future__ import annotations

import io

import pytest
from translate.storage import xliff as tt_xliff

from tests.web.doc_support import doc_id_from
from tests.web.libre_support import Libre


@pytest.fixture
def libre(app):
    server = Libre()
    app.config["EASYREAD"] = app.config["EASYREAD"].replace(
        TRANSLATE_ENGINE=f"libretranslate+{server.url}", TRANSLATE_BACK_CHECK=False
    )
    yield server
    server.close()


def _units(data: bytes):
    store = tt_xliff.xlifffile.parsestring(data)
    return {u.getid().rpartition(tt_xliff.ID_SEPARATOR)[2]: u for u in store.units}, store


def _versions(app, doc_id, code):
    from easyread.store.db import db
    from easyread.store.models import DraftVersion

    with app.app_context():
        rows = (
            db.session.query(DraftVersion)
            .filter_by(document_id=doc_id, language=code)
            .order_by(DraftVersion.number)
            .all()
        )
        return [(v.number, v.draft, v.note) for v in rows]


def test_xliff_download_edit_upload_makes_a_new_checked_version(app, staff_client, page, upload, post, libre):
    doc_id = doc_id_from(upload(staff_client, languages="pl"))
    shown = page(staff_client.get(f"/documents/{doc_id}/translations/pl"))
    assert "Download XLIFF for a translator" in shown.text and "From: Machine translation" in shown.text
    got = staff_client.get(f"/documents/{doc_id}/translations/pl/xliff")
    assert got.status_code == 200 and got.mimetype == "application/x-xliff+xml"
    assert f"letter-{doc_id}-pl-v1.xlf" in got.headers["Content-Disposition"]
    units, store = _units(got.data)
    money = next(u for u in units.values() if "£120" in u.source)
    assert "Keep these facts exactly: £120" in money.getnotes()
    money.settarget("Musisz zapłacić £120 do 1 maja 2025. <script>alert(1)</script>")
    money.markapproved(True)
    response = post(
        staff_client,
        f"/documents/{doc_id}/translations/pl/xliff",
        {"file": (io.BytesIO(bytes(store)), "back.xlf")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302, response.data[:400]
    rows = _versions(app, doc_id, "pl")
    assert [n for n, _, _ in rows] == [1, 2] and "1 changed, 1 approved" in rows[1][2]
    texts = [p["text"] for s in rows[1][1]["sections"] for p in s["points"]]
    assert "Musisz zapłacić £120 do 1 maja 2025. <script>alert(1)</script>" in texts
    after = page(staff_client.get(f"/documents/{doc_id}/translations/pl"))
    assert "checked by a fluent speaker" in after.text and "From: A person" in after.text


def test_an_xliff_with_changed_english_is_refused_with_a_plain_message(app, staff_client, page, upload, post, libre):
    doc_id = doc_id_from(upload(staff_client, languages="pl"))
    units, store = _units(staff_client.get(f"/documents/{doc_id}/translations/pl/xliff").data)
    next(iter(units.values())).source = "Something else entirely"
    response = post(
        staff_client,
        f"/documents/{doc_id}/translations/pl/xliff",
        {"file": (io.BytesIO(bytes(store)), "back.xlf")},
        content_type="multipart/form-data",
    )
    refused = page(response, 400)
    assert "There is a problem" in refused.text and "The English was changed" in refused.text
    assert [n for n, _, _ in _versions(app, doc_id, "pl")] == [1]


def test_tmx_upload_and_download_on_the_language_page(app, staff_client, page, upload, post, libre):
    from translate.storage import tmx as tt_tmx

    doc_id = doc_id_from(upload(staff_client, languages="pl"))
    assert "has 0 approved Polish points" in page(staff_client.get(f"/documents/{doc_id}/translations/pl")).text
    store = tt_tmx.tmxfile(sourcelanguage="en", targetlanguage="pl-PL")
    store.addtranslation("You must pay £120 by 1 May 2025.", "en", "Musisz zapłacić £120 do 1 maja 2025.", "pl-PL")
    store.addtranslation("Pay £5 now.", "en", "Zapłać 50 £ teraz.", "pl-PL")
    response = post(
        staff_client,
        f"/documents/{doc_id}/translations/pl/memory.tmx",
        {"tmx": (io.BytesIO(bytes(store)), "supplier.tmx")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    shown = page(response)
    assert "1 added and 0 replaced from 2 pairs" in shown.text and "1 skipped" in shown.text
    assert "has 1 approved Polish point" in shown.text
    got = staff_client.get(f"/documents/{doc_id}/translations/pl/memory.tmx")
    units = tt_tmx.tmxfile.parsestring(got.data).units
    assert got.status_code == 200 and [(u.source, u.target) for u in units] == [
        ("You must pay £120 by 1 May 2025.", "Musisz zapłacić £120 do 1 maja 2025.")
    ]
    refused = page(
        post(
            staff_client,
            f"/documents/{doc_id}/translations/pl/memory.tmx",
            {"tmx": (io.BytesIO(b"not xml"), "x.tmx")},
            content_type="multipart/form-data",
        ),
        400,
    )
    assert "There is a problem" in refused.text and "not a TMX file" in refused.text

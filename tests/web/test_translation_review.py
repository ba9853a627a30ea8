"""A fluent speaker checks a translation in the web app: English beside each point, edits and approvals saved as a
new version, approved points fed to the council's translation memory (used by the next letter before the engine), and
the downloads' first page saying whether a fluent speaker checked the language."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.web.doc_support import LETTER, doc_id_from
from tests.web.libre_support import Libre


@pytest.fixture
def libre(app):
    server = Libre()
    app.config["EASYREAD"] = app.config["EASYREAD"].replace(
        TRANSLATE_ENGINE=f"libretranslate+{server.url}", TRANSLATE_BACK_CHECK=False
    )
    yield server
    server.close()


def _latest(app, doc_id, code):
    from easyread.store.db import db
    from easyread.store.models import DraftVersion

    with app.app_context():
        row = (
            db.session.query(DraftVersion)
            .filter_by(document_id=doc_id, language=code)
            .order_by(DraftVersion.number.desc())
            .first()
        )
        return row.number, row.draft


def _first_page(client, doc_id, fmt):
    data = client.get(f"/documents/{doc_id}/download/{fmt}?language=pl").data
    if fmt == "pdf":
        return PdfReader(io.BytesIO(data)).pages[0].extract_text()
    return data.decode("utf-8")[:300]


def _points(draft):
    return [p for s in draft["sections"] for p in s["points"]]


def test_fluent_speaker_review_approves_feeds_memory_and_labels_downloads(app, staff_client, page, upload, post, libre):
    doc_id = doc_id_from(upload(staff_client, languages="pl"))
    assert "Machine draft: not checked" in _first_page(staff_client, doc_id, "txt")
    assert "Machine draft: not checked" in _first_page(staff_client, doc_id, "pdf")

    review = page(staff_client.get(f"/documents/{doc_id}/translations/pl/review"))
    assert "You must pay £120 by 1 May 2025." in review.text and "0 of" in review.text
    number, draft = _latest(app, doc_id, "pl")
    money = next(i for i, p in enumerate(_points(draft)) if "£120" in p["text"])
    ids = [
        f"s{s}/p{p}"
        for s, section in enumerate(draft["sections"], start=1)
        for p in range(1, len(section["points"]) + 1)
    ]
    fields = {
        "based_on": str(number),
        "action": "approve_all",
        f"text:{ids[money]}": "Musisz zapłacić £120 do 1 maja 2025. <script>alert(1)</script>",
    }
    assert post(staff_client, f"/documents/{doc_id}/translations/pl/review", fields).status_code == 302
    number2, checked = _latest(app, doc_id, "pl")
    assert number2 == number + 1
    assert all("translation-approved" in p["flags"] for p in _points(checked))
    assert _points(checked)[money]["text"].startswith("Musisz zapłacić £120 do 1 maja 2025.")
    assert "Checked by a fluent speaker" in _first_page(staff_client, doc_id, "txt")
    assert "Checked by a fluent speaker" in _first_page(staff_client, doc_id, "pdf")

    # The next letter of the same kind, with other facts: its points come from the memory, facts written the Polish way.
    before = libre.requests
    other = LETTER.replace("£120", "£342.50").replace("1 May 2025", "2 June 2025").replace("Ms Smith", "Mr Jones")
    second = doc_id_from(upload(staff_client, text=other, languages="pl"))
    _, made = _latest(app, second, "pl")
    texts = [p["text"] for p in _points(made)]
    assert "Musisz zapłacić £342.50 do 2 czerwca 2025. <script>alert(1)</script>" in texts
    origins = [next(f for f in p["findings"] if f["check"] == "translation-origin")["origin"] for p in _points(made)]
    assert origins.count("memory") >= len(origins) - 1  # all but the greeting with the new name
    assert libre.requests > before  # the engine still translated what the memory did not have
    shown = page(staff_client.get(f"/documents/{second}/translations/pl"))
    assert "Translation memory (exact match)" in shown.text
    assert "Machine draft: not checked" in _first_page(staff_client, second, "txt")  # memory is not a fluent check


def test_a_point_whose_facts_were_changed_is_not_approved(app, staff_client, page, upload, post, libre):
    doc_id = doc_id_from(upload(staff_client, languages="pl"))
    number, draft = _latest(app, doc_id, "pl")
    money = next(i for i, p in enumerate(_points(draft)) if "£120" in p["text"])
    ids = [
        f"s{s}/p{p}"
        for s, section in enumerate(draft["sections"], start=1)
        for p in range(1, len(section["points"]) + 1)
    ]
    fields = {
        "based_on": str(number),
        "action": "approve_all",
        f"text:{ids[money]}": "Musisz zapłacić £12 do 1 maja 2025. (1)",
    }
    response = post(staff_client, f"/documents/{doc_id}/translations/pl/review", fields, follow_redirects=True)
    assert "was not approved" in page(response).text
    _, checked = _latest(app, doc_id, "pl")
    assert "translation-approved" not in _points(checked)[money]["flags"]
    assert "translation-facts" in _points(checked)[money]["flags"]
    assert "Machine draft: not checked" in _first_page(staff_client, doc_id, "txt")


def test_a_stale_review_is_not_saved(app, staff_client, page, upload, post, libre):
    doc_id = doc_id_from(upload(staff_client, languages="pl"))
    response = post(
        staff_client, f"/documents/{doc_id}/translations/pl/review", {"based_on": "99", "action": "approve_all"}
    )
    assert response.status_code == 302
    assert _latest(app, doc_id, "pl")[0] == 1

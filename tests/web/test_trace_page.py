"""The staff draft page shows where each point comes from, and what the Easy Read does not say yet."""

from __future__ import annotations

from tests.web.doc_support import audit_events, doc_id_from, latest_draft


def _save(app, doc_id, draft, note="test"):
    from easyread.records import versions
    from easyread.store.db import db
    from easyread.store.models import Letter

    with app.app_context():
        doc = db.session.get(Letter, doc_id)
        versions.save(
            doc, draft, user=None, note=note, change="edit", settings=app.config["EASYREAD"], instance=app.instance_path
        )


def _find(draft, text):
    for s, section in enumerate(draft["sections"]):
        for i, point in enumerate(section["points"]):
            if point["text"].startswith(text):
                return s, i
    raise AssertionError(text)


def test_each_point_shows_its_letter_sentence_and_links_to_it(app, staff_client, page, upload):
    doc_id = doc_id_from(upload(staff_client))
    _, draft, _ = latest_draft(app, doc_id)
    s, i = _find(draft, "If you do not pay")
    sid = draft["sections"][s]["points"][i]["sources"][0]
    shown = page(staff_client.get(f"/documents/{doc_id}"))
    anchor = "sentence-" + sid.replace(".", "-")
    # The original column: every sentence has an id to link to and highlight.
    target = shown.select(f"//span[@id='{anchor}']")
    assert target and target[0].text_content() == "If you do not pay, we may take you to court."
    # The point's "Where this comes from" (a <details>: works without JavaScript) quotes and links to it.
    point = shown.select(f"//div[@id='point-{s}-{i}']")[0]
    details = point.xpath(".//details[contains(@class, 'er-trace')]")
    assert details and "Where this comes from" in details[0].text_content()
    assert "“If you do not pay, we may take you to court.”" in details[0].text_content()
    assert details[0].xpath(f".//a[@href='#{anchor}']")
    assert "Not in the Easy Read yet" not in shown.text  # the no-model layout says every sentence


def test_a_typed_point_is_not_in_the_letter_and_an_edited_one_keeps_its_source(app, staff_client, page, upload, post):
    doc_id = doc_id_from(upload(staff_client))
    _, draft, _ = latest_draft(app, doc_id)
    s, i = _find(draft, "You must pay")
    before = draft["sections"][s]["points"][i]["sources"]
    edit = {"text": "You must pay £120 by 1 May 2025.", "version": 1}
    post(staff_client, f"/documents/{doc_id}/points/{s}/{i}/edit", edit)
    page(staff_client.get(f"/documents/{doc_id}"))  # shows (and so clears) the first change's banner
    post(
        staff_client, f"/documents/{doc_id}/points/{s}/{i + 1}/add", {"text": "We are here to help you.", "version": 2}
    )
    _, draft, _ = latest_draft(app, doc_id)
    assert draft["sections"][s]["points"][i]["sources"] == before
    assert draft["sections"][s]["points"][i + 1]["sources"] == []
    shown = page(staff_client.get(f"/documents/{doc_id}"))
    typed = shown.select(f"//div[@id='point-{s}-{i + 1}']")[0]
    assert "Not in the letter" in typed.text_content()
    assert "Not in the letter" not in shown.select(f"//div[@id='point-{s}-{i}']")[0].text_content()


def test_a_removed_sentence_is_listed_and_one_click_adds_it_back(app, staff_client, page, upload, post):
    doc_id = doc_id_from(upload(staff_client))
    _, draft, _ = latest_draft(app, doc_id)
    s, i = _find(draft, "If you do not pay")
    sid = draft["sections"][s]["points"][i]["sources"][0]
    post(staff_client, f"/documents/{doc_id}/points/{s}/{i}/remove", {"version": 1})
    shown = page(staff_client.get(f"/documents/{doc_id}"))
    assert "Not in the Easy Read yet" in shown.text
    assert shown.select(f"//ul[contains(@class, 'er-uncovered')]//a[@href='#sentence-{sid.replace('.', '-')}']")
    items = shown.select("//ul[contains(@class, 'er-uncovered')]/li")
    assert len(items) == 1 and "If you do not pay, we may take you to court." in items[0].text_content()
    form = items[0].xpath(".//form")[0]
    assert form.get("action") == f"/documents/{doc_id}/sentences/{sid}/add"
    assert form.xpath(".//input[@name='csrf_token']") and "Add a point from this sentence" in form.text_content()

    assert staff_client.post(form.get("action"), data={"version": 2}).status_code == 400  # no CSRF token: refused
    r = post(staff_client, form.get("action"), {"version": 2})
    assert r.status_code == 302 and "#point-" in r.headers["Location"]
    number, draft, _ = latest_draft(app, doc_id)
    added = [p for sec in draft["sections"] for p in sec["points"] if p["sources"] == [sid]]
    assert number == 3 and [p["text"] for p in added] == ["If you do not pay, we may take you to court."]
    assert [e["change"] for e in audit_events(app, "draft_edited")] == ["remove", "add"]
    shown = page(staff_client.get(f"/documents/{doc_id}"))
    assert "Not in the Easy Read yet" not in shown.text

    bad = post(staff_client, f"/documents/{doc_id}/sentences/99.0/add", {"version": 3}, follow_redirects=True)
    assert "That sentence is not in the letter" in page(bad).text
    assert latest_draft(app, doc_id)[0] == 3


def test_an_old_draft_without_sources_opens_and_exports(app, staff_client, page, upload):
    doc_id = doc_id_from(upload(staff_client))
    _, draft, _ = latest_draft(app, doc_id)
    for section in draft["sections"]:
        for point in section["points"]:
            point.pop("sources", None)
    _save(app, doc_id, draft)
    number, stored, _ = latest_draft(app, doc_id)
    assert number == 2 and all(p.get("sources") is None for sec in stored["sections"] for p in sec["points"])
    shown = page(staff_client.get(f"/documents/{doc_id}"))
    assert "Source not recorded" in shown.text and "Not in the letter" not in shown.text
    for fmt in ("txt", "docx", "pdf", "html"):
        assert staff_client.get(f"/documents/{doc_id}/download/{fmt}").status_code == 200, fmt


def test_the_api_draft_has_each_points_sources_and_the_letters_sentences(app, anon_client, staff):
    from easyread.records import users
    from easyread.store.db import db
    from easyread.store.models import User
    from tests.web.doc_support import LETTER

    with app.app_context():
        _, secret = users.create_token(db.session.get(User, staff.id), "tests")
        db.session.commit()
    auth = {"Authorization": f"Bearer {secret}"}
    submit = {"text": LETTER, "model": "none", "formats": ["txt"], "pictures": False}
    r = anon_client.post("/api/v1/documents", json=submit, headers=auth)
    status = anon_client.get(r.headers["Location"], headers=auth).get_json()
    body = anon_client.get(status["links"]["draft"], headers=auth).get_json()
    points = [p for s in body["draft"]["sections"] for p in s["points"]]
    assert points and all(p["sources"] and all(x in body["sentences"] for x in p["sources"]) for p in points)
    assert "If you do not pay, we may take you to court." in body["sentences"].values()
    spec = anon_client.get("/api/v1/openapi.json").get_json()
    described = spec["paths"]["/documents/{doc_id}/draft"]["get"]["responses"]["200"]
    schema = described["content"]["application/json"]["schema"]
    assert "sources" in described["description"] and "sentences" in schema["properties"]


def test_the_original_keeps_its_line_breaks_between_sentences():
    from easyread.documents.model import Block, BlockKind, Document
    from easyread.web.present import original_view

    letter = Document(
        blocks=[
            Block(BlockKind.SENDER_ADDRESS, "Civic Centre\nTelephone: 0161 496 0120"),
            Block(BlockKind.PARAGRAPH, "You owe £10. Pay by 1 May."),
        ]
    )
    blocks = original_view(letter)
    assert [[(s["anchor"], s["sep"]) for s in b["sentences"]] for b in blocks] == [
        [("sentence-0-0", "\n"), ("sentence-0-1", " ")],
        [("sentence-1-0", " "), ("sentence-1-1", " ")],
    ]

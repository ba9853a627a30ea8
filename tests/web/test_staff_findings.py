"""Issue 16, findings 2 and 9, through the real app and database (the browser side is in
test_browser_staff.py): translation that cannot run says so before any job is queued, a
misspelt language says what to type, and the upload form offers each model once."""

from __future__ import annotations

from tests.web.doc_support import doc_id_from

NOT_SET_UP = "Translation is not set up here. Ask your administrator to set TRANSLATE_ENGINE."


def _doc(app, doc_id):
    from easyread.store.db import db
    from easyread.store.models import Letter

    with app.app_context():
        doc = db.session.get(Letter, doc_id)
        return doc.status, doc.error, dict(doc.progress or {})


def test_translation_with_the_model_none_is_refused_before_any_job(app, staff_client, page, upload, post):
    app.config["EASYREAD"] = app.config["EASYREAD"].replace(MODEL="none", TRANSLATE_ENGINE="")
    doc_id = doc_id_from(upload(staff_client))
    before = _doc(app, doc_id)
    response = post(staff_client, f"/documents/{doc_id}/translations", {"languages": "pl"})
    shown = page(response, 400)
    assert NOT_SET_UP in shown.text
    assert "Success" not in shown.text and "few minutes" not in shown.text
    assert _doc(app, doc_id) == before, "no job may be queued"
    draft = page(staff_client.get(f"/documents/{doc_id}"))
    assert "does not know the model" not in draft.text and "not translated" not in draft.text


def test_upload_with_languages_and_no_translation_engine_is_refused(app, staff_client, page, upload):
    app.config["EASYREAD"] = app.config["EASYREAD"].replace(MODEL="none", TRANSLATE_ENGINE="")
    shown = page(upload(staff_client, languages="pl"), 400)
    assert NOT_SET_UP in shown.text


def test_translate_engine_is_used_when_the_model_is_none(app):
    from easyread.translate.engines import configured_spec, get_translator
    from easyread.translate.errors import NotSetUp

    assert (
        configured_spec({"MODEL": "none", "TRANSLATE_ENGINE": "libretranslate+http://127.0.0.1:9"})
        == "libretranslate+http://127.0.0.1:9"
    )
    assert configured_spec({"MODEL": "none", "TRANSLATE_ENGINE": ""}) is None
    assert configured_spec({"MODEL": "embedded"}) == "embedded"
    try:
        get_translator(None, {"MODEL": "none"})
    except NotSetUp as error:
        assert str(error) == NOT_SET_UP
    else:
        raise AssertionError("a model that writes no text cannot translate")


def test_a_misspelt_language_names_the_nearest_and_no_command(app, staff_client, page, upload, post):
    doc_id = doc_id_from(upload(staff_client))
    shown = page(post(staff_client, f"/documents/{doc_id}/translations", {"languages": "Polsh"}), 400)
    assert "Did you mean Polish (pl)" in shown.text
    assert "easyread languages" not in shown.text and "Run " not in shown.text


def test_upload_form_offers_each_model_once_and_no_uninstalled_model(app, staff_client, page, monkeypatch):
    from easyread.engines import embedded

    monkeypatch.setattr(embedded, "parts_installed", lambda model: model.name == "embedded")
    monkeypatch.setattr(embedded, "is_ready", lambda model, root: False)
    app.config["EASYREAD"] = app.config["EASYREAD"].replace(MODEL="none")
    doc = page(staff_client.get("/documents/new"))
    values = [o.get("value") for o in doc.tree.xpath("//select[@name='model']/option | //input[@name='model']")]
    assert values.count("none") == 1, values
    assert "embedded-fast" not in values and "embedded" in values
    assert "Fast model" not in doc.text and "--model" not in doc.text


def test_after_a_change_the_page_opens_at_the_banner_and_undo(app, staff_client, page, upload, post):
    doc_id = doc_id_from(upload(staff_client))
    saved = post(
        staff_client, f"/documents/{doc_id}/points/1/0/edit", {"text": "Pay £120 by 1 May 2025.", "version": 1}
    )
    assert saved.status_code == 302 and saved.headers["Location"].endswith("#er-saved"), saved.headers["Location"]
    shown = page(staff_client.get(saved.headers["Location"]))
    box = shown.tree.xpath("//*[@id='er-saved']")[0]
    words = " ".join(box.text_content().split())
    assert "Changed the words" in words and "Undo the last change" in words
    assert box.xpath(".//a[@href='#point-1-0']"), "the banner links on to the changed point"
    assert "<p" not in words  # the banner's markup is not shown as text


def test_one_status_column_and_a_waiting_letter_says_so_once(app, staff_client, page, upload):
    from easyread.store.db import db
    from easyread.store.models import Letter

    doc_id = doc_id_from(upload(staff_client))
    listing = page(staff_client.get("/documents/"))
    headers = [" ".join(th.text_content().split()) for th in listing.tree.xpath("//thead//th")]
    assert headers.count("Status") == 1 and "Progress" not in headers, headers
    with app.app_context():
        doc = db.session.get(Letter, doc_id)
        doc.status, doc.progress = "queued", {"stage": "waiting", "percent": 0}
        db.session.commit()
    shown = page(staff_client.get(f"/documents/{doc_id}"))
    heading = " ".join(shown.tree.xpath("//div[contains(@class,'er-progress')]//h2")[0].text_content().split())
    assert heading == "Waiting to start"


def test_a_removed_legal_citation_is_a_warning_not_lost_numbers():
    from easyread.checks.report import check_draft
    from easyread.documents.model import EasyReadDocument, Point, Section

    source = "We send this notice under section 23 of the Local Government Finance Act 1992. You must pay £120 by 1 May 2025."
    draft = EasyReadDocument("Council tax", [Section("What to do", [Point("You must pay £120 by 1 May 2025.")])])
    report = check_draft(draft, source)
    findings = [(f.rule_id, f.severity, f.text) for f in report.document_findings]
    assert not [f for f in findings if f[1] == "fail" and f[2] in ("23", "1992")], findings
    assert ("legal-left-out", "warn", "section 23 of the Local Government Finance Act 1992") in findings
    changed = check_draft(
        EasyReadDocument(
            "Council tax",
            [
                Section(
                    "What to do",
                    [
                        Point(
                            "Under section 24 of the Local Government Finance Act 1992 you must pay £120 by 1 May 2025."
                        )
                    ],
                )
            ],
        ),
        source,
    )
    assert changed.comparison.changed, "a changed citation is still a changed fact"


def test_compare_versions_shows_a_picture_change():
    from easyread.web.review_staff import _compare_rows

    point = {"text": "Call us on 01234 567890.", "picture": {"path": "/p/260E.png", "alt": "Phone us"}}
    left = {"sections": [{"heading": "Who to contact", "points": [point]}]}
    right = {"sections": [{"heading": "Who to contact", "points": [{**point, "picture": None}]}]}
    rows = _compare_rows(left, right)
    assert [r["state"] for r in rows] == ["same", "changed"] and "Phone us" in rows[1]["left"], rows


def test_pictures_report_progress_point_by_point():
    from easyread.config import load_settings
    from easyread.glossary import load_glossary
    from easyread.jobs import tasks, work
    from tests.web.doc_support import LETTER

    seen = []
    settings = {**load_settings(), "PICTURE_DEFAULT_SET": "openmoji"}
    work.make_draft(
        LETTER.encode(),
        filename="letter.txt",
        options={"model": "none", "pictures": True},
        settings=settings,
        glossary=load_glossary(),
        progress=lambda stage, done, total: seen.append((stage, done, total)),
    )
    pictures = [(done, total) for stage, done, total in seen if stage == "pictures"]
    assert len(pictures) >= 5 and pictures[-1][0] == pictures[-1][1], pictures
    percents = {tasks._percent("pictures", done, total, 0) for done, total in pictures}
    assert len(percents) >= 4, percents  # the bar moves while pictures are chosen, not one figure for the whole stage

"""Issue 16, findings 2 and 9, through the real app and database (the browser side is in
test_browser_staff.py): translation that cannot run says so before any job is queued, a
misspelt language says what to type, and the upload form offers each model once."""
from __future__ import annotations

from doc_support import app, doc_id_from, upload  # noqa: F401  (fixtures)

NOT_SET_UP = "Translation is not set up here. Ask your administrator to set TRANSLATE_ENGINE."


def _doc(app, doc_id):
    from easyread.store.db import db
    from easyread.store.models import Document

    with app.app_context():
        doc = db.session.get(Document, doc_id)
        return doc.status, doc.error, dict(doc.progress or {})


def test_translation_with_the_model_none_is_refused_before_any_job(app, staff_client, page, upload, post):
    settings = app.config["EASYREAD"]
    settings.update(MODEL="none", TRANSLATE_ENGINE="")
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
    app.config["EASYREAD"].update(MODEL="none", TRANSLATE_ENGINE="")
    shown = page(upload(staff_client, languages="pl"), 400)
    assert NOT_SET_UP in shown.text


def test_translate_engine_is_used_when_the_model_is_none(app):
    from easyread.translate.engines import configured_spec, get_translator
    from easyread.translate.errors import NotSetUp

    assert configured_spec({"MODEL": "none", "TRANSLATE_ENGINE": "libretranslate+http://127.0.0.1:9"}) == \
        "libretranslate+http://127.0.0.1:9"
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
    app.config["EASYREAD"].update(MODEL="none")
    doc = page(staff_client.get("/documents/new"))
    values = [o.get("value") for o in doc.tree.xpath("//select[@name='model']/option | //input[@name='model']")]
    assert values.count("none") == 1, values
    assert "embedded-fast" not in values and "embedded" in values
    assert "Fast model" not in doc.text and "--model" not in doc.text

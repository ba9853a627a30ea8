"""A web upload is read once: in the request, to refuse a bad file on the form and to title it. The worker and the
pages use what the request read (stored with the letter as `Letter.parsed`) instead of reading the file again."""

from __future__ import annotations

from pathlib import Path

from tests.web.doc_support import doc_id_from, latest_draft


def _letter(app, doc_id):
    from easyread.store.db import db
    from easyread.store.models import Letter

    return db.session.get(Letter, doc_id)


def test_an_upload_is_read_once_from_the_form_to_the_draft_page(app, staff_client, upload, page, reads, monkeypatch):
    from easyread.records import versions

    monkeypatch.setattr(versions, "_cache", type(versions._cache)())  # no letter kept from another test
    doc_id = doc_id_from(upload(staff_client, filename="reminder.txt"))
    number, draft, report = latest_draft(app, doc_id)
    assert number == 1 and draft["sections"] and report
    assert "Council Tax reminder" in page(staff_client.get(f"/documents/{doc_id}")).text
    assert reads == ["reminder.txt"]  # the request's read; the job and the letter's page used what it stored


def test_what_the_request_read_is_what_the_worker_drafts_from(app, staff_client, upload, reads):
    """The stored reading is the reader's own (the job does not draft from something else), and the job no longer
    needs the file: with the original gone it still makes the draft."""
    from easyread import jobs
    from easyread.documents.read import read_document
    from easyread.records import letters

    doc_id = doc_id_from(upload(staff_client))
    with app.app_context():
        doc = _letter(app, doc_id)
        original = Path(app.instance_path) / doc.original_path
        assert doc.parsed == read_document(original.read_bytes(), filename=doc.filename).to_dict()
        original.unlink()
        letters.set_status(doc, "failed")
        jobs.retry(doc)
    assert latest_draft(app, doc_id)[0] == 2
    with app.app_context():
        assert _letter(app, doc_id).status == "done"


def test_a_letter_uploaded_before_its_reading_was_kept_is_read_from_its_file(app, staff_client, upload, reads):
    from easyread import jobs
    from easyread.records import letters

    doc_id = doc_id_from(upload(staff_client, filename="older.txt"))
    with app.app_context():
        doc = _letter(app, doc_id)
        doc.parsed = None  # as for a letter stored before the column existed
        letters.set_status(doc, "failed")
        jobs.retry(doc)
    assert latest_draft(app, doc_id)[0] == 2
    assert reads == ["older.txt", "older.txt"]  # the upload's, then the worker's from the stored file


def test_a_bad_file_is_still_refused_on_the_form(staff_client, upload, page, reads):
    response = upload(staff_client, text=b"", filename="empty.txt")
    assert response.status_code == 400
    assert reads == ["empty.txt"]

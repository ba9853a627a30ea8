"""Upload → job → draft page → download, through the Flask test client and the page checker."""

from __future__ import annotations

import pytest

from tests.web.doc_support import LETTER, audit_events, doc_id_from, latest_draft


def test_upload_page_renders(staff_client, page):
    doc = page(staff_client.get("/documents/new"))
    assert doc.h1 == "Upload a letter"
    assert "English" in doc.text
    assert doc.select("//input[@type='file']")


def test_upload_makes_a_draft_and_shows_it_side_by_side(app, staff_client, page, upload):
    response = upload(staff_client)
    doc_id = doc_id_from(response)
    shown = page(staff_client.get(f"/documents/{doc_id}"))
    assert shown.h1 == "Council Tax reminder"
    assert "Original letter" in shown.text and "Easy Read draft" in shown.text
    assert "£120" in shown.text
    # each point has its edit form, the fact lock table lists the amount
    assert shown.select("//textarea[starts-with(@id, 'text-')]")
    assert "Fact lock" in shown.text and "Kept" in shown.text
    number, draft, report = latest_draft(app, doc_id)
    assert number == 1 and report["fact_lock"]["ok"]
    assert [e["document_id"] for e in audit_events(app, "upload")] == [doc_id]
    assert [e["version"] for e in audit_events(app, "draft_created")] == [1]


def test_script_in_a_letter_is_escaped_everywhere(app, staff_client, page, upload):
    doc_id = doc_id_from(upload(staff_client))
    for url in (f"/documents/{doc_id}", "/documents/", f"/documents/{doc_id}/versions"):
        html = staff_client.get(url).get_data(as_text=True)
        assert "<script>alert(1)</script>" not in html
    html = staff_client.get(f"/documents/{doc_id}").get_data(as_text=True)
    assert "&lt;script&gt;alert" in html
    exported = staff_client.get(f"/documents/{doc_id}/download/html").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in exported


def test_pasted_text(staff_client, page, post):
    response = post(staff_client, "/documents/new", {"text": LETTER, "model": "none", "formats": ["txt"]})
    doc_id = doc_id_from(response)
    assert "£120" in page(staff_client.get(f"/documents/{doc_id}")).text


def test_list_shows_status(staff_client, page, upload):
    doc_id_from(upload(staff_client))
    listing = page(staff_client.get("/documents/"))
    assert "Draft ready" in listing.text
    assert staff_client.get("/documents/status.json").get_json()["documents"][0]["status"] == "done"


def test_downloads_are_made_from_the_latest_version_and_audited(app, staff_client, upload):
    doc_id = doc_id_from(upload(staff_client))
    for fmt, magic in (("docx", b"PK"), ("pdf", b"%PDF"), ("txt", "£120".encode()), ("html", b"<!doctype")):
        response = staff_client.get(f"/documents/{doc_id}/download/{fmt}")
        assert response.status_code == 200, fmt
        assert (
            magic in response.data[:4000].lower()
            if fmt == "html"
            else (magic in response.data if fmt == "txt" else response.data.startswith(magic))
        ), fmt
        assert "attachment" in response.headers["Content-Disposition"]
    assert [e["format"] for e in audit_events(app, "exported")] == ["docx", "pdf", "txt", "html"]


BAD_FILES = [
    ("make_empty_file", "empty.txt", "The file is empty"),
    ("make_png", "scan.png", "picture, not a letter"),
    ("make_truncated_docx", "letter.docx", None),
    ("make_damaged_pdf", "letter.pdf", None),
    ("make_image_only_pdf", "scan.pdf", None),
    ("make_encrypted_docx", "locked.docx", "password"),
    ("make_latin1_text", "letter.txt", "UTF-8"),
    ("make_random_binary", "data.bin", None),
]


@pytest.mark.parametrize("maker, name, words", BAD_FILES)
def test_bad_files_show_the_readers_message_in_an_error_summary(
    app, staff_client, page, upload, tmp_path, maker, name, words
):
    from easyread.documents.errors import InputError
    from easyread.documents.read import read_document
    from tests import samples

    if maker == "make_encrypted_docx":
        pytest.importorskip("msoffcrypto")
    data = getattr(samples, maker)(tmp_path / name).read_bytes()
    with pytest.raises(InputError) as expected:
        read_document(data, filename=name, settings=app.config["EASYREAD"])
    shown = page(upload(staff_client, text=data, filename=name), status=400)
    summary = shown.select("//div[contains(@class, 'govuk-error-summary')]")
    assert summary, "no error summary"
    assert str(expected.value) in " ".join(summary[0].text_content().split())
    if words:
        assert words in shown.text
    assert shown.title.startswith("Error: ")


def test_too_big_file_is_refused_on_the_upload_page(app, staff_client, page, upload):
    app.config["MAX_CONTENT_LENGTH"] = 2000
    shown = page(upload(staff_client, text="x" * 5000), status=413)
    assert "The file must be smaller than" in shown.text


def test_nothing_chosen(staff_client, page, post):
    shown = page(post(staff_client, "/documents/new", {"model": "none", "formats": ["txt"]}), status=400)
    assert "Choose a file, or paste the letter's text." in shown.text


def test_upload_needs_csrf(staff_client, upload):
    import io

    response = staff_client.post(
        "/documents/new",
        data={"model": "none", "file": (io.BytesIO(LETTER.encode()), "l.txt")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400


def test_other_council_cannot_see_or_change(app, staff_client, other_client, upload, post):
    doc_id = doc_id_from(upload(staff_client))
    for url in (
        f"/documents/{doc_id}",
        f"/documents/{doc_id}/download/pdf",
        f"/documents/{doc_id}/versions",
        f"/documents/{doc_id}/status.json",
        f"/documents/{doc_id}/points/1/0/picture",
        f"/documents/{doc_id}/versions/1/pictures/1/0",
    ):
        assert other_client.get(url).status_code == 404, url
    assert (
        post(other_client, f"/documents/{doc_id}/points/1/0/edit", {"text": "Hacked", "version": 1}).status_code == 404
    )
    assert post(other_client, f"/documents/{doc_id}/delete").status_code == 404
    assert doc_id not in [d["id"] for d in other_client.get("/documents/status.json").get_json()["documents"]]
    assert latest_draft(app, doc_id)[0] == 1


def test_reviewers_and_signed_out_people_cannot_upload(reviewer_client, anon_client):
    assert reviewer_client.get("/documents/new").status_code == 403
    assert anon_client.get("/documents/new").status_code in (302, 401)


def test_delete_is_audited_and_hides_the_letter(app, staff_client, page, upload, post):
    doc_id = doc_id_from(upload(staff_client))
    page(staff_client.get(f"/documents/{doc_id}/delete"))
    assert post(staff_client, f"/documents/{doc_id}/delete").status_code == 302
    assert staff_client.get(f"/documents/{doc_id}").status_code == 404
    assert [e["document_id"] for e in audit_events(app, "deleted")] == [doc_id]
    from pathlib import Path

    assert not list((Path(app.instance_path) / "uploads").iterdir())  # the original letter is gone


def test_edit_forms_need_csrf(app, staff_client, upload):
    doc_id = doc_id_from(upload(staff_client))
    for url in (
        f"/documents/{doc_id}/points/1/0/edit",
        f"/documents/{doc_id}/points/1/0/remove",
        f"/documents/{doc_id}/versions/1/restore",
        f"/documents/{doc_id}/points/1/0/picture",
        f"/documents/{doc_id}/delete",
        f"/documents/{doc_id}/retry",
    ):
        assert staff_client.post(url, data={"text": "x", "version": 1, "action": "remove"}).status_code == 400, url
    assert latest_draft(app, doc_id)[0] == 1


# --- editing the draft: every change is a new version ---
def _texts(draft):
    return [[p["text"] for p in s["points"]] for s in draft["sections"]]


def _find(draft, text):
    for s, section in enumerate(draft["sections"]):
        for i, point in enumerate(section["points"]):
            if point["text"].startswith(text):
                return s, i
    raise AssertionError(f"no point starting {text!r} in {_texts(draft)}")


def test_edit_add_move_remove_and_undo_each_make_a_new_version(app, staff_client, page, upload, post):
    doc_id = doc_id_from(upload(staff_client))
    _, draft, _ = latest_draft(app, doc_id)
    s, i = _find(draft, "You must pay")

    r = post(
        staff_client,
        f"/documents/{doc_id}/points/{s}/{i}/edit",
        {"text": "You must pay £120 by 1 May 2025.", "version": 1},
    )
    assert r.status_code == 302
    number, draft, report = latest_draft(app, doc_id)
    assert number == 2 and draft["sections"][s]["points"][i]["text"] == "You must pay £120 by 1 May 2025."
    assert not [
        f
        for f in report["fact_lock"]["lost"] + report["fact_lock"]["invented"]
        if "120" in f["text"] or "May" in f["text"]
    ]
    shown = page(staff_client.get(f"/documents/{doc_id}"))
    assert "Changed the words of point" in shown.text  # the success banner

    post(
        staff_client,
        f"/documents/{doc_id}/points/{s}/{i + 1}/add",
        {"text": "Pay online at www.example.gov.uk.", "version": 2},
    )
    number, draft, _ = latest_draft(app, doc_id)
    assert number == 3 and draft["sections"][s]["points"][i + 1]["text"] == "Pay online at www.example.gov.uk."

    post(staff_client, f"/documents/{doc_id}/points/{s}/{i + 1}/move", {"direction": "up", "version": 3})
    number, draft, _ = latest_draft(app, doc_id)
    assert number == 4 and draft["sections"][s]["points"][i]["text"] == "Pay online at www.example.gov.uk."

    post(staff_client, f"/documents/{doc_id}/points/{s}/{i}/remove", {"version": 4})
    number, draft, _ = latest_draft(app, doc_id)
    assert number == 5 and "Pay online at www.example.gov.uk." not in sum(_texts(draft), [])

    # undo = a new version with the older version's words; the versions in between stay
    post(staff_client, f"/documents/{doc_id}/versions/4/restore", {"version": 5})
    number, draft, _ = latest_draft(app, doc_id)
    assert number == 6 and draft["sections"][s]["points"][i]["text"] == "Pay online at www.example.gov.uk."
    history = page(staff_client.get(f"/documents/{doc_id}/versions"))
    assert [row.xpath("td")[0].text_content() for row in history.select("//tbody/tr")] == ["6", "5", "4", "3", "2", "1"]
    assert len(history.select("//button[contains(., 'Go back to this version')]")) == 5
    assert "Sam Staff" in history.text and "Went back to version 4." in history.text
    edited = audit_events(app, "draft_edited")
    assert [e["version"] for e in edited] == [2, 3, 4, 5, 6]
    assert [e["change"] for e in edited] == ["edit", "add", "move", "remove", "restore"]


def test_an_edit_made_from_an_old_version_is_refused_not_lost(app, staff_client, page, upload, post):
    doc_id = doc_id_from(upload(staff_client))
    _, draft, _ = latest_draft(app, doc_id)
    s, i = _find(draft, "You must pay")
    post(staff_client, f"/documents/{doc_id}/points/{s}/{i}/edit", {"text": "First change.", "version": 1})
    r = post(
        staff_client,
        f"/documents/{doc_id}/points/{s}/{i}/edit",
        {"text": "Second change from an old page.", "version": 1},
        follow_redirects=True,
    )
    shown = page(r)
    assert "Someone changed this draft while you had it open" in shown.text
    assert latest_draft(app, doc_id)[1]["sections"][s]["points"][i]["text"] == "First change."


def test_an_empty_edit_says_what_to_do(app, staff_client, page, upload, post):
    doc_id = doc_id_from(upload(staff_client))
    shown = page(
        post(staff_client, f"/documents/{doc_id}/points/1/0/edit", {"text": "  ", "version": 1}, follow_redirects=True)
    )
    assert "Enter the words for the point." in shown.text
    assert latest_draft(app, doc_id)[0] == 1


def test_model_output_with_html_is_escaped_after_an_edit(app, staff_client, upload, post):
    doc_id = doc_id_from(upload(staff_client))
    post(
        staff_client,
        f"/documents/{doc_id}/points/1/0/edit",
        {"text": "<img src=x onerror=alert(2)> Pay now.", "version": 1},
    )
    html = staff_client.get(f"/documents/{doc_id}").get_data(as_text=True)
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(2)&gt;" in html


def test_regenerate_with_no_model_says_it_needs_one(app, staff_client, page, upload, post):
    doc_id = doc_id_from(upload(staff_client))
    shown = page(
        post(staff_client, f"/documents/{doc_id}/points/1/0/regenerate", {"version": 1}, follow_redirects=True)
    )
    assert "needs a model" in shown.text
    assert latest_draft(app, doc_id)[0] == 1


def test_regenerate_runs_a_job_and_stores_a_new_version(app, staff_client, page, upload, post, monkeypatch):
    """With a model (a fake one here), making a point again is a job that stores the next version."""
    from easyread import drafting
    from easyread.documents.model import EasyReadDocument, Point, Section

    doc_id = doc_id_from(upload(staff_client))
    _, draft, _ = latest_draft(app, doc_id)
    s, i = _find(draft, "If you do not pay")
    from easyread.store.db import db
    from easyread.store.models import Letter

    with app.app_context():
        doc = db.session.get(Letter, doc_id)
        doc.options = {**doc.options, "model": "embedded"}
        db.session.commit()
    asked = []

    def fake_rewrite(letters, *, model, settings, progress, glossary=None, engine=None):
        asked.extend((model, letter.text()) for letter in letters)
        draft = EasyReadDocument(
            "x", [Section("", [Point("You might have to go to court."), Point("This happens if you do not pay.")])]
        )
        return [(draft, None, "")]

    monkeypatch.setattr(drafting, "rewrite_letters", fake_rewrite)
    post(staff_client, f"/documents/{doc_id}/points/{s}/{i}/regenerate", {"version": 1})
    assert asked == [("embedded", "If you do not pay, we may take you to court.")]
    number, draft, _ = latest_draft(app, doc_id)
    assert number == 2
    assert _texts(draft)[s][i : i + 2] == ["You might have to go to court.", "This happens if you do not pay."]
    assert [e["change"] for e in audit_events(app, "draft_edited")] == ["regenerate"]


# --- the picture beside each point (issue 9) ---
@pytest.fixture
def picture_folder(app, tmp_path):
    """A tiny council picture set instead of OpenMoji, so the tests stay quick."""
    from PIL import Image

    folder = tmp_path / "pictures"
    folder.mkdir()
    Image.new("RGB", (40, 40), "red").save(folder / "money.png")
    Image.new("RGB", (40, 40), "green").save(folder / "bin.png")
    Image.new("RGB", (40, 40), "blue").save(folder / "phone.png")
    (folder / "pictures.csv").write_text(
        "file,keywords,alt,credit\nmoney.png,money;pay;council tax,Money,Testshire pictures\n"
        "bin.png,bin;rubbish,A bin,Testshire pictures\nphone.png,phone;call,A phone,Testshire pictures\n"
    )
    app.config["EASYREAD"] = app.config["EASYREAD"].replace(
        PICTURES_FOLDER=str(folder), PICTURE_DEFAULT_SET="none", SYMBOL_CACHE=str(tmp_path / "symbols"), PICTURE_PX=64
    )
    return folder


def _png(colour="yellow") -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (30, 30), colour).save(out, format="PNG")
    return out.getvalue()


def test_pictures_can_be_searched_swapped_uploaded_and_removed(app, staff_client, page, upload, post, picture_folder):
    import io

    doc_id = doc_id_from(upload(staff_client, pictures="y"))
    _, draft, _ = latest_draft(app, doc_id)
    s, i = _find(draft, "Call us")
    assert draft["sections"][s]["points"][i]["picture"]["alt"] == "A phone"
    shown = page(staff_client.get(f"/documents/{doc_id}"))
    img = shown.select(f"//div[@id='point-{s}-{i}']//img")[0]
    assert img.get("alt") == "A phone"
    served = staff_client.get(img.get("src"))
    assert served.status_code == 200 and served.mimetype == "image/png"
    assert "Testshire pictures" in shown.text  # credits

    chooser = page(staff_client.get(f"/documents/{doc_id}/points/{s}/{i}/picture?q=bin"))
    assert chooser.h1 == "Change the picture"
    assert "Use A bin" in chooser.text
    result = chooser.select("//img[contains(@src, 'pictures/symbol')]")[0].get("src")
    assert staff_client.get(result).mimetype == "image/png"

    post(
        staff_client,
        f"/documents/{doc_id}/points/{s}/{i}/picture",
        {"action": "choose", "symbol": "council:bin.png", "version": 1},
    )
    number, draft, _ = latest_draft(app, doc_id)
    assert number == 2 and draft["sections"][s]["points"][i]["picture"]["alt"] == "A bin"

    bad = page(
        post(
            staff_client,
            f"/documents/{doc_id}/points/{s}/{i}/picture",
            {"action": "upload", "alt": "A house", "picture": (io.BytesIO(b"<svg onload=alert(1)>"), "x.svg")},
            content_type="multipart/form-data",
        ),
        status=400,
    )
    assert "damaged or is not a picture" in bad.text and bad.title.startswith("Change the picture")
    missing_alt = page(
        post(
            staff_client,
            f"/documents/{doc_id}/points/{s}/{i}/picture",
            {"action": "upload", "alt": "", "picture": (io.BytesIO(_png()), "p.png")},
            content_type="multipart/form-data",
        ),
        status=400,
    )
    assert "Describe the picture" in missing_alt.text

    post(
        staff_client,
        f"/documents/{doc_id}/points/{s}/{i}/picture",
        {"action": "upload", "alt": "Our phone line", "picture": (io.BytesIO(_png()), "phone.png"), "version": 2},
        content_type="multipart/form-data",
    )
    number, draft, _ = latest_draft(app, doc_id)
    picture = draft["sections"][s]["points"][i]["picture"]
    assert number == 3 and picture["alt"] == "Our phone line" and picture["path"].startswith(str(app.instance_path))

    post(staff_client, f"/documents/{doc_id}/points/{s}/{i}/picture", {"action": "remove", "version": 3})
    number, draft, _ = latest_draft(app, doc_id)
    assert number == 4 and draft["sections"][s]["points"][i]["picture"] is None
    assert [e["change"] for e in audit_events(app, "draft_edited")] == ["picture"] * 3
    assert staff_client.get(f"/documents/{doc_id}/download/docx").status_code == 200


@pytest.mark.model
@pytest.mark.timeout(1200)
def test_real_model_through_the_upload_page(app, staff_client, page, upload):
    """The whole path with the real embedded model: upload, job, draft page with the fact lock (slow)."""
    letter = (
        "Dear Mr Jones,\n\nOur records show that you have not paid the Council Tax instalment of £142.50 which was due on 1 March 2025.\n\n"
        "You must pay the amount shown by 10 March 2025. If you are having difficulty paying, please telephone us on 0161 496 0199.\n"
    )
    app.config["EASYREAD"] = app.config["EASYREAD"].replace(
        REWRITE_REPAIR_ROUNDS=1, REWRITE_BEST_OF=1, MODEL_BATCH_SIZE=8, REWRITE_BATCH_SIZE=8
    )
    doc_id = doc_id_from(upload(staff_client, text=letter, model="embedded"))
    number, draft, report = latest_draft(app, doc_id)
    assert number == 1, page(staff_client.get(f"/documents/{doc_id}")).text
    assert not report["fact_lock"]["lost"] and not report["fact_lock"]["changed"], report["fact_lock"]
    shown = page(staff_client.get(f"/documents/{doc_id}"))
    assert "£142.50" in shown.text and "0161 496 0199" in shown.text

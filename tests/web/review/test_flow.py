"""The core loop through the Flask client: panel and invite → send a round with redaction → reviewer
signs in with link and picture code → feedback per point → staff triage → glossary → version 2 → approve.
Every page goes through the page checker."""

from __future__ import annotations

import re

from tests.web.review.conftest import reviewer_client_for


def _audit(app, event):
    from sqlalchemy import select

    from easyread.store.db import db
    from easyread.store.models import AuditEvent

    with app.app_context():
        return [e.details for e in db.session.scalars(select(AuditEvent).where(AuditEvent.event == event))]


def test_panel_add_reviewer_and_invite(app, staff_client, page, post):
    doc = page(staff_client.get("/review/reviewers"))
    assert doc.h1 == "Reviewers" and "no reviewers yet" in doc.text
    page(staff_client.get("/review/reviewers/new"))
    bad = page(post(staff_client, "/review/reviewers/new", {"name": "", "email": ""}), status=400)
    assert "Enter the person" in bad.text
    made = page(post(staff_client, "/review/reviewers/new", {"name": "Rosa Reviewer", "email": ""}))
    assert made.h1 == "Invite link for Rosa Reviewer"
    link = made.select("//textarea[@id='invite-link']")[0].text_content().strip()
    assert "/review/invite/" in link
    listed = page(staff_client.get("/review/reviewers"))
    assert "Rosa Reviewer" in listed.text and "Invited" in listed.text
    assert _audit(app, "reviewer_invited")


def test_invite_sets_up_a_picture_code_once_then_link_and_code_sign_in(app, anon_client, staff_client, page, post):
    made = page(post(staff_client, "/review/reviewers/new", {"name": "Rosa Reviewer"}))
    path = "/" + made.select("//textarea[@id='invite-link']")[0].text_content().strip().split("/", 3)[3]
    doc = page(anon_client.get(path))
    assert doc.h1 == "Choose your secret code"
    assert len(doc.select("//input[@name='picture']")) == 9
    page(anon_client.get(path + "?kind=number"))
    two = page(post(anon_client, path, {"kind": "pictures", "picture": ["sun", "cat"]}), status=400)
    assert "Choose 3 pictures." in two.text
    ready = page(post(anon_client, path, {"kind": "pictures", "picture": ["sun", "cat", "fish"]}))
    assert ready.h1 == "Your code is saved"
    key_link = ready.select("//p[@class='rv-link']/a/@href")[0]
    sign_in = "/" + key_link.split("/", 3)[3]
    # the invite is single-use
    page(anon_client.get(path), status=404)
    # signed in straight away; the list page is the reviewer's landing page
    assert page(anon_client.get("/review/")).h1 == "Your documents"
    assert anon_client.get("/").headers["Location"].endswith("/review/")
    # later: link + code
    fresh = app.test_client()
    assert page(fresh.get(sign_in)).h1 == "Sign in"
    wrong = page(post(fresh, sign_in, {"picture": ["sun", "cat", "tree"]}), status=401)
    assert "not your code" in wrong.text
    ok = post(fresh, sign_in, {"picture": ["fish", "sun", "cat"]})
    assert ok.status_code == 302 and ok.headers["Location"].endswith("/review/")
    assert _audit(app, "reviewer_set_up") and _audit(app, "review_sign_in") and _audit(app, "review_sign_in_failed")


def test_number_code_and_rate_limit(app, make_reviewer, page, post):
    from easyread.records import invites
    from easyread.store.db import db
    from easyread.store.models import Council

    with app.app_context():
        user = invites.create_reviewer(db.session.get(Council, 1), "Nia Number", actor="test")
        token = invites.new_invite(user, 14, actor="test")
        db.session.commit()
    client = app.test_client()
    page(post(client, f"/review/invite/{token}", {"kind": "number", "number": "12a4"}), status=400)
    ready = page(post(client, f"/review/invite/{token}", {"kind": "number", "number": "4 8 1 5"}))
    sign_in = "/" + ready.select("//p[@class='rv-link']/a/@href")[0].split("/", 3)[3]
    other = app.test_client()
    for _ in range(5):
        page(post(other, sign_in, {"number": "0000"}), status=401)
    locked = page(post(other, sign_in, {"number": "4815"}), status=429)
    assert "Too many tries" in locked.text
    page(app.test_client().get("/review/sign-in/not-a-real-key"), status=404)


def test_send_round_preview_shows_what_is_hidden_and_staff_can_change_it(
    app, staff_client, letter_doc, make_reviewer, page, post
):
    rid, _, _ = make_reviewer("Rosa Reviewer")
    overview = page(staff_client.get(f"/review/documents/{letter_doc}"))
    assert overview.h1.startswith("Review with residents")
    form = page(staff_client.get(f"/review/documents/{letter_doc}/send"))
    assert form.h1 == "Send for review"
    page(post(staff_client, f"/review/documents/{letter_doc}/send", {"version": "en:1"}), status=400)
    page(
        post(
            staff_client,
            f"/review/documents/{letter_doc}/send",
            {"version": "en:1", "reviewers": [str(rid)], "due-day": "31", "due-month": "2", "due-year": "2030"},
        ),
        status=400,
    )
    sent = post(
        staff_client,
        f"/review/documents/{letter_doc}/send",
        {
            "version": "en:1",
            "reviewers": [str(rid)],
            "due-day": "1",
            "due-month": "1",
            "due-year": "2099",
            "note": "Thanks",
        },
    )
    assert sent.status_code == 302 and "/preview" in sent.headers["Location"]
    preview_url = sent.headers["Location"]
    preview = page(staff_client.get(preview_url))
    assert preview.h1 == "Check what we hide from reviewers"
    hidden = [t.strip() for t in preview.select("//table//tbody/tr/td[1]/text()")]
    for item in (
        "Ms Jane Smith",
        "TE1 2ST",
        "CT-998877",
        "QQ 12 34 56 C",
        "03/04/1961",
        "07700 900123",
        "jane.smith@example.com",
        "12 Acacia Avenue",
    ):
        assert item in hidden, item
    reviewers_copy = " ".join(preview.select("//div[@class='rv-preview']//text()"))
    assert "Jane" not in reviewers_copy and "[Name]" in reviewers_copy
    round_id = int(re.search(r"/rounds/(\d+)/", preview_url).group(1))
    # staff hide one more thing, and give one back
    page(
        post(
            staff_client,
            f"/review/rounds/{round_id}/redactions",
            {"action": "add", "text": "bins and roads", "label": "Address"},
            follow_redirects=True,
        )
    )
    after = page(
        post(
            staff_client,
            f"/review/rounds/{round_id}/redactions",
            {"action": "remove", "text": "07700 900123"},
            follow_redirects=True,
        )
    )
    copy_text = " ".join(after.select("//div[@class='rv-preview']//text()"))
    assert "bins and roads" not in copy_text and "07700 900123" in copy_text
    bad = page(
        post(
            staff_client,
            f"/review/rounds/{round_id}/redactions",
            {"action": "add", "text": "", "label": "Name"},
            follow_redirects=True,
        )
    )
    assert "Enter the words to hide." in bad.text
    done = post(staff_client, f"/review/rounds/{round_id}/send")
    assert done.status_code == 302
    triage = page(staff_client.get(done.headers["Location"]))
    assert triage.h1 == "Feedback from reviewers" and "Rosa Reviewer" in triage.text and "Not yet" in triage.text
    for event in ("review_round_prepared", "review_redaction_changed", "review_round_sent"):
        assert _audit(app, event), event
    assert _audit(app, "review_round_sent")[0]["reviewers"] == [rid]
    # hidden words can no longer change once sent
    refused = page(
        post(
            staff_client,
            f"/review/rounds/{round_id}/redactions",
            {"action": "remove", "text": "Jane"},
            follow_redirects=True,
        )
    )
    assert "can only change before sending" in refused.text


def test_draft_is_read_only_while_in_review(app, staff_client, sent_round, page, post):
    doc_id = sent_round["doc_id"]
    refused = post(staff_client, f"/documents/{doc_id}/points/1/0/edit", {"text": "New words", "version": "1"})
    assert refused.status_code == 302
    from easyread.store.db import db
    from easyread.store.models import DraftVersion

    with app.app_context():
        assert db.session.query(DraftVersion).filter_by(document_id=doc_id).count() == 1
    assert staff_client.get(f"/review/documents/{doc_id}/send").status_code == 302
    approve = post(
        staff_client, f"/review/documents/{doc_id}/approve", {"version": "1", "language": "en"}, follow_redirects=True
    )
    assert "End the round before you approve" in page(approve).text


def test_reviewer_feedback_then_triage_glossary_version_2_and_approve(app, staff_client, sent_round, page, post, csrf):
    rid, doc_id = sent_round["round_id"], sent_round["doc_id"]
    rosa = reviewer_client_for(app, sent_round["reviewers"][0])
    ravi = reviewer_client_for(app, sent_round["reviewers"][1])
    listed = page(rosa.get("/review/"))
    assert "Your council tax, [Name]" in listed.text
    read = page(rosa.get(f"/review/read/{rid}"))
    assert read.h1 == "Your council tax, [Name]"
    assert len(read.select("//div[contains(@class,'rv-point')][@role='group']")) == 7
    assert len(read.select("//button[@name='answer'][@value='understand']")) == 7
    assert read.select("//audio[@controls]/source[@type='audio/wav']") and read.select("//button[@data-rv-say]")
    # no JavaScript: plain form posts, redirect back to the point
    plain = post(
        rosa,
        f"/review/read/{rid}/points/1/1",
        {
            "answer": "not_understand",
            "hard": ["Council", "tax"],
            "reason": ["hard_word"],
            "comment": "What is council tax?",
        },
    )
    assert plain.status_code == 302 and plain.headers["Location"].endswith("#point-1-1")
    again = page(rosa.get(f"/review/read/{rid}"))
    assert "You said: I do not understand." in again.text
    assert again.select("//input[@name='hard-1-1'][@value='Council']/@checked")
    # with JavaScript: JSON back
    tap = rosa.post(
        f"/review/read/{rid}/points/0/0",
        data={"csrf_token": csrf(rosa), "answer": "understand"},
        headers={"Accept": "application/json"},
    )
    assert tap.status_code == 200 and tap.json == {
        "ok": True,
        "answer": "understand",
        "said": "You said: I understand.",
        "hard_words": [],
        "saved": True,
    }
    bad = rosa.post(
        f"/review/read/{rid}/points/9/9",
        data={"csrf_token": csrf(rosa), "answer": "understand"},
        headers={"Accept": "application/json"},
    )
    assert bad.status_code == 400
    post(rosa, f"/review/read/{rid}/supporter", {"supporter": "yes"})
    post(ravi, f"/review/read/{rid}/points/1/1", {"answer": "not_sure", "hard": ["tax"]})
    post(ravi, f"/review/read/{rid}/points/1/0", {"answer": "not_understand", "reason": ["too_long"]})
    unfinished = post(rosa, f"/review/read/{rid}/finish", {})
    assert "error=" in unfinished.headers["Location"]
    page(rosa.get(unfinished.headers["Location"]))
    finished = post(rosa, f"/review/read/{rid}/finish", {"overall": "okay"})
    assert page(rosa.get(finished.headers["Location"])).h1 == "Thank you"

    triage = page(staff_client.get(f"/review/rounds/{rid}"))
    row = triage.select("//tr[@id='triage-1-1']")[0]
    cells = [" ".join(c.text_content().split()) for c in row.xpath("./td")]
    assert cells[0:3] == ["0", "1", "1"]  # understood, not sure, not understood
    assert "tax (2)" in cells[3] and "Council (1)" in cells[3]
    assert "What is council tax?" in cells[4] and "with a supporter" in cells[4]
    # the reason the reviewer chose and the words they wrote are shown apart (issue 16, finding 9)
    reasons = [" ".join(p.text_content().split()) for p in row.xpath(".//p[contains(@class,'er-reason')]")]
    comments = [" ".join(p.text_content().split()) for p in row.xpath(".//p[contains(@class,'er-comment')]")]
    assert (
        comments == ["Comment: “What is council tax?”"] and reasons and not any("council tax?" in r for r in reasons)
    ), (reasons, comments)
    assert "A bit hard" in triage.text and "With a supporter" in triage.text

    # one hard word to the glossary
    link = row.xpath(".//a[contains(@href,'/review/glossary')]/@href")[0]
    form = page(staff_client.get(link))
    assert form.h1 == "Add a hard word to the glossary"
    page(post(staff_client, "/review/glossary", {"term": "tax", "explanation": ""}), status=400)
    added = post(
        staff_client,
        "/review/glossary",
        {"term": "tax", "explanation": "Money you pay to the council.", "back": f"/review/rounds/{rid}"},
    )
    assert added.status_code == 302 and added.headers["Location"].endswith(f"/review/rounds/{rid}")
    from easyread.glossary import council as council_glossary

    assert any(e.term == "tax" for e in council_glossary.load_entries(app.instance_path, 1))

    # reviewers cannot answer after the round ends; staff can then change the draft: version 2
    post(staff_client, f"/review/rounds/{rid}/close")
    closed = rosa.post(
        f"/review/read/{rid}/points/0/0",
        data={"csrf_token": csrf(rosa), "answer": "not_sure"},
        headers={"Accept": "application/json"},
    )
    assert closed.status_code == 400 and "finished" in closed.json["error"]
    assert page(rosa.get(f"/review/read/{rid}")).select("//form[@data-rv-form]") == []
    after = page(staff_client.get(f"/review/rounds/{rid}"))
    assert after.select(f"//a[contains(@href,'/documents/{doc_id}#point-1-1')]")
    edited = post(
        staff_client,
        f"/documents/{doc_id}/points/1/1/edit",
        {"text": "Council tax is money. It pays for bins and roads.", "version": "1"},
    )
    assert edited.status_code == 302
    compare = page(staff_client.get(f"/review/documents/{doc_id}/compare?a=1&b=2"))
    assert (
        compare.h1 == "Compare versions" and "Changed" in compare.text and "It pays for bins and roads." in compare.text
    )
    # version 2 fails the fact lock (the planted personal data is not in the letter): approving needs a confirmation
    refused = page(post(staff_client, f"/review/documents/{doc_id}/approve", {"version": "2", "language": "en"}), 400)
    assert "open problems" in refused.text and "is not in the original letter" in refused.text
    confirm = refused.select("//input[@name='confirm']/@value")[0]
    approved = post(
        staff_client,
        f"/review/documents/{doc_id}/approve",
        {"version": "2", "language": "en", "confirm": confirm},
        follow_redirects=True,
    )
    assert "Version 2 is approved" in page(approved).text
    from easyread.records import rounds

    with app.app_context():
        assert rounds.approved_version(doc_id) == 2 and rounds.is_final(doc_id, 2) and not rounds.is_final(doc_id, 1)
    assert _audit(app, "draft_approved")[0]["version"] == 2 and _audit(app, "draft_approved")[0]["confirmed"]
    assert any("is not in the original letter" in p for p in _audit(app, "draft_approved")[0]["problems"])
    assert (
        _audit(app, "review_round_closed") and _audit(app, "review_responded") and _audit(app, "review_glossary_added")
    )
    learning = page(staff_client.get("/review/learning"))
    assert learning.h1 == "What reviewers find hard" and "tax" in learning.text and "Council" in learning.text
    assert "Long words" in learning.text or "Money" in learning.text or "Numbers" in learning.text
    overview = page(staff_client.get(f"/review/documents/{doc_id}"))
    assert "Version 2 is the final version" in overview.text
    # Only the approved version's files say they are final; an older one says it is a draft.
    final_txt = staff_client.get(f"/documents/{doc_id}/download/txt").get_data(as_text=True)
    assert "Final version 2" in final_txt and "It pays for bins and roads." in final_txt
    final_html = staff_client.get(f"/documents/{doc_id}/download/html").get_data(as_text=True)
    assert "Final version 2" in final_html
    from easyread.records import versions
    from easyread.store.db import db
    from easyread.store.models import Letter
    from easyread.web.documents import send_output

    with app.test_request_context():
        doc = db.session.get(Letter, doc_id)
        older = send_output(doc, versions.get(doc, 1), "txt", None)
        older.direct_passthrough = False
        assert "Draft: not approved yet" in older.get_data(as_text=True)


def test_letter_page_links_to_review(staff_client, letter_doc, page):
    doc = page(staff_client.get(f"/documents/{letter_doc}"))
    assert doc.select(f"//a[@href='/review/documents/{letter_doc}']")


def test_cancel_a_round_that_was_not_sent(app, staff_client, letter_doc, make_reviewer, post, page):
    rid, _, _ = make_reviewer()
    sent = post(staff_client, f"/review/documents/{letter_doc}/send", {"version": "en:1", "reviewers": [str(rid)]})
    round_id = int(re.search(r"/rounds/(\d+)/", sent.headers["Location"]).group(1))
    reviewer = reviewer_client_for(app, rid)
    assert reviewer.get(f"/review/read/{round_id}").status_code == 404  # not sent yet
    post(staff_client, f"/review/rounds/{round_id}/cancel")
    assert reviewer.get(f"/review/read/{round_id}").status_code == 404
    assert "Jane" not in page(reviewer.get("/review/")).text


def test_empty_states_and_defaults(app, staff_client, letter_doc, page, post):
    learning = page(staff_client.get("/review/learning"))
    assert "No hard words yet." in learning.text and "No answers yet." in learning.text
    overview = page(staff_client.get(f"/review/documents/{letter_doc}"))
    assert "No rounds yet." in overview.text and "No version is approved yet." in overview.text
    no_panel = page(staff_client.get(f"/review/documents/{letter_doc}/send"))
    assert "no reviewers yet" in no_panel.text
    one = page(staff_client.get(f"/review/documents/{letter_doc}/compare"))
    assert "Version 1 and version 1" in one.text
    assert staff_client.get(f"/review/documents/{letter_doc}/compare?a=1&b=9").status_code == 404
    assert staff_client.get("/review/rounds/999").status_code == 404
    assert staff_client.get("/review/glossary?term=council").status_code == 200


def test_a_reviewer_from_another_council_cannot_be_chosen(
    app, staff_client, letter_doc, make_reviewer, other_council, post, page
):
    theirs, _, _ = make_reviewer("Otto Other", other_council)
    refused = page(
        post(staff_client, f"/review/documents/{letter_doc}/send", {"version": "en:1", "reviewers": [str(theirs)]}),
        status=400,
    )
    assert "Choose at least one reviewer" in refused.text
    assert post(staff_client, f"/review/reviewers/{theirs}/invite").status_code == 404

"""Who can see what: reviewers get only the redacted copies sent to them; never an original letter,
another round, other reviewers' comments (unless the council allows it), or staff pages. CSRF holds."""

from __future__ import annotations

import re

import pytest

from tests.web.review.conftest import PERSONAL, reviewer_client_for


def _fill(rule, ids) -> str | None:
    """A URL for `rule` with its arguments filled from `ids`, or None if we cannot fill them."""
    values = {}
    for arg in rule.arguments:
        if arg not in ids:
            return None
        values[arg] = ids[arg]
    path = rule.rule
    for arg, value in values.items():
        path = re.sub(rf"<(?:[^:<>]+:)?{arg}>", str(value), path)
    return path


def test_no_personal_data_on_any_page_download_or_api_a_reviewer_can_reach(app, sent_round, csrf):
    """Plant personal data, send a round, then fetch every GET route of the app as the reviewer."""
    rid, doc_id = sent_round["round_id"], sent_round["doc_id"]
    client = reviewer_client_for(app, sent_round["reviewers"][0])
    # the reviewer answers first, so their pages show feedback too (JSON responses are checked as well)
    bodies = []
    for s, i in ((0, 0), (0, 1), (1, 1)):
        r = client.post(
            f"/review/read/{rid}/points/{s}/{i}",
            data={"csrf_token": csrf(client), "answer": "not_sure", "hard": ["Name", "reference"], "comment": "hmm"},
            headers={"Accept": "application/json"},
        )
        assert r.status_code == 200
        bodies.append(("POST answer", r.status_code, r.get_data()))
    ids = {
        "round_id": rid,
        "doc_id": doc_id,
        "section": 0,
        "index": 0,
        "number": 1,
        "fmt": "txt",
        "user_id": sent_round["reviewers"][0],
        "key": sent_round["keys"][0],
        "token": "x",
        "filename": "review/review.js",
        "language": "en",
    }
    visited = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in ("auth.sign_out", "static"):
            continue
        url = _fill(rule, ids)
        if url is None:
            continue
        response = client.get(url, headers={"Accept": "*/*"})
        visited.append(rule.endpoint)
        bodies.append((url, response.status_code, response.get_data()))
        # an API call with the session cookie: the API takes tokens only
    for url in (
        f"/api/v1/documents/{doc_id}",
        f"/api/v1/documents/{doc_id}/draft",
        f"/api/v1/documents/{doc_id}/outputs/txt",
        "/api/v1/documents",
    ):
        r = client.get(url)
        assert r.status_code == 401
        bodies.append((url, r.status_code, r.get_data()))
    assert {
        "review_resident.index",
        "review_resident.read",
        "review_resident.point_audio",
        "documents.show",
        "documents.download",
        "review_staff.triage",
        "review_staff.preview",
    } <= set(visited)
    for url, status, body in bodies:
        text = body.decode("utf-8", "ignore").lower()
        for item in PERSONAL:
            assert item.lower() not in text, f"{item!r} reached the reviewer at {url} ({status})"
    # and they did get their copy
    assert any(b"[Name]" in body and status == 200 for _, status, body in bodies)


def test_reviewer_cannot_see_staff_pages_or_the_original(app, sent_round):
    client = reviewer_client_for(app, sent_round["reviewers"][0])
    doc_id, rid = sent_round["doc_id"], sent_round["round_id"]
    for url in (
        f"/documents/{doc_id}",
        f"/documents/{doc_id}/download/txt",
        f"/documents/{doc_id}/versions",
        f"/review/rounds/{rid}",
        f"/review/rounds/{rid}/preview",
        f"/review/documents/{doc_id}",
        "/review/reviewers",
        "/review/learning",
        "/glossary/",
    ):
        assert client.get(url).status_code == 403, url


def test_reviewer_sees_only_rounds_sent_to_them(app, staff, sent_round, make_reviewer, letter_doc, page):
    outsider, _, _ = make_reviewer("Olive Outsider")
    client = reviewer_client_for(app, outsider)
    rid = sent_round["round_id"]
    assert "nothing to read" in page(client.get("/review/")).text
    for url in (
        f"/review/read/{rid}",
        f"/review/read/{rid}/points/0/0/audio.wav",
        f"/review/read/{rid}/audio.wav",
        f"/review/read/{rid}/thanks",
        f"/review/read/{rid}/points/0/0/picture",
    ):
        assert client.get(url).status_code == 404, url
    from tests.web.conftest import csrf_token

    r = client.post(f"/review/read/{rid}/points/0/0", data={"csrf_token": csrf_token(client), "answer": "understand"})
    assert r.status_code == 404


def test_other_council_staff_cannot_see_rounds(app, other_client, sent_round):
    rid, doc_id = sent_round["round_id"], sent_round["doc_id"]
    for url in (
        f"/review/rounds/{rid}",
        f"/review/rounds/{rid}/preview",
        f"/review/documents/{doc_id}",
        f"/review/documents/{doc_id}/compare",
    ):
        assert other_client.get(url).status_code == 404, url


@pytest.mark.parametrize("allowed", [False, True])
def test_other_reviewers_comments_only_when_the_council_allows(app, sent_round, page, post, allowed):
    rid = sent_round["round_id"]
    first = reviewer_client_for(app, sent_round["reviewers"][0])
    second = reviewer_client_for(app, sent_round["reviewers"][1])
    post(
        first,
        f"/review/read/{rid}/points/1/2",
        {"answer": "not_sure", "comment": "Court sounds scary", "reason": ["too_long"]},
    )
    app.config["EASYREAD"] = app.config["EASYREAD"].replace(REVIEW_SHOW_OTHERS_COMMENTS=allowed)
    try:
        seen = page(second.get(f"/review/read/{rid}"))
    finally:
        app.config["EASYREAD"] = app.config["EASYREAD"].replace(REVIEW_SHOW_OTHERS_COMMENTS=False)
    assert ("Court sounds scary" in seen.text) is allowed
    assert "Rosa" not in seen.text  # never names
    mine = page(first.get(f"/review/read/{rid}"))
    assert "Other people said" not in mine.text


def test_csrf_is_required(app, staff_client, sent_round):
    client = reviewer_client_for(app, sent_round["reviewers"][0])
    rid = sent_round["round_id"]
    assert client.post(f"/review/read/{rid}/points/0/0", data={"answer": "understand"}).status_code == 400
    assert client.post(f"/review/read/{rid}/finish", data={"overall": "easy"}).status_code == 400
    assert staff_client.post(f"/review/rounds/{rid}/close").status_code == 400
    assert staff_client.post("/review/reviewers/new", data={"name": "X"}).status_code == 400
    key = sent_round["keys"][0]
    assert app.test_client().post(f"/review/sign-in/{key}", data={"picture": ["sun", "cat", "fish"]}).status_code == 400


def test_staff_and_admin_cannot_use_the_resident_pages(app, staff_client, sent_round):
    assert staff_client.get(f"/review/read/{sent_round['round_id']}").status_code == 403


def test_a_deleted_letter_takes_its_round_away_from_reviewers(app, staff_client, sent_round, post, page):
    client = reviewer_client_for(app, sent_round["reviewers"][0])
    assert client.get(f"/review/read/{sent_round['round_id']}").status_code == 200
    post(staff_client, f"/documents/{sent_round['doc_id']}/delete")
    assert client.get(f"/review/read/{sent_round['round_id']}").status_code == 404
    assert "nothing to read" in page(client.get("/review/")).text


def test_pictures_come_from_the_round_copy(app, sent_round, tmp_path):
    from sqlalchemy.orm.attributes import flag_modified

    from easyread.store.db import db
    from easyread.store.models import ReviewRound

    png = tmp_path / "bin.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    with app.app_context():
        row = db.session.get(ReviewRound, sent_round["round_id"])
        row.draft["sections"][1]["points"][1]["picture"] = {"path": str(png), "alt": "A bin", "credit": None}
        flag_modified(row, "draft")
        db.session.commit()
    client = reviewer_client_for(app, sent_round["reviewers"][0])
    read = client.get(f"/review/read/{sent_round['round_id']}")
    assert b'alt="A bin"' in read.data
    r = client.get(f"/review/read/{sent_round['round_id']}/points/1/1/picture")
    assert r.status_code == 200 and r.mimetype == "image/png"
    assert client.get(f"/review/read/{sent_round['round_id']}/points/1/0/picture").status_code == 404

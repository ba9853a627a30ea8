"""A letter with 45 planted pieces of personal data in varied formats, sent through a real review round
(Flask client, the real SQLite database, the staff send and preview pages): none reaches any page, download or
spoken text a reviewer can get, the staff preview lists every one, and the council's own public details stay.

Before this set, 4 of 29 planted items reached reviewers ("ending 6789", "sn25 3ab", "CT 7755 1234", "20-45-77")
and the council's own name and web address were hidden ("[Address] Borough Council", "www.[Address].gov.uk").
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from pathlib import Path

import pytest

from easyread.review import redact
from tests.web.review.conftest import reviewer_client_for

LETTER = """Swindon Borough Council
Civic Offices, Euclid Street
Swindon SN1 2JH
Phone: 01793 445500
revenues@swindon.gov.uk
www.swindon.gov.uk

Mr Daniel Okafor
Flat 3, 27 Kingfisher Close
Swindon
sn25 3ab

Date: 4 March 2025
Our ref: CT 7755 1234

Dear Mr Okafor,

Your council tax account is behind. Please pay £240 by 1 April 2025.

Yours sincerely,

Revenues Team
"""

# (what the draft says, the planted words that must not reach a reviewer)
PLANTED = [
    ("This letter is for Mr Daniel Okafor.", ["Daniel", "Okafor"]),
    ("Your husband Mr Peter Lindqvist lives with you.", ["Peter Lindqvist", "Lindqvist"]),
    ("You live at Flat 3, 27 Kingfisher Close.", ["27 Kingfisher Close"]),
    ("Your postcode is sn25 3ab.", ["sn25 3ab"]),
    ("We also wrote to SN25 3AB.", ["SN25 3AB"]),
    ("Your old postcode was sn253ab.", ["sn253ab"]),
    ("Your work postcode is SN2  5XY.", ["SN2  5XY"]),
    ("Your daughter's postcode is ox1 1aa.", ["ox1 1aa"]),
    ("We take the money from your bank account ending 6789.", ["6789"]),
    ("We tried your card ending in 4421.", ["4421"]),
    ("The last four digits are 8830.", ["8830"]),
    ("Your sort code is 20-45-77.", ["20-45-77"]),
    ("The other sort code is 204577.", ["204577"]),
    ("Your bank sort code: 30 96 12.", ["30 96 12"]),
    ("Your account number is 41234567.", ["41234567"]),
    ("Your bank account number 4123 4568 is used.", ["4123 4568"]),
    ("Your IBAN is GB29 NWBK 6016 1331 9268 19.", ["GB29 NWBK 6016 1331 9268 19"]),
    ("Your council tax account is CT 7755 1234.", ["CT 7755 1234", "7755 1234"]),
    ("Your council tax reference is 6001234567.", ["6001234567"]),
    ("Your housing benefit claim is HB/448/2291.", ["HB/448/2291"]),
    ("Your rent account is RA-778812.", ["RA-778812"]),
    ("Your tenancy reference is T0098812.", ["T0098812"]),
    ("Your benefit reference is BEN 44 55 66.", ["BEN 44 55 66"]),
    ("Your NHS number is 943 476 5919.", ["943 476 5919"]),
    ("Your son's NHS number is 9434765920.", ["9434765920"]),
    ("Your National Insurance number is qq 12 34 56 c.", ["qq 12 34 56 c"]),
    ("Your partner's NI number is QQ123456C.", ["QQ123456C"]),
    ("Another NI number: QQ 123456 D.", ["QQ 123456 D"]),
    ("Also written as AB 12-34-56 C.", ["AB 12-34-56 C"]),
    ("We can call you on 07700 900123.", ["07700 900123"]),
    ("Or on +44 7700 900456.", ["+44 7700 900456"]),
    ("Your home phone is 01793 612345.", ["01793 612345"]),
    ("We will email daniel.okafor@example.com.", ["daniel.okafor@example.com"]),
    ("Your other email is D.OKAFOR77@gmail.com.", ["D.OKAFOR77@gmail.com"]),
    ("Your date of birth is 12/08/1974.", ["12/08/1974"]),
    ("Your mother was born on 3rd June 1942.", ["3rd June 1942"]),
    ("Your customer number is 55102938.", ["55102938"]),
    ("Your case reference is 2024/ASB/0091.", ["2024/ASB/0091"]),
    ("Your Universal Credit account 8812 3341 0099 is open.", ["8812 3341 0099"]),
    ("Your payment reference is PAY-00123-Z.", ["PAY-00123-Z"]),
    ("Your parking permit is PP 889231.", ["PP 889231"]),
    ("Your property number (UPRN) is UPRN 100121234567.", ["100121234567"]),
    ("Your licence number is LIC/2023/0045.", ["LIC/2023/0045"]),
    ("Mrs Grace Okafor-Bell also signed.", ["Grace", "Okafor-Bell"]),
    ("Your landlord is Dr Amara Nwosu.", ["Amara Nwosu", "Nwosu"]),
]
ITEMS = [item for _, items in PLANTED for item in items]

# The council's own public details: reviewers must read these as they are.
PUBLIC = [
    ("Swindon Borough Council sent this letter.", "Swindon Borough Council"),
    ("Read more at www.swindon.gov.uk.", "www.swindon.gov.uk"),
    ("Or look at https://www.swindon.gov.uk/counciltax.", "https://www.swindon.gov.uk/counciltax"),
    ("Email revenues@swindon.gov.uk.", "revenues@swindon.gov.uk"),
    ("Call us on 01793 445500.", "01793 445500"),
    ("Our free line is 0800 123 4567.", "0800 123 4567"),
    ("Our office is at Civic Offices, Euclid Street, Swindon SN1 2JH.", "SN1 2JH"),
    ("You must pay £240 by 1 April 2025.", "£240 by 1 April 2025"),
]


def _draft() -> dict:
    points = [
        {"text": text, "picture": None, "findings": [], "flags": [], "source_index": n}
        for n, (text, _) in enumerate(PLANTED)
    ]
    public = [
        {"text": text, "picture": {"path": "", "alt": text}, "findings": [], "flags": [], "source_index": None}
        for text, _ in PUBLIC
    ]
    return {
        "title": "Your council tax, Mr Daniel Okafor",
        "language": "en",
        "credits": [],
        "sections": [
            {"heading": "About you, Daniel Okafor", "points": points},
            {"heading": "Contact us", "points": public},
        ],
    }


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def test_the_set_is_at_least_forty_items_in_varied_formats():
    assert len(ITEMS) >= 40 and len(PLANTED) >= 40


@pytest.fixture
def pii_doc(app, staff):
    """The planted letter (original file in uploads/) with version 1 of its draft, at Swindon Borough Council."""
    from easyread.store.db import db
    from easyread.store.models import Council, DraftVersion, Letter

    data = LETTER.encode()
    digest = hashlib.sha256(data).hexdigest()
    (Path(app.instance_path) / "uploads").mkdir(parents=True, exist_ok=True)
    (Path(app.instance_path) / "uploads" / digest).write_bytes(data)
    with app.app_context():
        council = db.session.get(Council, staff.council_id)
        council.name = "Swindon Borough Council"
        doc = Letter(
            council_id=council.id,
            created_by=staff.id,
            title="Okafor arrears",
            filename="okafor-ct-7755-1234.txt",
            source_kind="text",
            content_hash=digest,
            original_path=f"uploads/{digest}",
            status="done",
            options={"model": "none", "formats": ["txt"]},
        )
        db.session.add(doc)
        db.session.flush()
        db.session.add(
            DraftVersion(document_id=doc.id, number=1, language="en", draft=_draft(), report={}, note="Made by the job")
        )
        db.session.commit()
        return doc.id


def _leaks(text: str) -> list[str]:
    text = _norm(text)
    return [item for item in ITEMS if _norm(item) in text]


def test_planted_personal_data_never_reaches_a_reviewer(
    app, staff_client, pii_doc, make_reviewer, page, post, csrf, monkeypatch
):
    from easyread.review import speech

    app.config["EASYREAD"] = app.config["EASYREAD"].replace(COUNCIL_NAME="Swindon Borough Council")
    reviewer_id, _, _ = make_reviewer("Rosa Reviewer")
    sent = post(
        staff_client,
        f"/review/documents/{pii_doc}/send",
        {"version": "en:1", "reviewers": [str(reviewer_id)], "due-day": "1", "due-month": "1", "due-year": "2099"},
    )
    assert sent.status_code == 302, sent.get_data(as_text=True)[:500]
    preview = page(staff_client.get(sent.headers["Location"]))
    hidden = [_norm(t) for t in preview.select("//table//tbody/tr/td[1]/text()")]
    not_listed = [item for item in ITEMS if not any(_norm(item) in h for h in hidden)]
    assert not_listed == [], f"the staff preview does not list {not_listed}"
    copy = " ".join(preview.select("//div[@class='rv-preview']//text()"))
    assert _leaks(copy) == []
    for _, words in PUBLIC:
        assert _norm(words) in _norm(copy), f"the council's own {words!r} was hidden"
    assert "[Address] Borough" not in copy and "[Address].gov.uk" not in copy
    round_id = int(re.search(r"/rounds/(\d+)/", sent.headers["Location"]).group(1))
    assert post(staff_client, f"/review/rounds/{round_id}/send").status_code == 302

    spoken: list[str] = []

    def spy(text, cache_dir, voice=speech.VOICE):
        spoken.append(text)
        path = Path(cache_dir) / f"{len(spoken)}.wav"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"RIFF0000WAVE")
        return path

    monkeypatch.setattr(speech, "wav_for", spy)
    client = reviewer_client_for(app, reviewer_id)
    bodies = []
    for s, i in ((0, 0), (0, 17), (1, 0)):
        r = client.post(
            f"/review/read/{round_id}/points/{s}/{i}",
            data={"csrf_token": csrf(client), "answer": "not_sure"},
            headers={"Accept": "application/json"},
        )
        bodies.append((f"answer {s}/{i}", r.get_data(as_text=True)))
    urls = [
        "/review/",
        f"/review/read/{round_id}",
        f"/review/read/{round_id}/audio.wav",
        f"/review/read/{round_id}/thanks",
        f"/documents/{pii_doc}",
        f"/documents/{pii_doc}/download/txt",
        f"/documents/{pii_doc}/original",
        f"/api/v1/documents/{pii_doc}/draft",
        f"/review/rounds/{round_id}/preview",
        f"/review/rounds/{round_id}/triage",
    ]
    urls += [
        f"/review/read/{round_id}/points/{s}/{i}/audio.wav"
        for s, section in enumerate(_draft()["sections"])
        for i in range(len(section["points"]))
    ]
    for url in urls:
        response = client.get(url, headers={"Accept": "*/*"})
        bodies.append((url, response.get_data(as_text=True)))
    assert any("[Bank details]" in body for _, body in bodies)  # they did get their copy
    assert len(spoken) == 1 + len(PLANTED) + len(PUBLIC)  # every point was spoken, and the page
    found = {url: _leaks(body) for url, body in bodies if _leaks(body)}
    found.update({f"spoken text {n}": _leaks(text) for n, text in enumerate(spoken) if _leaks(text)})
    assert found == {}, f"personal data reached the reviewer: {json.dumps(found)}"
    assert all("Swindon Borough Council" in t for t in spoken if "sent this letter" in t)


def test_every_pattern_is_linear_on_pathological_input():
    """A 160,000-character run of each troublesome shape costs about 8 times a 20,000-character one, not 64 times."""
    shapes = [
        "a",
        "A",
        "1",
        "A1-",
        "ref ",
        "a.",
        "a@",
        "1 ",
        "Ab ",
        "dob ",
        "CT 1",
        "Mr Ab ",
        "www.a",
        "ending 1",
        "sort code 1",
    ]
    for unit in shapes:
        times = []
        for size in (20_000, 160_000):
            text = (unit * (size // len(unit) + 1))[:size]
            start = time.perf_counter()
            redact._spans(text, use_presidio=False)
            redact.public_details(None, [text], ("Swindon Borough Council",))
            redact.apply_text(text, [{"text": "Okafor", "label": "Name"}, {"text": "Swindon", "label": "Keep"}])
            times.append(time.perf_counter() - start)
        assert times[1] < 3.0, (unit, times)
        assert times[1] <= 20 * max(times[0], 0.01), (unit, times)

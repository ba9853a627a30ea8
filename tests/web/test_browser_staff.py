"""Issue 16 findings 2, 6, 7 and 9 in a real browser (Debian's chromium driven by playwright-core,
scripts/browser-staff.mjs), on the real app, database and picture set, with axe-core on every page.

The service's model is "none" and TRANSLATE_ENGINE is empty, as the person who filed the issue had it.
Needs `npm ci --prefix scripts` and `apt-get install chromium`; skipped without them unless CI is set.
"""

from __future__ import annotations

import json

import pytest

from tests.browser_support import assert_no_page_problems, needs_browser, run_script, serving

pytestmark = needs_browser

PASSWORD = "correct-horse-battery-staple"
NOT_SET_UP = "Translation is not set up here. Ask your administrator to set TRANSLATE_ENGINE."
LETTER = (
    "Eastfield City Council\nRevenues and Benefits\nPO Box 410\nEastfield EF1 9ZZ\nPhone: 0113 496 0540\n\n"
    "Ms A Kowalczyk\nFlat 6, Beacon House\nLark Lane\nEastfield\nEF3 7QS\n\n15 April 2025\n\n"
    "Account reference: 40018837\n\nDear Ms Kowalczyk,\n\n"
    "Council tax reminder\n\n"
    "You have not paid £142.50 of your council tax that was due on 1 March 2025.\n\n"
    "Please pay the £142.50 by 10 March 2025.\n\n"
    "If you do not pay, we may ask the magistrates' court for a liability order.\n\n"
    "You can pay online at www.eastfield.gov.uk/pay or phone 0113 496 0199.\n\n"
    "Yours sincerely,\n\nRevenues Team\nEastfield City Council\n"
)
LEGAL_SENTENCE = "We send this notice under section 23 of the Local Government Finance Act 1992."
LEGAL_LETTER = f"Council tax notice\n\nYou must pay £120 by 1 May 2025. {LEGAL_SENTENCE}\n\nCall us on 01234 567890.\n"


@pytest.fixture
def app(app):
    """The platform's app as the issue found it: model "none", no translation engine, the OpenMoji pictures,
    jobs run inside the request (immediate queue) so the draft is there when the upload answers."""
    from easyread import jobs

    app.config["EASYREAD"] = app.config["EASYREAD"].replace(
        MODEL="none", TRANSLATE_ENGINE="", QUEUE_URL="immediate", PICTURE_DEFAULT_SET="openmoji"
    )
    jobs.configure(app.config["EASYREAD"])
    return app


@pytest.fixture
def queued_letter(app, staff):
    """A letter waiting for the worker: its original kept and its row queued, as the upload leaves it before a worker starts."""
    from easyread.jobs import intake
    from easyread.store.db import db
    from easyread.store.models import Letter

    with app.app_context():
        digest, relative = intake.keep_original(app.instance_path, LEGAL_LETTER.encode())
        doc = Letter(
            council_id=staff.council_id,
            created_by=staff.id,
            title="Waiting letter",
            filename="waiting.txt",
            source_kind="txt",
            content_hash=digest,
            original_path=relative,
            options={"model": "none"},
            status="queued",
            progress={
                "stage": "waiting",
                "done": 0,
                "total": 1,
                "percent": 0,
                "task": {"kind": "document", "token": "x"},
            },
        )
        db.session.add(doc)
        db.session.commit()
        return doc.id


@pytest.mark.timeout(600)
def test_staff_findings_in_a_browser(app, staff, queued_letter, tmp_path):
    config = tmp_path / "config.json"
    config.write_text(
        json.dumps(
            {
                "letter": LETTER,
                "title": "Council tax for Flat 6",
                "legalLetter": LEGAL_LETTER,
                "legalSentence": LEGAL_SENTENCE,
                "queuedId": queued_letter,
            }
        )
    )
    with serving(app) as url:
        result = run_script("browser-staff.mjs", url, staff.email, PASSWORD, str(config), timeout=580)
    assert not result.get("error"), result.get("error")

    # Finding 2: refused before any job, in words staff can act on
    assert NOT_SET_UP in result["translateError"], result["translateError"]
    assert not result["translateBanner"], result["translateBanner"]
    assert "Did you mean Polish (pl)" in result["misspeltError"] and "easyread languages" not in result["misspeltError"]
    assert "does not know the model" not in result["draftAfterTranslate"]

    # Finding 7: the name staff gave, real headings, the sign-off last, addresses as lines and not "Must fix"
    assert result["h1"].startswith("Council tax for Flat 6"), result["h1"]
    headings = result["headings"]
    assert not [h for h in headings if h.startswith(("Section ", "Part "))], headings
    assert headings[0] == "Your details" and headings[-1] == "Who this letter is from", headings
    points = result["points"]
    texts = [p["text"] for p in points]
    sign_off = next(i for i, t in enumerate(texts) if t.startswith("Yours sincerely"))
    body = next(i for i, t in enumerate(texts) if t.startswith("You have not paid"))
    assert sign_off > body
    address = next(p for p in points if p["text"].startswith("Ms A Kowalczyk"))
    assert address["text"].count("\n") >= 4, address  # shown as lines, not one flattened line
    assert address["mustFix"] == 0 and points[0]["mustFix"] == 0

    # Finding 6: pictures that fit what the point is about, with alt text that says what they mean there
    money_names = {"Pound notes", "Coin", "Bag of money", "Money you need to pay"}
    assert points[0]["alt"] not in money_names and address["alt"] in (None, "Your address"), (points[0], address)
    reference = next(p for p in points if p["text"].startswith("Account reference"))
    assert reference["alt"] is None, reference  # no ® on a reference
    alts = [p["alt"] for p in points if p["alt"]]
    assert "Pound notes" not in alts and "Judge" not in alts, alts
    assert max(alts.count(a) for a in set(alts)) <= 2, alts
    pay = next(p for p in points if p["text"].startswith("Please pay"))
    assert pay["alt"] == "Money you need to pay", pay

    # Finding 9: wording and state
    assert result["modelValues"].count("none") == 1 and "embedded-fast" not in result["modelValues"], result[
        "modelValues"
    ]
    assert "Fast model" not in result["uploadText"] and "--model" not in result["uploadText"]
    assert result["bannerInView"] and result["undoInView"], (result["undoText"], result["savedRects"])
    assert "Undo the last change" in result["undoText"]
    assert result["compareChanged"] and any("picture" in row for row in result["compareChanged"]), result[
        "compareChanged"
    ]
    assert not [m for m in result["legalMustFix"] if "'23'" in m or "'1992'" in m], result["legalMustFix"]
    assert any("section 23" in m for m in result["legalChecks"]), result["legalChecks"]
    assert "Progress" not in result["listHeaders"] and result["listHeaders"].count("Status") == 1, result["listHeaders"]
    assert result["progressHeading"] == "Waiting to start", result["waitingText"]
    assert result["inviteWhole"] and result["inviteLink"].startswith("http"), result["inviteLink"]
    assert result["copyStatus"] == "Link copied." and result["clipboard"] == result["inviteLink"], result["clipboard"]

    assert_no_page_problems(result, with_url=True)

"""Issue 16 in a real browser (Debian's chromium driven by playwright-core, axe-core on every page):

- the approval gate: a point edited so the fact lock fails cannot be approved with one click; the findings are
  shown and approving needs a confirmation naming them, which is audited (finding 1, issue 14 item 6);
- a resident's comment reaches staff when they press "Send my answers", with and without JavaScript (finding 3);
- the hard-word chooser offers the point's likely hard words only, and takes another typed word (finding 4);
- no sideways scrolling at 320 and 375 px on every reviewer page, with and without JavaScript; sans-serif text;
  "Listen" plays in the page without JavaScript (finding 5);
- the reviewer's account page is Easy Read: name, signing out, who to ask; no email, no password (finding 8);
- screenshots of the reviewer page (320 and 1280 px) and of the approve step with findings.

Needs `npm ci --prefix scripts` and `apt-get install chromium`; skipped without them.
Set EASYREAD_SCREENSHOTS=docs/screenshots to refresh the committed screenshots.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from tests.browser_support import assert_no_page_problems, needs_browser, run_script, serving
from tests.web.review.conftest import audit_events

pytestmark = needs_browser
PASSWORD = "correct-horse-battery-staple"
LONG_ADDRESS = "https://www.testshire.gov.uk/council-tax/bills-and-payments/challenge-your-bill-or-ask-for-a-review-of-your-liability"

LETTER = f"""Dear resident,

Your council tax bill is £120. You must pay by 1 May 2025.

If you think the bill is wrong, you can ask us to look at it again at {LONG_ADDRESS}.

Call us on 01234 567890.

Yours sincerely,

Revenue Team
"""

POINTS = [
    (
        "Paying",
        [
            "Your council tax bill is £120.",
            "You must pay by 1 May 2025.",
            "If you do not pay, we may take you to court and ask for a liability order.",
        ],
    ),
    (
        "If the bill is wrong",
        ["You can ask us to look at your bill again.", f"Go to {LONG_ADDRESS}.", "Call us on 01234 567890."],
    ),
]


def _make_letter(app, council, staff, title: str) -> int:
    """A letter and version 1 of its draft, checked for real (fact lock included). The court point is not in the
    letter: it carries the meaning check's "meaning-unsupported" flag, as the rewriter would leave it."""
    from easyread.glossary import council as council_glossary
    from easyread.jobs.work import recheck
    from easyread.store.db import db
    from easyread.store.models import DraftVersion, Letter

    data = LETTER.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    uploads = Path(app.instance_path) / "uploads"
    uploads.mkdir(parents=True, exist_ok=True)
    (uploads / digest).write_bytes(data)
    draft = {
        "title": "Your council tax bill",
        "language": "en",
        "credits": [],
        "sections": [
            {
                "heading": heading,
                "points": [
                    {
                        "text": t,
                        "picture": None,
                        "findings": [],
                        "flags": ["meaning-unsupported"] if "court" in t else [],
                        "source_index": None,
                    }
                    for t in texts
                ],
            }
            for heading, texts in POINTS
        ],
    }
    with app.app_context():
        settings = app.config["EASYREAD"]
        checked, report = recheck(
            draft, LETTER, glossary=council_glossary.glossary_for(settings, council.id), settings=settings
        )
        doc = Letter(
            council_id=council.id,
            created_by=staff.id,
            title=title,
            filename="bill.txt",
            source_kind="text",
            content_hash=digest,
            original_path=f"uploads/{digest}",
            status="done",
            options={"model": "none", "formats": ["txt"]},
        )
        db.session.add(doc)
        db.session.flush()
        db.session.add(
            DraftVersion(
                document_id=doc.id,
                number=1,
                language="en",
                draft=checked,
                report=report,
                created_by=None,
                note="Made by the job",
            )
        )
        db.session.commit()
        return doc.id


@pytest.fixture
def resident_round(app, council, staff, make_reviewer):
    """A round of the bill letter sent to Rosa (who will use JavaScript) and Ravi (who will not), fresh invites for
    Nell and Ned (to see the code pages with and without JavaScript), and a second copy of the letter with no round,
    for the approval gate."""
    from easyread.records import invites, rounds, versions
    from easyread.store.db import db
    from easyread.store.models import Council, DraftVersion, Letter, User

    review_doc = _make_letter(app, council, staff, "Council tax bill (review)")
    gate_doc = _make_letter(app, council, staff, "Council tax bill (approve)")
    rosa, rosa_key, _ = make_reviewer("Rosa Reviewer")
    ravi, ravi_key, _ = make_reviewer("Ravi Reviewer")
    with app.app_context():
        doc = db.session.get(Letter, review_doc)
        version = db.session.query(DraftVersion).filter_by(document_id=doc.id, number=1).one()
        letter = versions.original_document(doc, app.instance_path, app.config["EASYREAD"])
        sender = db.session.get(User, staff.id)
        row = rounds.prepare(
            doc,
            version,
            [db.session.get(User, rosa), db.session.get(User, ravi)],
            due=None,
            note="Thank you for helping",
            user=sender,
            letter=letter,
            ignore=("Testshire Council",),
        )
        rounds.send(row, user=sender)
        tokens = [
            invites.new_invite(
                invites.create_reviewer(db.session.get(Council, council.id), name, actor="test"), 14, actor="test"
            )
            for name in ("Nell Newcomer", "Ned Newcomer")
        ]
        db.session.commit()
        return {
            "round_id": row.id,
            "review_doc": review_doc,
            "gate_doc": gate_doc,
            "rosa": rosa,
            "ravi": ravi,
            "keys": [rosa_key, ravi_key],
            "invites": ",".join(tokens),
        }


def _latest_feedback(app, round_id: int, reviewer_id: int) -> dict:
    from easyread.records import feedback, rounds

    with app.app_context():
        round_, assignment = rounds.assignment(round_id, reviewer_id)
        return {
            key: {"answer": r.answer, "comment": r.comment, "hard_words": list(r.hard_words)}
            for key, r in feedback.mine(round_, assignment).items()
        } | {"responded": assignment.responded_at is not None}


@pytest.mark.timeout(420)
def test_gate_comments_hard_words_widths_audio_and_account(app, staff, resident_round, tmp_path):
    shots = Path(os.environ.get("EASYREAD_SCREENSHOTS") or tmp_path)
    with serving(app) as base:
        r = resident_round
        result = run_script(
            "browser-resident.mjs",
            base,
            staff.email,
            PASSWORD,
            str(r["gate_doc"]),
            str(r["round_id"]),
            r["keys"][0],
            r["keys"][1],
            r["invites"],
            str(shots),
            timeout=400,
        )
    assert not result.get("error"), result.get("error")

    # Finding 1: the approval gate
    gate = result["gate"]
    assert gate["sendShowsProblems"] and "1 May 2025" not in gate["editedPoint"]
    assert gate["refusedStatus"] == 400 and gate["refusedError"] and gate["refusedApproved"] is False
    assert any("1 February 2025" in p for p in gate["problemsShown"]), gate["problemsShown"]
    assert any("does not say" in p for p in gate["problemsShown"]), gate["problemsShown"]  # the marked court sentence
    assert gate["approvedAfterConfirm"]
    approved = audit_events(app, "draft_approved")
    assert len(approved) == 1 and approved[0]["version"] == 2 and approved[0]["confirmed"] is True
    assert any("1 February 2025" in p for p in approved[0]["problems"]) and approved[0]["actor"] == staff.email
    from easyread.records import rounds

    with app.app_context():
        assert rounds.approved_version(r["gate_doc"]) == 2

    # Finding 3: comments reach staff with one "Send my answers", with JavaScript (Rosa) and without (Ravi)
    rosa, ravi = _latest_feedback(app, r["round_id"], r["rosa"]), _latest_feedback(app, r["round_id"], r["ravi"])
    assert rosa["responded"] and rosa[(0, 2)]["comment"] == "What is a liability order?"
    assert ravi["responded"] and ravi[(0, 2)]["comment"] == "Court is scary. Who do I ask?"
    assert (
        ravi[(1, 0)]["comment"] == "Typed before pressing an answer elsewhere"
        and ravi[(0, 0)]["answer"] == "understand"
    )

    # Finding 4: the chooser offers likely hard words only, and a typed word is kept
    chips = result["chips"]
    offered = [w for words in chips.values() for w in words]
    assert {"liability order", "court"} & {w.casefold() for w in offered}, chips
    assert not {"If", "a", "you", "2025", "2025,", "£120", "by", "May"} & set(offered), chips
    assert all(w == w.strip(".,;:!?()") for w in offered) and max(len(v) for v in chips.values()) <= 10
    assert "bill" in [w.casefold() for w in rosa[(0, 0)]["hard_words"]]  # typed into "Another hard word"
    assert result["tallestPoint375"] < 1400, result["tallestPoint375"]

    # Finding 5: no sideways scroll, sans-serif, audio in the page without JavaScript
    wide = [m for m in result["widths"] if m["scrollWidth"] > m["clientWidth"]]
    assert not wide, wide
    measured = {(m["label"], m["width"], m["js"]) for m in result["widths"]}
    for label in (
        "sign in",
        "choose your code",
        "code saved",
        "your documents",
        "review page",
        "your account",
        "thank you",
    ):
        for width in (320, 375):
            assert (label, width, False) in measured and (label, width, True) in measured, (label, width)
    assert all("serif" in f and not f.startswith("serif") and "times" not in f.lower() for f in result["fonts"]), (
        result["fonts"]
    )
    assert (
        result["audio"]["noJsPlayers"] >= 7
        and result["audio"]["noJsVisible"]
        and result["audio"]["wavType"] == "audio/wav"
    )
    assert result["audio"]["jsButtons"] >= 7 and not result["audio"]["jsPlayersVisible"]

    # Finding 8: the reviewer's account page
    for account in result["accounts"]:
        assert (
            account["url"].endswith("/review/account")
            and "Sign out" in account["text"]
            and "Sam Staff" in account["text"]
        )
        assert "Rosa Reviewer" in account["text"] or "Ravi Reviewer" in account["text"]
        assert "Password" not in account["text"] and "@" not in account["text"].replace("staff@testshire.gov.uk", "")
    assert result["passwordPage"].endswith("/review/account")

    # Screenshots, and axe on every page visited
    for name in ("reviewer-page-320.png", "reviewer-page-1280.png", "approve-step-with-findings.png"):
        assert (shots / name).stat().st_size > 10_000, name
    assert len(result["pages"]) >= 18
    assert_no_page_problems(result, with_url=True)

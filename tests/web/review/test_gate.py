"""The approval gate's decision (easyread.review.gate) and the hard-word chooser (easyread.review.hard_words)."""

from __future__ import annotations

import pytest

from easyread.glossary import DEFAULT_GLOSSARY, load_glossary
from easyread.review import gate, hard_words

DRAFT = {
    "sections": [
        {
            "heading": "Paying",
            "points": [
                {
                    "text": "You must pay by 1 February 2025.",
                    "flags": [],
                    "findings": [
                        {
                            "rule_id": "fact-changed",
                            "severity": "fail",
                            "message": "The original letter says '1 May 2025', not '1 February 2025'.",
                        },
                        {
                            "rule_id": "long-sentence",
                            "severity": "warn",
                            "message": "A warning is not an open problem.",
                        },
                    ],
                },
                {
                    "text": "We may take you to court.",
                    "flags": ["meaning-unsupported", "picture-chosen"],
                    "findings": [],
                },
                {"text": "Call us.", "flags": [], "findings": []},
            ],
        }
    ]
}
REPORT = {
    "score": 43,
    "passed": False,
    "document_findings": [
        {
            "rule_id": "fact-lost",
            "severity": "fail",
            "message": "'01234 567890' (phone) from the original letter is missing.",
        }
    ],
}


def test_open_problems_are_failing_findings_marked_points_and_lost_facts():
    problems = gate.open_problems(DRAFT, REPORT)
    assert [(p.kind, p.rule_id, p.where) for p in problems] == [
        ("fact", "fact-changed", "Paying, point 1"),
        ("meaning", "meaning-unsupported", "Paying, point 2"),
        ("fact", "fact-lost", "Whole letter"),
    ]
    assert [m["where"] for m in gate.marked_points(problems)] == ["Paying, point 1", "Paying, point 2"]
    assert gate.summary(REPORT, problems)["counts"] == {"fact": 2, "meaning": 1, "check": 0}


def test_confirmation_must_name_exactly_these_problems():
    problems = gate.open_problems(DRAFT, REPORT)
    with pytest.raises(gate.NeedsConfirmation) as refused:
        gate.require_confirmation(problems, None)
    assert len(refused.value.problems) == 3
    with pytest.raises(gate.NeedsConfirmation):
        gate.require_confirmation(problems, gate.fingerprint(problems[:2]))  # ticked before another problem appeared
    gate.require_confirmation(problems, gate.fingerprint(problems))
    gate.require_confirmation(
        gate.open_problems({"sections": []}, {"passed": True}), None
    )  # nothing open: no box needed


def test_chooser_offers_likely_hard_words_only():
    glossary = load_glossary([DEFAULT_GLOSSARY])
    offered = hard_words.choices(
        "If you do not pay by 1 February 2025, we may ask the court for a liability order.", glossary
    )
    assert offered == ["liability order"]
    offered = hard_words.choices(
        "You are entitled to a discount. See www.testshire.gov.uk/council-tax/discounts.", glossary
    )
    assert "entitled" in offered and not {"www", "testshire", "You", "a", "to"} & set(offered)
    assert hard_words.clean(' "overpayment," ') == "overpayment"


def test_send_my_answers_keeps_comments_even_without_a_face(app, sent_round, post, page):
    """Without JavaScript the page is one form: "Send my answers" carries every typed comment and word."""
    from easyread.records import feedback, rounds
    from tests.web.review.conftest import reviewer_client_for

    rid, rosa_id = sent_round["round_id"], sent_round["reviewers"][0]
    rosa = reviewer_client_for(app, rosa_id)
    form = {
        "shown": ["1-1", "1-2"],
        "comment-1-1": "What is council tax?",
        "hard-1-1": ["Council tax"],
        "hard-other-1-2": "court,",
        "comment-1-2": "",
    }
    unfinished = post(rosa, f"/review/read/{rid}/finish", form)
    assert "error=" in unfinished.headers["Location"]  # no face chosen: asked again, but nothing typed is lost
    with app.app_context():
        said = feedback.mine(*rounds.assignment(rid, rosa_id))
        assert said[(1, 1)].comment == "What is council tax?" and said[(1, 1)].hard_words == ["Council tax"]
        assert said[(1, 2)].hard_words == ["court"] and (0, 0) not in said  # untouched parts add no rows
    finished = post(rosa, f"/review/read/{rid}/finish", dict(form, overall="easy"))
    assert page(rosa.get(finished.headers["Location"])).h1 == "Thank you"
    again = page(rosa.get(f"/review/read/{rid}"))
    assert again.select("//textarea[@id='comment-1-1'][contains(., 'What is council tax?')]")


def test_reviewer_account_is_easy_read_without_email_or_password(app, sent_round, staff, page):
    from tests.web.review.conftest import reviewer_client_for

    rosa = reviewer_client_for(app, sent_round["reviewers"][0])
    account = page(rosa.get("/account", follow_redirects=True))
    assert account.h1 == "Your account" and "Rosa Reviewer" in account.text and "Sam Staff" in account.text
    assert "reviewers.invalid" not in account.text and not account.select("//input[@type='password']")
    assert account.select("//a[@href='/sign-out']")
    assert rosa.get("/account/password").headers["Location"].endswith("/review/account")

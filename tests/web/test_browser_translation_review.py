"""In a real browser: a fluent speaker opens a Polish translation, corrects a point and approves the language;
the pages have no WCAG 2.2 A/AA violations (axe-core) and the new version says every point was checked."""

from __future__ import annotations

import pytest

from tests.browser_support import assert_no_page_problems, needs_browser, run_script, serving

pytestmark = needs_browser

PASSWORD = "correct-horse-battery-staple"
ENGLISH = {
    "title": "Council tax reminder",
    "language": "en",
    "credits": [],
    "sections": [
        {
            "heading": "What to do",
            "points": [
                {"text": "You must pay £120 by 1 May 2025.", "picture": None, "findings": [], "flags": []},
                {"text": "Call us on 01234 567890.", "picture": None, "findings": [], "flags": []},
            ],
        }
    ],
}
POLISH = {
    "title": "Przypomnienie",
    "language": "pl",
    "credits": [],
    "sections": [
        {
            "heading": "Co zrobić",
            "points": [
                {
                    "text": "PL You must pay £120 do 1 maja 2025.",
                    "picture": None,
                    "findings": [],
                    "flags": ["translation-low-trust"],
                },
                {"text": "Zadzwoń pod 01234 567890.", "picture": None, "findings": [], "flags": []},
            ],
        }
    ],
}


@pytest.fixture
def translated_letter(app, council, staff, make_document):
    from easyread.store.db import db
    from easyread.store.models import DraftVersion

    doc_id = make_document(council, staff)
    with app.app_context():
        db.session.add(DraftVersion(document_id=doc_id, number=1, language="en", draft=ENGLISH, report={}))
        db.session.add(
            DraftVersion(
                document_id=doc_id,
                number=1,
                language="pl",
                draft=POLISH,
                report={"from_version": 1, "translation": {"points": 2, "flagged": 1, "engine": "test"}},
            )
        )
        db.session.commit()
    app.config["EASYREAD"] = app.config["EASYREAD"].replace(TRANSLATE_BACK_CHECK=False)
    return doc_id


@pytest.mark.timeout(180)
def test_fluent_speaker_review_in_a_browser(app, staff, translated_letter):
    with serving(app) as url:
        result = run_script(
            "browser-translation-review.mjs",
            url,
            staff.email,
            PASSWORD,
            str(translated_letter),
            "Musisz zapłacić £120 do 1 maja 2025.",
            timeout=170,
        )
    assert result["signedIn"] and not result.get("error"), result
    assert "2 of 2 points checked" in result["banner"], result["banner"]
    assert (
        "checked by a fluent speaker" in result["afterText"]
        and "Musisz zapłacić £120 do 1 maja 2025." in result["afterText"]
    )
    assert {p["label"] for p in result["pages"]} == {"translation", "translation review", "translation after review"}
    assert_no_page_problems(result)

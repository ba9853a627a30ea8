"""The core loop in a real browser (Debian's chromium driven by playwright-core), the reviewer using
the keyboard only, with axe-core (WCAG 2.2 A and AA) on every reviewer and staff review page.

Needs `npm ci --prefix scripts` and `apt-get install chromium`; skipped without them.
"""

from __future__ import annotations

import pytest

from tests.browser_support import assert_no_page_problems, needs_browser, run_script, serving
from tests.web.review.conftest import PERSONAL

pytestmark = needs_browser
PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def live_server(app, staff):
    with serving(app) as url:
        yield url


@pytest.mark.timeout(300)
def test_round_keyboard_feedback_glossary_version_2_and_approve(app, live_server, staff, letter_doc):
    result = run_script("browser-review.mjs", live_server, staff.email, PASSWORD, str(letter_doc), timeout=280)
    assert not result.get("error"), result.get("error")
    assert "Ms Jane Smith" in result["hidden"] and "TE1 2ST" in result["hidden"]
    assert all(item.lower() not in result["reviewerText"].lower() for item in PERSONAL), result["reviewerText"]
    assert result["answered"] == 7 and result["hardWord"] and result["overall"] == "okay" and result["focusStayed"]
    assert result["signedInLater"]
    assert "Rosa Reviewer" in result["triageText"] and "A bit hard" in result["triageText"]
    assert result["glossaryAdded"] and result["version2"] and result["approved"]
    who = {p["who"] for p in result["pages"]}
    assert who == {"staff", "reviewer"} and sum(p["who"] == "reviewer" for p in result["pages"]) >= 7
    assert_no_page_problems(result)
    from easyread.records import rounds

    with app.app_context():
        assert rounds.approved_version(letter_doc) == 2

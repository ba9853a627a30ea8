"""The trace on the draft page in a real browser with JavaScript off: "Where this comes from" opens,
its link highlights the letter sentence (:target), and a sentence not in the Easy Read yet is added
with one click; axe-core (WCAG 2.2 A and AA) finds nothing on the page before or after."""

from __future__ import annotations

from tests.browser_support import assert_no_page_problems, needs_browser, run_script, serving
from tests.web.doc_support import doc_id_from, latest_draft

pytestmark = needs_browser
PASSWORD = "correct-horse-battery-staple"


def test_trace_works_in_a_browser_without_javascript(app, staff, staff_client, upload, post):
    doc_id = doc_id_from(upload(staff_client))
    _, draft, _ = latest_draft(app, doc_id)
    s, i = next(
        (s, i)
        for s, sec in enumerate(draft["sections"])
        for i, p in enumerate(sec["points"])
        if p["text"].startswith("If you do not pay")
    )
    post(staff_client, f"/documents/{doc_id}/points/{s}/{i}/remove", {"version": 1})
    with serving(app) as url:
        result = run_script("browser-trace.mjs", url, staff.email, PASSWORD, f"/documents/{doc_id}", timeout=300)
    assert not result.get("error"), result["error"]
    assert not result["visibleBefore"] and result["opened"]
    assert result["target"].startswith("sentence-")
    assert result["highlight"] != result["plain"], result  # the linked sentence stands out
    assert result["uncoveredBefore"] == 1 and result["uncoveredAfter"] == 0, result
    assert "Added a point from the letter's sentence" in result["banner"]
    assert latest_draft(app, doc_id)[0] == 3
    assert_no_page_problems(result, with_url=True)

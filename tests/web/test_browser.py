"""In a real browser (Debian's chromium driven by playwright-core): sign in, and check the sign-in,
admin and accessibility pages with axe-core against WCAG 2.2 A and AA. Zero violations allowed.

Needs `npm ci --prefix scripts` and `apt-get install chromium`; skipped without them.
"""

from __future__ import annotations

import pytest

from tests.browser_support import assert_no_page_problems, needs_browser, run_script, serving

pytestmark = needs_browser

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def live_server(app, admin, staff, reviewer):
    with serving(app) as url:
        yield url


@pytest.mark.timeout(180)
def test_sign_in_and_pages_have_no_wcag_22_violations(live_server, admin):
    result = run_script("browser-check.mjs", live_server, admin.email, PASSWORD, timeout=170)
    assert result["signedIn"] and result["afterSignIn"] != "/sign-in", result
    assert result["errorSummaryFocused"], "GOV.UK Frontend's JavaScript should move focus to the error summary"
    visited = [p["url"].split("?")[0] for p in result["pages"]]
    assert {
        "/sign-in",
        "/admin/users",
        "/admin/users/new",
        "/admin/audit",
        "/admin/settings",
        "/account/tokens",
        "/sign-out",
        "/accessibility",
    } <= set(visited)
    assert_no_page_problems(result)

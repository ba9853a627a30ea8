"""In a real browser (Debian's chromium driven by playwright-core): sign in, and check the sign-in,
admin and accessibility pages with axe-core against WCAG 2.2 A and AA. Zero violations allowed.

Needs `npm ci --prefix scripts` and `apt-get install chromium`; skipped without them.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "browser-check.mjs"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
HAVE_TOOLS = (shutil.which("node") and Path(CHROMIUM).exists()
              and (ROOT / "scripts" / "node_modules" / "playwright-core").is_dir()
              and (ROOT / "scripts" / "node_modules" / "axe-core").is_dir())

# In CI the tools are installed by scripts/setup.sh, so a missing one is a failure there, not a skip.
pytestmark = pytest.mark.skipif(not HAVE_TOOLS and not os.environ.get("CI"), reason="needs node, `npm ci --prefix scripts` and Debian's chromium")

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def live_server(app, admin, staff, reviewer):
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


@pytest.mark.timeout(180)
def test_sign_in_and_pages_have_no_wcag_22_violations(live_server, admin):
    done = subprocess.run(["node", str(SCRIPT), live_server, admin.email, PASSWORD],
                          capture_output=True, text=True, timeout=170, env={**os.environ, "CHROMIUM": CHROMIUM})
    assert done.stdout.strip(), done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["signedIn"] and result["afterSignIn"] != "/sign-in", result
    assert result["errorSummaryFocused"], "GOV.UK Frontend's JavaScript should move focus to the error summary"
    visited = [p["url"].split("?")[0] for p in result["pages"]]
    assert {"/sign-in", "/admin/users", "/admin/users/new", "/admin/audit", "/admin/settings", "/accessibility"} <= set(visited)
    problems = [f"{p['label']}: {v['id']} ({v['impact']}) {v['help']} at {v['targets'][:3]}" for p in result["pages"] for v in p["violations"]]
    assert not problems, "\n".join(problems)
    assert not result["consoleErrors"], result["consoleErrors"]
    assert not result["brokenResources"], result["brokenResources"]

"""The core loop in a real browser (Debian's chromium driven by playwright-core), the reviewer using
the keyboard only, with axe-core (WCAG 2.2 A and AA) on every reviewer and staff review page.

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
from review_support import PERSONAL

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "browser-review.mjs"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
HAVE_TOOLS = (shutil.which("node") and Path(CHROMIUM).exists()
              and (ROOT / "scripts" / "node_modules" / "playwright-core").is_dir()
              and (ROOT / "scripts" / "node_modules" / "axe-core").is_dir())

pytestmark = pytest.mark.skipif(not HAVE_TOOLS and not os.environ.get("CI"), reason="needs node, `npm ci --prefix scripts` and Debian's chromium")
PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def live_server(app, staff):
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


@pytest.mark.timeout(300)
def test_round_keyboard_feedback_glossary_version_2_and_approve(app, live_server, staff, letter_doc):
    done = subprocess.run(["node", str(SCRIPT), live_server, staff.email, PASSWORD, str(letter_doc)],
                          capture_output=True, text=True, timeout=280, env={**os.environ, "CHROMIUM": CHROMIUM})
    assert done.stdout.strip(), done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert not result.get("error"), result.get("error")
    assert "Ms Jane Smith" in result["hidden"] and "TE1 2ST" in result["hidden"]
    assert all(item.lower() not in result["reviewerText"].lower() for item in PERSONAL), result["reviewerText"]
    assert result["answered"] == 7 and result["hardWord"] and result["overall"] == "okay" and result["focusStayed"]
    assert result["signedInLater"]
    assert "Rosa Reviewer" in result["triageText"] and "A bit hard" in result["triageText"]
    assert result["glossaryAdded"] and result["version2"] and result["approved"]
    who = {p["who"] for p in result["pages"]}
    assert who == {"staff", "reviewer"} and sum(p["who"] == "reviewer" for p in result["pages"]) >= 7
    problems = [f"{p['label']}: {v['id']} ({v['impact']}) {v['help']} at {v['targets'][:3]}" for p in result["pages"] for v in p["violations"]]
    assert not problems, "\n".join(problems)
    assert not result["consoleErrors"], result["consoleErrors"]
    assert not result["brokenResources"], result["brokenResources"]
    from easyread.review import rounds

    with app.app_context():
        assert rounds.approved_version(letter_doc) == 2

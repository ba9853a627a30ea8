"""What the real-browser tests share: finding Debian's chromium and the node tools, serving the
app on a free port, running a playwright-core script and reading its axe-core verdict.

Needs `npm ci --prefix scripts` and `apt-get install chromium`. In CI scripts/setup.sh installs
them, so a missing one is a failure there, not a skip.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
HAVE_TOOLS = (
    shutil.which("node")
    and Path(CHROMIUM).exists()
    and (ROOT / "scripts" / "node_modules" / "playwright-core").is_dir()
    and (ROOT / "scripts" / "node_modules" / "axe-core").is_dir()
)

needs_browser = pytest.mark.skipif(
    not HAVE_TOOLS and not os.environ.get("CI"), reason="needs node, `npm ci --prefix scripts` and Debian's chromium"
)


@contextmanager
def serving(app):
    """The app on 127.0.0.1 at a free port, in a thread, for as long as the block runs; yields its URL."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


def run_script(name: str, *args: str, timeout: float, env: dict | None = None) -> dict:
    """Run scripts/<name> with node and return the JSON object on its last line of output."""
    done = subprocess.run(
        ["node", str(ROOT / "scripts" / name), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "CHROMIUM": CHROMIUM, **(env or {})},
    )
    assert done.stdout.strip(), done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def assert_no_page_problems(result: dict, *, with_url: bool = False) -> None:
    """Zero axe-core violations on every page the script visited, no console errors, no broken resources."""
    problems = [
        f"{p['label']}{' (' + p['url'] + ')' if with_url else ''}: {v['id']} ({v['impact']}) {v['help']} at {v['targets'][:3]}"
        for p in result["pages"]
        for v in p["violations"]
    ]
    assert not problems, "\n".join(problems)
    assert not result["consoleErrors"], result["consoleErrors"]
    assert not result["brokenResources"], result["brokenResources"]

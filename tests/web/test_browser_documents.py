"""End to end in a real browser (Debian's chromium driven by playwright-core), with the real
embedded model and a real background worker: sign in as staff, upload a DOCX, wait for the
draft, change a point's words, download the DOCX; axe-core (WCAG 2.2 A and AA) on every page
on the way, zero violations allowed.

Needs `npm ci --prefix scripts`, `apt-get install chromium` and the model in the cache;
skipped without the browser tools unless CI is set. Marked `model`: it takes minutes.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.browser_support import assert_no_page_problems, needs_browser, run_script, serving

pytestmark = needs_browser

PASSWORD = "correct-horse-battery-staple"
WAIT_SECONDS = 600
NEW_WORDS = "Ring the council if you want help with this letter."
LETTER = [
    "Council tax reminder",
    "Our records show that you have not paid your council tax instalment of £120 that was due on 1 March 2025.",
    "Please pay the full amount by 15 March 2025 or telephone 01632 960123 to discuss a payment arrangement.",
]


@pytest.fixture
def app(instance):
    """The app as `easyread serve` runs it: the embedded model, jobs on the SQLite queue in the
    instance folder (a real consumer, started by `live_server`), pictures on. One repair round and
    no best-of sampling keep the model's part to a few minutes."""
    from easyread import create_app
    from easyread.records.users import get_or_create_council
    from easyread.store.db import db

    app = create_app(
        {
            "INSTANCE_PATH": str(instance),
            "TESTING": True,
            "COUNCIL_NAME": "Testshire Council",
            "QUEUE_URL": "",
            "MODEL": "embedded",
            "PICTURE_DEFAULT_SET": "openmoji",
            "REWRITE_REPAIR_ROUNDS": 1,
            "REWRITE_BEST_OF": 1,
            "WORKER_THREADS": 1,
        }
    )
    with app.app_context():
        get_or_create_council("Testshire Council")
        db.session.commit()
    return app


@pytest.fixture
def libre(app):
    from tests.web.libre_support import Libre

    server = Libre()
    app.config["EASYREAD"] = app.config["EASYREAD"].replace(
        TRANSLATE_ENGINE=f"libretranslate+{server.url}", TRANSLATE_BACK_CHECK=False
    )
    yield server
    server.close()


@pytest.fixture
def live_server(app, staff):
    from easyread import jobs

    consumer = jobs.start_in_thread(app)
    assert consumer is not None, "the queue should not be in immediate mode here"
    try:
        with serving(app) as url:
            yield url
    finally:
        consumer.stop(graceful=False)


def _letter(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading(LETTER[0], level=1)
    for paragraph in LETTER[1:]:
        document.add_paragraph(paragraph)
    document.save(path)
    return path


@pytest.mark.model
@pytest.mark.timeout(1500)
def test_upload_wait_edit_and_download_in_a_browser_with_no_wcag_22_violations(libre, live_server, staff, tmp_path):
    letter = _letter(tmp_path / "council-tax-reminder.docx")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    started = time.monotonic()
    result = run_script(
        "browser-documents.mjs",
        live_server,
        staff.email,
        PASSWORD,
        str(letter),
        str(downloads),
        NEW_WORDS,
        timeout=860,
        env={"WAIT_SECONDS": str(WAIT_SECONDS)},
    )
    elapsed = time.monotonic() - started
    print(f"browser run: {elapsed:.0f} s; steps: {result['steps']}; axe on: {[p['label'] for p in result['pages']]}")
    assert result["signedIn"], result
    assert not result.get("error"), result
    assert result["status"] == "done", result

    assert "The file is empty" in result["emptyFileError"], result["emptyFileError"]
    assert result["draftText"], "the draft should have points"
    assert result["edited"], (result["afterEditText"], NEW_WORDS)
    assert "Changed the words" in result["banner"], result["banner"]

    labels = {p["label"] for p in result["pages"]}
    assert {
        "upload",
        "upload with an error",
        "letters list",
        "draft page",
        "draft page after the change",
        "versions",
        "picture search",
        "glossary",
        "translations",
        "translations with an error",
        "translation",
    } <= labels, labels
    assert "PL " in result["translationText"] and "£120" in result["translationText"], result["translationText"][:500]
    assert result["pictureResults"] > 0, "the picture search should show pictures, so axe checks them too"
    assert_no_page_problems(result, with_url=True)

    downloaded = Path(result["download"])
    assert downloaded.suffix == ".docx" and downloaded.parent == downloads
    assert NEW_WORDS in _docx_text(downloaded)


def _docx_text(path: Path) -> str:
    """Every paragraph of a DOCX, in body and table cells alike (the points sit in a table beside their pictures)."""
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    return "\n".join(Paragraph(p, document).text for p in document.element.body.iter(qn("w:p")))

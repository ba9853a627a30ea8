"""The first draft on the staff page while the job still checks it: readable, not approvable, then replaced."""

from __future__ import annotations

import threading

from tests.simplify.fakes import FakeEngine, sentence_of
from tests.web.conftest import signed_in

# Long sentences, so the letter is not already Easy Read and goes through the model.
LETTER = (
    "Council Tax reminder\n\n"
    "Dear Ms Smith,\n\n"
    "Our records show that you have not paid the instalment of £120.00 that was due on 1 April 2025 for your "
    "Council Tax at the address shown above this notice.\n\n"
    "If you do not pay the full amount by 1 May 2025, we may have no option but to take you to court.\n\n"
    "If you are having difficulty paying, please telephone us on 01234 567890 as soon as possible so that we "
    "can discuss an arrangement.\n\n"
    "Yours sincerely,\n\nRevenue Team\n"
)

LONG = "If you do not pay the money you owe us by the date on this letter, we may take you to the court about it."
SPLIT = "- Pay the money by the date on this letter.\n- If you do not pay, we may take you to court."


def _script(kind, user, chat):
    if kind == "rewrite" and "court" in sentence_of(user):
        return "- " + LONG  # too long: the repair round splits it, after the first draft
    if kind == "repair" and "court" in user:
        return SPLIT
    return None


def test_the_page_shows_the_first_draft_before_the_job_ends(app, staff, staff_client, upload, page, monkeypatch):
    import easyread.engines.registry as registry
    from easyread.jobs import tasks

    monkeypatch.setattr(registry, "get_engine", lambda spec=None, settings=None: FakeEngine(_script))
    # The scripted rewrite is of a sentence with "if": the model rewrites it only with the condition cuts off.
    app.config["EASYREAD"] = app.config["EASYREAD"].replace(REWRITE_CONDITION_CUTS=False)
    stored, release = threading.Event(), threading.Event()
    real_writer = tasks._first_draft_writer

    def writer(doc, token):
        store = real_writer(doc, token)

        def paused(made):
            store(made)
            stored.set()
            assert release.wait(60), "the test never let the job go on"

        return paused

    monkeypatch.setattr(tasks, "_first_draft_writer", writer)
    responses = []
    # The queue runs jobs inside the upload request here, so the upload waits in its own thread.
    uploading = threading.Thread(target=lambda: responses.append(upload(staff_client, LETTER, model="embedded")))
    uploading.start()
    try:
        assert stored.wait(120), "no first draft was stored"
        reader = signed_in(app, staff)
        shown = page(reader.get("/documents/1"))
        status = reader.get("/documents/1/status.json").get_json()
    finally:
        release.set()
        uploading.join(120)
    assert responses and responses[0].status_code == 302
    assert status["status"] == "running" and status["first_draft"] is True and status["percent"] >= 50
    assert "First draft: still being checked" in shown.text
    assert LONG in shown.text  # the draft as rewritten, before the repair round split it
    # Nothing can act on it yet: no approval or review link, no downloads, no edits.
    assert "Send for review or approve this letter" not in shown.text
    assert not shown.select("//a[contains(@href, '/download')]")
    assert not shown.select("//form[contains(@action, '/points/')]")

    done = page(reader.get("/documents/1"))
    assert "First draft: still being checked" not in done.text
    assert "Send for review or approve this letter" in done.text
    assert LONG not in done.text and "Pay the money by the date on this letter." in done.text
    assert reader.get("/documents/1/status.json").get_json()["first_draft"] is False


def test_each_rewriter_stage_moves_the_bar():
    """Each stage has its own share of the bar, in the order the stages run: none waits at one figure."""
    from easyread.jobs import tasks

    order = [
        "read",
        "plan",
        "rewrite",
        "rewrite check",
        "fact lock",
        "repair round 1",
        "repair round 2",
        "best-of-N",
        "meaning check",
        "meaning repair",
        "meaning re-check",
        "fact lock and report",
        "pictures",
        "check",
    ]
    ends = [tasks._percent(stage, 1, 1, 0) for stage in order]
    starts = [tasks._percent(stage, 0, 1, 0) for stage in order]
    assert ends == sorted(ends) and len(set(ends)) == len(ends)
    assert all(start < end for start, end in zip(starts, ends))
    assert tasks._percent("rewrite", 10, 20, 0) == 25  # halfway through the rewrite's share

"""The checks and the rewriter run within a time limit: past it a job fails with a plain message and the worker is free."""

from __future__ import annotations

import threading
import time

import pytest

from easyread.timelimit import TimeLimitError, check_time, time_limit
from tests.web.doc_support import doc_id_from


def test_check_time_raises_only_inside_a_passed_limit():
    check_time()  # no limit: nothing
    with time_limit(0.05):
        check_time()
        time.sleep(0.1)
        with pytest.raises(TimeLimitError):
            check_time()
    check_time()  # the limit ended with its block
    with time_limit(0):
        time.sleep(0.01)
        check_time()  # 0 means no limit


def test_each_thread_has_its_own_limit():
    errors = []

    def other():
        try:
            check_time()
        except TimeLimitError as error:  # pragma: no cover - the failure this test looks for
            errors.append(error)

    with time_limit(0.01):
        time.sleep(0.05)
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
    assert not errors


def test_the_message_is_one_plain_instruction():
    message = str(TimeLimitError(1800))
    assert message.startswith("This letter took longer than 30 minutes to check and rewrite, so it was stopped.")
    assert "EASYREAD_JOB_TIME_LIMIT_SECONDS" in message


def test_the_real_checks_stop_at_the_limit():
    from easyread.checks.report import check_document
    from easyread.documents.model import Block, BlockKind, Document

    letter = Document(
        blocks=[Block(BlockKind.PARAGRAPH, "You must pay £120 by 1 May 2026. Call us on 01793 445500.")] * 50
    )
    check_document(letter)  # warm: spaCy and word lists loaded
    with time_limit(0.000001), pytest.raises(TimeLimitError):
        time.sleep(0.001)
        check_document(letter)


def test_a_job_past_its_limit_fails_in_plain_words_and_the_next_one_runs(app, staff_client, upload, monkeypatch):
    """A rewriter that keeps reporting progress but never ends (a fake model) is stopped at the limit."""
    from easyread import drafting
    from easyread.store.db import db
    from easyread.store.models import Letter

    real_rewrite = drafting.rewrite_letters

    def endless(letters, *, progress, **kwargs):
        for n in range(10_000):
            progress("rewrite", n, 10_000)
            time.sleep(0.05)
        raise AssertionError("the time limit did not stop the job")

    settings = app.config["EASYREAD"]
    app.config["EASYREAD"] = settings.replace(JOB_TIME_LIMIT_SECONDS=1)
    monkeypatch.setattr(drafting, "rewrite_letters", endless)
    started = time.monotonic()
    doc_id = doc_id_from(upload(staff_client))
    assert time.monotonic() - started < 30
    with app.app_context():
        doc = db.session.get(Letter, doc_id)
        assert doc.status == "failed"
        assert doc.error.startswith("This letter took longer than 1 minute to check and rewrite, so it was stopped.")
    monkeypatch.setattr(drafting, "rewrite_letters", real_rewrite)
    # The next job runs under the usual limit: under 1 second it measured the machine, not the worker (run alone, a
    # cold spaCy load took longer, and it failed once in a full CI run).
    app.config["EASYREAD"] = settings
    next_id = doc_id_from(upload(staff_client))
    with app.app_context():
        assert db.session.get(Letter, next_id).status == "done"

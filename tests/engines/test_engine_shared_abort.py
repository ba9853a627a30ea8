"""Stopping a shared engine at once (Ctrl-C in a batch): callers waiting on it hear of it at once."""

from __future__ import annotations

import threading
import time

import pytest

from easyread.engines.base import EngineError
from easyread.engines.shared import SharedEngine
from tests.simplify.rows_fake import RowsFake


def test_abort_fails_the_prompts_still_being_written():
    engine = RowsFake(held=lambda chat: True, hold_seconds=60.0)
    shared = SharedEngine(engine)
    got: list = []

    def caller() -> None:
        try:
            got.append(shared.generate([[{"role": "user", "content": "Rewrite this sentence:\nPay £5."}]]))
        except EngineError as error:
            got.append(error)

    thread = threading.Thread(target=caller)
    thread.start()
    while not engine.step_rows:
        time.sleep(0.01)
    started = time.monotonic()
    shared.abort()
    thread.join(5)
    assert not thread.is_alive() and time.monotonic() - started < 5
    assert isinstance(got[0], EngineError) and "stopped" in str(got[0])
    with pytest.raises(RuntimeError, match="closed"):
        shared.generate([[{"role": "user", "content": "x"}]])

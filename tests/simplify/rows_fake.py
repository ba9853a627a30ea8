"""A scripted engine that refills rows like the in-process one: a SharedEngine serves it with one running decoder.

Each prompt holds a row for `steps(chat)` decode steps (or until `release` is set, for a prompt `held(chat)`
marks), then answers as FakeEngine would. `step_rows` records which prompts shared each decode step.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from contextlib import contextmanager

from easyread.engines.base import Occupancy
from tests.simplify.fakes import FakeEngine, last_user


class RowsFake(FakeEngine):
    """FakeEngine's replies, written row by row in one decoder that takes prompts as rows free up."""

    continuous = True

    def __init__(self, script=None, *, slots: int = 8, steps: int = 2, held=None, hold_seconds: float = 10.0):
        super().__init__(script)
        self._lock = threading.Lock()
        self.slots, self.steps = slots, steps
        self.held = held or (lambda chat: False)
        self.hold_seconds = hold_seconds
        self.release = threading.Event()
        self.step_rows: list[list[str]] = []  # per decode step, the user text of every row in it
        self.decoders = 0

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def open_decoder(self) -> _Decoder:
        self.decoders += 1
        return _Decoder(self)

    @contextmanager
    def serving(self):
        yield

    def prepare_rows(self, prompts, samplings):
        return list(prompts), [0] * len(prompts), [None] * len(prompts)

    def row_order(self, encoded):
        return list(range(len(encoded)))

    def reply_text(self, tokens):
        return tokens[0]


class _Decoder:
    def __init__(self, engine: RowsFake):
        self.engine = engine
        self.waiting: deque = deque()
        self.rows: list[list] = []
        self.occupancy = Occupancy(slots=engine.slots)

    @property
    def busy(self) -> bool:
        return bool(self.waiting or self.rows)

    def add(self, chat, budget, done, group=None, pick=None) -> None:
        self.waiting.append([chat, self.engine.steps, done, time.monotonic()])

    def step(self) -> None:
        engine = self.engine
        while self.waiting and len(self.rows) < engine.slots:
            self.rows.append(self.waiting.popleft())
        engine.step_rows.append([last_user(row[0]) for row in self.rows])
        self.occupancy.steps += 1
        self.occupancy.row_steps += len(self.rows)
        self.occupancy.full_steps += len(self.rows) == engine.slots
        time.sleep(0.002)
        for row in list(self.rows):
            chat = row[0]
            row[1] -= 1
            if engine.held(chat) and not engine.release.is_set():
                if time.monotonic() - row[3] < engine.hold_seconds:
                    continue
            if row[1] <= 0:
                self.rows.remove(row)
                reply = engine.generate([chat])[0]
                row[2]([reply])

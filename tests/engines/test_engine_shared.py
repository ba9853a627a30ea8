"""The shared engine queue: several callers' prompts in one running batch, each getting its own replies."""

from __future__ import annotations

import threading

import pytest
import torch

from easyread.engines.base import Sampling
from easyread.engines.local import TransformersEngine
from easyread.engines.shared import SharedEngine

BUDGETS = [3, 12, 5, 10, 2]


def _engine(folder, **options):
    return TransformersEngine(folder, dtype=torch.float32, batch_size=2, **options)


def test_callers_on_several_threads_get_the_replies_each_prompt_gets_alone(tiny_model_dir, rewrite_chats):
    alone = _engine(tiny_model_dir, share_prefix=False, continuous=False)
    samplings = [Sampling(max_new_tokens=b) for b in BUDGETS]
    expected = [alone.generate([chat], s)[0] for chat, s in zip(rewrite_chats, samplings)]
    engine = _engine(tiny_model_dir)
    got: dict[int, list[str]] = {}
    with SharedEngine(engine) as shared:
        assert shared.refills

        def caller(n: int) -> None:
            # Each caller asks twice, the second time with what the first returned in hand: like a letter's stages.
            with shared.for_caller() as view:
                first = view.generate_each(rewrite_chats[n::2], samplings[n::2])
                second = view.generate_each(rewrite_chats[: n + 1], samplings[: n + 1])
            got[n] = first + second

        threads = [threading.Thread(target=caller, args=(n,)) for n in (0, 1)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert got[0] == expected[0::2] + expected[:1]
    assert got[1] == expected[1::2] + expected[:2]
    occupancy = engine.stats.occupancy
    assert occupancy.steps > 0 and 0 < occupancy.full_share <= 1 and occupancy.mean_fill <= 1


def test_a_prompt_handed_over_mid_run_takes_a_free_row(tiny_model_dir, rewrite_chats, monkeypatch):
    """A second caller's prompt joins the running batch: rows are not left empty until the first caller is done."""
    engine = _engine(tiny_model_dir)
    model, _ = engine.load()
    rows_per_step: list[int] = []
    real = model.forward
    second_sent = threading.Event()

    def spy(*args, **kwargs):
        if kwargs["input_ids"].shape[1] == 1:
            rows_per_step.append(kwargs["input_ids"].shape[0])
            if len(rows_per_step) == 3:
                second_sent.set()  # the second caller hands its prompt over while the first one's long row runs
        return real(*args, **kwargs)

    monkeypatch.setattr(model, "forward", spy)
    with SharedEngine(engine) as shared:
        late: list[str] = []

        def second() -> None:
            second_sent.wait(30)
            late.extend(shared.generate_each(rewrite_chats[2:3], [Sampling(max_new_tokens=4)]))

        thread = threading.Thread(target=second)
        thread.start()
        shared.generate_each(rewrite_chats[:2], [Sampling(max_new_tokens=2), Sampling(max_new_tokens=20)])
        thread.join()
    assert late and late[0]
    # Steps after the short row ended ran with 1 row until the late prompt joined, then with 2 again.
    assert rows_per_step.count(2) > 2
    assert rows_per_step.index(1) < len(rows_per_step) - 1 - rows_per_step[::-1].index(2)


def test_progress_is_reported_per_reply_on_the_callers_thread(tiny_model_dir, rewrite_chats):
    engine = _engine(tiny_model_dir)
    seen = []
    with SharedEngine(engine) as shared:
        shared.generate_each(
            rewrite_chats,
            [Sampling(max_new_tokens=b) for b in BUDGETS],
            on_done=lambda n: seen.append((n, threading.current_thread().name)),
        )
    assert [n for n, _ in seen] == list(range(1, len(rewrite_chats) + 1))
    assert {name for _, name in seen} == {threading.current_thread().name}


class _FixedBatches:
    """A model server's shape: fixed batches through `generate` only, never more than 2 prompts each."""

    name = "fixed"

    def __init__(self):
        self.batches: list[int] = []
        self.lock = threading.Lock()

    def generate(self, prompts, sampling=None):
        with self.lock:
            assert len(prompts) <= 2
            self.batches.append(len(prompts))
            return [p[-1]["content"][::-1] for p in prompts]


def test_an_engine_with_fixed_batches_is_served_in_rounds(rewrite_chats):
    inner = _FixedBatches()
    with SharedEngine(inner, batch_size=2) as shared:
        assert not shared.refills
        got = shared.generate_each(rewrite_chats, [Sampling(max_new_tokens=5)] * len(rewrite_chats))
    assert got == [p[-1]["content"][::-1] for p in rewrite_chats]
    assert sum(inner.batches) == len(rewrite_chats)


def test_an_engine_error_reaches_the_caller(rewrite_chats):
    class Broken(_FixedBatches):
        def generate(self, prompts, sampling=None):
            raise RuntimeError("server down")

    with SharedEngine(Broken()) as shared, pytest.raises(RuntimeError, match="server down"):
        shared.generate_each(rewrite_chats[:1], [Sampling()])


def test_a_failing_step_reaches_callers_whose_prompts_were_running(tiny_model_dir, rewrite_chats, monkeypatch):
    from easyread.engines.continuous import Decoder

    engine = _engine(tiny_model_dir)
    real_step, steps = Decoder.step, []

    def step(self):
        steps.append(1)
        if len(steps) == 4:  # the prompts are in their rows by now
            raise RuntimeError("broken in the middle")
        return real_step(self)

    monkeypatch.setattr(Decoder, "step", step)
    with SharedEngine(engine) as shared:
        with pytest.raises(RuntimeError, match="in the middle"):
            shared.generate_each(rewrite_chats[:2], [Sampling(max_new_tokens=10)] * 2)
        with pytest.raises(RuntimeError, match="in the middle"):  # and later callers hear of it at once
            shared.generate_each(rewrite_chats[:1], [Sampling()])

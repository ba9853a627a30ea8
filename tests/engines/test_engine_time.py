"""Where the refilling engine's time goes: prefill, cache joins and cuts, decode steps (issue 19)."""

from __future__ import annotations

import threading
import time

import pytest
import torch

from easyread.engines import continuous
from easyread.engines.base import Occupancy, Sampling
from easyread.engines.local import TransformersEngine
from easyread.engines.shared import SharedEngine

BUDGETS = [3, 12, 5, 10, 2]
# Sleeps put into the tiny model's forward passes, so each kind of work has a known least cost.
PREFILL_SLEEP, DECODE_SLEEP, JOIN_SLEEP = 0.02, 0.005, 0.1


@pytest.fixture
def slowed_calls(tiny_model_dir, monkeypatch):
    """Every forward pass of the tiny model as (rows, new tokens, attention width), each slowed by a known sleep."""
    model, _ = TransformersEngine(tiny_model_dir, dtype=torch.float32).load()
    calls = []
    real_forward = model.forward

    def spy(*args, **kwargs):
        ids, mask = kwargs["input_ids"], kwargs["attention_mask"]
        calls.append((ids.shape[0], ids.shape[1], mask.shape[1]))
        time.sleep(DECODE_SLEEP if ids.shape[1] == 1 else PREFILL_SLEEP)
        return real_forward(*args, **kwargs)

    monkeypatch.setattr(model, "forward", spy)
    return calls


def _engine(folder, **options):
    return TransformersEngine(folder, dtype=torch.float32, batch_size=2, **options)


def _prompt_tokens(engine, chats):
    _, tokenizer = engine.load()
    return sum(len(engine._encode(tokenizer, chat)) for chat in chats)


def test_each_kind_of_engine_work_is_timed_in_its_own_bucket(tiny_model_dir, rewrite_chats, slowed_calls, monkeypatch):
    joins = []

    def slowed(real):
        def edit(*args):
            joins.append(real.__name__)
            time.sleep(JOIN_SLEEP)
            return real(*args)

        return edit

    monkeypatch.setattr(continuous, "join_rows", slowed(continuous.join_rows))
    monkeypatch.setattr(continuous, "_select", slowed(continuous._select))
    engine = _engine(tiny_model_dir, share_prefix=False)
    engine.generate_each(rewrite_chats, [Sampling(max_new_tokens=b) for b in BUDGETS])
    counted = engine.stats.occupancy
    decode_calls = [call for call in slowed_calls if call[1] == 1]
    prefill_calls = [call for call in slowed_calls if call[1] > 1]
    assert counted.steps == len(decode_calls) and counted.prefills == len(prefill_calls) >= 2
    assert counted.prefill_tokens == _prompt_tokens(engine, rewrite_chats)
    assert counted.width_steps == sum(width for _, _, width in decode_calls)
    assert counted.cells == sum(rows * width for rows, _, width in decode_calls)
    assert 0 < counted.attended < counted.cells  # rows of different lengths beside each other: some padding
    assert counted.prefill_padding == sum(rows * width for rows, _, width in prefill_calls) - counted.prefill_tokens > 0
    assert {"join_rows", "_select"} <= set(joins)
    assert counted.prefill_seconds >= PREFILL_SLEEP * len(prefill_calls)
    assert counted.decode_seconds >= DECODE_SLEEP * len(decode_calls)
    assert counted.join_seconds >= JOIN_SLEEP * len(joins)
    # No second counted twice: the three buckets fit in the engine's own wall time.
    assert counted.prefill_seconds + counted.join_seconds + counted.decode_seconds <= engine.stats.seconds


def test_the_shared_queue_counts_the_engine_time_of_every_caller(tiny_model_dir, rewrite_chats, slowed_calls):
    engine = _engine(tiny_model_dir, share_prefix=False)
    samplings = [Sampling(max_new_tokens=b) for b in BUDGETS]
    with SharedEngine(engine) as shared:

        def caller(n: int) -> None:
            with shared.for_caller() as view:
                view.generate_each(rewrite_chats[n::2], samplings[n::2])

        threads = [threading.Thread(target=caller, args=(n,)) for n in (0, 1)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    counted = engine.stats.occupancy
    decode_calls = [call for call in slowed_calls if call[1] == 1]
    assert counted.prefill_tokens == _prompt_tokens(engine, rewrite_chats)
    assert counted.steps == len(decode_calls) and counted.width_steps == sum(w for _, _, w in decode_calls)
    assert counted.decode_seconds >= DECODE_SLEEP * len(decode_calls) and counted.prefill_seconds > 0


def test_counters_subtract_add_and_print():
    before = Occupancy(steps=2, row_steps=4, slots=4, prefill_seconds=1.0, prefill_tokens=100, width_steps=20)
    now = Occupancy(
        steps=6,
        row_steps=20,
        slots=4,
        prefills=2,
        prefill_seconds=3.5,
        prefill_tokens=900,
        join_seconds=0.5,
        decode_seconds=2.0,
        width_steps=620,
        cells=2400,
        attended=1800,
    )
    run = now.since(before)
    assert (run.steps, run.prefill_tokens, run.width_steps, run.slots) == (4, 800, 600, 4)
    assert run.prefill_seconds == pytest.approx(2.5) and run.mean_width == 150 and run.padding_share == 0.25
    line = run.time_line()
    assert line == (
        "engine time: prefill 2.5 s for 800 prompt tokens (+0 padding) in 2 refills, joins 0.5 s, decode 2.0 s over 4 steps "
        "(0.50 s each), mean row width 150 columns (25% padding)"
    )
    before.add(run)
    assert (before.steps, before.prefill_tokens, before.cells) == (now.steps, now.prefill_tokens, now.cells)
    assert Occupancy().time_line().startswith("engine time: prefill 0.0 s for 0 prompt tokens")

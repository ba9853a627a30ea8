"""The real embedded model: decode steps with spare cache room give the same replies, and the time split adds up."""

from __future__ import annotations

import pytest

from easyread.engines import continuous
from easyread.engines.base import Sampling


@pytest.mark.model
def test_real_model_same_replies_with_room_and_time_split(monkeypatch):
    from easyread.engines.registry import get_engine
    from easyread_bench.engine import chats

    engine = get_engine("embedded", {"MODEL_CACHE": "", "MODEL_BATCH_SIZE": 4})
    prompts, sampling = chats(6), Sampling(max_new_tokens=12)
    replies = {}
    for room in (0, 32):
        monkeypatch.setattr(continuous, "ROOM", room)
        engine.stats.reset()
        replies[room] = engine.generate(prompts, sampling)
        counted = engine.stats.occupancy
        assert counted.steps > 0 and counted.prefill_seconds > 0 and counted.decode_seconds > 0
        spent = counted.prefill_seconds + counted.join_seconds + counted.decode_seconds
        assert spent <= engine.stats.seconds and counted.prefill_tokens > 0
    assert replies[32] == replies[0] and all(replies[0])

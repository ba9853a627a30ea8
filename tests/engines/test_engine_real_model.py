"""The real embedded model, end to end (slow: prepares the cache on first run, then loads it)."""
from __future__ import annotations

import re

import pytest

from easyread.engines.base import Sampling


@pytest.mark.model
def test_embedded_model_writes_plain_english():
    from easyread.engines.registry import get_engine

    engine = get_engine("embedded", {"MODEL_CACHE": "", "MODEL_BATCH_SIZE": 2})
    chats = [
        [
            {"role": "system", "content": "You rewrite council letters in Easy Read: short sentences and everyday words."},
            {"role": "user", "content": "Rewrite in Easy Read: Your council tax payment of £125.00 is overdue. Please remit payment by 14 March 2025 to avoid further recovery action."},
        ],
        [{"role": "user", "content": "In one short sentence, what does a council do?"}],
    ]
    replies = engine.generate(chats, Sampling(max_new_tokens=40))
    assert len(replies) == 2
    for reply in replies:
        words = re.findall(r"[A-Za-z']+", reply)
        assert len(words) >= 3, reply
        common = {"the", "you", "your", "a", "to", "is", "and", "of", "by", "pay", "council", "for", "it", "are", "in"}
        assert common & {w.lower() for w in words}, reply
    assert engine.stats.generated_tokens > 0

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
            {
                "role": "system",
                "content": "You rewrite council letters in Easy Read: short sentences and everyday words.",
            },
            {
                "role": "user",
                "content": "Rewrite in Easy Read: Your council tax payment of £125.00 is overdue. Please remit payment by 14 March 2025 to avoid further recovery action.",
            },
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


@pytest.mark.model
def test_embedded_model_refills_a_finished_row_with_the_next_prompt():
    from easyread.engines.registry import get_engine

    engine = get_engine("embedded", {"MODEL_CACHE": "", "MODEL_BATCH_SIZE": 2})
    engine.stats.reset()
    system = "You rewrite council letters in Easy Read: short sentences and everyday words."
    letters = [
        "Your bin collection day will change from Monday to Tuesday from 1 April 2025.",
        "Please remit payment of £125.00 by 14 March 2025 to avoid further recovery action.",
        "You may be entitled to a single person discount of 25 per cent.",
    ]
    chats = [
        [{"role": "system", "content": system}, {"role": "user", "content": f"Rewrite in Easy Read: {text}"}]
        for text in letters
    ]
    budgets = [6, 40, 40]  # the first reply is cut short, so the third prompt takes its row
    done = []
    replies = engine.generate_each(chats, [Sampling(max_new_tokens=b) for b in budgets], on_done=done.append)
    assert [bool(r) for r in replies] == [True, True, True]
    assert engine.count_tokens(replies[0]) <= 6
    assert "£125.00" in replies[1] or "125" in replies[1], replies[1]
    assert re.search(r"discount|less|25", replies[2], re.I), replies[2]
    assert engine.stats.generated_tokens <= sum(budgets)
    assert done[-1] == 3 and engine.stats.batches >= 2  # prompts were read in more than one go

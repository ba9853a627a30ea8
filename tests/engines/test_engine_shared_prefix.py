"""Prompts that start the same are read once: same replies, fewer tokens read."""

from __future__ import annotations

import pytest
import torch

from easyread.engines import local
from easyread.engines.base import Sampling
from easyread.engines.local import TransformersEngine

GREEDY = Sampling(max_new_tokens=8)


@pytest.fixture(params=[True, False], ids=["refilling", "fixed-batches"])
def engines(tiny_model_dir, request):
    """Two float32 engines on one loaded model: one shares prompt starts, one reads every prompt whole.

    Both ways of batching: the refilling loop, and plain `generate` per fixed batch.
    """
    continuous = request.param
    sharing = TransformersEngine(
        tiny_model_dir, dtype=torch.float32, batch_size=2, name="sharing", continuous=continuous
    )
    plain = TransformersEngine(
        tiny_model_dir, dtype=torch.float32, batch_size=2, name="plain", share_prefix=False, continuous=continuous
    )
    return sharing, plain


@pytest.fixture
def fixed(tiny_model_dir):
    """A sharing engine on plain `generate` per fixed batch, whose calls the tests can watch."""
    return TransformersEngine(tiny_model_dir, dtype=torch.float32, batch_size=2, name="fixed", continuous=False)


def _spy_generate(engine, monkeypatch):
    model, _ = engine.load()
    seen = []
    real_generate = model.generate

    def spy(**kwargs):
        # The cache grows while generating: note its length before.
        seen.append(dict(kwargs, shared=kwargs["cache"].get_seq_length() if "cache" in kwargs else 0))
        return real_generate(**kwargs)

    monkeypatch.setattr(model, "generate", spy)
    return seen


def test_shared_start_gives_the_same_replies_as_reading_each_prompt(engines, rewrite_chats):
    sharing, plain = engines
    expected = plain.generate(rewrite_chats, GREEDY)
    assert sharing.generate(rewrite_chats, GREEDY) == expected
    assert len(set(expected)) > 1  # distinct replies, so a mix-up between rows would show
    assert plain.stats.shared_prompt_tokens == 0
    assert sharing.stats.shared_prompt_tokens >= local.MIN_SHARED_PREFIX * len(rewrite_chats)
    assert sharing.stats.prompt_tokens < plain.stats.prompt_tokens


def test_padding_goes_between_the_shared_start_and_each_own_part(fixed, rewrite_chats, monkeypatch):
    sharing = fixed
    seen = _spy_generate(sharing, monkeypatch)
    sharing.generate(rewrite_chats, GREEDY)
    assert [call["input_ids"].shape[0] for call in seen] == [2, 2, 1]
    for call in seen:
        ids, mask, shared = call["input_ids"], call["attention_mask"], call["shared"]
        assert shared >= local.MIN_SHARED_PREFIX
        assert bool((ids[:, :shared] == ids[0, :shared]).all()) and bool(mask[:, :shared].all())
        assert bool(mask[:, -1].all()), "every prompt must end in the last column"
    assert any(not bool(call["attention_mask"].all()) for call in seen), "paragraphs differ in length"


def test_a_kept_start_is_read_once_across_batches_and_calls(engines, rewrite_chats, monkeypatch):
    sharing, _ = engines
    reads = []
    real_read = sharing._read_start
    monkeypatch.setattr(
        sharing,
        "_read_start",
        lambda model, tokens, kept=0: reads.append(len(tokens)) or real_read(model, tokens, kept),
    )
    sharing.generate(rewrite_chats, GREEDY)
    sharing.generate(rewrite_chats[:1], GREEDY)  # one prompt alone still uses the kept start
    assert len(reads) == 1
    assert sharing.stats.shared_prompt_tokens == reads[0] * (len(rewrite_chats) + 1)


def test_only_a_few_starts_are_kept(engines, rewrite_paragraphs):
    sharing, _ = engines
    for n in range(local.KEPT_PREFIXES + 2):
        rules = f"Rules number {n}. " + "Use short sentences and everyday words. " * 12
        sharing.generate(
            [[{"role": "system", "content": rules}, {"role": "user", "content": t}] for t in rewrite_paragraphs[:2]],
            Sampling(max_new_tokens=2),
        )
    assert len(sharing._prefixes) == local.KEPT_PREFIXES


def test_short_shared_starts_are_read_whole(fixed, chats, monkeypatch):
    sharing = fixed
    seen = _spy_generate(sharing, monkeypatch)
    sharing.generate(chats, GREEDY)  # they share only "Write in Easy Read.", a few tokens
    assert seen and all("cache" not in call for call in seen)
    assert sharing.stats.shared_prompt_tokens == 0


def test_seeded_sampling_with_a_shared_start_repeats(engines, rewrite_chats):
    sharing, _ = engines
    hot = Sampling(max_new_tokens=8, temperature=1.5, seed=3)
    assert sharing.generate(rewrite_chats, hot) == sharing.generate(rewrite_chats, hot)


@pytest.mark.parametrize(
    "batch, expected",
    [([[1, 2, 3], [1, 2, 3]], 2), ([[1, 2, 3, 4], [1, 2, 9]], 2), ([[5, 1], [6, 1]], 0), ([[7]], 0)],
)
def test_common_prefix_leaves_every_row_a_token_of_its_own(batch, expected):
    assert local._common_prefix_length(batch) == expected


def test_a_longer_shared_start_is_read_on_top_of_the_kept_one(engines, rewrite_chats):
    sharing, plain = engines
    sharing.generate(rewrite_chats, GREEDY)  # keeps the rules and the worked example
    rules = max(len(k) for k in sharing._prefixes)
    copies = [rewrite_chats[1]] * 3  # best-of-N sends the same prompt several times
    before = sharing.stats.prompt_tokens
    assert sharing.generate(copies, GREEDY) == plain.generate(copies, GREEDY)
    _, tokenizer = sharing.load()
    length = len(sharing._encode(tokenizer, copies[0]))
    # The paragraph is read once past the kept rules, then each copy reads only its last token.
    assert sharing.stats.prompt_tokens - before == (length - 1 - rules) + 3

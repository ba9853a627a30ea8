"""The refilling loop: a finished row's slot goes to the next prompt, with the same replies."""

from __future__ import annotations

import pytest
import torch

from easyread.engines import continuous
from easyread.engines.base import EachGenerator, Sampling
from easyread.engines.local import TransformersEngine
from easyread.simplify.batching import generate_all
from easyread.simplify.prompts import rewrite_prompt

# Different budgets make rows finish at different steps, so slots free up mid-batch.
BUDGETS = [3, 12, 5, 10, 2, 7]


def _engine(folder, **options):
    return TransformersEngine(folder, dtype=torch.float32, batch_size=2, **options)


@pytest.fixture
def rewrite_chats(rewrite_chats):
    """The engines' shared rewrite prompts, and one more, so six prompts go through two rows."""
    return rewrite_chats + [
        rewrite_prompt("You can ring us if you need help.", "You can ring us if you need help.", [], [])
    ]


@pytest.fixture
def model_calls(tiny_model_dir, monkeypatch):
    """Every forward pass of the tiny model: (rows, new tokens, attention width)."""
    model, _ = TransformersEngine(tiny_model_dir, dtype=torch.float32).load()
    calls = []
    real_forward = model.forward

    def spy(*args, **kwargs):
        ids, mask = kwargs["input_ids"], kwargs.get("attention_mask")
        calls.append((ids.shape[0], ids.shape[1], None if mask is None else mask.shape[1]))
        return real_forward(*args, **kwargs)

    monkeypatch.setattr(model, "forward", spy)
    return calls


@pytest.mark.parametrize("share", [True, False], ids=["shared-start", "whole-prompts"])
def test_refilled_rows_give_the_replies_each_prompt_gets_alone(tiny_model_dir, rewrite_chats, share):
    samplings = [Sampling(max_new_tokens=b) for b in BUDGETS]
    refilling = _engine(tiny_model_dir, share_prefix=share)
    alone = _engine(tiny_model_dir, share_prefix=False, continuous=False)
    replies = refilling.generate_each(rewrite_chats, samplings)
    expected = [alone.generate([chat], sampling)[0] for chat, sampling in zip(rewrite_chats, samplings)]
    assert replies == expected
    assert len(set(replies)) == len(replies)  # distinct, so rows mixed up would show
    # Each prompt keeps its own budget, not the largest of its batch.
    assert refilling.stats.generated_tokens == alone.stats.generated_tokens <= sum(BUDGETS)


def test_a_free_slot_is_filled_while_other_rows_still_write(tiny_model_dir, rewrite_chats, model_calls):
    refilling = _engine(tiny_model_dir)
    refilling.generate_each(rewrite_chats[:3], [Sampling(max_new_tokens=b) for b in (2, 12, 12)])
    steps = [call for call in model_calls if call[1] == 1]
    assert max(rows for rows, _, _ in steps) == 2  # never more rows than batch_size
    # Fixed batches of 2 would take 12 steps for the first pair and 12 for the last prompt;
    # the third prompt starts as soon as the 2-token reply is done.
    assert len(steps) < 20
    assert sum(1 for rows, _, _ in steps if rows == 2) > 2


def test_the_cache_does_not_grow_with_the_queue(tiny_model_dir, rewrite_chats, model_calls):
    refilling = _engine(tiny_model_dir)
    chats = rewrite_chats * 3  # 18 prompts through 2 slots
    refilling.generate_each(chats, [Sampling(max_new_tokens=6)] * len(chats))
    _, tokenizer = refilling.load()
    longest = max(len(refilling._encode(tokenizer, c)) for c in chats)
    widths = [width for _, new, width in model_calls if new == 1]
    # Columns no remaining row attends to are cut, so a row never sees more than its own prompt
    # and reply plus the padding that lines it up with the longest row beside it.
    assert max(widths) <= longest + 6


def test_seeded_sampling_repeats_and_seeds_differ(tiny_model_dir, rewrite_chats):
    refilling = _engine(tiny_model_dir)
    hot = [Sampling(max_new_tokens=b, temperature=1.2, top_p=0.9, seed=5) for b in BUDGETS]
    first = refilling.generate_each(rewrite_chats, hot)
    assert refilling.generate_each(rewrite_chats, hot) == first
    other = [Sampling(max_new_tokens=b, temperature=1.2, top_p=0.9, seed=6) for b in BUDGETS]
    assert refilling.generate_each(rewrite_chats, other) != first


def test_greedy_and_sampled_prompts_in_one_call_keep_their_settings(tiny_model_dir, rewrite_chats):
    refilling = _engine(tiny_model_dir)
    greedy = Sampling(max_new_tokens=6)
    mixed = [greedy, Sampling(max_new_tokens=6, temperature=1.5, seed=1)] * 3
    replies = refilling.generate_each(rewrite_chats, mixed)
    alone = [refilling.generate([chat], greedy)[0] for chat in rewrite_chats[::2]]
    assert replies[::2] == alone


def test_progress_counts_every_reply(tiny_model_dir, rewrite_chats):
    refilling = _engine(tiny_model_dir)
    counts = []
    refilling.generate_each(rewrite_chats, [Sampling(max_new_tokens=b) for b in BUDGETS], on_done=counts.append)
    assert counts == sorted(counts) and counts[-1] == len(rewrite_chats)
    assert len(set(counts)) > 2  # reported as replies finish, not only at the end


def test_the_rewriter_hands_every_prompt_to_the_engine_at_once(tiny_model_dir, rewrite_chats):
    refilling = _engine(tiny_model_dir)
    assert isinstance(refilling, EachGenerator)
    seen = []
    real = refilling.generate_each
    refilling.generate_each = lambda prompts, samplings, on_done=None: (
        seen.append(len(prompts)) or real(prompts, samplings, on_done)
    )
    done = []
    replies = generate_all(
        refilling,
        rewrite_chats,
        [Sampling(max_new_tokens=b) for b in BUDGETS],
        batch_size=2,
        on_batch=lambda d, t: done.append((d, t)),
    )
    assert seen == [len(rewrite_chats)] and all(replies)
    assert done[-1] == (len(rewrite_chats), len(rewrite_chats))


def test_a_cache_the_loop_cannot_edit_falls_back_to_generate(tiny_model_dir, rewrite_chats, monkeypatch):
    refilling = _engine(tiny_model_dir)
    expected = refilling.generate(rewrite_chats, Sampling(max_new_tokens=5))
    monkeypatch.setattr(continuous, "can_edit", lambda cache: False)
    assert refilling.generate(rewrite_chats, Sampling(max_new_tokens=5)) == expected
    assert refilling.continuous is False


def test_the_queue_keeps_alike_starts_together_and_longest_first():
    rules = list(range(100, 140))
    paragraph = list(range(200, 240))
    prompts = [
        rules + [1, 2],  # 0: short, alone
        [9, 9, 9],  # 1: another group
        rules + paragraph + [5],  # 2: three prompts on one paragraph...
        [9, 9, 8],  # 3: shares only 2 tokens with 1
        rules + [7] * 60,  # 4: the longest prompt of the rules group
        rules + paragraph + [6, 6],  # 5
        rules + paragraph + [5],  # 6: ...one of them sent twice (best-of-N)
    ]
    order, groups = continuous.schedule(prompts, 32)
    assert sorted(order) == list(range(len(prompts)))
    assert groups[0] == groups[2] == groups[4] == groups[5] == groups[6]
    assert len({groups[0], groups[1], groups[3]}) == 3
    rules_group = [i for i in order if groups[i] == groups[0]]
    assert rules_group[0] == 4  # longest first
    position = {i: rules_group.index(i) for i in rules_group}
    assert sorted(position[i] for i in (2, 5, 6)) == [1, 2, 3]  # the paragraph's prompts stay together
    assert abs(position[2] - position[6]) == 1  # and the copies side by side


def test_rows_sharing_a_longer_start_are_read_as_their_own_block():
    rules = list(range(100, 140))
    paragraph = list(range(200, 240))
    rows = [
        rules + [7] * 60,
        rules + paragraph + [5],
        rules + paragraph + [5],
        rules + paragraph + [6],
        rules + [1],
        rules + [2, 2],
    ]
    assert continuous.shared_runs(rows, 32) == [[0], [1, 2, 3], [4, 5]]
    assert continuous.shared_runs(rows[4:], 32) == [[0, 1]]

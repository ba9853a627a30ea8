"""The in-process transformers engine, on a tiny model the tests build themselves."""

from __future__ import annotations

import pytest
import torch

from easyread.engines import local
from easyread.engines.base import EngineError, Sampling, TextGenerator, TokenCounter
from easyread.engines.local import TransformersEngine

GREEDY = Sampling(max_new_tokens=8)


def test_is_a_text_generator(tiny_engine):
    assert isinstance(tiny_engine, TextGenerator)
    assert isinstance(tiny_engine, TokenCounter)
    assert tiny_engine.count_tokens("Please pay your council tax.") > 0


def test_batched_replies_come_back_in_order_and_match_one_by_one(tiny_engine, chats):
    batched = tiny_engine.generate(chats, GREEDY)
    one_by_one = [tiny_engine.generate([chat], GREEDY)[0] for chat in chats]
    assert batched == one_by_one
    assert len(set(batched)) == len(chats)  # distinct replies, so a shuffled order would show


def test_fixed_batches_are_sorted_by_length_and_left_padded(tiny_model_dir, chats, monkeypatch):
    # The path for models whose cache the refilling loop cannot edit: plain `generate` per batch.
    tiny_engine = TransformersEngine(tiny_model_dir, dtype=torch.float32, batch_size=2, continuous=False)
    model, _ = tiny_engine.load()
    seen = []
    real_generate = model.generate

    def spy(**kwargs):
        seen.append((kwargs["input_ids"].clone(), kwargs["attention_mask"].clone()))
        return real_generate(**kwargs)

    monkeypatch.setattr(model, "generate", spy)
    tiny_engine.generate(chats, GREEDY)
    assert [ids.shape[0] for ids, _ in seen] == [2, 2, 1]  # batch_size 2
    widths = [ids.shape[1] for ids, _ in seen]
    assert widths == sorted(widths, reverse=True)
    for _, mask in seen:
        assert bool(mask[:, -1].all()), "every prompt must end in the last column"
        for row in mask.tolist():
            first = row.index(1)
            assert all(row[first:]), "padding must all be on the left"
    assert any(not bool(mask.all()) for _, mask in seen), "the chats differ in length, so some padding is expected"


def test_stops_at_the_end_token_and_does_not_count_padding(tiny_engine, chats, monkeypatch):
    _, tokenizer = tiny_engine.load()
    # Declare a token the model writes early an end token: the reply must stop before it.
    first_ids = _greedy_ids(tiny_engine, chats[0], 6)
    stop_at = next(i for i in range(1, 6) if first_ids[i] not in first_ids[:i])
    monkeypatch.setattr(local, "_stop_ids", lambda m, t: [first_ids[stop_at]])
    tiny_engine.stats.reset()
    short, other = tiny_engine.generate([chats[0], chats[2]], Sampling(max_new_tokens=6))
    assert short == tokenizer.decode(first_ids[:stop_at], skip_special_tokens=True).strip()
    other_ids = _greedy_ids(tiny_engine, chats[2], 6)
    other_len = next((i + 1 for i, t in enumerate(other_ids) if t == first_ids[stop_at]), 6)
    assert tiny_engine.stats.generated_tokens == (stop_at + 1) + other_len


def _greedy_ids(engine, chat, n):
    model, tokenizer = engine.load()
    prompt = tokenizer.apply_chat_template(chat, tokenize=False, add_generation_prompt=True)
    ids = torch.tensor([tokenizer(prompt, add_special_tokens=False)["input_ids"]])
    with torch.inference_mode():
        out = model.generate(input_ids=ids, max_new_tokens=n, min_new_tokens=n, do_sample=False, eos_token_id=None)
    return out[0, ids.shape[1] :].tolist()


def test_stats_and_max_new_tokens(tiny_engine, chats):
    tiny_engine.stats.reset()
    tiny_engine.generate(chats, Sampling(max_new_tokens=5))
    stats = tiny_engine.stats
    assert stats.prompts == len(chats)
    assert stats.batches >= 3  # prompts read in groups of at most batch_size (2)
    assert 0 < stats.generated_tokens <= 5 * len(chats)
    assert stats.seconds > 0 and stats.tokens_per_second > 0


def test_seeded_sampling_repeats(tiny_engine, chats):
    hot = Sampling(max_new_tokens=8, temperature=1.5, seed=7)
    assert tiny_engine.generate(chats[:3], hot) == tiny_engine.generate(chats[:3], hot)
    others = {
        tuple(tiny_engine.generate(chats[:3], Sampling(max_new_tokens=8, temperature=1.5, seed=s))) for s in range(4)
    }
    assert len(others) > 1


def test_empty_batch(tiny_engine):
    assert tiny_engine.generate([], GREEDY) == []


def test_model_is_loaded_once_per_process(tiny_model_dir):
    first = TransformersEngine(tiny_model_dir, dtype=torch.float32).load()
    second = TransformersEngine(str(tiny_model_dir), dtype=torch.float32).load()
    assert first[0] is second[0]


def test_missing_folder_is_a_plain_error(tmp_path):
    with pytest.raises(EngineError, match="No model was found"):
        TransformersEngine(tmp_path / "nothing").generate([[{"role": "user", "content": "Hi"}]])


def test_registry_loads_a_folder_through_the_transformers_spec(tiny_model_dir, tiny_engine, chats):
    from easyread.engines.registry import get_engine

    engine = get_engine(f"transformers://{tiny_model_dir}", {"MODEL_BATCH_SIZE": 3})
    assert engine.name == f"transformers://{tiny_model_dir}"
    assert engine.batch_size == 3
    # bf16 by default: same shape of answer, one reply per chat
    replies = engine.generate(chats[:2], Sampling(max_new_tokens=3))
    assert len(replies) == 2

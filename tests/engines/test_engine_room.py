"""Decode steps write their new cache column into spare room instead of copying the whole cache (issue 19)."""

from __future__ import annotations

import pytest
import torch

from easyread.engines import continuous
from easyread.engines.base import Sampling
from easyread.engines.local import TransformersEngine

BUDGETS = [3, 12, 5, 10, 2]


def _run(folder, chats, monkeypatch, room: int) -> tuple[list[str], list[tuple]]:
    """Replies, and the address of layer 0's keys after each decode step (with the keys)."""
    monkeypatch.setattr(continuous, "ROOM", room)
    engine = TransformersEngine(folder, dtype=torch.float32, batch_size=2)
    model, _ = engine.load()
    real_forward = model.forward
    addresses, steps = [], []  # steps: every forward pass's input shape (prefills have more than one column)

    def spy(*args, **kwargs):
        output = real_forward(*args, **kwargs)
        if kwargs["input_ids"].shape[1] == 1:
            keys = kwargs["cache"].layers[0].keys
            addresses.append((keys.data_ptr(), keys, len(steps)))  # kept alive, so no later tensor gets its address
        steps.append(kwargs["input_ids"].shape)
        return output

    monkeypatch.setattr(model, "forward", spy)
    replies = engine.generate_each(chats, [Sampling(max_new_tokens=b) for b in BUDGETS])
    monkeypatch.setattr(model, "forward", real_forward)
    return replies, addresses


@pytest.mark.parametrize("room", [32, 3])
def test_steps_write_in_place_and_replies_stay_the_same(tiny_model_dir, rewrite_chats, monkeypatch, room):
    copied, copied_at = _run(tiny_model_dir, rewrite_chats, monkeypatch, room=0)
    roomy, roomy_at = _run(tiny_model_dir, rewrite_chats, monkeypatch, room=room)
    assert roomy == copied and len(roomy_at) == len(copied_at)
    # Without room every step makes a new tensor; with it, steps between joins and cuts reuse one
    # (a room of 3 fills up and is renewed, which must not change a reply either).
    moves = lambda at: sum(a[0] != b[0] for a, b in zip(at, at[1:]))  # noqa: E731
    assert moves(copied_at) == len(copied_at) - 1
    assert moves(roomy_at) < len(roomy_at) / 2
    if room == 32:  # never used up here (at most 12 new tokens): the cache moves only when rows join or leave
        assert all(
            a[0] == b[0] or a[1].shape[0] != b[1].shape[0] or b[2] > a[2] + 1 for a, b in zip(roomy_at, roomy_at[1:])
        )

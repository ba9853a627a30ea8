"""Continuous batching: a finished row leaves the batch and a waiting prompt takes its place.

`model.generate` runs a batch until its longest reply ends. On 2 CPU cores a decode
step of the 1.5B model costs about 210 ms plus 24 ms per row (measured: batch 1
212 ms, batch 8 380 ms, batch 16 580 ms), so a batch of 16 whose replies end
between 30 and 120 tokens spends many of its steps on rows that are already done.
This loop drops each row when it ends and reads the next waiting prompt into the
free slot, so the batch stays full until the queue runs dry.

Written by hand because transformers' own continuous batching (`generate_batch`,
paged attention) ran 4x slower than batched `generate` on this CPU (6.1 against
23.1 tokens/s on the same 16 prompts). The loop keeps transformers' DynamicCache
and edits its per-layer key/value tensors: rows are selected to drop them,
columns are added on the left to line two batches up, and columns no row
attends to any more are cut from the left.
"""

from __future__ import annotations

import functools
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from easyread.engines.base import Occupancy

# (prompts) -> blocks of them, in order: (cache, attention mask, logits of each prompt's last token)
Prefill = Callable[[list[list[int]]], list[tuple[Any, Any, Any]]]
# (logits [rows, vocab]) -> next token per row
Pick = Callable[[Any], Any]


# Spare columns each layer of the running cache keeps on its right, so a decode step writes its new
# column in place: transformers' DynamicLayer.update copies every layer's keys and values into a tensor
# one column wider at each step (13% of the pipeline's decode time, sampled with py-spy). 0 switches it off.
ROOM = 32


class CacheNotEditable(Exception):
    """The model keeps its cache in layers this loop cannot edit (sliding windows, quantised, ...)."""


@dataclass
class _Row:
    index: int
    budget: int
    tokens: list[int] = field(default_factory=list)
    pick: Pick | None = None


@dataclass
class _Waiting:
    tokens: list[int]
    budget: int
    group: Any
    done: Callable[[list[int]], None]
    pick: Pick | None = None


def can_edit(cache: Any) -> bool:
    """True when every layer of `cache` is a plain growing key/value layer."""
    from transformers.cache_utils import DynamicLayer

    layers = getattr(cache, "layers", None)
    return bool(layers) and all(type(layer) in (DynamicLayer, _roomy_layer()) for layer in layers)


@functools.cache
def _roomy_layer() -> type:
    import torch
    from transformers.cache_utils import DynamicLayer

    class RoomyLayer(DynamicLayer):
        """A DynamicLayer whose keys and values are the front of a longer tensor, filled in place."""

        room = ROOM

        def update(self, key_states: Any, value_states: Any, *args: Any, **kwargs: Any) -> tuple[Any, Any]:
            used, add = self.keys.shape[-2], key_states.shape[-2]
            spare = getattr(self, "_spare", None)
            # The cache was joined or cut since (a new tensor), or the room is used up: copy into a new one.
            if spare is None or spare[0].data_ptr() != self.keys.data_ptr() or used + add > spare[0].shape[-2]:
                spare = []
                for tensor in (self.keys, self.values):
                    shape = list(tensor.shape)
                    shape[-2] = used + add + self.room
                    bigger = torch.empty(shape, dtype=tensor.dtype)
                    bigger[:, :, :used] = tensor
                    spare.append(bigger)
                self._spare = spare
            spare[0][:, :, used : used + add] = key_states
            spare[1][:, :, used : used + add] = value_states
            self.keys, self.values = spare[0][:, :, : used + add], spare[1][:, :, : used + add]
            return self.keys, self.values

    return RoomyLayer


def _make_roomy(cache: Any, room: int) -> None:
    """Let `cache`'s layers take decode steps' columns into spare room (see ROOM)."""
    if room <= 0:
        return
    roomy = _roomy_layer()
    for layer in cache.layers:
        layer.__class__ = roomy
        layer.room = room


class Decoder:
    """The refilling loop, one step at a time, with a waiting list that may grow while it runs.

    `add` queues a prompt with the callback that gets its tokens; `step` runs one refill or one
    decode step. `decode` runs a fixed list through it; the shared engine queue
    (engines/shared.py) keeps adding the prompts of every letter and stage in flight, so rows
    freed by one caller's prompts are taken by another's.

    A refill waits until a quarter of the slots are free: reading a few prompts together costs
    less per prompt than one by one. A refill takes waiting prompts of the first one's group (those
    whose prompts start alike, so the prefill can share that start), oldest first. `prefill` may
    read a refill in several blocks (rows sharing a longer start); they are joined here. A prompt
    may bring its own `pick` (a sampled one among greedy ones); others use the decoder's.
    """

    def __init__(self, model: Any, *, slots: int, stop_ids: set[int], prefill: Prefill, pick: Pick) -> None:
        self.model = model
        self.slots = slots
        self.stop_ids = stop_ids
        self.prefill = prefill
        self.pick = pick
        self.refill_at = max(1, slots // 4)
        self.room = ROOM
        self.waiting: deque[_Waiting] = deque()
        self.rows: list[_Row] = []
        self.occupancy = Occupancy(slots=slots)
        self._done: dict[int, Callable[[list[int]], None]] = {}
        self._next = 0
        self._cache = self._mask = self._pending = None

    def add(
        self,
        tokens: list[int],
        budget: int,
        done: Callable[[list[int]], None],
        *,
        group: Any = 0,
        pick: Pick | None = None,
    ) -> None:
        """Queue one prompt; `done(tokens)` is called with its generated tokens when it ends."""
        self.waiting.append(_Waiting(tokens, budget, group, done, pick))

    @property
    def busy(self) -> bool:
        """True while any prompt waits or runs."""
        return bool(self.waiting or self.rows)

    def _take(self, free: int) -> list[_Waiting]:
        first = self.waiting.popleft()
        taken, passed = [first], []
        while self.waiting and len(taken) < free:
            item = self.waiting.popleft()
            (taken if item.group == first.group else passed).append(item)
        self.waiting.extendleft(reversed(passed))
        return taken

    def _picks(self, logits: Any, rows: list[_Row]) -> Any:
        tokens = self.pick(logits)
        for position, row in enumerate(rows):
            if row.pick is not None:
                tokens[position] = row.pick(logits[position : position + 1])[0]
        return tokens

    def step(self) -> None:
        """One refill (when enough rows are free) or one decode step."""
        import torch

        rows, counted = self.rows, self.occupancy
        free = self.slots - len(rows)
        if self.waiting and (not rows or free >= self.refill_at):
            taken = self._take(free)
            started = time.perf_counter()
            blocks = self.prefill([item.tokens for item in taken])
            joining = time.perf_counter()
            counted.prefills += 1
            counted.prefill_seconds += joining - started
            counted.prefill_tokens += sum(len(item.tokens) for item in taken)
            # Rows are read as one rectangle: every masked-out column of a block was computed for nothing.
            counted.prefill_padding += sum(int(block_mask.numel() - block_mask.sum()) for _, block_mask, _ in blocks)
            if not all(can_edit(block_cache) for block_cache, _, _ in blocks):
                raise CacheNotEditable()
            new_cache, new_mask, logits = blocks[0]
            for block_cache, block_mask, block_logits in blocks[1:]:
                new_mask = join_rows(new_cache, new_mask, block_cache, block_mask)
                logits = torch.cat([logits, block_logits])
            new_rows = []
            for item in taken:
                self._done[self._next] = item.done
                new_rows.append(_Row(self._next, item.budget, pick=item.pick))
                self._next += 1
            fresh = self._picks(logits, new_rows)
            if rows:
                self._mask = join_rows(self._cache, self._mask, new_cache, new_mask)
                self._pending = torch.cat([self._pending, fresh])
            else:
                self._cache, self._mask, self._pending = new_cache, new_mask, fresh
                _make_roomy(self._cache, self.room)
            rows += new_rows
            first_new = len(rows) - len(new_rows)
            counted.join_seconds += time.perf_counter() - joining
        else:
            started = time.perf_counter()
            mask = self._mask
            positions = mask.sum(dim=1, keepdim=True)
            self._mask = torch.cat([mask, torch.ones((len(rows), 1), dtype=mask.dtype)], dim=1)
            output = self.model(
                input_ids=self._pending[:, None],
                attention_mask=self._mask,
                position_ids=positions,
                cache=self._cache,
                use_cache=True,
            )
            self._pending = self._picks(output.logits[:, -1, :], rows)
            counted.steps += 1
            counted.row_steps += len(rows)
            counted.full_steps += len(rows) >= self.slots
            counted.width_steps += self._mask.shape[1]
            counted.cells += self._mask.numel()
            counted.attended += int(self._mask.sum())
            counted.decode_seconds += time.perf_counter() - started
            first_new = 0
        finished = []
        for position in range(first_new, len(rows)):
            row = rows[position]
            token = int(self._pending[position])
            row.tokens.append(token)
            if token in self.stop_ids or len(row.tokens) >= row.budget:
                finished.append(position)
        if not finished:
            return
        ended = set(finished)
        keep = [p for p in range(len(rows)) if p not in ended]
        done = [rows[p] for p in finished]
        self.rows = [rows[p] for p in keep]
        if self.rows:
            started = time.perf_counter()
            self._mask, self._pending = _select(self._cache, self._mask, self._pending, keep)
            counted.join_seconds += time.perf_counter() - started
        else:
            self._cache = self._mask = self._pending = None
        for row in done:
            self._done.pop(row.index)(row.tokens)


def decode(
    model: Any,
    prompts: list[list[int]],
    budgets: list[int],
    *,
    slots: int,
    stop_ids: set[int],
    prefill: Prefill,
    pick: Pick,
    group_of: list[int] | None = None,
    on_done: Callable[[int], None] | None = None,
    occupancy: Occupancy | None = None,
) -> list[list[int]]:
    """Generated token ids per prompt (ending with the stop token when one was generated).

    Prompts are taken in the order given, at most `slots` at a time; `budgets[i]` is
    the most tokens prompt i may generate; prompts only join a refill with others of the
    same `group_of` value (see `Decoder`). The decode steps are counted in `occupancy`.
    """
    group_of = group_of or [0] * len(prompts)
    results: list[list[int]] = [[] for _ in prompts]
    finished = [0]

    def done_with(index: int) -> Callable[[list[int]], None]:
        def done(tokens: list[int]) -> None:
            results[index] = tokens
            finished[0] += 1
            if on_done:
                on_done(finished[0])

        return done

    decoder = Decoder(model, slots=slots, stop_ids=stop_ids, prefill=prefill, pick=pick)
    for index, tokens in enumerate(prompts):
        decoder.add(tokens, budgets[index], done_with(index), group=group_of[index])
    while decoder.busy:
        decoder.step()
    if occupancy is not None:
        occupancy.add(decoder.occupancy)
    return results


def _select(cache: Any, mask: Any, pending: Any, keep: list[int]) -> tuple[Any, Any]:
    """Keep only rows `keep`, then cut the columns on the left that none of them attends to."""
    import torch

    index = torch.tensor(keep, dtype=torch.long)
    mask = mask[index]
    used = mask.any(dim=0).nonzero()
    cut = int(used[0]) if len(used) else 0
    roomy = _roomy_layer()
    for layer in cache.layers:
        if type(layer) is roomy:
            _rows_into_room(layer, keep, cut)
        else:
            layer.keys = layer.keys[index, :, cut:, :]
            layer.values = layer.values[index, :, cut:, :]
    return mask[:, cut:], pending[index]


def _rows_into_room(layer: Any, keep: list[int], cut: int) -> None:
    """Copy rows `keep` (from column `cut` on) straight into a new tensor with room, so the next step writes in place.

    Row by row, not by indexing: indexing makes a copy that the next step would copy again into room."""
    import torch

    spare = []
    for tensor in (layer.keys, layer.values):
        shape = list(tensor.shape)
        shape[0], shape[-2] = len(keep), shape[-2] - cut + layer.room
        bigger = torch.empty(shape, dtype=tensor.dtype)
        for row, old in enumerate(keep):
            bigger[row, :, : tensor.shape[-2] - cut] = tensor[old, :, cut:]
        spare.append(bigger)
    width = layer.keys.shape[-2] - cut
    layer._spare = spare
    layer.keys, layer.values = spare[0][:, :, :width], spare[1][:, :, :width]


def join_rows(cache: Any, mask: Any, extra: Any, extra_mask: Any) -> Any:
    """Append the rows of `extra` to `cache` (in place); returns the joined attention mask.

    The shorter side gets empty, masked columns on the left, so every row still
    ends in the last column, where the next token goes.
    """
    import torch

    width = max(mask.shape[1], extra_mask.shape[1])

    def widen(tensor: Any, dim: int) -> Any:
        missing = width - tensor.shape[dim]
        if not missing:
            return tensor
        shape = list(tensor.shape)
        shape[dim] = missing
        return torch.cat([torch.zeros(shape, dtype=tensor.dtype), tensor], dim=dim)

    for layer, other in zip(cache.layers, extra.layers):
        layer.keys = torch.cat([widen(layer.keys, 2), widen(other.keys, 2)])
        layer.values = torch.cat([widen(layer.values, 2), widen(other.values, 2)])
    return torch.cat([widen(mask, 1), widen(extra_mask, 1)])


def schedule(prompts: list[list[int]], min_shared: int) -> tuple[list[int], list[int]]:
    """The order to run `prompts` in, and a group number per prompt.

    A group is prompts that start with at least `min_shared` equal tokens (the same
    rules and worked example), so a refill drawn from one group reads that start
    once. Inside a group, prompts that share a longer start still (repairs of
    sentences from one paragraph, best-of-N copies of one prompt) stay next to each
    other, so they can be read together too; those runs go longest first, so the
    longest replies do not start last and hold up the end of the queue.
    """
    if not prompts:
        return [], []
    # Sorted sequences: what two neighbours share, every prompt between them shares too.
    ordered = sorted(range(len(prompts)), key=lambda i: prompts[i])
    shared = [shared_length(prompts[a], prompts[b]) for a, b in zip(ordered, ordered[1:])]
    groups = [0] * len(prompts)
    blocks: list[list[int]] = [[ordered[0]]]  # consecutive prompts of one group
    for here, length in zip(ordered[1:], shared):
        if length < min_shared:
            blocks.append([])
        blocks[-1].append(here)
        groups[here] = len(blocks) - 1
    order: list[int] = []
    for block in blocks:
        order += [
            i
            for run in sorted(_runs(block, prompts, min_shared), key=lambda r: -max(len(prompts[i]) for i in r))
            for i in run
        ]
    return order, groups


def shared_runs(rows: list[list[int]], min_extra: int) -> list[list[int]]:
    """Split `rows` (as `schedule` ordered them) into blocks of row numbers worth reading apart.

    A run of rows that share at least `min_extra` more leading tokens than all rows do
    is one block (its longer start is read once); rows that share no more than that
    stay together in one block, read as one batch.
    """
    blocks: list[list[int]] = []
    loose = False
    for run in _runs(list(range(len(rows))), rows, min_extra):
        if len(run) == 1 and loose:
            blocks[-1] += run
        else:
            blocks.append(list(run))
            loose = len(run) == 1
    return blocks


def _runs(members: list[int], prompts: list[list[int]], min_extra: int) -> list[list[int]]:
    """Maximal runs of neighbours in `members` sharing at least `min_extra` more tokens than all of them."""
    if len(members) < 2:
        return [members]
    links = [shared_length(prompts[a], prompts[b]) for a, b in zip(members, members[1:])]
    floor = min(links)
    runs = [[members[0]]]
    for here, length in zip(members[1:], links):
        if length < floor + min_extra:
            runs.append([])
        runs[-1].append(here)
    return runs


def shared_length(a: list[int], b: list[int]) -> int:
    """How many leading tokens `a` and `b` have in common."""
    length = 0
    for x, y in zip(a, b):
        if x != y:
            break
        length += 1
    return length

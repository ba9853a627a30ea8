"""The OpenVINO engine's refilling decoder, on a fake continuous-batching pipeline.

The fake stands in for openvino_genai.ContinuousBatchingPipeline the way the real one behaves:
a request reads its prompt in chunks over several steps, then writes one token per step until its
budget or a stop token; `can_read` is true once it has written a token. The real runtime is tested
in test_engine_openvino.py (tiny exported model) and by `easyread bench rewriter --model embedded-openvino`.
"""

from __future__ import annotations

import sys
import types
from enum import Enum

import pytest

from easyread.engines.base import EngineError, Sampling
from easyread.engines.openvino_engine import OpenVINOEngine
from easyread.engines.shared import SharedEngine

STOP = 1
CHUNK = 8  # prompt tokens a request reads per step


class Status(Enum):
    RUNNING = 0
    FINISHED = 1
    STOP = 2


class FakeTokenizer:
    eos_token_id = STOP

    def apply_chat_template(self, chat, tokenize, add_generation_prompt):
        return "".join(m["content"] for m in chat)

    def __call__(self, text, add_special_tokens):
        return {"input_ids": [ord(c) for c in text]}

    def get_added_vocab(self):
        return {"<|im_end|>": STOP}

    def decode(self, ids, skip_special_tokens):
        return "".join(chr(i) for i in ids)


class FakeHandle:
    def __init__(self, prompt, config):
        self.prompt, self.config = prompt, config
        self.read_upto, self.tokens, self.status = 0, [], Status.RUNNING

    def step(self):
        if self.read_upto < len(self.prompt):
            self.read_upto += CHUNK
            return
        text = "".join(chr(i) for i in self.prompt)
        # A prompt that says "stop" ends its reply with the stop token after two letters.
        token = STOP if "stop" in text and len(self.tokens) == 2 else ord("a") + len(self.tokens)
        self.tokens.append(token)
        if token in self.config.stop_token_ids or len(self.tokens) >= self.config.max_new_tokens:
            self.status = Status.STOP if "crash" in text else Status.FINISHED

    def get_status(self):
        return self.status

    def can_read(self):
        return bool(self.tokens)

    def read_all(self):
        return [types.SimpleNamespace(generated_ids=list(self.tokens))]


class FakePipeline:
    def __init__(self):
        self.handles, self.steps, self.widest, self.order = [], 0, 0, []

    def add_request(self, request_id, tensor, config):
        handle = FakeHandle(list(tensor.data[0]), config)
        self.handles.append(handle)
        self.order.append("".join(chr(i) for i in handle.prompt))
        return handle

    def step(self):
        running = [h for h in self.handles if h.status == Status.RUNNING]
        self.widest = max(self.widest, len(running))
        self.steps += 1
        for handle in running:
            handle.step()


@pytest.fixture
def fake_runtime(monkeypatch):
    """Fake openvino and openvino_genai modules, so these tests run without the runtime installed."""
    import numpy as np

    openvino = types.ModuleType("openvino")
    openvino.Tensor = lambda array: types.SimpleNamespace(data=np.asarray(array))
    genai = types.ModuleType("openvino_genai")
    genai.GenerationStatus = Status
    genai.GenerationConfig = types.SimpleNamespace
    monkeypatch.setitem(sys.modules, "openvino", openvino)
    monkeypatch.setitem(sys.modules, "openvino_genai", genai)


def _engine(tmp_path, batch_size):
    engine = OpenVINOEngine(tmp_path, batch_size=batch_size)
    pipeline = FakePipeline()
    engine.load = lambda: (pipeline, FakeTokenizer())
    return engine, pipeline


def _chat(text):
    return [{"role": "user", "content": text}]


def test_rows_are_refilled_and_every_prompt_keeps_its_budget(fake_runtime, tmp_path):
    engine, pipeline = _engine(tmp_path, batch_size=2)
    prompts = [_chat("a much longer prompt than the others"), _chat("short"), _chat("stop here"), _chat("mid length")]
    budgets = [5, 3, 9, 1]
    finished = []
    replies = engine.generate_each(prompts, [Sampling(max_new_tokens=b) for b in budgets], on_done=finished.append)
    assert replies == ["abcde", "abc", "ab", "a"]
    assert finished == [1, 2, 3, 4]
    assert pipeline.widest == 2  # never more rows than the batch size
    assert pipeline.order[0] == "a much longer prompt than the others"  # longest first
    stats = engine.stats
    assert stats.prompt_tokens == sum(len(p[0]["content"]) for p in prompts)
    assert stats.generated_tokens == 5 + 3 + 3 + 1  # the stop token is generated, not shown
    counted = stats.occupancy
    assert counted.steps == pipeline.steps and counted.slots == 2
    # Steps that read a prompt count as prefill; the rest decode with the rows that write.
    assert 0 < counted.prefills < counted.steps
    assert counted.prefill_tokens == stats.prompt_tokens
    assert counted.prefill_seconds > 0 and counted.decode_seconds > 0
    assert 0 < counted.full_steps <= counted.steps and counted.row_steps <= 2 * counted.steps


def test_a_reply_the_pipeline_stops_is_an_error(fake_runtime, tmp_path):
    engine, _ = _engine(tmp_path, batch_size=2)
    with pytest.raises(EngineError, match="stopped a reply"):
        engine.generate([_chat("crash")], Sampling(max_new_tokens=2))


def test_shared_queue_refills_openvino_rows_across_callers(fake_runtime, tmp_path):
    import threading

    engine, pipeline = _engine(tmp_path, batch_size=3)
    alone, _ = _engine(tmp_path, batch_size=3)
    first = [_chat(f"first caller prompt {i}") for i in range(4)]
    second = [_chat(f"second {i}") for i in range(3)]
    sampling = Sampling(max_new_tokens=4)
    results = {}
    with SharedEngine(engine) as shared:
        assert shared.refills  # one running decoder, not rounds
        callers = [shared.for_caller(), shared.for_caller()]

        def run(name, caller, prompts):
            with caller:
                results[name] = caller.generate(prompts, sampling)

        threads = [
            threading.Thread(target=run, args=("first", callers[0], first)),
            threading.Thread(target=run, args=("second", callers[1], second)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert results["first"] == alone.generate(first, sampling)
    assert results["second"] == alone.generate(second, sampling)
    assert pipeline.widest == 3 and len(pipeline.handles) == 7
    assert engine.stats.generated_tokens == 7 * 4 and engine.stats.occupancy.steps > 0

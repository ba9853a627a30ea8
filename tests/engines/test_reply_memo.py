"""One letter's run asks each distinct greedy prompt once: copies in a call and in later calls get its reply."""

from __future__ import annotations

import pytest
import torch

from easyread.engines.base import EachGenerator, GenerationStats, Sampling, TokenCounter
from easyread.engines.local import TransformersEngine
from easyread.simplify.reply_memo import ReplyMemo, prompt_key, remembered, unmerged

GREEDY = Sampling(max_new_tokens=8)
SAMPLED = Sampling(max_new_tokens=8, temperature=0.8, seed=1)


def _chat(text: str) -> list[dict[str, str]]:
    return [{"role": "system", "content": "Answer."}, {"role": "user", "content": text}]


class Counting:
    """A fixed-batch engine (no generate_each) that numbers its replies, so a reply shows which ask made it."""

    name = "counting"

    def __init__(self) -> None:
        self.stats = GenerationStats()
        self.asked: list[tuple[str, Sampling]] = []

    def generate(self, prompts, sampling=None):
        out = []
        for chat in prompts:
            self.asked.append((chat[-1]["content"], sampling))
            self.stats.prompts += 1
            out.append(f"{chat[-1]['content']} #{len(self.asked)}")
        return out


def test_copies_of_a_greedy_prompt_are_asked_once_in_a_call_and_in_later_calls():
    engine = Counting()
    memo = ReplyMemo(engine, batch_size=4)
    done: list[int] = []
    replies = memo.generate_each([_chat("a"), _chat("b"), _chat("a")], [GREEDY] * 3, on_done=done.append)
    assert [text for text, _ in engine.asked] == ["a", "b"]
    assert replies[0] == replies[2] and replies[1] != replies[0]
    assert done[-1] == 3  # progress counts every prompt the caller gave, copies too
    # A later call: the remembered reply, nothing generated; a new prompt beside it is.
    later = memo.generate_each([_chat("b"), _chat("c")], [GREEDY] * 2, on_done=done.append)
    assert later[0] == replies[1] and [text for text, _ in engine.asked] == ["a", "b", "c"]
    assert done[-1] == 2 and memo.merged == 2
    assert memo.generate([_chat("a")], GREEDY) == [replies[0]] and len(engine.asked) == 3
    assert memo.stats is engine.stats and memo.stats.prompts == 3 and memo.name == "counting"


def test_sampled_prompts_and_other_budgets_always_go_to_the_engine():
    engine = Counting()
    memo = ReplyMemo(engine)
    replies = memo.generate_each(
        [_chat("a"), _chat("a"), _chat("a"), _chat("a")], [SAMPLED, SAMPLED, GREEDY, Sampling(max_new_tokens=20)]
    )
    assert len(engine.asked) == 4 and len(set(replies)) == 4
    # The sampled copies reach the engine in the order given, with their own settings.
    assert [s for _, s in engine.asked].count(SAMPLED) == 2
    assert prompt_key(_chat("a"), SAMPLED) is None and prompt_key(_chat("a"), GREEDY) != prompt_key(_chat("b"), GREEDY)
    memo.generate_each([_chat("a")] * 2, [SAMPLED] * 2)
    assert len(engine.asked) == 6 and memo.merged == 0


def test_a_call_of_copies_only_reports_progress_and_sends_nothing():
    engine = Counting()
    memo = ReplyMemo(engine)
    first = memo.generate([_chat("a")], GREEDY)
    done: list[int] = []
    assert memo.generate_each([_chat("a")] * 3, [GREEDY] * 3, on_done=done.append) == first * 3
    assert done == [3] and len(engine.asked) == 1 and memo.generate_each([], []) == []


def test_merging_switched_off_gives_the_engine_itself():
    engine = Counting()
    memo = remembered(engine, 4)
    assert isinstance(memo, ReplyMemo) and remembered(memo, 4) is memo
    assert isinstance(memo, EachGenerator) and not isinstance(memo, TokenCounter)  # it offers what its engine does
    with unmerged():
        assert remembered(engine, 4) is engine
    assert isinstance(remembered(engine, 4), ReplyMemo)


def test_the_in_process_engine_gives_the_replies_it_gives_without_merging(tiny_model_dir, rewrite_chats):
    chats = [rewrite_chats[0], rewrite_chats[1], rewrite_chats[0], rewrite_chats[2], rewrite_chats[1]]
    samplings = [Sampling(max_new_tokens=b) for b in (6, 9, 6, 4, 9)]
    plain = TransformersEngine(tiny_model_dir, dtype=torch.float32, batch_size=2)
    expected = plain.generate_each(chats, samplings)
    assert plain.stats.prompts == 5
    engine = TransformersEngine(tiny_model_dir, dtype=torch.float32, batch_size=2)
    memo = ReplyMemo(engine, batch_size=2)
    assert isinstance(memo, TokenCounter) and memo.count_tokens("Hello.") == engine.count_tokens("Hello.")
    done: list[int] = []
    assert memo.generate_each(chats, samplings, on_done=done.append) == expected
    assert engine.stats.prompts == 3 and done[-1] == 5 and done == sorted(done)
    assert memo.generate_each(chats[:2], samplings[:2]) == expected[:2] and engine.stats.prompts == 3


@pytest.mark.model
def test_real_model_answers_two_copies_once_with_the_reply_the_first_gets():
    """In bfloat16 a row's sums can round differently beside other rows, so the pair is compared with the same
    batch the memo hands the engine: the distinct prompts, once each."""
    from easyread.engines.registry import get_engine
    from easyread_bench.engine import chats

    engine = get_engine("embedded", {"MODEL_CACHE": "", "MODEL_BATCH_SIZE": 4})
    one, other = chats(2)
    sampling = Sampling(max_new_tokens=16)
    engine.stats.reset()
    separately = engine.generate_each([one, other], [sampling] * 2)
    engine.stats.reset()
    merged = ReplyMemo(engine).generate_each([one, other, one], [sampling] * 3)
    assert merged == [separately[0], separately[1], separately[0]] and all(merged)
    assert engine.stats.prompts == 2  # the pair was generated once


def test_letters_run_stage_by_stage_ask_their_shared_sentences_once_and_keep_their_drafts():
    """Three letters that share sentences, each stage across all of them: a sentence two letters hold is asked once."""
    from easyread.simplify.pipeline import simplify_documents
    from tests.simplify.conftest import SETTINGS
    from tests.simplify.fakes import FakeEngine
    from tests.simplify.letters import REMINDER, letter

    def run():
        engine = FakeEngine()
        docs = [letter(*REMINDER), letter(REMINDER[1], title="Second"), letter(REMINDER[2], REMINDER[0], title="Help")]
        results = simplify_documents(docs, engine, settings={**SETTINGS, "REWRITE_LETTERS_IN_FLIGHT": 0})
        return engine, results

    with unmerged():
        every, plain = run()
    once, merged = run()
    assert [r.draft.to_dict() for r in merged] == [r.draft.to_dict() for r in plain]
    assert once.stats.prompts < every.stats.prompts
    # The letters' counts are every prompt the stages asked, and say how many the memo answered.
    assert merged[0].tokens["prompts"] == plain[0].tokens["prompts"] == every.stats.prompts
    assert merged[0].tokens["merged_prompts"] == every.stats.prompts - once.stats.prompts
    assert plain[0].tokens["merged_prompts"] == 0


def test_the_meaning_questions_about_one_letter_sentence_are_asked_once_for_all_its_lines():
    from easyread.simplify.meaning import second_opinion

    engine = Counting()
    source = "You must pay £125.00 by 1 April 2025."
    asks = [
        (source, line, "", [("stance", "It may change must.")])
        for line in ("You must pay £125.00.", "Pay by 1 April 2025.")
    ]
    memo = ReplyMemo(engine)
    second_opinion(memo, asks, batch_size=4)
    # The letter sentence's questions once, each line's once: 3 prompts for 4 asked.
    assert sorted(text.count(source) for text, _ in engine.asked) == [0, 0, 1] and memo.merged == 1
    second_opinion(memo, asks[:1], batch_size=4)  # the re-check after a repair asks them again
    assert len(engine.asked) == 3 and memo.merged == 3

"""The caches of parsed Docs and facts: hit when a text comes back, bounded, safe under threads, off in uncached()."""

from __future__ import annotations

import threading

import pytest

from easyread.checks import facts, nlp
from easyread.checks.textcache import TextCache, caching, uncached


@pytest.fixture(autouse=True)
def empty_caches():
    nlp.clear_cache()
    facts.clear_cache()
    yield
    nlp.clear_cache()
    facts.clear_cache()


def _sig(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.dep_, t.head.i, t.is_sent_start) for t in doc]


def test_a_text_parsed_again_comes_from_the_cache():
    text = "You must pay £128.75 by 3 March 2025 or we may take you to court."
    before = nlp.parse_counts()
    first = nlp.parse(text)
    again = nlp.parse(text)
    after = nlp.parse_counts()
    assert again is first
    assert (after.parsed - before.parsed, after.hits - before.hits) == (1, 1)


def test_parse_many_parses_only_the_texts_it_has_not_seen_and_each_once():
    seen, new = "We will visit your home on Monday.", "Please make sure someone is at home."
    nlp.parse(seen)
    before = nlp.parse_counts()
    docs = nlp.parse_many([seen, new, new, seen])
    after = nlp.parse_counts()
    assert after.parsed - before.parsed == 1  # only `new`, once, though it is asked for twice
    assert [d.text for d in docs] == [seen, new, new, seen]
    assert docs[0] is nlp.parse(seen) and docs[1] is docs[2]


def test_a_cached_doc_is_the_parse_a_fresh_one_would_give():
    texts = [
        "If you do not pay, we will apply to the court for a liability order.",
        "Your appointment is on 12 May 2026 at 10:30am.",
        "Call us on 020 8356 3330.",
    ]
    batched = nlp.parse_many(texts)
    with uncached():
        alone = [nlp.parse(t) for t in texts]
    assert [_sig(d) for d in batched] == [_sig(d) for d in alone]
    assert all(a is not b for a, b in zip(batched, alone))


def test_uncached_parses_every_time_and_keeps_nothing():
    text = "The Council has sent you this letter."
    with uncached():
        assert not caching()
        before = nlp.parse_counts()
        first, again = nlp.parse(text), nlp.parse_many([text, text])
        after = nlp.parse_counts()
    assert caching()
    assert after.parsed - before.parsed == 3 and after.hits == before.hits
    assert first is not again[0] and again[0] is not again[1]
    assert nlp.cache_size() == 0


def test_the_cache_keeps_the_last_texts_only():
    cache = TextCache(2)
    for key in ("a", "b", "c"):
        cache.put(key, key.upper())
    assert cache.get("a") is None and cache.get("b") == "B" and cache.get("c") == "C"
    cache.get("b")  # used most recently: "c" goes first now
    cache.put("d", "D")
    assert cache.get("c") is None and cache.get("b") == "B" and len(cache) == 2


def test_the_parse_cache_is_bounded():
    assert 0 < nlp.CACHE_SIZE <= 10_000
    cache = nlp._DOCS
    saved = cache.size
    cache.size = 3
    try:
        nlp.parse_many([f"Line number {n} of the letter." for n in range(6)])
        assert nlp.cache_size() == 3
    finally:
        cache.size = saved


def test_two_threads_share_the_cache_safely():
    texts = [f"We will write to you again in {n} days." for n in range(1, 13)]
    expected = {t: _sig(nlp.parse(t)) for t in texts}
    nlp.clear_cache()
    got: list[dict] = [{}, {}]
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for _ in range(3):
                for text in texts if n == 0 else reversed(texts):
                    got[n][text] = _sig(nlp.parse_many([text, texts[0]])[0])
        except BaseException as error:  # pragma: no cover - only when the cache breaks
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert got[0] == expected and got[1] == expected
    assert nlp.cache_size() == len(texts)


def test_facts_of_a_text_come_from_the_cache_and_each_caller_gets_its_own():
    text = "Pay £50.00 by 1st March 2025 or call 0800 917 2222."
    with uncached():
        fresh = facts.extract_facts(text)
    assert ("money", "£50") in [(f.kind, f.value) for f in fresh] and len(fresh) >= 3
    scanned, hits = facts.scan_counts()
    first = facts.extract_facts(text)
    first[0].value = "changed by a caller"
    first.append("something else")
    again = facts.extract_facts(text)
    assert facts.scan_counts() == (scanned + 1, hits + 1)
    assert again == fresh and again[0].value == "£50"
    with uncached():
        facts.extract_facts(text)
    assert facts.scan_counts() == (scanned + 2, hits + 1)


def test_prepare_parses_many_texts_in_one_batch_and_the_splits_after_it_parse_nothing(monkeypatch):
    from easyread.checks.rules import prepare, split_sentences

    texts = ["We will visit on Monday. Please be at home.\nCall us first.", "You can pay online."]
    batches: list[int] = []
    real = nlp.get_nlp()

    class Counting:
        def __call__(self, text):
            batches.append(1)
            return real(text)

        def pipe(self, many, **kwargs):
            many = list(many)
            batches.append(len(many))
            return real.pipe(many, **kwargs)

    monkeypatch.setattr(nlp, "get_nlp", Counting)
    with uncached():
        prepare(texts)  # off: nothing parsed ahead, as before the cache
    assert batches == []
    prepare(texts)
    assert batches == [3]  # three lines, one batch
    assert split_sentences(texts[0]) == ["We will visit on Monday.", "Please be at home.", "Call us first."]
    assert batches == [3]


def test_the_meaning_rules_parse_each_text_once_and_a_line_with_a_verb_once_only():
    from easyread.verify import verify_sentence
    from easyread.verify.findings import read

    source = "You must pay £50 by 1 March 2025."
    read.cache_clear()
    before = nlp.parse_counts().parsed
    assert verify_sentence([source], "You must pay £50 by 1 March 2025.") == []
    assert verify_sentence([source], "You need to pay £50 by 1 March 2025.") == []
    # Two texts, two parses: no "Please ..." re-parse for a line with a verb, nothing parsed twice.
    assert nlp.parse_counts().parsed - before == 2
    read.cache_clear()

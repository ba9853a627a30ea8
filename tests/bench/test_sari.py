"""SARI: hand-computed n-gram counts, the 13a tokeniser, the published ASSET figures,
and the ASSET benchmark run end to end with a fake engine (no model)."""

from __future__ import annotations

import io
import statistics
import types

import pytest

from easyread_bench import asset
from easyread_bench.sari import (
    SariStats,
    corpus_sari,
    corpus_sari_scores,
    normalize,
    sentence_sari,
    tokenize_13a,
)


def counts(op):
    """(correct, sys_total, ref_total) per n-gram order, for readable asserts."""
    return list(zip(op.correct, op.sys_total, op.ref_total))


# ---------------------------------------------------------------------------
# n-gram counts, worked out by hand
# ---------------------------------------------------------------------------


def test_keep_add_delete_counts_one_reference():
    # source "a b c", output "a b d", reference "a c d"
    stats = SariStats()
    stats.update("a b c".split(), "a b d".split(), ["a c d".split()])
    # ADD: output adds {d}; refs add {d}        | bigrams: adds {bd}, refs add {ac, cd}
    assert counts(stats.add) == [(1, 1, 1), (0, 1, 2), (0, 1, 1), (0, 0, 0)]
    # KEEP: output keeps {a, b}; refs keep {a, c} | bigrams: keeps {ab}, refs keep none
    assert counts(stats.keep) == [(1, 2, 2), (0, 1, 0), (0, 0, 0), (0, 0, 0)]
    # DELETE: output deletes {c}; refs delete {b} | bigrams: deletes {bc}, refs delete {ab, bc}
    assert counts(stats.delete) == [(0, 1, 1), (1, 1, 2), (1, 1, 1), (0, 0, 0)]


def test_scores_from_the_hand_counts():
    s = corpus_sari_scores(["a b c"], ["a b d"], [["a c d"]])
    # add: unigram F1 1, others 0 -> 1/4;  keep: unigram P=R=1/2 -> F1 1/2 -> 1/8
    assert s.add == pytest.approx(25.0)
    assert s.keep == pytest.approx(12.5)
    # delete F1: bigram P=1 R=1/2 -> 2/3, trigram 1 -> (2/3 + 1)/4
    assert s.delete == pytest.approx(100 * (2 / 3 + 1) / 4)
    assert s.sari == pytest.approx((25 + 12.5 + 100 * (5 / 3) / 4) / 3)
    # precision-only deletion (the paper's choice): bigram 1 + trigram 1 -> 2/4
    p = corpus_sari_scores(["a b c"], ["a b d"], [["a c d"]], use_f1_for_deletion=False)
    assert p.delete == pytest.approx(50.0)
    assert p.sari == pytest.approx((25 + 12.5 + 50) / 3)


def test_keep_and_delete_are_weighted_by_how_many_references_agree():
    # source "a b", output "a", references "a b" and "a": one of two refs deletes b.
    stats = SariStats()
    stats.update(["a", "b"], ["a"], [["a", "b"], ["a"]])
    # counts are scaled by 2 refs: source {a:2, b:2}, output {a:2}, refs together {a:2, b:1}
    assert counts(stats.keep)[0] == (2, 2, 3)  # kept a (2 of 2); refs keep a:2 + b:1
    assert counts(stats.delete)[0] == (1, 2, 1)  # output deletes b:2, refs delete b:1
    assert counts(stats.add)[0] == (0, 0, 0)
    assert counts(stats.keep)[1] == (0, 0, 1)  # bigram "a b" kept by one ref only
    assert counts(stats.delete)[1] == (1, 2, 1)


def test_add_is_binary_not_counted():
    stats = SariStats()
    stats.update(["a"], ["b", "b", "c"], [["b"], ["b", "b"]])
    # "b" added twice and found in the refs counts once; "c" is a wrong addition
    assert counts(stats.add)[0] == (1, 2, 1)


def test_repeated_source_word_kept_once_is_half_kept():
    stats = SariStats()
    stats.update(["x", "x"], ["x"], [["x", "x"]])
    assert counts(stats.keep)[0] == (1, 1, 2)
    assert counts(stats.delete)[0] == (0, 1, 0)


def test_copying_scores_zero_on_add_and_delete():
    s = corpus_sari_scores(["The cat sat."], ["The cat sat."], [["The cat sat down."]])
    assert s.add == 0 and s.delete == 0 and s.keep > 0


def test_lowercased_and_tokenised_before_counting():
    assert corpus_sari(["The Cat, sat."], ["the cat , sat ."], [["THE CAT, SAT."]]) == pytest.approx(
        corpus_sari(["the cat , sat ."], ["the cat , sat ."], [["the cat , sat ."]])
    )
    # with lowercase=False, "The" and "the" differ
    assert corpus_sari(["The cat"], ["the cat"], [["The cat"]], lowercase=False) < corpus_sari(
        ["The cat"], ["the cat"], [["The cat"]]
    )


def test_corpus_sari_sums_counts_not_sentence_scores():
    orig, out, refs = ["a b c", "x y"], ["a b d", "x y"], [["a c d", "x"]]
    mean_of_sentences = statistics.mean(sentence_sari(o, s, [r]) for o, s, r in zip(orig, out, refs[0]))
    assert corpus_sari(orig, out, refs) != pytest.approx(mean_of_sentences)


def test_shape_errors_are_clear():
    with pytest.raises(ValueError, match="reference set 0"):
        corpus_sari(["a", "b"], ["a", "b"], [["a"]])
    with pytest.raises(ValueError, match="system outputs"):
        corpus_sari(["a", "b"], ["a"], [["a", "b"]])


# ---------------------------------------------------------------------------
# 13a tokenisation
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("Hello, world.", "Hello , world ."),
        ("It costs £1,000.50 (roughly).", "It costs £1,000.50 ( roughly ) ."),
        ("1990-2000 was well-known", "1990 - 2000 was well-known"),
        ("Islam's holiest city", "Islam's holiest city"),
        ("a/b: c; d!?", "a / b : c ; d ! ?"),
        ("&quot;x&quot; &amp; y", '" x " & y'),
        ("  spaced   out  ", "spaced out"),
    ],
)
def test_tokenize_13a(text, tokens):
    assert tokenize_13a(text) == tokens


def test_normalize_lowercases_by_default():
    assert normalize("The U.K.") == "the u . k ."
    assert normalize("The U.K.", lowercase=False, tokenizer="none") == "The U.K."


def test_tokenize_13a_matches_sacrebleu_when_installed():
    tok = pytest.importorskip(
        "sacrebleu.tokenizers.tokenizer_13a", reason="sacrebleu not installed: cross-check skipped"
    ).Tokenizer13a()
    for line in [
        'He said: "No-one (not even 3-4 people) came."',
        "U.S. $5.00, 10,000 & more...",
        "e.g. [a] {b} <c> @d #e ~f `g` 7-day",
    ]:
        assert tokenize_13a(line) == tok(line)


# ---------------------------------------------------------------------------
# The published ASSET figures (need the data folder; it is never in the repo)
# ---------------------------------------------------------------------------

ASSET_DIR = asset.default_data_dir()
needs_asset = pytest.mark.skipif(
    not (ASSET_DIR / "asset.test.orig").is_file(),
    reason=f"ASSET data not found at {ASSET_DIR} (set EASYREAD_ASSET_DIR to the folder with asset.test.orig)",
)


@needs_asset
def test_copying_the_input_scores_20_73_on_asset_test():
    data = asset.load_split("test", ASSET_DIR)
    assert len(data.orig) == 359 and len(data.refs) == 10
    s = corpus_sari_scores(data.orig, data.orig, data.refs)
    assert s.sari == pytest.approx(20.73, abs=0.1)
    assert s.add == 0 and s.delete == 0


@needs_asset
def test_human_references_score_44_89_on_asset_test():
    # Each reference against the other nine: this exercises add and delete too,
    # and only F1-for-deletion (EASSE's default) gives the published 44.89.
    data = asset.load_split("test", ASSET_DIR)
    assert asset.human_sari(data) == pytest.approx(44.89, abs=0.1)


# ---------------------------------------------------------------------------
# The benchmark, end to end, on a tiny made-up data folder and a fake engine
# ---------------------------------------------------------------------------

SOURCES = [
    "The council will commence the refurbishment of the leisure centre in April.",
    "Applications must be submitted no later than the final day of the month.",
    "Residents who require assistance should telephone the helpline.",
]
REFERENCES = [
    [
        "The council will start fixing the leisure centre in April.",
        "Send your application by the last day of the month.",
        "If you need help, phone the helpline.",
    ],
    [
        "The council will repair the leisure centre from April.",
        "Apply by the end of the month.",
        "Call the helpline if you need help.",
    ],
]


@pytest.fixture
def tiny_asset(tmp_path):
    (tmp_path / "asset.valid.orig").write_text("\n".join(SOURCES) + "\n")
    for j, refs in enumerate(REFERENCES):
        (tmp_path / f"asset.valid.simp.{j}").write_text("\n".join(refs) + "\n")
    return tmp_path


class EchoEngine:
    """Replies with the last user message (copying the input), after a label the cleaner must drop."""

    name = "echo"

    def __init__(self):
        self.batches = []
        self.stats = types.SimpleNamespace(generated_tokens=0, prompt_tokens=0)

    def generate(self, prompts, sampling=None):
        self.batches.append(len(prompts))
        assert sampling.temperature == 0.0
        self.stats.generated_tokens += 10 * len(prompts)
        self.stats.prompt_tokens += 100 * len(prompts)
        return ["Easy Read: " + p[-1]["content"] for p in prompts]


def test_run_with_fake_engine_matches_copy_baseline(tiny_asset):
    engine = EchoEngine()
    buf = io.StringIO()
    result = asset.run(["--split", "valid", "--data-dir", str(tiny_asset), "--chunk-size", "2"], engine=engine, out=buf)
    assert engine.batches == [2, 1]  # batched
    scores = result["scores"]
    assert scores["model (echo)"]["sari"] == pytest.approx(scores["source (copy input)"]["sari"])
    assert result["sentences"] == 3 and result["references"] == 2
    assert result["generated_tokens"] == 30 and result["prompt_tokens"] == 300
    assert result["tokens_per_second"] > 0
    text = buf.getvalue()
    assert "source (copy input)" in text and "model (echo)" in text and "machine:" in text


def test_outputs_file_is_written_and_can_be_scored_without_a_model(tiny_asset, tmp_path):
    saved = tmp_path / "outputs.txt"
    args = ["--split", "valid", "--data-dir", str(tiny_asset), "--chunk-size", "2"]
    ran = asset.run(args + ["--outputs", str(saved)], engine=EchoEngine(), out=io.StringIO())
    assert saved.read_text().splitlines() == SOURCES  # label cleaned off, one line per sentence
    scored = asset.run(args + ["--score", str(saved)], out=io.StringIO())
    key = f"outputs ({saved.name})"
    assert scored["scores"][key]["sari"] == pytest.approx(ran["scores"]["model (echo)"]["sari"])
    # a run cut short leaves a prefix, scored on that many first sentences
    saved.write_text("\n".join(SOURCES[:2]) + "\n")
    assert asset.run(args + ["--score", str(saved)], out=io.StringIO())["sentences"] == 2


def test_limit_and_data_dir_env(tiny_asset, monkeypatch):
    monkeypatch.setenv("EASYREAD_ASSET_DIR", str(tiny_asset))
    assert asset.default_data_dir() == tiny_asset
    result = asset.run(["--split", "valid", "--limit", "2"], engine=EchoEngine(), out=io.StringIO())
    assert result["sentences"] == 2


def test_missing_data_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="EASYREAD_ASSET_DIR"):
        asset.load_split("test", tmp_path)


def test_prompt_is_a_chat_with_our_own_examples():
    chat = asset.build_chat("A sentence.")
    assert chat[0]["role"] == "system" and chat[-1] == {"role": "user", "content": "A sentence."}
    assert [m["role"] for m in chat[1:-1]] == ["user", "assistant"] * len(asset.FEW_SHOT)


@pytest.mark.parametrize(
    "reply, cleaned",
    [
        ("  The cat sat.  ", "The cat sat."),
        ("Easy Read: The cat sat.", "The cat sat."),
        ("Here is the rewritten text:\nThe cat sat.\nIt was happy.", "The cat sat. It was happy."),
        ("- The cat sat.\n- It was happy.", "The cat sat. It was happy."),
        ('"The cat sat."', "The cat sat."),
        ("", ""),
    ],
)
def test_clean_output(reply, cleaned):
    assert asset.clean_output(reply) == cleaned


def test_word_and_sentence_counts():
    assert asset.words("It costs £5 , ok .") == 4
    assert asset.sentences("One. Two! Three?") == 3
    assert asset.text_stats(["One two. Three four.", "Five six"])["words_per_sentence"] == pytest.approx(2.0)

"""The engine benchmark runs end to end (on the tiny model, so it is quick)."""

from __future__ import annotations

from easyread_bench import engine as bench


def test_bench_reports_every_batch_size(tiny_model_dir, capsys):
    result = bench.run(
        ["--model", f"transformers://{tiny_model_dir}", "--batch-sizes", "1,2", "--prompts", "3", "--new-tokens", "3"]
    )
    assert [(row["batch"], row["shared_start"], row["refilling"]) for row in result["rows"]] == [
        (1, False, False),
        (2, False, False),
        (2, True, False),
        (2, True, True),
    ]
    assert all(row["tokens"] > 0 and row["tokens_per_second"] > 0 for row in result["rows"])
    printed = capsys.readouterr().out
    assert "tokens/s" in printed and "machine:" in printed and "transformers" in printed
    assert "read once" in printed and "are the same in every prompt" in printed
    assert "refilled" in printed
    # The refilled run says where the engine's time went.
    assert "batch 2 refilled, engine time: prefill" in printed and result["rows"][-1]["engine_time"]
    assert not result["rows"][1]["engine_time"]  # fixed batches run model.generate: not split


def test_bench_compares_engines_each_in_its_own_process(tiny_model_dir, capsys):
    spec = f"transformers://{tiny_model_dir}"
    results = bench.run(["--compare", spec, "--new-tokens", "3", "--compare-plan", "1:2,2:3"])
    rows = results[spec]["rows"]
    assert [(r["rows"], r["prompts"]) for r in rows] == [(1, 2), (2, 3)]
    assert all(r["tokens"] > 0 for r in rows) and results[spec]["peak_rss_bytes"] > 10_000_000
    printed = capsys.readouterr().out
    assert "side by side" in printed and "peak memory" in printed and "(1.00x)" in printed
    assert len(results[spec]["replies"]) == 3 and results[spec]["facts"][1] > 0 and "3/3" in printed
    assert "tokens per CPU second" in printed


def test_bench_prompts_are_all_different():
    prompts = bench.chats(48)
    assert len(prompts) == 48 and len({p[-1]["content"] for p in prompts}) == 48

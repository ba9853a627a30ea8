"""The engine benchmark runs end to end (on the tiny model, so it is quick)."""
from __future__ import annotations

from easyread.bench import engine as bench


def test_bench_reports_every_batch_size(tiny_model_dir, capsys):
    result = bench.run(["--model", f"transformers://{tiny_model_dir}", "--batch-sizes", "1,2",
                        "--prompts", "3", "--new-tokens", "3"])
    assert [(row["batch"], row["shared_start"], row["refilling"]) for row in result["rows"]] == [
        (1, False, False), (2, False, False), (2, True, False), (2, True, True)]
    assert all(row["tokens"] > 0 and row["tokens_per_second"] > 0 for row in result["rows"])
    printed = capsys.readouterr().out
    assert "tokens/s" in printed and "machine:" in printed and "transformers" in printed
    assert "read once" in printed and "are the same in every prompt" in printed
    assert "refilled" in printed

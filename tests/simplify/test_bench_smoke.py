"""The rewriter benchmark's whole path, on three of our letters, with the scripted engine."""

from __future__ import annotations

import json

from .fakes import FakeEngine, plain_cuts


def test_bench_runs_end_to_end_with_a_fake_engine(monkeypatch, tmp_path, capsys):
    import easyread.engines.registry as registry
    from easyread_bench import rewriter
    from easyread_bench.letterset import load_letters

    monkeypatch.setattr(registry, "get_engine", lambda spec=None, settings=None: FakeEngine())
    monkeypatch.setenv("EASYREAD_REWRITE_BEST_OF", "1")
    out = tmp_path / "bench.json"
    figures = rewriter.run(["--first", "3", "--baseline-paragraphs", "2", "--samples", "1", "--json", str(out)])
    printed = capsys.readouterr().out
    assert "hard facts kept" in printed and "baseline (batch 1" in printed
    assert figures["facts"]["hard_facts"] == sum(len(l.facts) for l in load_letters(3))
    assert figures["facts"]["kept_share"] == 1.0  # the echoing engine keeps every fact
    assert figures["invented_after_lock"] == 0
    assert json.loads(out.read_text())["drafts"]
    assert "points with a traced source" in printed and "letter sentences covered" in printed
    assert figures["trace"]["traced_share"] == 1.0 and figures["trace"]["unknown_ids"] == 0
    assert figures["trace"]["covered_share"] >= 0.95
    assert "meaning errors found by the verifier" in printed
    counts = figures["meaning_counts"]
    assert counts["found"] == counts["repaired"] + counts["fell_back"]
    # Both pipeline paths ran on the same letters, side by side, and gave each letter the same draft.
    assert set(figures["paths"]) == {"stages", "overlap"} and figures["same_drafts"] == "3/3"
    assert "overlap / stages" in printed and "engine occupancy" in printed
    assert "llama.cpp, one stream: not installed" in printed


def test_bench_takes_a_folder_of_letters(monkeypatch, tmp_path, capsys):
    import easyread.engines.registry as registry
    from easyread_bench import rewriter

    (tmp_path / "a.txt").write_text(
        "Dear Ms Cole,\n\nWe will visit your home on 3 March 2025 to look at the damp in "
        "your kitchen. Please make sure someone is at home.\n\nYours sincerely,\nA Clerk\n"
    )
    monkeypatch.setattr(registry, "get_engine", lambda spec=None, settings=None: FakeEngine())
    monkeypatch.setenv("EASYREAD_REWRITE_BEST_OF", "1")
    figures = rewriter.run(["--letters", str(tmp_path), "--baseline-paragraphs", "0", "--samples", "0"])
    assert figures["facts"]["hard_facts"] == 0  # no .json beside the letter: no known facts
    assert figures["trace"]["points"] > 0 and figures["trace"]["traced_share"] == 1.0


def test_letter_set_is_complete():
    from easyread_bench.letterset import fact_found, load_letters

    letters = load_letters()
    assert len(letters) >= 12
    assert len({l.service for l in letters}) >= 12
    for letter in letters:
        text = letter.path.read_text(encoding="utf-8")
        assert 150 <= len(text.split()) <= 600
        assert letter.facts and all(fact_found(f, text) for f in letter.facts), letter.name


def test_conditions_bench_says_each_sentence_both_ways(monkeypatch, tmp_path, capsys):
    import easyread.engines.registry as registry
    from easyread_bench import conditions

    def plainer(kind, user, chat):
        # "immediately" said plainer wherever a cut has it; everything else given back as it was.
        return plain_cuts(user).replace("immediately", "straight away") if kind == "plain" else None

    monkeypatch.setattr(registry, "get_engine", lambda spec=None, settings=None: FakeEngine(plainer))
    out = tmp_path / "conditions.json"
    conditions.run(["--json", str(out)])
    printed = capsys.readouterr().out
    rows = json.loads(out.read_text())
    assert f"{len(rows)} letter sentences with 'if' or 'unless'" in printed and len(rows) > 20
    assert "rewrite " in printed and "cuts " in printed
    for row in rows:
        assert row["rewrite"] and len(row["cuts"]) == len(row["letter_cuts"])
        for cut, said in zip(row["letter_cuts"], row["cuts"]):
            assert said in (cut, cut.replace("immediately", "straight away"))
    changed = sum(c != s for row in rows for c, s in zip(row["letter_cuts"], row["cuts"]))
    assert changed and f", {changed} in the model's words" in printed

    conditions.run(["--scope", "others", "--json", str(out)])
    printed = capsys.readouterr().out
    others = json.loads(out.read_text())
    assert f"{len(others)} letter sentences without 'if' or 'unless'" in printed and len(others) > 20
    assert not {r["sentence"] for r in rows} & {r["sentence"] for r in others}
    words = [sum(any(ch.isalnum() for ch in w) for w in c.split()) for r in others for c in r["letter_cuts"]]
    assert max(words) <= 15


def test_conditions_bench_counts_the_model_lines_of_the_labelled_pairs():
    from easyread_bench.conditions import pair_counts

    counts = pair_counts(("holdout4",))["holdout4"]
    # holdout4 holds 243 raw lines of the embedded model (benchmarks/easyread_bench/meaning/README.md).
    assert sum(sum(ways.values()) for ways in counts.values()) == 243
    assert set(counts) == {"harmful", "unfaithful", "faithful"}
    assert all(ways["cuts"] > 0 and ways["short"] > 0 for ways in counts.values())

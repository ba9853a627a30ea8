"""`easyread bench meaning` on our own small pairs file: one table per split, new verifier beside the old rules."""

from pathlib import Path

import pytest

from easyread_bench import BENCHMARKS, load

PAIRS = Path(__file__).resolve().parent.parent / "verify" / "dev_pairs.csv"


def test_bench_meaning_prints_recall_per_kind_beside_the_old_rules(capsys):
    assert "meaning" in BENCHMARKS
    load("meaning")(["--pairs", str(PAIRS)])
    out = capsys.readouterr().out
    assert out.startswith("machine: ")
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.startswith("  ") and line.split()}
    for kind in ("agent", "money", "modal", "negation", "condition", "fact-moved", "invented", "fragment"):
        assert kind in rows, kind
    alarm = next(line for line in out.splitlines() if line.strip().startswith("false alarm")).split()
    new, before = alarm[3], alarm[4]
    assert new.endswith("%") and before.endswith("%")


def test_bench_meaning_says_what_to_do_without_a_pairs_file(tmp_path):
    with pytest.raises(SystemExit, match="--pairs"):
        load("meaning")(["--pairs", str(tmp_path / "missing.csv")])

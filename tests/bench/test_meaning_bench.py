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


def test_bench_meaning_prints_holdout3_as_its_own_split(capsys, tmp_path):
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "id,letter,letter_sentence,easy_read_sentence,label,kind,harmful,split,note\n"
        "p1,x,You must not stop.,You can stop.,unfaithful,modal,yes,holdout2,\n"
        "p2,y,Please call us on 0800 917 2222.,Call us on 0800 917 2222.,faithful,faithful,no,holdout3,\n",
        encoding="utf-8",
    )
    load("meaning")(["--pairs", str(pairs), "--split", "holdout3"])
    out = capsys.readouterr().out
    assert "split holdout3 (1 pairs):" in out
    assert "split holdout2" not in out
    load("meaning")(["--pairs", str(pairs)])
    out = capsys.readouterr().out
    assert "split holdout2 (1 pairs):" in out and "split holdout3 (1 pairs):" in out
    assert out.index("split holdout2") < out.index("split holdout3") < out.index("split all")


def test_bench_meaning_says_what_to_do_without_a_pairs_file(tmp_path):
    with pytest.raises(SystemExit, match="--pairs"):
        load("meaning")(["--pairs", str(tmp_path / "missing.csv")])


def _drafts_lines():
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "benchmarks" / "easyread_bench" / "meaning" / "drafts_lines.py"
    spec = importlib.util.spec_from_file_location("drafts_lines", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_drafts_lines_takes_model_lines_and_rejected_ones_but_not_the_fallback():
    """The drafts split's collector: kept model lines with the lines before them as context, and the rejected lines a
    finding quotes; the fallback point itself is the letter's words, not the model's."""
    said = (
        'The rewrite said "We can support you.". The letter only asks this. It was replaced with the letter\'s own '
        'words. They also replace the other sentences that said the same part of the letter: "A." "B."'
    )
    point = {"flags": [], "findings": [], "sources": ["4.0"]}
    run = {
        "drafts": {
            "01_hackney_rent_arrears_first": {
                "sections": [
                    {
                        "points": [
                            dict(point, text="You have missed some rent payments."),
                            dict(point, text="I am writing to ask if we can help you."),
                            dict(point, text="Letter words.", flags=["letter-words"], findings=[{"message": said}]),
                        ]
                    }
                ]
            }
        }
    }
    lines = _drafts_lines().model_lines(run, {})
    texts = [line for _, _, line, _ in lines]
    assert texts == [
        "You have missed some rent payments.",
        "I am writing to ask if we can help you.",
        "We can support you.",
        "A.",
        "B.",
    ]
    assert lines[1][3] == "You have missed some rent payments."
    assert all(sources[0].startswith("As you have recently missed some rent payments") for _, sources, _, _ in lines)

"""`easyread bench translate`'s memory part: generated letters of one kind, share filled from memory, facts right."""

from __future__ import annotations

from easyread_bench.translate import run
from easyread_bench.translate_memory import WordSwapTranslator, make_letters, memory_bench, write_folder


def test_generated_letters_differ_in_names_amounts_and_dates():
    letters = make_letters(20)
    firsts = {letter.points()[0].text for letter in letters}
    amounts = {letter.points()[1].text for letter in letters}
    assert len(letters) == 20 and len(firsts) == 20 and len(amounts) == 20


def test_memory_fills_repeated_letters_with_their_own_facts(tmp_path):
    write_folder(make_letters(20), tmp_path)
    figures = memory_bench(WordSwapTranslator(), "pl", tmp_path, {"TRANSLATE_MEMORY_FUZZY_MIN": 75})
    assert figures["letters"] == 20 and figures["points"] == 19 * 8
    assert figures["share_exact"] >= 0.8
    assert figures["facts_right_share"] == 1.0
    assert figures["exact"] + figures["fuzzy"] <= figures["points"]


def test_bench_translate_memory_only_prints_the_figures(capsys):
    report = run(["--memory-only", "--memory-letters", "20"])
    out = capsys.readouterr().out
    assert "filled from memory (exact)" in out and "(target >= 80%)" in out and "seconds per letter" in out
    assert report["memory"]["share_exact"] >= 0.8 and report["speed"] == {}

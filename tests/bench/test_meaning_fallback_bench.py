"""The pipeline's false-alarm figure: fallback lines (faithful by construction) the meaning verifier flags."""

from easyread.simplify.checking import load_default_glossary
from easyread_bench.meaning_fallback import flagged_fallback_lines, main


def test_fallback_lines_of_plain_letter_sentences_are_not_flagged():
    sentences = ["If you want to claim PIP call 0800 917 2222 by 12 December 2023.", "PAY NOW AVOID EVICTION"]
    lines, flagged, kinds = flagged_fallback_lines(sentences, load_default_glossary())
    assert lines >= 3  # the glossary explains "eviction" on a line of its own
    assert flagged == 0, kinds


def test_the_figure_is_printed_for_the_tuning_splits(capsys, tmp_path):
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "id,letter,letter_sentence,easy_read_sentence,label,kind,harmful,split,note\n"
        "p1,x,Please call us on 0800 917 2222.,Call us on 0800 917 2222.,faithful,faithful,no,dev,\n"
        "p2,x,You must not stop.,You can stop.,unfaithful,modal,yes,holdout2,\n",
        encoding="utf-8",
    )
    main(["--pairs", str(pairs)])
    out = capsys.readouterr().out
    assert "splits dev, test, holdout: 1 letter sentences" in out
    assert "flagged: 0 (0.0%)" in out


def test_an_older_fallback_runs_side_by_side(capsys, tmp_path):
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "id,letter,letter_sentence,easy_read_sentence,label,kind,harmful,split,note\n"
        "p1,x,Please call us on 0800 917 2222.,Call us on 0800 917 2222.,faithful,faithful,no,dev,\n",
        encoding="utf-8",
    )
    main(["--pairs", str(pairs), "--before", "HEAD"])
    out = capsys.readouterr().out
    assert "at HEAD: 1 fallback lines, flagged: 0 (0.0%)" in out
    assert "splits dev, test, holdout: 1 letter sentences, 1 fallback lines" in out

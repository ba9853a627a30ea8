"""The fallback's readability figure on real letters: pieces at 15 words or fewer, long sentences left whole."""

from easyread.simplify.checking import load_default_glossary
from easyread.verify.fallback import conservative
from easyread_bench.fallback_cuts import letter_sentences, main, measure


def test_the_figures_count_pieces_long_sentences_and_flags():
    long = (
        "If you are unable to make this appointment, please contact us on 020 0000 0000 or email "
        "outpatients@example.nhs.uk."
    )
    whole = "This letter is only intended to set out the level of repayment of arrears of rent today."
    # Cut at its "or" ("If you do not, you may still be at risk ..."), but its first piece is still 25 words and
    # fails the sentence checks' 20-word limit.
    marked = (
        "Should you make payment after the 30 days have elapsed but before a claim is sent for issuing to court, "
        "you should contact the Council immediately or you may still be at risk for court costs."
    )
    figures = measure([long, whole, "Please call us.", marked], load_default_glossary(), conservative)
    assert figures.sentences == 4
    assert figures.long_sentences == 3
    assert figures.long_left_whole == 1  # the second has no cut that keeps its meaning
    assert figures.short_pieces == figures.pieces - 2
    assert figures.flagged == 0
    assert figures.marked == 1


def test_the_letters_are_read_with_the_apps_reader_without_letter_parts(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Dear Mr Sample\n\nPlease pay your rent. We can help.\n\nYours sincerely\n\nIncome Officer\n", encoding="utf-8"
    )
    (tmp_path / "SOURCES.md").write_text("# not a letter\n", encoding="utf-8")
    assert letter_sentences(tmp_path) == ["Please pay your rent.", "We can help."]


def test_the_figures_are_printed_per_set(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("Please pay your rent. We can help.\n", encoding="utf-8")
    main(["--folder", str(tmp_path)])
    out = capsys.readouterr().out
    assert f"{tmp_path.name}: 2 body sentences" in out
    assert (
        "now: 2 pieces, 2 at <= 15 words (100.0%); 0 sentences over 15 words, 0 left whole; 0 pieces flagged; "
        "0 pieces marked for a person"
    ) in out


def test_an_older_fallback_is_loaded_from_git_and_runs_beside_the_current_one(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("Please pay your rent. We can help.\n", encoding="utf-8")
    main(["--folder", str(tmp_path), "--before", "HEAD"])
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("  at HEAD: 2 pieces, 2 at <= 15 words (100.0%)")
    assert out[2].startswith("  now: 2 pieces")

"""Where a place is: "next to" for the letter's "opposite" sends a resident to the wrong door."""

from easyread.verify import verify_sentence

# King's College Hospital letter 11 (benchmarks/easyread_bench/real_letters), read sentence by sentence.
SOURCE = ["Bessemer Road (opposite the main hospital entrance)."]


def test_a_place_said_somewhere_else_is_flagged():
    problems = verify_sentence(SOURCE, "Bessemer Road is next to the hospital entrance.")
    assert [p.kind for p in problems] == ["fact-moved"] and "opposite" in problems[0].message


def test_the_same_place_in_other_words_passes():
    assert verify_sentence(SOURCE, "Bessemer Road is across from the main hospital entrance.") == []
    assert verify_sentence(["The car park is behind the library."], "The car park is behind the library.") == []

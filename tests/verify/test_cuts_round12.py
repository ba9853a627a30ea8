"""Cuts of the conservative fallback read wrong in full drafts of new letters (stop 32), each beside a sibling of the
same shape that is still cut; through the real spaCy parse and the default glossary."""

from easyread.verify.fallback import shorten
from easyread.verify.phrase_cuts import _verb_list

PIFU = (
    "If your health has got worse, we would like to offer you a patient initiated follow up (PIFU) appointment that "
    "will let you speak to a member of the clinical team to determine if you need to be seen sooner."
)


def test_if_after_determine_is_whether_not_a_condition(glossary):
    pieces = shorten(PIFU, glossary)
    # Cut at "determine if", the offer was made on a second condition the letter does not set.
    assert "Do you need to be seen sooner?" not in pieces
    assert any(p.endswith("to determine if you need to be seen sooner.") for p in pieces)
    # The letter's own condition is still asked first.
    assert pieces[0] == "Has your health got worse?"


def test_a_list_of_what_someone_else_is_to_do_is_not_cut_into_sentences_each_saying_it():
    # Read in a real draft: "I would like my child to enclose a non-refundable deposit of £50.00." (the parent
    # encloses it).
    assert _verb_list("I would like my child to join the trip and enclose a non-refundable deposit of £50.00.") is None
    # The reader's or the writer's own list is still cut, one sentence per verb.
    assert _verb_list(
        "You must be able to show that you looked into your benefits, claimed your pension, and have taken advice."
    ) == [
        "You must be able to show that you looked into your benefits.",
        "You must be able to show that you claimed your pension.",
        "You must be able to show that you have taken advice.",
    ]

"""A letter sentence the rewrite asked for but no line says comes back as the letter's own words."""

from easyread.documents.model import Block, BlockKind
from easyread.simplify.meaning_fallback import is_fallback
from easyread.simplify.plan import plan_letter
from easyread.simplify.state import LetterInProgress, Line
from easyread.simplify.unsaid import say_unsaid_sentences

from .letters import letter

THIRD_PARTY = "Through a third party such as a family member, friend or carer."
PROOF = "We will ask for proof that you have given them permission to talk to us."


def _contact_letter():
    doc = letter("Contact us in one of the following ways:")
    doc.blocks[7:7] = [
        Block(BlockKind.LIST_ITEM, "By telephone on 020 8356 3100"),
        Block(BlockKind.LIST_ITEM, f"{THIRD_PARTY} {PROOF}"),
    ]
    return doc


def test_a_sentence_no_line_says_comes_back_in_its_place_with_a_note():
    doc = _contact_letter()
    in_progress = LetterInProgress(doc, plan_letter(doc))
    units = {u.text: n for n, u in enumerate(in_progress.plan.units)}
    sid = {u.text: u.sid for u in in_progress.plan.units}
    in_progress.lines = [
        Line("Contact us in one of these ways.", units["Contact us in one of the following ways:"], sources=["6.0"]),
        Line("Call us on 020 8356 3100.", units["By telephone on 020 8356 3100"], sources=["7.0"]),
        # The model's line for the third-party sentence said the next sentence, and was dropped as its repeat.
        Line("We will ask for proof that they can talk to us for you.", units[PROOF], sources=[sid[PROOF]]),
    ]
    say_unsaid_sentences([in_progress], None)
    texts = [line.text for line in in_progress.lines]
    back = next(line for line in in_progress.lines if line.sources == [sid[THIRD_PARTY]])
    assert back.text.startswith("Through a third party")
    assert texts.index(back.text) == 2, "in the letter's order: before the next sentence's line"
    assert is_fallback(back)
    assert any("None of the rewritten sentences said" in str(f) for f in back.extra)
    assert any(THIRD_PARTY in note for note in in_progress.notes)


def test_a_letter_whose_sentences_are_all_said_is_left_as_it_is():
    doc = letter("You must pay £142.50 by 10 March 2025.")
    in_progress = LetterInProgress(doc, plan_letter(doc))
    in_progress.lines = [Line("Please pay £142.50 by 10 March 2025.", 0, sources=["6.0"])]
    say_unsaid_sentences([in_progress], None)
    assert [line.text for line in in_progress.lines] == ["Please pay £142.50 by 10 March 2025."]
    assert in_progress.notes == []


def test_two_lines_of_one_sentence_that_both_say_the_next_do_not_take_it_out_of_the_draft(settings):
    from easyread.simplify.pipeline import simplify_document
    from easyread.simplify.trace import coverage

    from .fakes import FakeEngine, sentence_of

    def script(kind, user, chat):
        # As on stop 25's real draft of letter 01: the third-party sentence rewritten as the proof sentence, twice.
        if kind == "rewrite" and sentence_of(user) == THIRD_PARTY:
            return "- We will ask for proof that you have given them permission.\n- We will ask them for proof of this."
        return None

    doc = _contact_letter()
    result = simplify_document(doc, FakeEngine(script), settings=settings)
    assert coverage(doc, result.draft).uncovered == []
    back = [p for p in result.draft.points() if p.sources == ["8.0"]]
    assert back and back[0].text.startswith("Through a third party")
    assert not any("ask for proof" in p.text and p.sources == ["8.0"] for p in result.draft.points())
    # Put back where its empty lines were, not by the last net.
    assert not any("was not said by any rewritten sentence" in note for note in result.notes)

import pytest

from easyread.documents.errors import InputError
from easyread.documents.model import Block, BlockKind, Document
from easyread.simplify.language import guess_language
from easyread.simplify.pipeline import simplify_document, simplify_documents

from .letters import REMINDER, letter

WELSH = (
    "Mae ein cofnodion yn dangos nad ydych wedi talu'r rhandaliad o £142.50 ar gyfer eich treth gyngor. "
    "Rhaid i chi dalu erbyn 10 Mawrth 2025. Os ydych yn cael trafferth talu, cysylltwch â ni cyn gynted â phosibl."
)
POLISH = (
    "Z naszych danych wynika, że nie zapłacił Pan raty podatku lokalnego w wysokości £142.50. "
    "Prosimy o zapłacenie tej kwoty do dnia 10 marca 2025. W razie problemów prosimy o kontakt telefoniczny."
)


def test_empty_letter_is_refused(fake):
    doc = Document(blocks=[Block(BlockKind.SALUTATION, "Dear Sir,"), Block(BlockKind.PARAGRAPH, "   ")])
    with pytest.raises(InputError, match="no text"):
        simplify_document(doc, fake)
    assert fake.calls == []


@pytest.mark.parametrize("text, name", [(WELSH, "Welsh"), (POLISH, "Polish")])
def test_letter_not_in_english_is_refused_with_its_language(fake, text, name):
    with pytest.raises(InputError) as error:
        simplify_document(letter(text, title=""), fake)
    assert name in str(error.value) and "English letters only" in str(error.value)
    assert error.value.code == "not_english"
    assert fake.calls == []


def test_bilingual_letter_keeps_only_the_english_paragraphs(fake, settings):
    result = simplify_document(letter(REMINDER[0], WELSH, REMINDER[1]), fake, settings=settings)
    assert not any("treth" in p.text or "Rhaid" in p.text for p in result.draft.points())
    assert any("not in English were left out" in n for n in result.notes)
    assert not any("Rhaid" in user for _, user in fake.calls)


def test_language_guess():
    assert guess_language(" ".join(REMINDER)).is_english
    assert guess_language(WELSH).language == "cy"
    assert guess_language(POLISH).language == "pl"


def test_too_long_document_is_refused(fake):
    doc = letter(*(["You must pay the money that you owe to the council. " * 10] * 20))
    with pytest.raises(InputError, match="Split it into smaller parts"):
        simplify_document(doc, fake, settings={"REWRITE_MAX_WORDS": 1000})


def test_letter_already_in_easy_read_is_kept_without_the_model(fake, settings):
    easy = ["You owe us £142.50.", "You must pay by 10 March 2025.", "Phone us on 0161 496 0199 for help."]
    result = simplify_document(letter(*easy), fake, settings=settings)
    assert result.already_easy
    assert [k for k, _ in fake.calls] == []
    texts = [p.text for p in result.draft.points()]
    assert all(t in texts for t in easy)
    assert any("already reads as Easy Read" in n for n in result.notes)


def test_one_bad_letter_does_not_stop_a_batch(fake, settings):
    results = simplify_documents([letter(*REMINDER), letter(POLISH, title="")], fake, settings=settings)
    assert results[0].draft.points()
    assert isinstance(results[1], InputError)


def test_list_items_are_not_already_easy_apart_from_their_lead_in(fake, settings):
    doc = letter("We will write to you again to tell you:")
    for item in ("how much you need to pay each month", "who to phone if you cannot pay"):
        doc.blocks.insert(-1, Block(BlockKind.LIST_ITEM, item))
    result = simplify_document(doc, fake, settings=settings)
    assert not result.already_easy  # "who to phone if you cannot pay" alone is not a sentence
    assert any(kind == "rewrite" for kind, _ in fake.calls)


def test_one_long_sentence_among_short_lines_is_not_already_easy(fake, settings):
    # Read in a TV Licensing warning: "Day." "Evening." averaged away the 32-word sentence about the fine.
    short = ["Day.", "Evening.", "And even weekends.", "We visit many homes.", "Stop a visit now.", "Thank you."] * 2
    long = (
        "If you are caught watching or recording live TV, on any device, you face a fine of up to £1,000 plus any "
        "legal costs and/or compensation you may be ordered to pay."
    )
    result = simplify_document(letter(*short, long), fake, settings=settings)
    assert not result.already_easy
    assert any(kind == "rewrite" for kind, _ in fake.calls)

"""Limits at the door: characters per letter, the longest word and the longest paragraph, each refused in
one plain sentence before any check or model sees the text; and a DOCX with a DTD is refused, not half read."""

from __future__ import annotations

import pytest

from easyread.documents.errors import InputError
from easyread.documents.read import SPACY_MAX_CHARS, read_document
from tests import samples

GOOD = "Dear resident,\n\nYou must pay £120 by 1 May 2026.\n\n"


def refused(data: bytes, settings: dict | None = None, filename: str = "letter.txt") -> InputError:
    with pytest.raises(InputError) as caught:
        read_document(data, filename=filename, settings={} if settings is None else settings)
    message = str(caught.value)
    assert message.endswith(".") and "Traceback" not in message and "Error" not in message
    return caught.value


def test_one_huge_word_is_refused_in_one_sentence():
    """The letter that froze the service: its body is one 150,000-character word."""
    error = refused((GOOD + "a" * 150_000).encode())
    assert error.code == "word_too_long"
    assert (
        error.message
        == "This letter has a word longer than 200 characters. Check that the file is the letter you meant and try again."
    )


def test_a_long_web_address_is_still_a_word_a_letter_may_have():
    url = "https://www.northshire.gov.uk/council-tax/" + "pay-your-council-tax-online-" * 5
    assert 150 < len(url) <= 200
    doc = read_document((GOOD + f"Pay online at {url} today.\n").encode(), settings={})
    assert url in doc.text()


def test_a_huge_paragraph_is_refused():
    error = refused((GOOD + "You must pay. " * 1000).encode())
    assert error.code == "line_too_long"
    assert "paragraph longer than 10,000 characters" in error.message


def test_a_letter_over_a_million_characters_is_refused_at_the_door():
    """Accepted before, then 'Something went wrong' from spaCy (E088): now refused before reading."""
    data = (GOOD + ("x" * 59 + " ") * 20_000).encode()
    assert len(data) > 1_000_000
    error = refused(data)
    assert error.code == "too_many_characters"
    assert (
        error.message
        == "The letter must have 300,000 characters or fewer. Split it into shorter documents and try again."
    )


def test_the_character_limit_never_passes_the_parsers_own():
    error = refused(
        (GOOD + ("x" * 59 + "\n") * 17_000).encode(), settings={"MAX_CHARS": 5_000_000, "MAX_LINE_CHARS": 10**9}
    )
    assert f"{SPACY_MAX_CHARS:,} characters or fewer" in error.message


def test_the_limits_come_from_settings():
    settings = {"MAX_WORD_CHARS": 10, "MAX_LINE_CHARS": 40, "MAX_CHARS": 100}
    assert refused((GOOD + "supercalifragilistic").encode(), settings).code == "word_too_long"
    assert (
        refused((GOOD + "one two three four five six seven eight nine ten").encode(), settings).code == "line_too_long"
    )
    assert refused((GOOD * 5).encode(), settings).code == "too_many_characters"
    assert read_document(GOOD.encode(), settings=settings).word_count() == 10


def test_the_limits_hold_for_word_documents_too(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Dear resident,")
    document.add_paragraph("b" * 5000)
    document.save(tmp_path / "letter.docx")
    assert refused((tmp_path / "letter.docx").read_bytes(), filename="letter.docx").code == "word_too_long"


def test_a_docx_with_an_internal_entity_is_refused_not_half_read(tmp_path):
    """Before: only 'The second paragraph names' was kept, silently."""
    path = samples.make_docx_with_entity(tmp_path / "entity.docx")
    error = refused(path.read_bytes(), filename="entity.docx")
    assert error.code == "dtd"
    assert error.message.startswith("This Word document has settings inside it that easyread cannot read safely.")


def test_an_ordinary_docx_is_still_read_whole(tmp_path):
    path = samples.make_letter_docx(tmp_path / "letter.docx")
    assert read_document(path, settings={}).word_count() > 20

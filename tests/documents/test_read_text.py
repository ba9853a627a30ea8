"""The text and Markdown readers."""

from __future__ import annotations

import pytest

from easyread.documents.errors import InputError
from easyread.documents.model import BlockKind, Mark
from easyread.documents.paragraphs import join_wrapped
from easyread.documents.read import read_document, sniff
from easyread.documents.read_text import decode_text, read_text
from tests import samples


def test_plain_text_letter(tmp_path):
    path = samples.make_letter_text(tmp_path / "letter.txt")
    data = path.read_bytes()
    assert sniff(data) == "text"
    doc = read_document(path, settings={})
    assert samples.outline(doc) == samples.expected_letter_parts() + [
        ("paragraph", 0, False, None, samples.HEADING_1),
        ("paragraph", 0, False, None, samples.INTRO),  # wrapped at 60 characters, joined again
        ("paragraph", 0, False, None, samples.SECOND),
        ("paragraph", 0, False, None, samples.HEADING_2),
        ("list_item", 0, False, None, samples.BULLETS[0][0]),
        ("list_item", 0, False, None, samples.BULLETS[1][0]),
        ("list_item", 1, False, None, samples.BULLETS[2][0]),
        ("list_item", 0, True, None, samples.NUMBERED[0]),
        ("list_item", 0, True, None, samples.NUMBERED[1]),
        ("paragraph", 0, False, None, samples.CLOSING),
        samples.EXPECTED_SIGN_OFF,
    ]


def test_markdown_letter(tmp_path):
    path = samples.make_letter_text(tmp_path / "letter.md", markdown=True)
    assert sniff(path.read_bytes()) == "markdown"
    doc = read_document(path, settings={})
    assert samples.outline(doc) == samples.expected_letter_parts() + [
        ("heading", 1, False, None, samples.HEADING_1),
        ("paragraph", 0, False, None, samples.INTRO),
        ("paragraph", 0, False, None, samples.SECOND),
        ("heading", 2, False, None, samples.HEADING_2),
        ("list_item", 0, False, None, samples.BULLETS[0][0]),
        ("list_item", 0, False, None, samples.BULLETS[1][0]),
        ("list_item", 1, False, None, samples.BULLETS[2][0]),
        ("list_item", 0, True, None, samples.NUMBERED[0]),
        ("list_item", 0, True, None, samples.NUMBERED[1]),
        ("table", 0, False, None, "Band | Amount\nD | £1,234.56"),
        ("paragraph", 0, False, None, samples.CLOSING),
        samples.EXPECTED_SIGN_OFF,
    ]
    intro = doc.blocks[7]
    start = samples.INTRO.index(samples.INTRO_BOLD)
    assert intro.marks == [Mark(start, start + len(samples.INTRO_BOLD), "bold")]
    assert doc.title == samples.HEADING_1


def test_markdown_keeps_link_targets_and_literal_indents():
    text = "# Pay\n\nPay [online](https://pay.example.gov.uk) or email [us](mailto:tax@example.gov.uk).\n\n    Indented line, not code.\n"
    blocks = read_text(text, markdown=True).blocks
    assert [b.text for b in blocks] == [
        "Pay",
        "Pay online (https://pay.example.gov.uk) or email us (tax@example.gov.uk).",
        "Indented line, not code.",
    ]


def test_numbered_lines_alone_stay_plain_text():
    assert sniff(b"1. Fill in the form.\n2. Send it back.\n") == "text"
    assert sniff(b"- one\n- two\n") == "markdown"
    assert sniff(b"## Heading\n\nText.\n") == "markdown"


def test_utf8_with_bom_and_windows_line_ends(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffDear Ms Patel,\r\n\r\nYou owe £120.\r\n".encode("utf-8"))
    assert sniff(path.read_bytes()) == "text"
    doc = read_document(path, settings={})
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.SALUTATION, "Dear Ms Patel,"),
        (BlockKind.PARAGRAPH, "You owe £120."),
    ]


def test_utf16_is_refused_with_utf8_advice():
    with pytest.raises(InputError, match="Save it as UTF-8"):
        decode_text("Dear Ms Patel".encode("utf-16"))


def test_join_wrapped_keeps_real_compounds():
    assert join_wrapped("information is infor-", "mation") == "information is information"
    assert join_wrapped("a council-", "run service") == "a council-run service"
    assert join_wrapped("soft hyphen in infor\u00ad", "mation") == "soft hyphen in information"

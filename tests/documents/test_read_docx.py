"""The Word reader: block kinds, levels, marks and order, on a DOCX made with python-docx."""

from __future__ import annotations

import docx
import pytest

from easyread.documents.model import BlockKind, Mark
from easyread.documents.read import read_document, sniff
from easyread.documents.read_docx import read_docx
from tests import samples


@pytest.fixture(scope="module")
def letter_path(tmp_path_factory):
    return samples.make_letter_docx(tmp_path_factory.mktemp("docx") / "letter.docx")


def test_sniffs_docx_by_content_not_name(letter_path, tmp_path):
    renamed = tmp_path / "letter.txt"
    renamed.write_bytes(letter_path.read_bytes())
    assert sniff(renamed.read_bytes()) == "docx"
    assert read_document(renamed, settings={}).blocks[-1].kind is BlockKind.SIGN_OFF


def test_reads_every_block_kind_in_order(letter_path):
    doc = read_document(letter_path, settings={})
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
    assert doc.title == samples.HEADING_1
    assert doc.source_name == "letter.docx"


def test_marks_have_character_offsets(letter_path):
    blocks = read_document(letter_path, settings={}).blocks
    intro = next(b for b in blocks if b.text == samples.INTRO)
    start = samples.INTRO.index(samples.INTRO_BOLD)
    assert intro.marks == [Mark(start, start + len(samples.INTRO_BOLD), "bold")]
    second = next(b for b in blocks if b.text == samples.SECOND)
    assert [(m.kind, second.text[m.start : m.end]) for m in second.marks] == [
        ("italic", samples.SECOND_ITALIC),
        ("underline", samples.SECOND_UNDERLINE),
    ]


def test_table_rows_keep_cells(letter_path):
    table = next(b for b in read_docx(letter_path.read_bytes()).blocks if b.kind is BlockKind.TABLE)
    assert table.rows == samples.TABLE


def test_source_points_back_to_paragraph_number(letter_path):
    blocks = read_docx(letter_path.read_bytes(), name="x.docx").blocks
    # Seven sender lines, an empty paragraph, then the recipient address paragraph.
    assert blocks[7].text.startswith("Ms Priya Patel") and blocks[7].source.index == 8
    assert blocks[7].source.file == "x.docx"


def test_sender_address_typed_with_line_breaks(tmp_path):
    path = samples.make_letter_docx(tmp_path / "l.docx", sender_in_one_paragraph=True)
    parts = read_document(path, settings={}).letter_parts()
    assert [b.kind for b in parts[:2]] == [BlockKind.SENDER_ADDRESS, BlockKind.RECIPIENT_ADDRESS]
    assert parts[0].text == "\n".join(samples.SENDER_LINES)


def test_custom_heading_style_based_on_heading_2_and_numbered_list_paragraph(tmp_path):
    document = docx.Document()
    from docx.enum.style import WD_STYLE_TYPE

    style = document.styles.add_style("Council Subheading", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Heading 2"]
    document.add_paragraph("What happens next", style="Council Subheading")
    document.add_paragraph("Title of the letter", style="Title")
    numbered = document.add_paragraph("Second level number", style="List Number 2")
    path = tmp_path / "custom.docx"
    document.save(path)
    blocks = read_docx(path.read_bytes()).blocks
    assert [(b.kind, b.level, b.ordered) for b in blocks] == [
        (BlockKind.HEADING, 2, False),
        (BlockKind.HEADING, 1, False),
        (BlockKind.LIST_ITEM, 1, True),
    ]
    assert numbered.text == blocks[2].text


def test_strong_character_style_counts_as_bold(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("Pay ")
    paragraph.add_run("£20", style="Strong")
    paragraph.add_run(" now.")
    path = tmp_path / "strong.docx"
    document.save(path)
    block = read_docx(path.read_bytes()).blocks[0]
    assert block.text == "Pay £20 now."
    assert block.marks == [Mark(4, 7, "bold")]


def test_reading_does_not_change_the_file(letter_path):
    before = samples.file_state(letter_path)
    read_document(letter_path, settings={})
    assert samples.file_state(letter_path) == before


def test_ten_page_letter_for_benchmarks(tmp_path):
    doc = read_document(samples.make_long_docx(tmp_path / "long.docx", pages=10), settings={})
    assert 4500 < doc.word_count() < 6000
    assert doc.blocks[-1].kind is BlockKind.SIGN_OFF


def test_numbering_set_on_the_paragraph_itself(tmp_path):
    # Word's own lists use "List Paragraph" plus numPr; numId 1 is a bullet list and 5 a decimal one in
    # python-docx's default template; numId 0 switches numbering off.
    document = docx.Document()
    for text, num_id in (("A bullet", 1), ("A number", 5), ("Not a list", 0)):
        paragraph = document.add_paragraph(text, style="List Paragraph")
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = num_id
    path = tmp_path / "numbered.docx"
    document.save(path)
    assert [(b.kind, b.ordered, b.text) for b in read_docx(path.read_bytes()).blocks] == [
        (BlockKind.LIST_ITEM, False, "A bullet"),
        (BlockKind.LIST_ITEM, True, "A number"),
        (BlockKind.PARAGRAPH, False, "Not a list"),
    ]

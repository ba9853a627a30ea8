"""The PDF reader: paragraphs rebuilt from lines, running headers and page numbers dropped."""

from __future__ import annotations

import pytest

from easyread.documents.model import BlockKind
from easyread.documents.paragraphs import blocks_from_lines
from easyread.documents.read import read_document, sniff
from easyread.documents.read_pdf import drop_running_lines
from tests import samples


@pytest.fixture(scope="module")
def three_pages(tmp_path_factory):
    return samples.make_letter_pdf(tmp_path_factory.mktemp("pdf") / "letter.pdf", pages=3)


@pytest.fixture(scope="module")
def doc(three_pages):
    return read_document(three_pages, settings={})


def test_sniffs_pdf(three_pages):
    assert sniff(three_pages.read_bytes()) == "pdf"


def test_letter_parts_and_body_in_reading_order(doc):
    out = samples.outline(doc)
    assert doc.pages == 3
    assert doc.title == samples.HEADING_1
    assert out[:6] == samples.expected_letter_parts()
    assert out[6:9] == [
        ("heading", 1, False, None, samples.HEADING_1),  # 14pt against 11pt body text
        ("paragraph", 0, False, None, samples.INTRO),
        ("paragraph", 0, False, None, samples.SECOND),
    ]
    tail = out[-10:]
    assert tail == [
        ("heading", 2, False, None, samples.HEADING_2),  # 12pt
        ("list_item", 0, False, None, samples.BULLETS[0][0]),
        ("list_item", 0, False, None, samples.BULLETS[1][0]),
        ("list_item", 1, False, None, samples.BULLETS[2][0]),
        ("list_item", 0, True, None, samples.NUMBERED[0]),
        ("list_item", 0, True, None, samples.NUMBERED[1]),
        ("paragraph", 0, False, None, "Band Amount"),
        ("paragraph", 0, False, None, "D £1,234.56"),
        ("paragraph", 0, False, None, samples.CLOSING),
        samples.EXPECTED_SIGN_OFF,
    ]


def test_wrapped_lines_join_into_whole_paragraphs(doc):
    fillers = [b for b in doc.blocks if b.text.startswith("The council uses")]
    assert len(fillers) == samples.pdf_filler_count(3) == 13
    assert all(b.text == samples.FILLER for b in fillers)


def test_running_header_and_page_numbers_dropped(doc):
    text = doc.text()
    assert samples.PDF_HEADER not in text
    assert "Page 1 of 3" not in text and "Page 3 of 3" not in text
    assert {b.source.page for b in doc.blocks} == {1, 2, 3}


def test_drop_running_lines_keeps_body_lines_that_repeat_mid_page():
    def page(p):
        # Amounts differ from page to page; only the header, the page number and one mid-page line repeat.
        rows = [f"Week {p * 10 + n} rent £{p}{n}.00" for n in range(6)]
        return ["Acme Council letter", ""] + rows[:3] + ["Same middle line"] + rows[3:] + ["", f"- {p} -"]

    pages = [page(p) for p in (1, 2, 3)]
    cleaned = drop_running_lines(pages)
    assert cleaned[1] == ["", ""] + pages[1][2:9] + ["", ""]
    assert "Same middle line" in cleaned[1]


def test_paragraph_rules_on_lines():
    lines = [
        "The first paragraph has a line that wraps because it is long, and infor-",
        "mation was split in two by a hyphen at the end of the line on the page.",
        "Short last line.",
        "The next paragraph starts after a short line with no blank line between",
        "them. A council-",
        "    An indented first line starts a new paragraph even when the line before",
        "is long enough to wrap. The council-run service keeps its real hyphen in-",
        "side compounds like council-",
        "run.",
        "",
        "• A bullet that is long enough to wrap onto the next line of the page, it",
        "  carries on here.",
    ]
    blocks = blocks_from_lines(lines)
    assert [(b.kind, b.text) for b in blocks] == [
        (
            BlockKind.PARAGRAPH,
            "The first paragraph has a line that wraps because it is long, and information was split in two by a hyphen at the end of the line on the page. Short last line.",
        ),
        (
            BlockKind.PARAGRAPH,
            "The next paragraph starts after a short line with no blank line between them. A council-",
        ),
        (
            BlockKind.PARAGRAPH,
            "An indented first line starts a new paragraph even when the line before is long enough to wrap. The council-run service keeps its real hyphen inside compounds like council-",
        ),
        (BlockKind.PARAGRAPH, "run."),
        (
            BlockKind.LIST_ITEM,
            "A bullet that is long enough to wrap onto the next line of the page, it carries on here.",
        ),
    ]
    assert [b.source.index for b in blocks] == [0, 3, 5, 8, 10]


def test_owner_password_only_pdf_opens(tmp_path):
    path = samples.make_encrypted_pdf(tmp_path / "owner.pdf", user_password="")
    doc = read_document(path, settings={})
    assert doc.letter_parts()[0].text == "\n".join(samples.SENDER_LINES)


def test_reading_does_not_change_the_file(three_pages):
    before = samples.file_state(three_pages)
    read_document(three_pages, settings={})
    assert samples.file_state(three_pages) == before


def test_ten_page_letter_for_benchmarks(tmp_path):
    doc = read_document(samples.make_long_pdf(tmp_path / "long.pdf", pages=10), settings={})
    assert doc.pages == 10
    assert samples.PDF_HEADER not in doc.text() and "of 10" not in doc.text()
    fillers = [b for b in doc.blocks if b.text.startswith("The council uses")]
    # Paragraphs broken by a page end are joined again.
    assert len(fillers) == samples.pdf_filler_count(10) and {b.text for b in fillers} == {samples.FILLER}


def test_addresses_side_by_side_are_read_column_by_column(tmp_path):
    import weasyprint

    right = "".join(f"<p>{x}</p>" for x in samples.SENDER_LINES[:4] + ["Tel: 0300 123 4567"])
    left = "".join(f"<p>{x}</p>" for x in samples.RECIPIENT_LINES)
    html = (
        "<style>p{margin:0} .r{float:right;text-align:right} .gap{margin-top:1em;clear:both}</style>"
        f"<div class=r>{right}</div><div>{left}</div>"
        "<div class=gap><p>Our ref:&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;HR/2291</p></div>"
        "<p class=gap>Dear Ms Patel,</p><p class=gap>We have changed your bill.</p>"
    )
    path = tmp_path / "side.pdf"
    weasyprint.HTML(string=html).write_pdf(path)
    assert samples.outline(read_document(path, settings={})) == [
        ("recipient_address", 0, False, None, "\n".join(samples.RECIPIENT_LINES)),
        # The reference line follows the addresses with no blank line: it reads as the left column's last line.
        ("reference", 0, False, "Our ref", "HR/2291"),
        ("sender_address", 0, False, None, "\n".join(samples.SENDER_LINES[:4] + ["Tel: 0300 123 4567"])),
        ("salutation", 0, False, None, "Dear Ms Patel,"),
        ("paragraph", 0, False, None, "We have changed your bill."),
    ]

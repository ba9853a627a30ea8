"""Issue 16, finding 7: a letter laid out right with no model, in the draft, DOCX and PDF — addresses kept as
lines and not checked as prose, the sign-off after the body, real headings, the name staff gave as the title,
web addresses and phone numbers never broken across lines, and no nearly empty last PDF page."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.checks.report import check_draft
from easyread.documents.identity import SIGN_OFF_HEADING, identity_draft
from easyread.documents.read import read_document
from easyread.documents.write import WriteOptions, write_outputs

LETTERS = Path(__file__).resolve().parents[2] / "benchmarks" / "easyread_bench" / "letters"
URL = "www.eastfield.gov.uk/repairs-and-maintenance"
LETTER = (
    "Eastfield City Council\nHousing Repairs Team\nPO Box 410\nEastfield EF1 9ZZ\nPhone: 0113 496 0540\n\n"
    "Ms A Kowalczyk\nFlat 6, Beacon House\nLark Lane\nEastfield\nEF3 7QS\n\n15 April 2025\n\n"
    "Repair reference: RR-2025-31177\n\nDear Ms Kowalczyk,\n\n"
    "Repair appointment: damp and mould in your bathroom\n\n"
    "Thank you for reporting damp and mould in the bathroom of your flat.\n\n"
    f"If you cannot keep this appointment, please call us on 0113 496 0540. You can also rebook online at {URL} today.\n\n"
    "Yours sincerely,\n\nRepairs Team\nEastfield City Council\n"
)


def _draft(title=None):
    return identity_draft(read_document(LETTER.encode(), filename="pasted-letter.txt"), title=title)


def test_the_draft_keeps_addresses_as_lines_and_does_not_fail_them():
    draft = _draft()
    check_draft(draft, LETTER)
    details = draft.sections[0].points
    assert details[0].text.split("\n")[:2] == ["Eastfield City Council", "Housing Repairs Team"]
    assert details[1].text.count("\n") == 4  # the resident's address, one line each
    for point in details:
        assert not [f for f in point.findings if f["severity"] == "fail"], (point.text, point.findings)


def test_the_sign_off_comes_after_the_body_with_real_headings():
    draft = _draft()
    headings = [s.heading for s in draft.sections]
    assert headings[-1] == SIGN_OFF_HEADING and draft.sections[-1].points[0].text.startswith("Yours sincerely")
    assert all(h.strip() for h in headings), headings  # no section left for the page to call "Section 2"
    assert draft.title == "Repair appointment: damp and mould in your bathroom"


def test_a_pasted_letter_takes_the_name_staff_gave():
    draft = _draft(title="Damp repair for Flat 6")
    assert draft.title == "Damp repair for Flat 6"
    assert draft.sections[1].heading == "Repair appointment: damp and mould in your bathroom"


def test_docx_and_pdf_put_yours_sincerely_after_the_body_and_keep_addresses_whole(tmp_path):
    import docx
    import pypdf

    out = write_outputs(_draft(), tmp_path / "out", "letter", ["docx", "pdf"], WriteOptions.defaults())
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(out["docx"]))  # the points sit in a table beside their pictures
    text = "\n".join(Paragraph(p, document).text for p in document.element.body.iter(qn("w:p")))
    assert text.index("Yours sincerely") > text.index("Thank you for reporting")
    pdf = "\n".join(page.extract_text() for page in pypdf.PdfReader(str(out["pdf"])).pages)
    assert pdf.index("Yours sincerely") > pdf.index("Thank you for reporting")
    lines = [line.strip() for line in pdf.splitlines()]
    # the web address on one line, or broken only after a "/", never at its hyphens
    at = next(i for i, line in enumerate(lines) if "www.eastfield" in line)
    assert URL in lines[at] or (lines[at].endswith("/") and (lines[at] + lines[at + 1]).find(URL) >= 0), lines[
        at : at + 2
    ]
    assert "\n".join(lines).count("0113 496 0540") == 2, lines  # in the address and in the body, never split


def _page_fill(pdf_html) -> list[float]:
    """How far down each page its last text or picture reaches, as a share of the page's content height."""
    from weasyprint.formatting_structure import boxes

    def leaves(box):
        if isinstance(box, (boxes.TextBox, boxes.ReplacedBox)) or (
            isinstance(box, boxes.BlockBox) and not box.children and box.style["background_image"] and box.height
        ):
            yield box
        for child in getattr(box, "children", None) or []:
            yield from leaves(child)

    fills = []
    for page in pdf_html.render().pages:
        root = page._page_box
        bottom = max(b.position_y + b.margin_height() for b in leaves(root))
        fills.append((bottom - root.content_box_y()) / root.height)
    return fills


@pytest.mark.parametrize("name", ["05_benefit_overpayment", "04_appointment", "03_care_assessment"])
def test_no_nearly_empty_last_pdf_page(name):
    from easyread.config import load_settings
    from easyread.documents.write_pdf import _weasy_html
    from easyread.pictures import add_pictures

    settings = load_settings()
    draft = add_pictures(
        identity_draft(read_document(LETTERS / f"{name}.txt")), settings={**settings, "PICTURE_DEFAULT_SET": "openmoji"}
    )
    fills = _page_fill(_weasy_html(draft, WriteOptions.defaults()))
    assert len(fills) == 1 or fills[-1] >= 0.15, fills  # the credits never sit alone on the last page

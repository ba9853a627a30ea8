"""Pictures reach the documents people get: the PNG, its alt text and the credit line."""

from __future__ import annotations

import zipfile

from easyread.documents.model import EasyReadDocument, Point, Section
from easyread.documents.write import WriteOptions, write_outputs
from easyread.pictures import OPENMOJI_CREDIT, add_pictures


def test_docx_and_html_carry_picture_alt_text_and_credit(openmoji_library, settings, tmp_path):
    doc = EasyReadDocument(
        "Your council tax", [Section("What to do", [Point("Call us on 01793 445500."), Point("We hope this helps.")])]
    )
    doc = add_pictures(doc, settings=settings, library=openmoji_library)
    written = write_outputs(doc, tmp_path / "out", "letter", ["docx", "html"], WriteOptions.defaults())

    with zipfile.ZipFile(written["docx"]) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
        media = [n for n in docx.namelist() if n.startswith("word/media/")]
    assert len(media) == 1  # the telephone; the abstract point has none
    assert 'descr="Phone us"' in body  # what the picture means here, not the symbol's name
    assert "OpenMoji" in body and "CC BY-SA 4.0" in body

    html = written["html"].read_text(encoding="utf-8")
    assert html.count("<img") == 1
    assert 'alt="Phone us"' in html and 'src="data:image/png;base64,' in html
    assert OPENMOJI_CREDIT.split(" (")[0] in html.replace("&nbsp;", " ")

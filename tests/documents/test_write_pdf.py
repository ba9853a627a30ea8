"""The PDF writer: text comes back out, the right fonts are embedded, and the PDF is tagged."""

import io
import logging
import unicodedata

import pypdf
import pytest

from easyread.documents.write import WriteOptions
from easyread.documents.write_pdf import render_pdf, write_pdf
from tests.writer_samples import ARABIC_POINTS, ARABIC_TITLE, arabic_doc, english_doc


def _fonts(reader):
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def _struct_elements(node, found=None):
    """Every structure element under `node`, as (tag, Alt) pairs, in order."""
    found = [] if found is None else found
    node = node.get_object()
    kids = node.get("/K")
    if kids is None:
        return found
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object()
        if isinstance(kid, dict) and "/S" in kid:
            found.append((str(kid["/S"]), kid.get("/Alt")))
            _struct_elements(kid, found)
    return found


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf_en")
    doc = english_doc(folder)
    path = write_pdf(doc, folder / "letter.pdf", WriteOptions.defaults(council_name="Example Council"))
    return doc, pypdf.PdfReader(path)


@pytest.fixture(scope="module")
def arabic(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf_ar")
    return pypdf.PdfReader(io.BytesIO(render_pdf(arabic_doc(folder))))


def test_latin_text_comes_back_exactly(english):
    doc, reader = english
    lines = [" ".join(line.split()) for page in reader.pages for line in page.extract_text().splitlines()]
    expected = ["Example Council", doc.title] + [s.heading for s in doc.sections] + [p.text for p in doc.points()]
    for text in expected:
        assert text in lines
    assert (
        lines.index("What you owe")
        < lines.index("You owe £120.50.")
        < lines.index("Get help")
        < lines.index("Call 01234 567890.")
    )


def test_page_count_language_and_metadata(english):
    _, reader = english
    assert len(reader.pages) == 1
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert reader.metadata.title == "Your council tax"
    assert reader.metadata.author == "Example Council"
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)  # A4


def test_pdf_is_tagged_with_alt_text_and_decorative_pictures_as_artifacts(english):
    _, reader = english
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    elements = _struct_elements(root["/StructTreeRoot"])
    tags = [tag for tag, _ in elements]
    assert tags.count("/H1") == 1 and tags.count("/H2") == 2
    assert "/L" in tags and "/LI" in tags
    figures = [alt for tag, alt in elements if tag == "/Figure"]
    # the decorative picture is drawn as an artifact, so it is not a figure without alt
    assert figures == ["A pound coin", "A phone"]


def test_no_accessibility_errors_logged(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        render_pdf(english_doc(tmp_path))
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_pictures_are_embedded(english):
    _, reader = english
    assert len(reader.pages[0].images) >= 2  # two picture files; a repeated one may be shared


def test_fonts_are_embedded(english):
    _, reader = english
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descendant = font.get_object().get("/DescendantFonts")
            font = descendant[0].get_object() if descendant else font.get_object()
            descriptor = font["/FontDescriptor"]
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_arabic_text_fonts_and_language(arabic):
    root = arabic.trailer["/Root"]
    assert root["/Lang"] == "ar"
    assert arabic.metadata.title == ARABIC_TITLE
    assert "/StructTreeRoot" in root
    # A font that has Arabic glyphs must carry the text; a font without them
    # would leave empty boxes (.notdef) that map back to no character.
    assert any("Arabic" in name for name in _fonts(arabic)), _fonts(arabic)
    extracted = unicodedata.normalize("NFKC", "".join(page.extract_text() for page in arabic.pages))
    for sentence in [ARABIC_TITLE, *ARABIC_POINTS]:
        # Shaping and visual order may differ, so compare letters and each word's presence.
        letters = {ch for ch in sentence if unicodedata.bidirectional(ch) == "AL"}
        assert letters <= set(extracted)
        for word in sentence.split():
            word = word.strip(".")
            if any(unicodedata.bidirectional(ch) == "AL" for ch in word):
                assert word in extracted, word
    assert "120.50" in extracted and "2025" in extracted
    assert "\ufffd" not in extracted


def test_write_pdf_replaces_file(tmp_path):
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"old")
    write_pdf(english_doc(tmp_path), target)
    assert target.read_bytes()[:5] == b"%PDF-"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf" or p.name.startswith(".")) == ["letter.pdf"]

import re

import lxml.html
import pytest

from easyread.documents.model import EasyReadDocument, Point, Section
from easyread.documents.write import WriteOptions
from easyread.documents.write_html import render_html, stylesheet, write_html
from tests.writer_samples import ARABIC_TITLE, OPENMOJI, arabic_doc, english_doc


def _page(doc, **options):
    html = render_html(doc, WriteOptions.defaults(**options))
    return html, lxml.html.document_fromstring(html)


def _style(tree):
    return "\n".join(s.text_content() for s in tree.iter("style"))


def test_language_direction_and_title(tmp_path):
    _, en = _page(english_doc(tmp_path))
    assert (en.get("lang"), en.get("dir")) == ("en", "ltr")
    assert en.findtext(".//title") == "Your council tax"
    _, ar = _page(arabic_doc(tmp_path))
    assert (ar.get("lang"), ar.get("dir")) == ("ar", "rtl")
    assert ar.findtext(".//title") == ARABIC_TITLE


def test_structure_one_h1_sections_in_order_points_as_list(tmp_path):
    doc = english_doc(tmp_path)
    _, tree = _page(doc)
    assert [h.text_content() for h in tree.iter("h1")] == ["Your council tax"]
    assert [h.text_content() for h in tree.iter("h2")] == ["What you owe", "Get help"]
    assert len(tree.findall(".//main")) == 1
    assert tree.find(".//main//h1") is not None
    texts = [p.text_content() for p in tree.find_class("er-text")]
    assert texts == [p.text for p in doc.points()]
    # each list row holds the picture cell first, then the words
    for item in tree.iter("li"):
        assert [c.get("class") for c in item] == ["er-picture", "er-text"]


def test_every_picture_has_alt_and_is_embedded(tmp_path):
    _, tree = _page(english_doc(tmp_path))
    images = list(tree.iter("img"))
    assert len(images) == 3  # the point without a picture has an empty cell
    assert [img.get("alt") for img in images] == ["A pound coin", "", "A phone"]
    for img in images:
        assert img.get("src").startswith("data:image/png;base64,")


def test_page_still_works_when_moved(tmp_path):
    html, _ = _page(english_doc(tmp_path))
    assert str(tmp_path) not in html
    assert "file:" not in html


def test_fonts_sizes_and_print_rules(tmp_path):
    _, tree = _page(english_doc(tmp_path), font="Verdana", font_size_pt=18, heading_size_pt=24)
    css = _style(tree)
    assert re.search(r'font-family: "Verdana", .*"Noto Sans Arabic"', css)
    assert "font-size: 18pt" in css
    assert ".er-heading { font-size: 24pt; }" in css
    assert "line-height: 1.5" in css
    assert "text-align: start" in css
    assert "justify" not in css and "italic" not in css and "uppercase" not in css
    assert "@media print" in css
    assert re.search(r"@page \{\s*size: A4;\s*margin: 2cm;", css)


def test_everything_is_escaped(tmp_path):
    doc = EasyReadDocument(
        title="<b>Title</b>",
        sections=[Section("A & B", [Point("Bad <script>alert(1)</script> text")])],
        credits=['"><img src=x onerror=alert(1)>'],
    )
    html, tree = _page(doc, council_name="<i>Council</i>", font='Arial"; } body { color: red')
    assert tree.find(".//script") is None
    assert tree.find(".//i") is None and tree.find(".//b") is None
    assert len(list(tree.iter("img"))) == 0
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert tree.find_class("er-text")[0].text_content() == "Bad <script>alert(1)</script> text"
    assert "color: red" not in _style(tree)


def test_fragment_is_a_block_with_its_own_language(tmp_path):
    html = render_html(arabic_doc(tmp_path), WriteOptions.defaults(), standalone=False, heading_level=2)
    assert "<html" not in html and "<style" not in html
    fragment = lxml.html.fragment_fromstring(html)
    assert fragment.tag == "article"
    assert (fragment.get("lang"), fragment.get("dir")) == ("ar", "rtl")
    assert [h.tag for h in fragment.iter("h1", "h2", "h3")] == ["h2", "h3"]
    assert fragment.find(".//footer").text_content().strip() == OPENMOJI


def test_fragment_can_link_pictures(tmp_path):
    html = render_html(
        english_doc(tmp_path), standalone=False, picture_src=lambda pic: "/pictures/" + pic.path.rsplit("/", 1)[-1]
    )
    srcs = [img.get("src") for img in lxml.html.fragment_fromstring(html).iter("img")]
    assert srcs == ["/pictures/coin.png", "/pictures/phone.png", "/pictures/phone.png"]


def test_missing_picture_file_leaves_an_empty_cell(tmp_path):
    doc = english_doc(tmp_path)
    (tmp_path / "coin.png").unlink()
    _, tree = _page(doc)
    assert len(list(tree.iter("img"))) == 2
    assert tree.find_class("er-text")[0].text_content() == "You owe £120.50."


def test_stylesheet_for_the_web_app():
    css = stylesheet(WriteOptions.defaults(picture_size_cm=3))
    assert ".er-document .er-point" in css
    assert "flex: 0 0 3cm" in css


def test_write_html_file(tmp_path):
    path = write_html(english_doc(tmp_path), tmp_path / "letter.html", WriteOptions.defaults())
    assert path.read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="en" dir="ltr">')


@pytest.mark.parametrize("language,direction", [("ur", "rtl"), ("fa", "rtl"), ("pl", "ltr"), ("bn", "ltr")])
def test_direction_follows_language(language, direction):
    html = render_html(EasyReadDocument(title="x", language=language))
    assert f'<html lang="{language}" dir="{direction}">' in html


def test_decorative_pictures_as_backgrounds_for_pdf(tmp_path):
    doc = english_doc(tmp_path)
    html = render_html(doc, decorative_as_background=True)
    tree = lxml.html.document_fromstring(html)
    assert [img.get("alt") for img in tree.iter("img")] == ["A pound coin", "A phone"]
    decorative = tree.find_class("er-picture-decorative")
    assert len(decorative) == 1 and decorative[0].get("style").startswith(
        "background-image: url('data:image/png;base64,"
    )
    # a URL cannot close the CSS url('...') it is placed in
    hostile = render_html(doc, decorative_as_background=True, picture_src=lambda pic: "x') ; color: red; ('")
    style = lxml.html.document_fromstring(hostile).find_class("er-picture-decorative")[0].get("style")
    assert style == "background-image: url('x%27%29 ; color: red; %28%27')"

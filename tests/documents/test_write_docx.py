"""The Word writer, checked in the XML Word will read: layout table, sizes, fonts, direction."""

import zipfile

import docx
import pytest
from lxml import etree

from easyread.documents.model import EasyReadDocument, Picture, Point, Section
from easyread.documents.write import WriteOptions
from easyread.documents.write_docx import _SCHEMA_ORDER, docx_bytes, write_docx
from tests.writer_samples import ARABIC_POINTS, ARABIC_TITLE, OPENMOJI, arabic_doc, english_doc, make_png

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
}
EMU_PER_CM = 360000


def w(name):
    return f"{{{W}}}{name}"


def _parts(path):
    with zipfile.ZipFile(path) as zf:
        return {
            name: etree.fromstring(zf.read(name))
            for name in ("word/document.xml", "word/styles.xml", "docProps/core.xml")
        }


@pytest.fixture
def english(tmp_path):
    doc = english_doc(tmp_path)
    path = write_docx(doc, tmp_path / "letter.docx", WriteOptions.defaults(council_name="Example Council"))
    return doc, path, _parts(path)


@pytest.fixture
def arabic(tmp_path):
    doc = arabic_doc(tmp_path)
    path = write_docx(doc, tmp_path / "ar.docx", WriteOptions.defaults())
    return doc, path, _parts(path)


def _style(styles, style_id):
    return styles.xpath(f"//w:style[@w:styleId='{style_id}']", namespaces=NS)[0]


def test_each_section_is_a_heading_then_a_two_column_table(english):
    doc, _, parts = english
    body = parts["word/document.xml"].find(w("body"))
    children = [c for c in body if c.tag in (w("p"), w("tbl"))]
    tables = body.findall(w("tbl"))
    assert len(tables) == len(doc.sections)
    for section, table in zip(doc.sections, tables):
        heading = table.getprevious()
        assert heading.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS) == ["Heading2"]
        assert "".join(heading.itertext()) == section.heading
        assert len(table.findall("w:tblGrid/w:gridCol", NS)) == 2
        rows = table.findall(w("tr"))
        assert len(rows) == len(section.points)
        for row, point in zip(rows, section.points):
            left, right = row.findall(w("tc"))
            assert "".join(right.itertext()) == point.text
            assert "".join(left.itertext()) == ""
            assert bool(left.xpath(".//wp:inline", namespaces=NS)) == (point.picture is not None)
    assert "".join(children[0].itertext()) == doc.title
    assert children[0].xpath("w:pPr/w:pStyle/@w:val", namespaces=NS) == ["Heading1"]


def test_tables_have_no_borders_and_fixed_columns(english):
    _, _, parts = english
    for table in parts["word/document.xml"].iter(w("tbl")):
        borders = table.find("w:tblPr/w:tblBorders", NS)
        assert {b.get(w("val")) for b in borders} == {"nil"}
        assert len(borders) == 6
        widths = [int(c.get(w("w"))) for c in table.findall("w:tblGrid/w:gridCol", NS)]
        twips_per_cm = 1440 / 2.54
        assert widths[0] == pytest.approx((3.5 + 0.4) * twips_per_cm, abs=1)  # picture plus cell padding
        assert sum(widths) == pytest.approx(17 * twips_per_cm, abs=2)  # A4 less 2 cm margins


def test_picture_width_and_alt_text(english):
    doc, _, parts = english
    inlines = parts["word/document.xml"].xpath("//wp:inline", namespaces=NS)
    assert len(inlines) == 3
    for inline in inlines:
        assert inline.find("wp:extent", NS).get("cx") == str(round(3.5 * EMU_PER_CM))
    alts = [i.find("wp:docPr", NS).get("descr") for i in inlines]
    assert alts == ["A pound coin", "", "A phone"]
    decorative = inlines[1].find("wp:docPr", NS)
    assert decorative.xpath(".//*[local-name()='decorative']/@val") == ["1"]
    assert not inlines[0].find("wp:docPr", NS).xpath(".//*[local-name()='decorative']")


def test_picture_size_option_and_tall_pictures(tmp_path):
    tall = make_png(tmp_path / "tall.png", size=(40, 120))
    square = make_png(tmp_path / "square.png")
    doc = EasyReadDocument(
        title="T", sections=[Section("S", [Point("a", Picture(str(square), "x")), Point("b", Picture(str(tall), "y"))])]
    )
    parts = _parts(write_docx(doc, tmp_path / "t.docx", WriteOptions.defaults(picture_size_cm=3)))
    extents = [
        (int(e.get("cx")), int(e.get("cy")))
        for e in parts["word/document.xml"].xpath("//wp:inline/wp:extent", namespaces=NS)
    ]
    box = 3 * EMU_PER_CM
    assert extents[0] == (box, box)
    assert extents[1][1] == box and extents[1][0] == pytest.approx(box / 3, rel=0.01)


def test_body_and_heading_sizes_fonts_and_spacing(english):
    _, _, parts = english
    styles = parts["word/styles.xml"]
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    for rpr in (defaults, _style(styles, "Normal").find(w("rPr"))):
        assert rpr.find("w:sz", NS).get(w("val")) == "32"
        assert rpr.find("w:szCs", NS).get(w("val")) == "32"
        fonts = rpr.find("w:rFonts", NS)
        assert {fonts.get(w(a)) for a in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Arial"}
    heading = _style(styles, "Heading2").find(w("rPr"))
    assert heading.find("w:sz", NS).get(w("val")) == "44"
    assert heading.find("w:b", NS) is not None
    assert heading.find("w:color", NS).get(w("val")) == "0B0C0C"
    # theme fonts would override the chosen font in Word
    assert not styles.xpath(
        "//w:rFonts[@w:asciiTheme or @w:hAnsiTheme or @w:cstheme or @w:eastAsiaTheme]", namespaces=NS
    )
    normal_ppr = _style(styles, "Normal").find(w("pPr"))
    assert normal_ppr.find("w:spacing", NS).get(w("line")) == "360"
    assert normal_ppr.find("w:spacing", NS).get(w("lineRule")) == "auto"
    assert normal_ppr.find("w:jc", NS).get(w("val")) == "left"


def test_other_font_and_size(tmp_path):
    path = write_docx(
        english_doc(tmp_path),
        tmp_path / "v.docx",
        WriteOptions.defaults(font="Verdana", font_size_pt=14, heading_size_pt=20),
    )
    styles = _parts(path)["word/styles.xml"]
    rpr = _style(styles, "Normal").find(w("rPr"))
    assert rpr.find("w:sz", NS).get(w("val")) == "28"
    assert rpr.find("w:rFonts", NS).get(w("ascii")) == "Verdana"
    assert _style(styles, "Heading2").find("w:rPr/w:sz", NS).get(w("val")) == "40"


def test_no_italics_underline_capitals_or_justification(english):
    _, _, parts = english
    for name in ("word/document.xml", "word/styles.xml"):
        root = parts[name]
        for tag in ("i", "iCs", "u", "caps", "smallCaps"):
            assert root.find(f".//w:{tag}", NS) is None, f"{tag} in {name}"
        assert not root.xpath("//w:jc[@w:val='both' or @w:val='distribute']", namespaces=NS)


def test_core_properties_title_language_and_author(english):
    _, path, parts = english
    core = parts["docProps/core.xml"]
    assert core.findtext("dc:title", namespaces=NS) == "Your council tax"
    assert core.findtext("dc:language", namespaces=NS) == "en"
    assert core.findtext("dc:creator", namespaces=NS) == "Example Council"
    lang = parts["word/styles.xml"].find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(w("val")) == "en"
    assert docx.Document(str(path)).core_properties.created.year >= 2025


def test_council_name_in_header_and_credits_at_the_end(english):
    _, path, parts = english
    word = docx.Document(str(path))
    assert word.sections[0].header.paragraphs[0].text == "Example Council"
    last = [p for p in word.paragraphs if p.text][-2:]
    assert [p.text for p in last] == ["Easy Read by Example Council", OPENMOJI]
    assert last[0].runs[0].font.size.pt == 12


def test_english_has_no_right_to_left_marks(english):
    root = english[2]["word/document.xml"]
    assert root.find(".//w:bidi", NS) is None
    assert root.find(".//w:rtl", NS) is None
    assert root.find(".//w:bidiVisual", NS) is None


def test_arabic_is_right_to_left_with_text_intact(arabic):
    doc, path, parts = arabic
    root = parts["word/document.xml"]
    body_paras = root.findall("w:body/w:p", NS) + root.findall(".//w:tc/w:p", NS)
    assert all(p.find("w:pPr/w:bidi", NS) is not None for p in body_paras)
    arabic_runs = [r for r in root.iter(w("r")) if any("\u0600" <= ch <= "\u06ff" for ch in "".join(r.itertext()))]
    assert len(arabic_runs) == 4  # title, heading, two points
    assert all(r.find("w:rPr/w:rtl", NS) is not None for r in arabic_runs)
    # the English credit line keeps left-to-right runs inside its bidi paragraph
    credit_run = [r for r in root.iter(w("r")) if "".join(r.itertext()) == OPENMOJI][0]
    assert credit_run.find("w:rPr/w:rtl", NS) is None
    table = root.find(".//w:tbl", NS)
    assert table.find("w:tblPr/w:bidiVisual", NS) is not None
    # picture stays in the first (reading-start) cell
    first_row = table.find("w:tr", NS)
    assert first_row.findall("w:tc", NS)[0].xpath(".//wp:inline", namespaces=NS)
    assert root.find("w:body/w:sectPr/w:bidi", NS) is not None
    lang = parts["word/styles.xml"].find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(w("bidi")) == "ar"
    assert parts["docProps/core.xml"].findtext("dc:language", namespaces=NS) == "ar"
    normal = _style(parts["word/styles.xml"], "Normal")
    assert normal.find("w:pPr/w:jc", NS) is None  # start alignment, which is right in rtl
    word = docx.Document(str(path))
    texts = [p.text for p in word.paragraphs] + [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert ARABIC_TITLE in texts
    for point in ARABIC_POINTS:
        assert point in texts


def test_properties_are_in_schema_order(arabic, english):
    """Word refuses a file with out-of-order properties; check every element we touch."""
    for parts in (arabic[2], english[2]):
        for root in (parts["word/document.xml"], parts["word/styles.xml"]):
            for parent_name, order in _SCHEMA_ORDER.items():
                for parent in root.iter(w(parent_name)):
                    names = [etree.QName(c).localname for c in parent if etree.QName(c).namespace == W]
                    known = [order.index(n) for n in names if n in order]
                    assert known == sorted(known), f"{parent_name}: {names}"


def test_missing_and_unsupported_pictures_are_left_out(tmp_path):
    svg = tmp_path / "symbol.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    doc = EasyReadDocument(
        title="T",
        sections=[
            Section(
                "S",
                [
                    Point("Gone.", Picture(str(tmp_path / "gone.png"), "x")),
                    Point("Vector.", Picture(str(svg), "y")),
                ],
            )
        ],
    )
    word = docx.Document(__import__("io").BytesIO(docx_bytes(doc)))
    cells = word.tables[0].rows
    assert [r.cells[1].text for r in cells] == ["Gone.", "Vector."]
    assert not word.inline_shapes

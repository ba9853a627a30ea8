"""Easy Read as a Word document (python-docx).

Layout, from the UK guidance: the title, then per section a bold heading and a
two-column table without borders, one row per point: the picture in the first
column (the reading-start side; `w:bidiVisual` mirrors it for right-to-left
languages) and the words in the second. One sans-serif font at one size
everywhere, 1.5 line spacing, left (start) aligned, no italics, underline or
capitals, black on white. Headings use Word's Heading 1/2 styles so the
navigation pane and screen readers see the structure.
"""

from __future__ import annotations

import io
import logging
import os
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image as DocxImage
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from easyread.documents.atomic import atomic_path
from easyread.documents.model import EasyReadDocument, Picture, Point, Section
from easyread.documents.write import WriteOptions, credit_lines, document_title, picture_file

log = logging.getLogger(__name__)

PAGE_WIDTH_CM, PAGE_HEIGHT_CM, MARGIN_CM = 21.0, 29.7, 2.0  # A4, as UK councils print
# Word's default cell padding is 0.19 cm each side; the picture column must hold it too.
CELL_PADDING_CM = 0.4
LINE_SPACING_TWIPS = 360  # "auto" rule: 240 per line, so 360 is 1.5 lines
BLACK = RGBColor(0x0B, 0x0C, 0x0C)
# Formatting Easy Read forbids; removed from every style so no style can bring it back.
_FORBIDDEN_RUN_PROPS = ("w:i", "w:iCs", "w:u", "w:caps", "w:smallCaps", "w:strike", "w:dstrike")
_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_DECORATIVE_EXT_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
_DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"


def build_docx(doc: EasyReadDocument, options: WriteOptions | None = None) -> docx.document.Document:
    """Build the Word document in memory (a python-docx Document)."""
    options = options or WriteOptions.defaults()
    rtl = doc.direction == "rtl"
    lang = (doc.language or "en").replace("_", "-")
    word = docx.Document()
    _set_page(word, rtl)
    _set_styles(word, options, lang, rtl)
    props = word.core_properties
    props.title = document_title(doc)
    props.language = lang
    props.author = options.council_name.strip()
    props.comments = options.status.strip()
    # The built-in template carries its own 2013 dates; a council's record of
    # what was sent needs the real one.
    props.created = props.modified = datetime.now(UTC).replace(microsecond=0)
    props.last_modified_by = options.council_name.strip()
    props.revision = 1

    header_text = " – ".join(t for t in (options.council_name.strip(), options.status.strip()) if t)
    if header_text:
        header = word.sections[0].header.paragraphs[0]
        _add_text(header, header_text, rtl, size_pt=_small_size(options))
        _set_bidi(header, rtl)

    _add_text(_paragraph(word, "Heading 1", rtl), document_title(doc), rtl)
    for section in doc.sections:
        _add_section(word, section, options, rtl)

    for i, line in enumerate(credit_lines(doc)):
        para = _paragraph(word, None, rtl)
        if i == 0:
            para.paragraph_format.space_before = Pt(options.font_size_pt)
        _add_text(para, line, rtl, size_pt=_small_size(options))
    return word


def write_docx(doc: EasyReadDocument, path: str | os.PathLike, options: WriteOptions | None = None) -> Path:
    """Write the Word document to `path` atomically and return the path."""
    word = build_docx(doc, options)
    with atomic_path(path) as tmp:
        word.save(str(tmp))
    return Path(path)


def docx_bytes(doc: EasyReadDocument, options: WriteOptions | None = None) -> bytes:
    """The Word document as bytes, for a download response."""
    buffer = io.BytesIO()
    build_docx(doc, options).save(buffer)
    return buffer.getvalue()


# --- layout -----------------------------------------------------------------


def _add_section(word, section: Section, options: WriteOptions, rtl: bool) -> None:
    if section.heading.strip():
        _add_text(_paragraph(word, "Heading 2", rtl), section.heading.strip(), rtl)
    if not section.points:
        return
    text_width_cm = PAGE_WIDTH_CM - 2 * MARGIN_CM
    picture_col_cm = options.picture_size_cm + CELL_PADDING_CM
    widths = (Cm(picture_col_cm), Cm(text_width_cm - picture_col_cm))
    table = word.add_table(rows=len(section.points), cols=2)
    table.autofit = False
    _set_table_properties(table, widths, rtl)
    for column, width in zip(table.columns, widths):
        column.width = width
    for row, point in zip(table.rows, section.points):
        _keep_row_on_one_page(row)
        picture_cell, text_cell = row.cells
        for cell, width in zip(row.cells, widths):
            cell.width = width
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        _add_picture(picture_cell.paragraphs[0], point.picture, options, rtl)
        _add_point_text(text_cell.paragraphs[0], point, rtl)


def _add_point_text(para, point: Point, rtl: bool) -> None:
    _set_bidi(para, rtl)
    lines = [line.strip() for line in point.text.strip().splitlines() if line.strip()]
    run = para.add_run()
    for i, line in enumerate(lines):
        if i:
            run.add_break()
        run.add_text(line)
    _set_rtl(run, rtl and _has_rtl_letters(point.text))


def _add_picture(para, picture: Picture | None, options: WriteOptions, rtl: bool) -> None:
    _set_bidi(para, rtl)
    path = picture_file(picture)
    if path is None:
        return  # an empty cell keeps the words in their column
    source = _picture_source(path)
    if source is None:
        return
    box = Cm(options.picture_size_cm)
    image = DocxImage.from_blob(source.getvalue())
    # Fit inside a square box: wide pictures by width, tall ones by height.
    size = {"width": box} if image.px_width >= image.px_height else {"height": box}
    run = para.add_run()
    run.add_picture(source, **size)
    doc_pr = run._r.xpath(".//wp:docPr")[0]
    alt = (picture.alt or "").strip()
    doc_pr.set("descr", alt)
    if not alt:
        _mark_decorative(doc_pr)


def _picture_source(path: Path) -> io.BytesIO | None:
    """The picture as bytes Word accepts; other raster types are converted to PNG by Pillow."""
    data = path.read_bytes()
    try:
        DocxImage.from_blob(data)
        return io.BytesIO(data)
    except UnrecognizedImageError:
        pass
    try:
        from PIL import Image
    except ImportError:
        Image = None
    if Image is not None:
        try:
            with Image.open(io.BytesIO(data)) as img:
                out = io.BytesIO()
                img.save(out, format="PNG")
                return out
        except OSError:
            pass
    log.warning("Picture %s is not a type Word can show (use PNG or JPEG); the point is written without it.", path)
    return None


def _mark_decorative(doc_pr) -> None:
    # Office's "Mark as decorative": screen readers skip the picture, and Word's
    # accessibility checker does not ask for alt text.
    ext_lst = OxmlElement("a:extLst")
    ext = OxmlElement("a:ext")
    ext.set("uri", _DECORATIVE_EXT_URI)
    ext.append(ext.makeelement(f"{{{_DECORATIVE_NS}}}decorative", {"val": "1"}, nsmap={"adec": _DECORATIVE_NS}))
    ext_lst.append(ext)
    doc_pr.append(ext_lst)


def _paragraph(word, style: str | None, rtl: bool):
    para = word.add_paragraph(style=style)
    _set_bidi(para, rtl)
    return para


def _add_text(para, text: str, rtl: bool, size_pt: float | None = None) -> None:
    run = para.add_run(" ".join(text.split()))
    if size_pt:
        run.font.size = Pt(size_pt)
        _ensure(run._r.get_or_add_rPr(), "w:szCs").set(qn("w:val"), str(round(size_pt * 2)))
    _set_rtl(run, rtl and _has_rtl_letters(text))


def _has_rtl_letters(text: str) -> bool:
    # A run of only Latin letters (a credit, a council name) must not be marked
    # right-to-left: Word would then shape it as complex script and move its
    # punctuation. The paragraph's bidi setting still places it correctly.
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def _set_bidi(para, rtl: bool) -> None:
    if rtl:
        _ensure(para._p.get_or_add_pPr(), "w:bidi")


def _set_rtl(run, rtl: bool) -> None:
    if rtl:
        _ensure(run._r.get_or_add_rPr(), "w:rtl")


def _set_table_properties(table, widths, rtl: bool) -> None:
    tbl_pr = table._tbl.tblPr
    borders = _ensure(tbl_pr, "w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _ensure(borders, f"w:{edge}").set(qn("w:val"), "nil")
    _ensure(tbl_pr, "w:tblLayout").set(qn("w:type"), "fixed")
    width = _ensure(tbl_pr, "w:tblW")
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(round(sum(widths) / 635)))  # EMU to twentieths of a point
    # No header row or banding: this is a layout table, not data.
    look = _ensure(tbl_pr, "w:tblLook")
    for key, value in (
        ("firstRow", "0"),
        ("lastRow", "0"),
        ("firstColumn", "0"),
        ("lastColumn", "0"),
        ("noHBand", "1"),
        ("noVBand", "1"),
    ):
        look.set(qn(f"w:{key}"), value)
    if rtl:
        _ensure(tbl_pr, "w:bidiVisual")


def _keep_row_on_one_page(row) -> None:
    _ensure(row._tr.get_or_add_trPr(), "w:cantSplit")


def _set_page(word, rtl: bool) -> None:
    section = word.sections[0]
    section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(PAGE_HEIGHT_CM)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    if rtl:
        _ensure(section._sectPr, "w:bidi")


# --- styles -----------------------------------------------------------------


def _set_styles(word, options: WriteOptions, lang: str, rtl: bool) -> None:
    styles_el = word.styles.element
    for rpr in styles_el.iter(qn("w:rPr")):
        for tag in _FORBIDDEN_RUN_PROPS:
            for el in rpr.findall(qn(tag)):
                rpr.remove(el)
    for fonts in styles_el.iter(qn("w:rFonts")):
        _set_fonts(fonts, options.font)

    defaults = styles_el.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_run_look(rpr, options.font, options.font_size_pt, lang)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    _set_spacing(ppr, after_pt=options.font_size_pt / 2)

    normal = word.styles["Normal"]
    _set_run_look(normal.element.get_or_add_rPr(), options.font, options.font_size_pt, lang)
    normal.font.color.rgb = BLACK
    _set_spacing(normal.element.get_or_add_pPr(), after_pt=options.font_size_pt / 2)
    if rtl:
        _ensure(normal.element.get_or_add_pPr(), "w:bidi")
        _ensure(normal.element.get_or_add_rPr(), "w:rtl")
    else:
        # In a right-to-left paragraph "left" would pin text to the wrong side;
        # there the default (start) is already right.
        normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT

    for name, size in (("Heading 1", options.title_size_pt), ("Heading 2", options.heading_size_pt)):
        style = word.styles[name]
        rpr = style.element.get_or_add_rPr()
        _set_run_look(rpr, options.font, size, lang)
        _ensure(rpr, "w:b")
        _ensure(rpr, "w:bCs")
        style.font.color.rgb = BLACK
        _set_spacing(style.element.get_or_add_pPr(), before_pt=size * 0.75, after_pt=size / 3)


def _set_run_look(rpr, font: str, size_pt: float, lang: str) -> None:
    _set_fonts(_ensure(rpr, "w:rFonts"), font)
    half_points = str(round(size_pt * 2))
    _ensure(rpr, "w:sz").set(qn("w:val"), half_points)
    # Arabic, Bengali and other complex scripts take their size from szCs.
    _ensure(rpr, "w:szCs").set(qn("w:val"), half_points)
    lang_el = _ensure(rpr, "w:lang")
    # One language for every kind of run: this document is in one language,
    # and Word picks the attribute by script (bidi = complex scripts).
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang_el.set(qn(attr), lang)


def _set_fonts(fonts, font: str) -> None:
    for attr in _THEME_FONT_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)


def _set_spacing(ppr, *, after_pt: float, before_pt: float | None = None) -> None:
    spacing = _ensure(ppr, "w:spacing")
    spacing.set(qn("w:line"), str(LINE_SPACING_TWIPS))
    spacing.set(qn("w:lineRule"), "auto")
    spacing.set(qn("w:after"), str(round(after_pt * 20)))
    if before_pt is not None:
        spacing.set(qn("w:before"), str(round(before_pt * 20)))


def _small_size(options: WriteOptions) -> float:
    # Council line and credits are not the message; still at least 12 pt.
    return max(12, options.font_size_pt - 4)


# Word refuses files whose properties are out of schema order, so new children
# are inserted where the OOXML sequence puts them (ECMA-376 part 1, §17).
_SCHEMA_ORDER = {
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
    "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText "
    "vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
    "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
    "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
    "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription",
    "tblBorders": "top left start bottom right end insideH insideV",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders "
    "lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid "
    "printerSettings sectPrChange",
}
_SCHEMA_ORDER = {k: v.split() for k, v in _SCHEMA_ORDER.items()}


def _ensure(parent, tag: str):
    """The child `tag` of `parent`, created at its schema position when missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    el = OxmlElement(tag)
    order = _SCHEMA_ORDER.get(parent.tag.rsplit("}", 1)[-1])
    name = tag.split(":", 1)[1]
    if order and name in order:
        later = {qn(f"w:{n}") for n in order[order.index(name) + 1 :]}
        for child in parent:
            if child.tag in later:
                child.addprevious(el)
                return el
    parent.append(el)
    return el

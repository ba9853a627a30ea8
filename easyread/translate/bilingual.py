"""A bilingual Word document: each point's picture, its English and its translation side by side.

Council staff ask for this to check a translation with a fluent colleague, and to
send residents who read some English both versions. The page follows the English
(left to right); a right-to-left translation gets its own bidi paragraphs and
runs in its column. The layout helpers are the Easy Read writer's, so both
documents look alike.
"""

from __future__ import annotations

import os
from pathlib import Path

import docx
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm

from easyread.documents import write_docx as wd
from easyread.documents.atomic import atomic_path
from easyread.documents.model import EasyReadDocument
from easyread.documents.write import WriteOptions, credit_lines, document_title


def build_bilingual_docx(english: EasyReadDocument, translated: EasyReadDocument, options: WriteOptions | None = None):
    """A python-docx Document with English and `translated` point by point (same structure)."""
    options = options or WriteOptions.defaults()
    lang = (translated.language or "und").replace("_", "-")
    rtl = translated.direction == "rtl"
    word = docx.Document()
    wd._set_page(word, False)
    wd._set_styles(word, options, "en-GB", False)
    word.core_properties.title = f"{document_title(english)} / {document_title(translated)}"
    word.core_properties.language = f"en-GB, {lang}"
    word.core_properties.author = options.council_name.strip()
    wd._add_text(wd._paragraph(word, "Heading 1", False), document_title(english), False)
    _translated_text(wd._paragraph(word, "Heading 1", rtl), document_title(translated), lang, rtl)
    width = wd.PAGE_WIDTH_CM - 2 * wd.MARGIN_CM
    picture_cm = options.picture_size_cm + wd.CELL_PADDING_CM
    widths = (Cm(picture_cm), Cm((width - picture_cm) / 2), Cm((width - picture_cm) / 2))
    for en_section, tr_section in zip(english.sections, translated.sections):
        if en_section.heading.strip():
            wd._add_text(wd._paragraph(word, "Heading 2", False), en_section.heading.strip(), False)
            _translated_text(wd._paragraph(word, "Heading 2", rtl), tr_section.heading.strip(), lang, rtl)
        if not en_section.points:
            continue
        table = word.add_table(rows=len(en_section.points), cols=3)
        table.autofit = False
        wd._set_table_properties(table, widths, False)
        for column, w in zip(table.columns, widths):
            column.width = w
        for row, en_point, tr_point in zip(table.rows, en_section.points, tr_section.points):
            wd._keep_row_on_one_page(row)
            for cell, w in zip(row.cells, widths):
                cell.width = w
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            wd._add_picture(row.cells[0].paragraphs[0], tr_point.picture or en_point.picture, options, False)
            wd._add_text(row.cells[1].paragraphs[0], en_point.text, False)
            para = row.cells[2].paragraphs[0]
            wd._set_bidi(para, rtl)
            _translated_text(para, tr_point.text, lang, rtl)
    for line in credit_lines(english):
        wd._add_text(wd._paragraph(word, None, False), line, False, size_pt=wd._small_size(options))
    return word


def _translated_text(para, text: str, lang: str, rtl: bool) -> None:
    run = para.add_run(" ".join(text.split()))
    rpr = run._r.get_or_add_rPr()
    # The document's default language is English; this run says it is not, so spell
    # checkers and screen readers switch language for it.
    lang_el = wd._ensure(rpr, "w:lang")
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang_el.set(qn(attr), lang)
    wd._set_rtl(run, rtl and wd._has_rtl_letters(text))


def write_bilingual_docx(
    english: EasyReadDocument,
    translated: EasyReadDocument,
    path: str | os.PathLike,
    options: WriteOptions | None = None,
) -> Path:
    """Write the bilingual Word document to `path` atomically and return the path."""
    word = build_bilingual_docx(english, translated, options)
    with atomic_path(path) as tmp:
        word.save(str(tmp))
    return Path(path)

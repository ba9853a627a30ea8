"""Easy Read as a tagged PDF, made by WeasyPrint from the standalone HTML page.

WeasyPrint 70 supports `pdf_variant="pdf/ua-1"`: PDF 1.7 with a structure tree
(tags), /MarkInfo, the document language (/Lang, from `<html lang>`) and XMP
metadata with the title (from `<title>`), so screen readers can read the PDF in
order and in the right language.

Fonts: WeasyPrint finds fonts through fontconfig. The CSS font stack (see
`write_html.FALLBACK_FONTS`) names the Noto fonts from Debian's `fonts-noto-core`
package, which covers Arabic and Urdu (Noto Sans/Naskh Arabic, Noto Nastaliq
Urdu), Bengali, Devanagari (Hindi, Nepali, Marathi), Gurmukhi (Punjabi), Gujarati,
Tamil, Sinhala, Hebrew, Thai and Ethiopic (Tigrinya, Amharic), plus Noto Sans for
Latin, Greek and Cyrillic. Chinese needs `fonts-noto-cjk` as well (about 100 MB).
Arial itself is not free; without it text falls to Liberation Sans (metric
twin, `fonts-liberation`) if installed, else Noto Sans.
"""

from __future__ import annotations

import os
from pathlib import Path

from easyread.documents.atomic import atomic_path
from easyread.documents.model import EasyReadDocument
from easyread.documents.write import WriteOptions
from easyread.documents.write_html import render_html

PDF_VARIANT = "pdf/ua-1"


def render_pdf(doc: EasyReadDocument, options: WriteOptions | None = None) -> bytes:
    """The document as tagged PDF bytes (PDF/UA-1 variant, A4)."""
    html = _weasy_html(doc, options)
    return html.write_pdf(pdf_variant=PDF_VARIANT)


def write_pdf(doc: EasyReadDocument, path: str | os.PathLike, options: WriteOptions | None = None) -> Path:
    """Write the PDF to `path` atomically and return the path."""
    html = _weasy_html(doc, options)
    with atomic_path(path) as tmp:
        html.write_pdf(target=str(tmp), pdf_variant=PDF_VARIANT)
    return Path(path)


def _weasy_html(doc: EasyReadDocument, options: WriteOptions | None):
    # Imported here: WeasyPrint takes a second to load and needs Pango, which
    # only PDF output should require.
    from weasyprint import HTML

    # No base_url: the page is self-contained (data: URIs; only pictures over
    # MAX_EMBED_BYTES are absolute file: URIs), so nothing relative can resolve.
    return HTML(string=render_html(doc, options, standalone=True, decorative_as_background=True))

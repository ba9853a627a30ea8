"""Easy Read as HTML: a standalone accessible page, or a fragment for the web app.

The standalone page carries its own CSS and its pictures as data: URIs, so it
still works when mailed or moved to another folder; it is also what the PDF
writer feeds to WeasyPrint. Templates live in ./templates and are loaded with
jinja2 directly (no Flask) with autoescaping on.
"""

from __future__ import annotations

import base64
import mimetypes
import os
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from easyread.documents.atomic import atomic_write_text
from easyread.documents.model import EasyReadDocument, Picture
from easyread.documents.write import WriteOptions, credit_lines, document_title, picture_file

# Pictures larger than this are linked by file: URI instead of embedded, to keep
# pages small; symbols are a few kilobytes, so this only affects big photos.
MAX_EMBED_BYTES = 2 * 1024 * 1024

# Tried in order for each character: the council's font, its metric twins, then
# Noto fonts for the UK's community-language scripts (Debian fonts-noto-core),
# with DejaVu last because its Arabic is basic and it would otherwise win.
FALLBACK_FONTS = (
    "Liberation Sans",
    "Arimo",
    "Noto Sans",
    "Noto Sans Arabic",
    "Noto Naskh Arabic",
    "Noto Nastaliq Urdu",
    "Noto Sans Hebrew",
    "Noto Sans Bengali",
    "Noto Sans Devanagari",
    "Noto Sans Gurmukhi",
    "Noto Sans Gujarati",
    "Noto Sans Tamil",
    "Noto Sans Sinhala",
    "Noto Sans Thai",
    "Noto Sans Ethiopic",
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "DejaVu Sans",
)

PictureSource = Callable[[Picture], "str | None"]


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("easyread.documents", "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
    )


def font_stack(font: str) -> str:
    """A CSS font-family list: the chosen font first, then script fallbacks, then sans-serif.

    The font name comes from a setting; anything but letters, digits, spaces and
    hyphens is dropped so it cannot break out of the CSS.
    """
    safe = re.sub(r"[^\w \-]", "", font or "").strip()
    names = ([safe] if safe else []) + [f for f in FALLBACK_FONTS if f.lower() != safe.lower()]
    return ", ".join(f'"{name}"' for name in names) + ", sans-serif"


def stylesheet(options: WriteOptions | None = None) -> str:
    """The Easy Read CSS, scoped to `.er-document`, for pages that show a fragment."""
    return _environment().get_template("easyread.css").render(**_style_values(options or WriteOptions.defaults()))


def data_uri(path: Path) -> str:
    """The file as a data: URI, with its type guessed from the name."""
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def embedded_picture_src(picture: Picture) -> str | None:
    """Default picture source: a data: URI, or a file: URI for very large files."""
    path = picture_file(picture)
    if path is None:
        return None
    if path.stat().st_size > MAX_EMBED_BYTES:
        return path.resolve().as_uri()
    return data_uri(path)


def render_html(
    doc: EasyReadDocument,
    options: WriteOptions | None = None,
    *,
    standalone: bool = True,
    heading_level: int = 1,
    picture_src: PictureSource | None = None,
    decorative_as_background: bool = False,
) -> str:
    """Render the document as HTML.

    standalone=True gives a full page (lang, dir, title, CSS, print rules, A4 page
    size). standalone=False gives the `<article class="er-document">` block only,
    with its own lang and dir, for the web app to place in a page that includes
    `stylesheet()`. `heading_level` is the title's heading level in a fragment
    (sections get one more), so the host page can keep its own h1.
    `picture_src(picture)` returns an image URL (the web app can serve pictures
    by URL); by default pictures are embedded as data: URIs.
    `decorative_as_background=True` draws pictures with empty alt as CSS
    backgrounds: WeasyPrint then marks them as artifacts, as PDF/UA asks, where
    an `<img alt="">` would become a figure without alternate text. Browsers do
    not print backgrounds by default, so HTML for people keeps `<img>`.
    """
    options = options or WriteOptions.defaults()
    picture_src = _once_per_file(picture_src or embedded_picture_src)
    level = 1 if standalone else max(1, min(5, heading_level))
    context = {
        "lang": _lang_tag(doc.language),
        "dir": doc.direction,
        "title": document_title(doc),
        "council": options.council_name.strip(),
        "status": options.status.strip(),
        "level": level,
        "sections": [_section_view(s, picture_src) for s in doc.sections],
        "decorative_as_background": decorative_as_background,
        "credits": credit_lines(doc),
        "picture_px": round(options.picture_size_cm / 2.54 * 96),
        **_style_values(options),
    }
    template = "page.html" if standalone else "fragment.html"
    return _environment().get_template(template).render(**context)


def write_html(doc: EasyReadDocument, path: str | os.PathLike, options: WriteOptions | None = None) -> Path:
    """Write the standalone page to `path` (UTF-8) atomically and return the path."""
    return atomic_write_text(path, render_html(doc, options, standalone=True))


# Web and email addresses and phone numbers are read as one piece: a line break inside one
# ("www.eastfield.gov.uk/council-" / "tax") makes it hard to type or dial. Ones longer than
# NOBREAK_MAX_CHARS may not fit a line beside the picture, so they may still wrap after a "/".
_KEEP_WHOLE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:gov|org|co|nhs|ac|police)\.uk(?:/[^\s<>\"]*[^\s<>\".,;:!?)])?"
    r"|(?<![\w+])(?:\+44\s?|0)\d{2,4}[ -]?\d{3,4}(?:[ -]?\d{2,4})?(?!\d)",
    re.IGNORECASE,
)
NOBREAK_MAX_CHARS = 40


def point_markup(text: str) -> Markup:
    """The point's words, escaped, with each address or phone number that fits a line kept on one line
    (a longer web address is kept in pieces that end at a "/")."""
    out, pos = [], 0
    for match in _KEEP_WHOLE.finditer(text):
        found = match.group()
        out.append(escape(text[pos : match.start()]))
        # A long web address may still need two lines: it breaks only after a "/", never at a hyphen or a dot.
        pieces = [found] if len(found) <= NOBREAK_MAX_CHARS else re.findall(r"[^/]*/|[^/]+$", found)
        out.append(Markup("<wbr>").join(Markup('<span class="er-nobreak">%s</span>') % piece for piece in pieces))
        pos = match.end()
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def _section_view(section, picture_src: PictureSource) -> dict:
    points = []
    for point in section.points:
        src = picture_src(point.picture) if point.picture else None
        points.append(
            {
                "text": point_markup(point.text.strip()),
                "src": src,
                # For url('...') in a style attribute: the HTML parser undoes entity
                # escaping, so characters that end a CSS url are percent-encoded too.
                "css_src": _css_url(src) if src else None,
                # An empty alt marks a picture as decorative, so screen readers skip it.
                "alt": (point.picture.alt or "").strip() if point.picture else "",
            }
        )
    return {"heading": section.heading.strip(), "points": points}


def _css_url(src: str) -> str:
    for ch, code in (("\\", "%5C"), ("'", "%27"), ('"', "%22"), ("(", "%28"), (")", "%29"), ("\n", "%0A")):
        src = src.replace(ch, code)
    return src


def _once_per_file(picture_src: PictureSource) -> PictureSource:
    # The same symbol often appears beside several points; read and encode it once.
    seen: dict[str | None, str | None] = {}

    def source(picture: Picture) -> str | None:
        if picture.path not in seen:
            seen[picture.path] = picture_src(picture)
        return seen[picture.path]

    return source


def _style_values(options: WriteOptions) -> dict:
    return {
        "font_stack": font_stack(options.font),
        "font_size_pt": _num(options.font_size_pt),
        "heading_size_pt": _num(options.heading_size_pt),
        "title_size_pt": _num(options.title_size_pt),
        # Credits and the council line are not part of the message; still at
        # least 12 pt so they stay readable.
        "small_size_pt": _num(max(12, options.font_size_pt - 4)),
        "picture_size_cm": _num(options.picture_size_cm),
    }


def _num(value: float) -> str:
    return f"{float(value):g}"


def _lang_tag(language: str) -> str:
    return (language or "en").strip().replace("_", "-") or "en"

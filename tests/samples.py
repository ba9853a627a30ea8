"""Builders for sample letters and bad inputs, shared by tests and benchmarks.

Every builder writes one file at `path` and returns it as a `Path`. The text of
the sample letter is kept in constants here so tests can assert exact values.
Nothing large is committed: oversize files and zip bombs are made on demand.
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

# --- the sample letter, as data --------------------------------------------------

SENDER_LINES = [
    "Northshire County Council",
    "Revenues and Benefits",
    "County Hall, 1 Market Street",
    "Northtown",
    "NT1 2AB",
    "Tel: 0300 123 4567",
    "Email: benefits@northshire.gov.uk",
]
RECIPIENT_LINES = ["Ms Priya Patel", "14 Elm Road", "Southville", "NT4 7XY"]
DATE_LINE = "Date: 12 March 2025"
REFERENCES = [("Our ref", "HR/2291"), ("Account number", "5012 3344")]
SALUTATION = "Dear Ms Patel,"
HEADING_1 = "Your council tax bill for 2025 to 2026"
INTRO = "We have worked out your council tax. You need to pay £1,234.56 for the year."
INTRO_BOLD = "£1,234.56"
SECOND = "Please read this letter carefully and keep it safe."
SECOND_ITALIC = "carefully"
SECOND_UNDERLINE = "keep it safe"
HEADING_2 = "How to pay"
BULLETS = [("Pay online at www.northshire.gov.uk/pay", 0), ("Pay by Direct Debit", 0), ("Set it up by phone", 1)]
NUMBERED = ["Fill in the form.", "Send it to us by 30 April 2025."]
TABLE = [["Band", "Amount"], ["D", "£1,234.56"]]
CLOSING = "If you do not pay, we may take you to court."
SIGN_OFF_LINES = ["Yours sincerely,", "Jane Smith", "Revenues Manager"]

FILLER = (
    "The council uses the money from council tax to pay for local services such as "
    "schools, libraries, bin collections, street lights and help for people who need care. "
    "If your circumstances change, for example you move house or someone moves in or out, "
    "you must tell us within 21 days so that we can work out your bill again."
)


# --- good documents ----------------------------------------------------------------


def make_letter_docx(path, *, extra_paragraphs: int = 0, sender_in_one_paragraph: bool = False) -> Path:
    """Write the sample letter as a DOCX with every kind of block.

    The sender address is one paragraph per line (or one paragraph with line breaks
    when `sender_in_one_paragraph`), the recipient address is one paragraph with
    line breaks, so both ways Word users type addresses are covered.
    """
    import docx

    doc = docx.Document()
    if sender_in_one_paragraph:
        doc.add_paragraph("\n".join(SENDER_LINES))
    else:
        for line in SENDER_LINES:
            doc.add_paragraph(line)
    doc.add_paragraph("")
    doc.add_paragraph("\n".join(RECIPIENT_LINES))
    doc.add_paragraph("")
    doc.add_paragraph(DATE_LINE)
    for label, value in REFERENCES:
        doc.add_paragraph(f"{label}: {value}")
    doc.add_paragraph("")
    doc.add_paragraph(SALUTATION)
    doc.add_heading(HEADING_1, level=1)
    _add_marked(doc.add_paragraph(), INTRO, {INTRO_BOLD: "bold"})
    _add_marked(doc.add_paragraph(), SECOND, {SECOND_ITALIC: "italic", SECOND_UNDERLINE: "underline"})
    for _ in range(extra_paragraphs):
        doc.add_paragraph(FILLER)
    doc.add_heading(HEADING_2, level=2)
    for text, depth in BULLETS:
        doc.add_paragraph(text, style="List Bullet" if depth == 0 else f"List Bullet {depth + 1}")
    for text in NUMBERED:
        doc.add_paragraph(text, style="List Number")
    table = doc.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    doc.add_paragraph(CLOSING)
    doc.add_paragraph(SIGN_OFF_LINES[0])
    doc.add_paragraph("")  # room for a signature, as in real letters
    for line in SIGN_OFF_LINES[1:]:
        doc.add_paragraph(line)
    path = path if hasattr(path, "write") else Path(path)
    doc.save(path)
    return path


def _add_marked(paragraph, text: str, marks: dict[str, str]) -> None:
    """Add `text` to `paragraph` as runs, formatting each substring in `marks`."""
    spans = sorted((text.index(part), part, kind) for part, kind in marks.items())
    pos = 0
    for start, part, kind in spans:
        if start > pos:
            paragraph.add_run(text[pos:start])
        run = paragraph.add_run(part)
        setattr(run, kind, True)
        pos = start + len(part)
    if pos < len(text):
        paragraph.add_run(text[pos:])


def letter_html(*, filler_paragraphs: int = 0, header: str | None = None, footer_page_numbers: bool = False) -> str:
    """The sample letter as HTML for WeasyPrint, with optional running header and page-number footer."""
    from html import escape as e

    page_css = ""
    if header:
        page_css += f'@top-center {{ content: "{header}"; font-size: 9pt; }}'
    if footer_page_numbers:
        page_css += '@bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; }'
    bullets = "".join(f"<li>{e(t)}</li>" for t, d in BULLETS if d == 0)
    bullets = (
        bullets[: -len("</li>")] + "<ul>" + "".join(f"<li>{e(t)}</li>" for t, d in BULLETS if d == 1) + "</ul></li>"
    )
    numbered = "".join(f"<li>{e(t)}</li>" for t in NUMBERED)
    rows = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in TABLE)
    filler = "".join(f"<p>{e(FILLER)}</p>" for _ in range(filler_paragraphs))
    intro = e(INTRO).replace(e(INTRO_BOLD), f"<b>{e(INTRO_BOLD)}</b>")
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 2.5cm 2cm; {page_css} }}
body {{ font-family: sans-serif; font-size: 11pt; line-height: 1.3; }}
p {{ margin: 0 0 0.8em 0; }}
.lines p {{ margin: 0; }}
.block {{ margin-bottom: 1.2em; }}
</style></head><body>
<div class="block lines">{"".join(f"<p>{e(x)}</p>" for x in SENDER_LINES)}</div>
<div class="block lines">{"".join(f"<p>{e(x)}</p>" for x in RECIPIENT_LINES)}</div>
<div class="block lines"><p>{e(DATE_LINE)}</p>{"".join(f"<p>{e(l)}: {e(v)}</p>" for l, v in REFERENCES)}</div>
<p>{e(SALUTATION)}</p>
<h1 style="font-size:14pt">{e(HEADING_1)}</h1>
<p>{intro}</p>
<p>{e(SECOND)}</p>
{filler}
<h2 style="font-size:12pt">{e(HEADING_2)}</h2>
<ul>{bullets}</ul>
<ol>{numbered}</ol>
<table>{rows}</table>
<p>{e(CLOSING)}</p>
<div class="lines">{"".join(f"<p>{e(x)}</p>" for x in SIGN_OFF_LINES)}</div>
</body></html>"""


PDF_HEADER = "Northshire County Council - council tax 2025 to 2026"


def make_letter_pdf(path, *, pages: int = 1, header: str | None = PDF_HEADER, footer_page_numbers: bool = True) -> Path:
    """Write the sample letter as a PDF of at least `pages` pages, with a running header and "Page N of M" footer."""
    import weasyprint

    html = letter_html(
        filler_paragraphs=pdf_filler_count(pages), header=header, footer_page_numbers=footer_page_numbers
    )
    path = path if hasattr(path, "write") else Path(path)
    weasyprint.HTML(string=html).write_pdf(path)
    return path


def pdf_filler_count(pages: int) -> int:
    """Filler paragraphs that make the sample letter PDF `pages` pages long (about 10 fit on an A4 page at 11pt)."""
    return 0 if pages <= 1 else round((pages - 1) * 10.5) - 8


def make_long_docx(path, *, pages: int = 10) -> Path:
    """Write a letter of about `pages` A4 pages as DOCX (about 500 words a page), for benchmarks."""
    return make_letter_docx(path, extra_paragraphs=pages * 9)


def make_long_pdf(path, *, pages: int = 10) -> Path:
    """Write a letter of at least `pages` pages as PDF, for benchmarks."""
    return make_letter_pdf(path, pages=pages)


def letter_text() -> str:
    """The sample letter as plain text, with wrapped lines as a plain-text email client would write them."""
    import textwrap

    parts = [
        "\n".join(SENDER_LINES),
        "\n".join(RECIPIENT_LINES),
        "\n".join([DATE_LINE] + [f"{l}: {v}" for l, v in REFERENCES]),
        SALUTATION,
        HEADING_1,
        textwrap.fill(INTRO, 60),
        textwrap.fill(SECOND, 60),
        HEADING_2,
        "\n".join(f"{'  ' * d}• {t}" for t, d in BULLETS),
        "\n".join(f"{i}. {t}" for i, t in enumerate(NUMBERED, 1)),
        textwrap.fill(CLOSING, 60),
        "\n".join(SIGN_OFF_LINES),
    ]
    return "\n\n".join(parts) + "\n"


def letter_markdown() -> str:
    """The sample letter as Markdown."""
    parts = [
        "  \n".join(SENDER_LINES),
        "  \n".join(RECIPIENT_LINES),
        "  \n".join([DATE_LINE] + [f"{l}: {v}" for l, v in REFERENCES]),
        SALUTATION,
        f"# {HEADING_1}",
        INTRO.replace(INTRO_BOLD, f"**{INTRO_BOLD}**"),
        SECOND.replace(SECOND_ITALIC, f"*{SECOND_ITALIC}*"),
        f"## {HEADING_2}",
        "\n".join(f"{'  ' * d}- {t}" for t, d in BULLETS),
        "\n".join(f"{i}. {t}" for i, t in enumerate(NUMBERED, 1)),
        "| " + " | ".join(TABLE[0]) + " |\n|---|---|\n" + "\n".join("| " + " | ".join(r) + " |" for r in TABLE[1:]),
        CLOSING,
        "  \n".join(SIGN_OFF_LINES),
    ]
    return "\n\n".join(parts) + "\n"


def make_letter_text(path, *, markdown: bool = False, encoding: str = "utf-8") -> Path:
    """Write the sample letter as a text or Markdown file in `encoding` ("utf-8-sig" adds a BOM)."""
    path = Path(path)
    path.write_bytes((letter_markdown() if markdown else letter_text()).encode(encoding))
    return path


# --- bad inputs ----------------------------------------------------------------------


def make_empty_file(path) -> Path:
    """Write a file with no bytes."""
    path = Path(path)
    path.write_bytes(b"")
    return path


def make_oversize_file(path, *, mb: float = 21) -> Path:
    """Write a text file of `mb` megabytes (made here, never committed)."""
    path = Path(path)
    line = b"Dear resident, this line repeats to make a very large file.\n"
    with path.open("wb") as fh:
        fh.write(line * (int(mb * 1024 * 1024) // len(line) + 1))
    return path


def make_random_binary(path, *, size: int = 4096) -> Path:
    """Write random bytes, as a file named .docx that is not really one would be."""
    path = Path(path)
    path.write_bytes(random.Random(1).randbytes(size))
    return path


def make_png(path) -> Path:
    """Write a small PNG picture."""
    from PIL import Image

    path = Path(path)
    Image.new("RGB", (40, 30), (200, 30, 30)).save(path, format="PNG")
    return path


def make_old_doc_lookalike(path) -> Path:
    """Write bytes that start like an old Word .doc (an OLE compound file) but are no DOCX."""
    path = Path(path)
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + random.Random(2).randbytes(2048))
    return path


def make_latin1_text(path) -> Path:
    """Write a letter saved as Latin-1, so its pound signs are not UTF-8."""
    path = Path(path)
    path.write_bytes("Dear Ms Patel,\n\nYou owe £120. Please pay by 30 April.\n".encode("latin-1"))
    return path


def make_long_text(path, *, words: int) -> Path:
    """Write a UTF-8 text file of `words` words."""
    path = Path(path)
    sentence = "Please pay your council tax on time every month. "  # 9 words
    path.write_text(sentence * (words // 9 + 1), encoding="utf-8")
    return path


def make_docx_broken_xml(path) -> Path:
    """Write a DOCX whose word/document.xml is cut off half way."""
    good = io.BytesIO()
    make_letter_docx(good)
    return _rewrite_zip(good.getvalue(), path, {"word/document.xml": lambda xml: xml[: len(xml) // 2]})


def make_zip_not_docx(path) -> Path:
    """Write a valid zip file with no Word document inside."""
    path = Path(path)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("notes.txt", "not a Word document")
    return path


def make_truncated_docx(path) -> Path:
    """Write the first half of a good DOCX, as an interrupted download would leave it."""
    good = io.BytesIO()
    make_letter_docx(good)
    path = Path(path)
    path.write_bytes(good.getvalue()[: len(good.getvalue()) // 2])
    return path


def make_zip_bomb_docx(path, *, member_mb: int = 50, members: int = 1) -> Path:
    """Write a DOCX carrying `members` extra parts of `member_mb` MB of zeros each.

    Zeros compress about 1000 to 1, so the file stays small on disk.
    """
    good = io.BytesIO()
    make_letter_docx(good)
    path = Path(path)
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(io.BytesIO(good.getvalue())) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        for n in range(members):
            with dst.open(f"word/media/padding{n}.bin", "w", force_zip64=True) as fh:
                for _ in range(member_mb):
                    fh.write(chunk)
    return path


def make_encrypted_docx(path, password: str = "secret") -> Path:
    """Write the sample letter as a password-protected DOCX (an OLE file, as Word saves it)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    good = io.BytesIO()
    make_letter_docx(good)
    good.seek(0)
    path = Path(path)
    with path.open("wb") as out:
        OOXMLFile(good).encrypt(password, out)
    return path


def make_encrypted_pdf(path, *, user_password: str = "secret", owner_password: str = "owner") -> Path:
    """Write the sample letter as a PDF encrypted with AES-256; an empty user password opens without one."""
    import pypdf

    plain = io.BytesIO()
    make_letter_pdf(plain)
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(plain.getvalue())))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-256")
    path = Path(path)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def make_image_only_pdf(path) -> Path:
    """Write a PDF page holding only a picture (a scanned letter with no text layer)."""
    import base64

    import weasyprint

    png = io.BytesIO()
    from PIL import Image

    Image.new("RGB", (200, 100), (240, 240, 240)).save(png, format="PNG")
    data = base64.b64encode(png.getvalue()).decode()
    html = f'<html><body><img src="data:image/png;base64,{data}" style="width:10cm"><div style="width:5cm;height:3cm;background:#333"></div></body></html>'
    path = Path(path)
    weasyprint.HTML(string=html).write_pdf(path)
    return path


def make_blank_pages_pdf(path, *, pages: int = 300) -> Path:
    """Write a PDF of `pages` empty pages (fast to make; enough to test the page limit)."""
    import pypdf

    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    path = Path(path)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def make_damaged_pdf(path) -> Path:
    """Write a file that starts like a PDF but is garbage after the header."""
    path = Path(path)
    path.write_bytes(b"%PDF-1.7\n" + random.Random(3).randbytes(3000))
    return path


def _rewrite_zip(data: bytes, path, changes: dict) -> Path:
    """Copy zip `data` to `path`, passing the named members' bytes through the functions in `changes`."""
    path = Path(path)
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename in changes:
                content = changes[item.filename](content)
            dst.writestr(item, content)
    return path


# --- helpers for assertions ----------------------------------------------------------


def file_state(path) -> tuple:
    """Bytes, modification time and mode of a file: compare before and after reading it."""
    path = Path(path)
    stat = path.stat()
    return path.read_bytes(), stat.st_mtime_ns, stat.st_mode


def outline(document) -> list[tuple]:
    """(kind, level, ordered, label, text) of each block: compact to compare against expected letters."""
    return [
        (b.kind.value, b.level, b.ordered, b.label, b.plain_text() if b.kind.value == "table" else b.text)
        for b in document.blocks
    ]


def expected_letter_parts() -> list[tuple]:
    """The outline of the sample letter's parts before the salutation, as every reader should find them."""
    return [
        ("sender_address", 0, False, None, "\n".join(SENDER_LINES)),
        ("recipient_address", 0, False, None, "\n".join(RECIPIENT_LINES)),
        ("date_line", 0, False, None, DATE_LINE),
        ("reference", 0, False, REFERENCES[0][0], REFERENCES[0][1]),
        ("reference", 0, False, REFERENCES[1][0], REFERENCES[1][1]),
        ("salutation", 0, False, None, SALUTATION),
    ]


EXPECTED_SIGN_OFF = ("sign_off", 0, False, None, "\n".join(SIGN_OFF_LINES))


def make_docx_with_entity(path) -> Path:
    """A letter whose document.xml declares an internal DTD entity and uses it mid-paragraph.

    python-docx does not expand entities; before easyread refused such files it kept only
    the text before the entity, silently."""
    import docx

    document = docx.Document()
    document.add_paragraph("Dear resident, this is the first paragraph.")
    document.add_paragraph("The second paragraph names PLACEHOLDER in the middle.")
    document.add_paragraph("You must pay £120 by 1 May 2026.")
    buffer = io.BytesIO()
    document.save(buffer)
    path = Path(path)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "word/document.xml":
                body = content.decode("utf-8").split("?>", 1)[1].lstrip()
                body = body.replace("PLACEHOLDER", "&council;")
                content = (
                    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    '<!DOCTYPE w:document [<!ENTITY council "Northshire Council">]>' + body
                ).encode("utf-8")
            dst.writestr(item, content)
    return path

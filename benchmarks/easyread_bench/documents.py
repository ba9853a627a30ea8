"""Benchmark: read and write a 10-page DOCX and a 10-page PDF (median of 5).

The baseline is the bare library on the same file in the same run (python-docx
paragraph text, pypdf `extract_text`), so the figure shows what our structure
detection, letter anatomy and header/footer removal cost on top.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from easyread_bench import machine_line, median_seconds

PARAGRAPH = (
    "We are writing to tell you about your council tax for the year from 1 April 2025 to 31 March 2026. "
    "The amount you need to pay is £1,710.00. You can pay by direct debit, online or by phone on 01793 445500. "
    "If you think this bill is wrong, contact us within 1 month of the date of this letter. "
    "You may be able to get help with your bill if you live alone or have a low income."
)


def make_docx(path: Path, pages: int = 10) -> None:
    """A letter of about `pages` A4 pages: headings, paragraphs, a list and a table per page."""
    import docx

    document = docx.Document()
    document.add_heading("Council tax bill 2025 to 2026", level=1)
    for page in range(pages):
        document.add_heading(f"Part {page + 1}", level=2)
        for _ in range(5):
            document.add_paragraph(PARAGRAPH)
        document.add_paragraph("Pay by direct debit", style="List Bullet")
        document.add_paragraph("Pay online", style="List Bullet")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "Band", "Amount"
        table.cell(1, 0).text, table.cell(1, 1).text = "B", "£1,710.00"
        document.add_page_break()
    document.save(path)


def make_pdf(path: Path, pages: int = 10) -> None:
    """The same content as a PDF with a running header and page numbers."""
    from weasyprint import HTML

    body = []
    for page in range(pages):
        body.append(f"<h2>Part {page + 1}</h2>" + "".join(f"<p>{PARAGRAPH}</p>" for _ in range(5)))
        body.append('<div style="break-after: page"></div>')
    html = (
        "<html><head><style>@page { size: A4; margin: 2.5cm; @top-center { content: 'Swindon Borough Council' } "
        "@bottom-center { content: 'Page ' counter(page) } } body { font-family: sans-serif; }</style></head>"
        "<body><h1>Council tax bill 2025 to 2026</h1>" + "".join(body) + "</body></html>"
    )
    HTML(string=html).write_pdf(path)


def run(args: list[str] | None = None) -> None:
    """Print read and write times for 10-page DOCX and PDF files, with the bare-library baselines."""
    parser = argparse.ArgumentParser(prog="easyread bench documents")
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    opts = parser.parse_args(args or [])

    import docx
    import pypdf

    from easyread.config import load_settings
    from easyread.documents.identity import identity_draft
    from easyread.documents.read import read_document
    from easyread.documents.write import FORMATS, WriteOptions, write_outputs

    settings = load_settings()
    print(machine_line(("python-docx", "pypdf", "weasyprint")))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        docx_path, pdf_path = tmp / "letter.docx", tmp / "letter.pdf"
        make_docx(docx_path, opts.pages)
        make_pdf(pdf_path, opts.pages)
        pdf_pages = len(pypdf.PdfReader(pdf_path).pages)
        print(
            f"input: {opts.pages}-page DOCX ({docx_path.stat().st_size // 1024} KB), {pdf_pages}-page PDF ({pdf_path.stat().st_size // 1024} KB); median of {opts.repeat}, 1 warm-up"
        )

        rows = [
            ("read DOCX (easyread)", lambda: read_document(docx_path, settings=settings)),
            ("read DOCX (bare python-docx)", lambda: [p.text for p in docx.Document(docx_path).paragraphs]),
            ("read PDF (easyread)", lambda: read_document(pdf_path, settings=settings)),
            ("read PDF (bare pypdf)", lambda: [p.extract_text() for p in pypdf.PdfReader(pdf_path).pages]),
        ]
        draft = identity_draft(read_document(docx_path, settings=settings))
        options = WriteOptions.from_settings(settings)
        for fmt in FORMATS:
            rows.append(
                (
                    f"write {fmt.upper()} (easyread)",
                    lambda fmt=fmt: write_outputs(draft, tmp / "out", "letter", [fmt], options),
                )
            )
        for label, fn in rows:
            print(f"{label:32s} {median_seconds(fn, repeat=opts.repeat) * 1000:9.1f} ms")


if __name__ == "__main__":  # pragma: no cover
    run()

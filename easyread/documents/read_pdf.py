"""Read PDF letters with pypdf: text in reading order, paragraphs rebuilt, running headers and footers dropped.

We use pypdf's layout mode (`extraction_mode="layout"`): it keeps the page's
vertical gaps as blank lines and its indents as spaces, which are exactly the
clues for splitting paragraphs and nesting bullets. Plain mode runs the lines of
all paragraphs together, emits bullets apart from their text and may put a
running header after the body.
"""

from __future__ import annotations

import io
import logging
import math
import re
from collections import Counter

from easyread.documents.errors import InputError
from easyread.documents.letter import SALUTATION_RE
from easyread.documents.model import BlockKind, Document
from easyread.documents.paragraphs import blocks_from_lines, clean_line, join_wrapped, was_wrapped, wrap_width

log = logging.getLogger(__name__)

DAMAGED = "This PDF is damaged. Save or export it again as a PDF and try again."
PASSWORD = "This PDF is protected by a password. Remove the password and try again."
NO_TEXT = "This PDF has no text in it. Scan it with text recognition first."

# How many lines at the top and at the bottom of a page may be a running header or footer.
EDGE_LINES = 3
# A line is a running header/footer when it sits at a page edge on at least this share of pages.
REPEAT_SHARE = 0.6
# A line set this much larger than the body text, and this short, is a heading.
HEADING_SCALE = 1.08
HEADING_MAX_WORDS = 15
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)


def read_pdf(data: bytes, *, name: str | None = None, max_pages: int = 100) -> Document:
    """Read a PDF given as bytes; raises InputError for damaged, protected, image-only or too long PDFs."""
    reader = _open(data)
    try:
        page_count = len(reader.pages)
    except Exception:  # pypdf raises many types when the page tree is broken
        log.info("could not count pages of %s", name, exc_info=True)
        raise InputError(DAMAGED, code="damaged") from None
    if page_count == 0:
        raise InputError(DAMAGED, code="damaged")
    if page_count > max_pages:
        raise InputError(
            f"The PDF must have {max_pages} pages or fewer. Split it into smaller files and try again.",
            code="too_many_pages",
        )
    pages = [_page_lines(page, name) for page in reader.pages]
    sizes = [_line_sizes(page) for page in reader.pages]
    if not any(clean_line(line) for lines in pages for line in lines):
        raise InputError(NO_TEXT, code="no_text")
    pages = drop_running_lines(pages)
    pages[0] = split_letterhead_columns(pages[0])
    width = wrap_width([line for lines in pages for line in lines])
    blocks = []
    for number, lines in enumerate(pages, start=1):
        page_blocks = blocks_from_lines(lines, file=name, page=number, width=width)
        if page_blocks and blocks and _carries_over(blocks[-1], pages[number - 2], page_blocks[0], width):
            blocks[-1].text = join_wrapped(blocks[-1].text, page_blocks.pop(0).text)
        blocks.extend(page_blocks)
    if not blocks:  # only page numbers or a running header: a scan with a stamped footer
        raise InputError(NO_TEXT, code="no_text")
    _mark_headings(blocks, sizes)
    title = _title(reader) or next((b.text for b in blocks if b.kind is BlockKind.HEADING), "")
    return Document(blocks=blocks, source_name=name, pages=page_count, title=title)


def _open(data: bytes):
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            # Many council PDFs only carry an owner password (against editing) and open with an empty one.
            if not reader.decrypt(""):
                raise InputError(PASSWORD, code="password")
    except InputError:
        raise
    except (FileNotDecryptedError, DependencyError):
        raise InputError(PASSWORD, code="password") from None
    except Exception:  # pypdf raises many types for broken files; all mean "damaged" to a user
        log.info("could not open PDF", exc_info=True)
        raise InputError(DAMAGED, code="damaged") from None
    return reader


def _page_lines(page, name) -> list[str]:
    try:
        text = page.extract_text(extraction_mode="layout", layout_mode_space_vertically=True)
    except Exception:  # a broken content stream on one page; say the file is damaged rather than guess
        log.info("could not extract text from %s", name, exc_info=True)
        raise InputError(DAMAGED, code="damaged") from None
    lines = text.split("\n")
    # Layout mode indents everything by the page's left margin: keep only relative indents.
    margin = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
    return [x[margin:].rstrip() for x in lines]


def _key(line: str, page: int, total: int) -> str:
    """A line's identity across pages: spaces collapsed, case folded, page numbers made equal.

    Only numbers near the page's own number (a cover page may shift it by one) or the
    page count are made equal, so that body lines differing in an amount stay apart.
    """
    near = {str(n) for n in (page - 1, page, page + 1, total)}
    return re.sub(r"\d+", lambda m: "#" if m.group(0) in near else m.group(0), clean_line(line).casefold())


def _edge_indexes(lines: list[str]) -> list[int]:
    filled = [i for i, x in enumerate(lines) if x.strip()]
    return filled[:EDGE_LINES] + [i for i in filled[-EDGE_LINES:] if i not in filled[:EDGE_LINES]]


def drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Blank out page numbers and lines repeated at the top or bottom of most pages.

    Lines are blanked rather than removed so the blank-line clues for paragraphs stay in place.
    """
    total = len(pages)
    counts: Counter[str] = Counter()
    for page, lines in enumerate(pages, start=1):
        counts.update({_key(lines[i], page, total) for i in _edge_indexes(lines)})
    need = max(2, math.ceil(REPEAT_SHARE * len(pages)))
    running = {key for key, n in counts.items() if n >= need} if len(pages) > 1 else set()
    result = []
    for page, lines in enumerate(pages, start=1):
        lines = list(lines)
        for i in _edge_indexes(lines):
            text = clean_line(lines[i])
            if _key(text, page, total) in running or _PAGE_NUMBER.match(text):
                lines[i] = ""
        result.append(lines)
    return result


def split_letterhead_columns(lines: list[str]) -> list[str]:
    """Above the salutation, read a left column (often the recipient) and then a right one (often the council).

    Letters often set the two addresses side by side; layout mode gives them on the
    same lines, which would mix the addresses word by word.
    """
    end = next((i for i, x in enumerate(lines) if SALUTATION_RE.match(clean_line(x))), None)
    if end is None:
        return lines
    out: list[str] = []
    run: list[str] = []
    for line in lines[:end] + [""]:
        if line.strip():
            run.append(line)
            continue
        out.extend(_columns(run) if run else [])
        out.append(line)
        run = []
    return out[:-1] + lines[end:]


_COLUMN_GAP = re.compile(r"(?<=\S) {6,}(?=\S)")


def _columns(run: list[str]) -> list[str]:
    splits = []
    for line in run:
        gaps = list(_COLUMN_GAP.finditer(line.rstrip()))
        left, right = (line[: gaps[0].start()], line[gaps[0].end() :]) if len(gaps) == 1 else (line, "")
        # "Our ref:      HR/2291" is a label and its value, not two columns.
        splits.append((left.rstrip(), right.strip()) if right and not left.rstrip().endswith(":") else None)
    if not any(splits):
        return run
    width = max(len(x.rstrip()) for x in run)
    left_column, right_column = [], []
    for line, split in zip(run, splits):
        if split:
            left_column.append(split[0])
            right_column.append(split[1])
        elif len(line) - len(line.lstrip()) >= 0.4 * width:
            right_column.append(line.strip())
        else:
            left_column.append(line.rstrip())
    return left_column + [""] + right_column


def _carries_over(last_block, prev_page: list[str], first_block, width: float) -> bool:
    """True when a paragraph runs on from the bottom of one page to the top of the next."""
    if last_block.kind is not BlockKind.PARAGRAPH or first_block.kind is not BlockKind.PARAGRAPH:
        return False
    last_line = next((x for x in reversed(prev_page) if x.strip()), "")
    return was_wrapped(last_line, width) and not clean_line(last_line).endswith((".", ":", "!", "?"))


def _line_sizes(page) -> dict[str, float]:
    """Each line of a page (spaces collapsed) with its largest font size, from pypdf's text visitor.

    Layout mode does not report fonts, so this second, plain pass finds them.
    """
    sizes: dict[str, float] = {}
    parts: list[str] = []
    size = 0.0

    def visit(text, cm, tm, font_dict, font_size):
        nonlocal size
        # The size on the page is the font size scaled by the text and page matrices.
        scaled = abs(font_size * tm[3] * cm[3])
        for i, piece in enumerate(text.split("\n")):
            if i:
                key = " ".join("".join(parts).split())
                if key:
                    sizes[key] = max(sizes.get(key, 0.0), size)
                parts.clear()
                size = 0.0
            if piece.strip():
                parts.append(piece)
                size = max(size, scaled)
            elif piece:
                parts.append(piece)

    try:
        page.extract_text(visitor_text=visit)
    except Exception:  # no sizes means no headings, not a refused letter
        return {}
    key = " ".join("".join(parts).split())
    if key:
        sizes[key] = max(sizes.get(key, 0.0), size)
    return sizes


def _mark_headings(blocks, sizes: list[dict[str, float]]) -> None:
    """Turn one-line paragraphs set larger than the body text into headings, levels by size."""
    weight: Counter[float] = Counter()
    for page in sizes:
        for text, size in page.items():
            weight[round(size * 2) / 2] += len(text)
    if not weight:
        return
    body = weight.most_common(1)[0][0]
    found = []
    for block in blocks:
        size = sizes[block.source.page - 1].get(block.text) if block.source.page else None
        if (
            block.kind is BlockKind.PARAGRAPH
            and size is not None
            and size >= HEADING_SCALE * body
            and len(block.text.split()) <= HEADING_MAX_WORDS
            and not block.text.endswith((".", ",", ";"))
        ):
            found.append((block, round(size * 2) / 2))
    ranks = sorted({size for _, size in found}, reverse=True)
    for block, size in found:
        block.kind = BlockKind.HEADING
        block.level = min(ranks.index(size) + 1, 6)


def _title(reader) -> str:
    try:
        return (reader.metadata.title or "") if reader.metadata else ""
    except Exception:  # broken metadata is not worth refusing a letter for
        return ""

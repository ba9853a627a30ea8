"""Read Word (.docx) letters with python-docx: headings, list items, tables and bold/italic/underline."""

from __future__ import annotations

import io
import logging
import re
import zipfile

from easyread.documents.errors import InputError
from easyread.documents.model import Block, BlockKind, Document, Mark, Source

log = logging.getLogger(__name__)

DAMAGED = "This Word document is damaged. Open it in Word, save it again and try again."
# Word never writes a document type definition (DTD). One in a letter is hand-made, and python-docx does not expand
# its entities (which is safe) but then silently drops the text after the first one: refuse rather than lose words.
HAS_DTD = (
    "This Word document has settings inside it that easyread cannot read safely. "
    "Open it in Word, save it again and try again."
)
PASSWORD = "This Word document is protected by a password. Remove the password and try again."
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# A part this large that shrank more than this many times when zipped is a zip bomb,
# not a letter: even very repetitive Word XML rarely compresses beyond ~50 to 1.
SUSPICIOUS_RATIO = 100
SUSPICIOUS_RATIO_MIN_BYTES = 10 * 1024 * 1024

_HEADING_STYLE = re.compile(r"^heading ([1-9])$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"^list (bullet|number)(?: ([2-9]))?$", re.IGNORECASE)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def is_encrypted_office_file(data: bytes) -> bool:
    """True for a password-protected Office file: Word saves those as an OLE file holding an 'EncryptedPackage' stream."""
    if not data.startswith(OLE_MAGIC):
        return False
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return ole.exists("EncryptedPackage")
    except (OSError, ValueError):  # olefile raises these for damaged compound files
        return False


def check_zip_safe(data: bytes, max_uncompressed_mb: int) -> None:
    """Refuse a damaged zip, or one that unpacks too large, before any parser inflates it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise InputError(DAMAGED, code="damaged") from None
    # zipfile never inflates past a member's declared size, so declared sizes bound the real work.
    total = sum(i.file_size for i in infos)
    if total > max_uncompressed_mb * 1024 * 1024:
        raise InputError(
            f"This Word document is too big once unpacked (more than {max_uncompressed_mb} MB). "
            "Make pictures smaller or split the document, then try again.",
            code="too_big_unpacked",
        )
    for info in infos:
        if info.file_size >= SUSPICIOUS_RATIO_MIN_BYTES and info.file_size > SUSPICIOUS_RATIO * max(
            info.compress_size, 1
        ):
            raise InputError(
                "This Word document cannot be opened safely. Save it again in Word and try again.",
                code="zip_bomb",
            )
    if "word/document.xml" not in {i.filename for i in infos}:
        raise InputError(DAMAGED, code="damaged")


def read_docx(data: bytes, *, name: str | None = None, max_uncompressed_mb: int = 200) -> Document:
    """Read a DOCX given as bytes into a Document; raises InputError for damaged, protected or unsafe files."""
    if is_encrypted_office_file(data):
        raise InputError(PASSWORD, code="password")
    check_zip_safe(data, max_uncompressed_mb)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        if document.element.getroottree().docinfo.doctype:
            raise InputError(HAS_DTD, code="dtd")
        blocks = list(_blocks(document, name))
    except InputError:
        raise
    except Exception:  # python-docx and lxml raise many types for broken packages; all mean "damaged" to a user
        log.info("could not read DOCX %s", name, exc_info=True)
        raise InputError(DAMAGED, code="damaged") from None
    title = next((b.text for b in blocks if b.kind is BlockKind.HEADING), "") or (document.core_properties.title or "")
    return Document(blocks=blocks, title=title, source_name=name)


def _blocks(document, name):
    """Blocks in document order; tables and paragraphs interleave as in the body's XML."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    numbering = _Numbering(document)
    chains: dict[str | None, list[str]] = {}  # style id -> style chain; python-docx's lookup is slow
    for index, element in enumerate(_body_items(document.element.body)):
        source = Source(file=name, index=index)
        if element.tag == _W + "tbl":
            rows = _table_rows(Table(element, document))
            if any(any(cell for cell in row) for row in rows):
                yield Block(BlockKind.TABLE, rows=rows, source=source)
            continue
        block = _paragraph_block(Paragraph(element, document), numbering, source, chains)
        if block is not None:
            yield block


def _body_items(body):
    """Paragraphs and tables of the body in order, looking inside content controls (w:sdt)."""
    for child in body.iterchildren():
        if child.tag in (_W + "p", _W + "tbl"):
            yield child
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _body_items(content)


def _table_rows(table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells, last = [], None
        for cell in row.cells:
            # python-docx repeats a horizontally merged cell once per grid column: keep it once.
            if last is not None and cell._tc is last:
                continue
            last = cell._tc
            cells.append(" ".join(cell.text.split()))
        rows.append(cells)
    return rows


def _paragraph_block(paragraph, numbering, source, chains: dict) -> Block | None:
    text, marks = _text_and_marks(paragraph)
    if not text:
        return None
    style_id = paragraph._p.style
    if style_id not in chains:
        chains[style_id] = _style_chain(paragraph.style)
    style_names = chains[style_id]
    heading = _heading_level(style_names)
    if heading:
        return Block(BlockKind.HEADING, text=text, level=heading, marks=marks, source=source)
    listing = numbering.list_info(paragraph, style_names)
    if listing is not None:
        depth, ordered = listing
        return Block(BlockKind.LIST_ITEM, text=text, level=depth, ordered=ordered, marks=marks, source=source)
    return Block(BlockKind.PARAGRAPH, text=text, marks=marks, source=source)


def _style_chain(style) -> list[str]:
    """Names of the paragraph style and the styles it is based on, so custom 'Council Heading' styles count."""
    names = []
    while style is not None and len(names) < 10:
        names.append(style.name or "")
        style = style.base_style
    return names


def _heading_level(style_names: list[str]) -> int:
    for style_name in style_names:
        if style_name.lower() == "title":
            return 1
        match = _HEADING_STYLE.match(style_name)
        if match:
            return min(int(match.group(1)), 6)
    return 0


def _text_and_marks(paragraph) -> tuple[str, list[Mark]]:
    """Paragraph text with bold/italic/underline marks (character offsets), whitespace trimmed."""
    from docx.text.hyperlink import Hyperlink

    runs = []
    for item in paragraph.iter_inner_content():
        runs.extend(item.runs if isinstance(item, Hyperlink) else [item])
    parts: list[str] = []
    spans: dict[str, list[list[int]]] = {"bold": [], "italic": [], "underline": []}
    pos = 0
    for run in runs:
        run_text = run.text.replace("\t", " ")
        if run_text:
            for kind in _run_marks(run):
                open_spans = spans[kind]
                if open_spans and open_spans[-1][1] == pos:
                    open_spans[-1][1] = pos + len(run_text)  # merge with the run before
                else:
                    open_spans.append([pos, pos + len(run_text)])
        parts.append(run_text)
        pos += len(run_text)
    raw = "".join(parts)
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    marks = []
    for kind, kind_spans in spans.items():
        for start, end in kind_spans:
            # Trim spaces inside the mark so it covers words only.
            segment = raw[start:end]
            start += len(segment) - len(segment.lstrip())
            end -= len(segment) - len(segment.rstrip())
            start, end = max(start - lead, 0), min(end - lead, len(text))
            if end > start:
                marks.append(Mark(start, end, kind))
    return text, sorted(marks, key=lambda m: (m.start, m.kind))


def _run_marks(run) -> list[str]:
    """Formatting set on the run itself or by its character style (e.g. 'Strong'), not by the paragraph style."""
    from docx.enum.text import WD_UNDERLINE

    # Look the character style up only when the run names one: python-docx's
    # `run.style` scans every style for the default each time, which made reading
    # a 10-page letter 25 times slower than the bare library.
    style_id = run._r.style

    def effective(attr):
        value = getattr(run, attr)
        if value is None and style_id is not None:
            style = run.style
            if style is not None and style.name != "Default Paragraph Font":
                value = getattr(style.font, attr)
        return value

    marks = []
    if effective("bold"):
        marks.append("bold")
    if effective("italic"):
        marks.append("italic")
    underline = effective("underline")
    if underline and underline is not WD_UNDERLINE.NONE:
        marks.append("underline")
    return marks


class _Numbering:
    """Looks up whether a numbered paragraph is a bulleted or an ordered list, and how deep."""

    def __init__(self, document):
        try:
            self._root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            self._root = None

    def list_info(self, paragraph, style_names: list[str]) -> tuple[int, bool] | None:
        """(depth, ordered) for a list paragraph, or None when it is not in a list."""
        num_id, ilvl = _num_pr(paragraph._p.pPr)
        style_depth, style_ordered = 0, None
        for style_name in style_names:
            match = _LIST_STYLE.match(style_name)
            if match:
                style_depth = int(match.group(2) or 1) - 1
                style_ordered = match.group(1).lower() == "number"
                break
        if num_id is None:
            # Numbering may come from the style's own numPr.
            style = paragraph.style
            while style is not None and num_id is None:
                num_id, style_ilvl = _num_pr(style.element.pPr)
                ilvl = ilvl if ilvl is not None else style_ilvl
                style = style.base_style
        if num_id == 0:  # numId 0 switches numbering off
            return None
        if num_id is None:
            return (style_depth, style_ordered) if style_ordered is not None else None
        fmt = self._format(num_id, ilvl or 0)
        if fmt == "none":
            return None
        ordered = fmt != "bullet" if fmt else bool(style_ordered)
        depth = ilvl if ilvl else style_depth
        return depth, ordered

    def _format(self, num_id: int, ilvl: int) -> str | None:
        if self._root is None:
            return None
        num = self._root.find(f"{_W}num[@{_W}numId='{num_id}']")
        if num is None:
            return None
        abstract = num.find(_W + "abstractNumId")
        if abstract is None:
            return None
        abstract_id = abstract.get(_W + "val")
        lvl = self._root.find(f"{_W}abstractNum[@{_W}abstractNumId='{abstract_id}']/{_W}lvl[@{_W}ilvl='{ilvl}']")
        fmt = lvl.find(_W + "numFmt") if lvl is not None else None
        return fmt.get(_W + "val") if fmt is not None else None


def _num_pr(ppr) -> tuple[int | None, int | None]:
    """(numId, ilvl) from a paragraph or style's properties, None where absent."""
    if ppr is None or ppr.numPr is None:
        return None, None
    num_pr = ppr.numPr
    num_id = num_pr.numId.val if num_pr.numId is not None else None
    ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else None
    return num_id, ilvl

"""Read plain text and Markdown letters into blocks."""

from __future__ import annotations

import re

from easyread.documents.errors import InputError
from easyread.documents.model import Block, BlockKind, Document, Mark, Source
from easyread.documents.paragraphs import blocks_from_lines, wrap_width

NOT_UTF8 = "This text file is not saved as UTF-8. Save it as UTF-8 and try again."

_HEADING_RE = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
# Numbered lines alone do not make Markdown: plain-text letters number their points too.
_BULLET_RE = re.compile(r"^ {0,3}[-*+][ \t]+\S", re.MULTILINE)


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (with or without a byte order mark) and use '\\n' line ends; anything else is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(NOT_UTF8, code="not_utf8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(NOT_UTF8, code="not_utf8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_like_markdown(text: str) -> bool:
    """True when the text has a Markdown heading, or at least two Markdown bullet lines."""
    return bool(_HEADING_RE.search(text)) or len(_BULLET_RE.findall(text)) >= 2


def read_text(text: str, *, name: str | None = None, markdown: bool = False) -> Document:
    """Read a plain text letter (blocks split on blank lines, wrapped lines joined) or a Markdown one."""
    blocks = read_markdown_blocks(text, name=name) if markdown else blocks_from_lines(text.split("\n"), file=name)
    title = next((b.text for b in blocks if b.kind is BlockKind.HEADING), "")
    return Document(blocks=blocks, title=title, source_name=name)


def read_markdown_blocks(text: str, *, name: str | None = None) -> list[Block]:
    """Headings, paragraphs, list items (with depth) and tables from Markdown, with bold and italic marks."""
    from markdown_it import MarkdownIt

    # Letters hold no code: an indented line is just an indented line. Raw HTML stays literal text.
    md = MarkdownIt("commonmark", {"html": False}).enable("table").disable("code")
    tokens = md.parse(text)
    width = wrap_width(text.split("\n"))
    blocks: list[Block] = []
    lists: list[bool] = []  # ordered flag of each open list, outermost first
    heading_level = 0
    table: list[list[str]] | None = None
    table_start = 0
    for _i, tok in enumerate(tokens):
        line = tok.map[0] if tok.map else None
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(tok.type == "ordered_list_open")
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif tok.type == "heading_open":
            heading_level = int(tok.tag[1])
        elif tok.type == "table_open":
            table, table_start = [], line
        elif tok.type == "tr_open" and table is not None:
            table.append([])
        elif tok.type == "inline" and table is not None:
            table[-1].append(_inline(tok)[0].strip())
        elif tok.type == "table_close":
            blocks.append(Block(BlockKind.TABLE, rows=table, source=Source(file=name, index=table_start)))
            table = None
        elif tok.type == "inline":
            content, marks = _inline(tok, width)
            content, marks = _trim(content, marks)
            if not content:
                continue
            if heading_level:
                kind, level, ordered = BlockKind.HEADING, heading_level, False
            elif lists:
                kind, level, ordered = BlockKind.LIST_ITEM, len(lists) - 1, lists[-1]
            else:
                kind, level, ordered = BlockKind.PARAGRAPH, 0, False
            blocks.append(
                Block(
                    kind, text=content, level=level, ordered=ordered, marks=marks, source=Source(file=name, index=line)
                )
            )
        elif tok.type == "heading_close":
            heading_level = 0
        elif tok.type == "fence" and tok.content.strip():
            blocks.append(Block(BlockKind.PARAGRAPH, text=tok.content.strip(), source=Source(file=name, index=line)))
    return blocks


def _inline(token, width: float = float("inf")) -> tuple[str, list[Mark]]:
    """Text of an inline token with bold/italic marks; link targets kept, since a web address can be a fact."""
    out: list[str] = []
    marks: list[Mark] = []
    open_at: dict[str, list[int]] = {"bold": [], "italic": []}
    href = None
    link_start = 0
    for child in token.children or []:
        pos = sum(len(x) for x in out)
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            # Keep short lines apart (addresses); join lines that were only wrapped.
            current_line = "".join(out).rsplit("\n", 1)[-1]
            wrapped = child.type == "softbreak" and len(current_line) >= 0.75 * width and len(current_line) >= 40
            out.append(" " if wrapped else "\n")
        elif child.type == "image":
            out.append(child.content)
        elif child.type in ("strong_open", "em_open"):
            open_at["bold" if child.type == "strong_open" else "italic"].append(pos)
        elif child.type in ("strong_close", "em_close"):
            kind = "bold" if child.type == "strong_close" else "italic"
            start = open_at[kind].pop()
            marks.append(Mark(start, pos, kind))
        elif child.type == "link_open":
            href, link_start = child.attrs.get("href"), pos
        elif child.type == "link_close":
            label = "".join(out)[link_start:]
            if href and href not in label and not href.startswith("#"):
                out.append(f" ({href.removeprefix('mailto:')})")
            href = None
    return "".join(out), marks


def _trim(text: str, marks: list[Mark]) -> tuple[str, list[Mark]]:
    """Strip surrounding whitespace and shift marks to match."""
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    shifted = []
    for m in marks:
        start, end = max(0, m.start - lead), min(len(text), m.end - lead)
        if end > start:
            shifted.append(Mark(start, end, m.kind))
    return text, sorted(shifted, key=lambda m: (m.start, m.kind))

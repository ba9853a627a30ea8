"""Rebuild paragraphs and list items from lines of text (plain text files and PDF pages).

Lines that were wrapped are joined back together; a blank line, a short line, a
deeper first-line indent or a bullet starts a new block. Hand-written because no
library does this for text that has already lost its layout.
"""

from __future__ import annotations

import re
from functools import lru_cache

from easyread.documents.model import Block, BlockKind, Source

BULLET_RE = re.compile(r"^(?P<marker>[•●▪■◦○‣∙·\u2043\uf0b7\-–*]|\(?\d{1,2}[.)]|\(?[a-z]\))\s+(?P<text>\S.*)$")
# A line this share of the usual full width (or longer) was probably wrapped.
WRAPPED_SHARE = 0.75
# Lines shorter than this are never taken as wrapped prose (address lines, names).
MIN_WRAPPED_CHARS = 40
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})


def clean_line(line: str) -> str:
    """One line with ligatures undone, soft hyphens (except a final one) removed and spaces collapsed."""
    line = line.translate(LIGATURES).rstrip()
    trailing_soft = line.endswith("\u00ad")
    line = " ".join(line.replace("\u00ad", "").split())
    return line + ("\u00ad" if trailing_soft else "")


def wrap_width(lines: list[str]) -> float:
    """The usual length of a full line, or infinity when no line looks wrapped."""
    lengths = sorted(len(clean_line(x)) for x in lines if len(clean_line(x)) >= MIN_WRAPPED_CHARS)
    if not lengths:
        return float("inf")
    # 80th percentile: robust to a few over-long lines (URLs, unwrapped paragraphs).
    return lengths[int(0.8 * (len(lengths) - 1))]


def was_wrapped(line: str, width: float) -> bool:
    """True when `line` is long enough that the text probably carried on to the next line."""
    text = clean_line(line)
    return len(text) >= MIN_WRAPPED_CHARS and len(text) >= WRAPPED_SHARE * width


def join_wrapped(first: str, second: str) -> str:
    """Join two wrapped lines, undoing a hyphen added at the line break."""
    if first.endswith("\u00ad"):
        return first[:-1] + second
    if len(first) > 1 and first.endswith("-") and first[-2].isalpha() and second[:1].islower():
        head = re.search(r"(\w+)-$", first).group(1)
        tail = re.match(r"\w+", second).group(0)
        # Keep the hyphen of real compounds ("council-run"); drop the one added by wrapping ("infor-mation").
        if _is_word(head + tail):
            return first[:-1] + second
        return first + second
    return f"{first} {second}"


@lru_cache(maxsize=4096)
def _is_word(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") > 0


def _indent_levels(indents: list[int]) -> dict[int, int]:
    """Nesting depth of each bullet indent; indents 1 character apart are one level (markers differ in width)."""
    levels: dict[int, int] = {}
    level, last = -1, None
    for indent in sorted(set(indents)):
        if last is None or indent - last > 1:
            level += 1
            last = indent
        levels[indent] = level
    return levels


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def blocks_from_lines(
    lines: list[str], *, file: str | None = None, page: int | None = None, width: float | None = None
) -> list[Block]:
    """Turn lines into PARAGRAPH and LIST_ITEM blocks; `Source.index` is the 0-based line number of the block's first line."""
    width = wrap_width(lines) if width is None else width
    levels = _indent_levels([_indent(x) for x in lines if BULLET_RE.match(clean_line(x))])
    blocks: list[Block] = []
    current: Block | None = None
    current_indent = 0
    prev_line = ""
    for number, raw in enumerate(lines):
        text = clean_line(raw)
        if not text:
            current, prev_line = None, ""
            continue
        indent = _indent(raw)
        bullet = BULLET_RE.match(text)
        if bullet:
            current = Block(
                BlockKind.LIST_ITEM,
                text=bullet.group("text"),
                level=levels.get(indent, 0),
                ordered=bullet.group("marker")[-1] in ".)",
                source=Source(file=file, page=page, index=number),
            )
            blocks.append(current)
            current_indent = indent
        elif (
            current is not None
            and was_wrapped(prev_line, width)
            and _continues(current, current_indent, _indent(prev_line), indent)
        ):
            current.text = join_wrapped(current.text, text)
        else:
            current = Block(BlockKind.PARAGRAPH, text=text, source=Source(file=file, page=page, index=number))
            blocks.append(current)
            current_indent = indent
        prev_line = raw
    for block in blocks:
        block.text = block.text.replace("\u00ad", "")
    return blocks


def _continues(current: Block, start_indent: int, prev_indent: int, indent: int) -> bool:
    if current.kind is BlockKind.LIST_ITEM:
        # Continuation lines of a bullet hang to the right of its marker.
        return indent > start_indent
    # A line indented deeper than the line before starts a new paragraph (first-line indent).
    return indent <= prev_indent + 1

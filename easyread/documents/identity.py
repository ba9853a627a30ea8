"""The identity "rewrite": a letter laid out as an Easy Read document, words unchanged.

It lets the readers and writers be tried end to end without a model
(`easyread convert --model none`), and it is the round-trip test's path.
"""
from __future__ import annotations

from easyread.documents.model import BlockKind, Document, EasyReadDocument, Point, Section

DETAILS_HEADING = "Your details"


def block_sentence_ids(doc: Document) -> dict[int, list[str]]:
    """Block index → the ids of its sentences: the trace of a point that is a whole block, unchanged."""
    out: dict[int, list[str]] = {}
    for sentence in doc.sentences():
        out.setdefault(sentence.block, []).append(sentence.id)
    return out


def identity_draft(doc: Document) -> EasyReadDocument:
    """Lay `doc` out as sections and points without changing any words.

    Each heading starts a section; each paragraph, list item or table row becomes a point.
    Letter parts (addresses, references, date, salutation, sign-off) go to a first
    "Your details" section so nothing from the original is lost.
    """
    title = doc.title or next((b.text for b in doc.blocks if b.kind is BlockKind.HEADING), "") or "Letter"
    ids = block_sentence_ids(doc)
    details = Section(DETAILS_HEADING)
    sections: list[Section] = []
    current: Section | None = None
    for index, block in enumerate(doc.blocks):
        if block.kind.is_letter_part:
            if block.plain_text().strip():
                details.points.append(Point(text=block.plain_text(), source_index=index, sources=ids.get(index, [])))
            continue
        if block.kind is BlockKind.HEADING:
            if block.text == title and not sections and current is None:
                continue  # the title is already the document's title
            current = Section(block.text)
            sections.append(current)
            continue
        if current is None:
            current = Section("")
            sections.append(current)
        if block.kind is BlockKind.TABLE:
            current.points.extend(Point(text=" | ".join(row), source_index=index, sources=ids.get(index, []))
                                  for row in block.rows if any(row))
        elif block.text.strip():
            current.points.append(Point(text=block.text, source_index=index, sources=ids.get(index, [])))
    if details.points:
        sections.insert(0, details)
    return EasyReadDocument(title=title, sections=sections, language=doc.language)

"""The original letter, laid out so the translation pipeline can take it (when staff ask for the letter
itself in another language, not only its Easy Read version).

Each block becomes one "point" in reading order and each heading starts a section, so the
translation keeps the letter's order and every fact check and flag works as it does for a
draft. The words are not rewritten: this is the official letter, translated.
"""

from __future__ import annotations

from pathlib import Path

from easyread.documents.identity import block_sentence_ids
from easyread.documents.model import BlockKind, Document, EasyReadDocument, Point, Section


def letter_as_draft(doc: Document) -> EasyReadDocument:
    """The whole letter (addresses, references and sign-off too) as sections of points, for translate_draft."""
    title = (doc.title or "").strip()
    sections: list[Section] = [Section("")]
    ids = block_sentence_ids(doc)
    for index, block in enumerate(doc.blocks):
        text = block.plain_text().strip()
        if not text:
            continue
        if block.kind is BlockKind.HEADING:
            if not title:
                title = text
                continue
            sections.append(Section(text))
            continue
        # Line breaks stay (an address is one point of several lines; a table's rows stay together).
        sections[-1].points.append(Point(text, source_index=index, sources=ids.get(index, [])))
    return EasyReadDocument(
        title=title or Path(doc.source_name or "Letter").stem,
        sections=[s for s in sections if s.points],
        language=doc.language or "en",
    )

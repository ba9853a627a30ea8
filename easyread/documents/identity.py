"""The identity "rewrite": a letter laid out as an Easy Read document, words unchanged.

It lets the readers and writers be tried end to end without a model
(`easyread convert --model none`), and it is the round-trip test's path.
"""

from __future__ import annotations

from easyread.documents.model import BlockKind, Document, EasyReadDocument, Point, Section

DETAILS_HEADING = "Your details"
BODY_HEADING = "What this letter says"
SIGN_OFF_HEADING = "Who this letter is from"
# Every point made from a letter part carries LETTER_PART and LETTER_PART + its kind ("letter-part:sender_address"),
# so the checks, pictures and writers can treat a kept address or sign-off as what it is.
LETTER_PART = "letter-part"
# A short line opening the body with no full stop ("Repair appointment: damp in your bathroom") is the letter's subject.
SUBJECT_MAX_WORDS = 12


def block_sentence_ids(doc: Document) -> dict[int, list[str]]:
    """Block index → the ids of its sentences: the trace of a point that is a whole block, unchanged."""
    out: dict[int, list[str]] = {}
    for sentence in doc.sentences():
        out.setdefault(sentence.block, []).append(sentence.id)
    return out


def letter_part_flags(kind: BlockKind) -> list[str]:
    """The flags of a point that keeps the letter part `kind` word for word."""
    return [LETTER_PART, f"{LETTER_PART}:{kind.value}"]


def _is_subject(text: str) -> bool:
    text = text.strip()
    return bool(text) and "\n" not in text and len(text.split()) <= SUBJECT_MAX_WORDS and text[-1] not in ".!?,;"


def identity_draft(doc: Document, title: str | None = None) -> EasyReadDocument:
    """Lay `doc` out as sections and points without changing any words.

    Each heading starts a section; each paragraph, list item or table row becomes a point.
    The letter's head (addresses, date, references, salutation) goes to a first "Your details"
    section and its sign-off to a last "Who this letter is from" section, so nothing from the
    original is lost and each part stays where a reader expects it. `title` (the name staff
    gave the letter) wins over the letter's own title; a body with no heading of its own is
    headed by the letter's subject line, or "What this letter says".
    """
    body = [(i, b) for i, b in enumerate(doc.blocks) if not b.kind.is_letter_part and b.plain_text().strip()]
    opening = body[0][1] if body else None
    subject = (
        opening.text.strip() if opening and opening.kind is BlockKind.PARAGRAPH and _is_subject(opening.text) else ""
    )
    title = (
        (title or "").strip()
        or doc.title
        or next((b.text for b in doc.blocks if b.kind is BlockKind.HEADING), "")
        or subject
        or "Letter"
    )
    details, signed = Section(DETAILS_HEADING), Section(SIGN_OFF_HEADING)
    ids = block_sentence_ids(doc)
    sections: list[Section] = []
    current: Section | None = None
    for index, block in enumerate(doc.blocks):
        if block.kind.is_letter_part:
            if block.plain_text().strip():
                part = signed if block.kind is BlockKind.SIGN_OFF else details
                flags = letter_part_flags(block.kind)
                part.points.append(
                    Point(text=block.plain_text(), source_index=index, flags=flags, sources=ids.get(index, []))
                )
            continue
        if block.kind is BlockKind.HEADING or (subject and current is None and block.text.strip() == subject):
            if block.text.strip() == title and not sections and current is None:
                continue  # the title is already the document's title
            current = Section(block.text.strip())
            sections.append(current)
            continue
        if current is None:
            current = Section(BODY_HEADING)
            sections.append(current)
        if block.kind is BlockKind.TABLE:
            current.points.extend(
                Point(text=" | ".join(row), source_index=index, sources=ids.get(index, []))
                for row in block.rows
                if any(row)
            )
        elif block.text.strip():
            current.points.append(Point(text=block.text, source_index=index, sources=ids.get(index, [])))
    if details.points:
        sections.insert(0, details)
    if signed.points:
        sections.append(signed)
    return EasyReadDocument(title=title, sections=sections, language=doc.language)

"""Plan a letter before any model call: what to rewrite, what to keep, what to drop.

Letter parts never reach the model. Following the guidance (keep only what the
reader needs), references and the letter's date go to a "Your details" section
word for word; phone numbers, email and web addresses in the sender's address
become "Who to contact" points; the addresses, salutation and sign-off are dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from easyread.documents.model import BlockKind, Document
from easyread.simplify import checking
from easyread.simplify.language import guess_language

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9£\"'(])")
_ACTION = re.compile(r"\b(you must|you need to|you should|please|you have to|you can|you will need)\b", re.I)
_PHONE = re.compile(r"(?:\+44\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"\b(?:https?://)?www\.[\w.-]+(?:/[\w./-]*)?", re.I)


@dataclass
class Unit:
    """A piece of the body small enough for one rewrite prompt."""

    index: int  # position of its first block in the document
    text: str
    heading: str | None = None  # the document heading it sits under, if any
    facts: list = field(default_factory=list)
    terms: list[tuple[str, str]] = field(default_factory=list)
    first: bool = False  # from the letter's opening: feeds "What this letter is about"


@dataclass
class DetailPoint:
    text: str
    index: int
    section: str  # "details" or "contact"


@dataclass
class LetterPlan:
    """What the letter is about, what the reader must do, and the pieces to rewrite."""

    title: str
    units: list[Unit]
    details: list[DetailPoint]
    actions: list[str]  # source sentences that ask the reader to do something
    key_facts: list  # every hard fact in the body, in order
    left_out: list[str] = field(default_factory=list)  # non-English paragraphs skipped
    opening: str = ""

    def body_text(self) -> str:
        return "\n\n".join(u.text for u in self.units)


def split_plain(text: str) -> list[str]:
    """A dependency-free sentence split, for planning only."""
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def _chunks(text: str, max_words: int) -> list[str]:
    """Split a long paragraph at sentence ends into pieces of about `max_words`."""
    if len(text.split()) <= max_words:
        return [text]
    pieces, current = [], []
    for sentence in split_plain(text):
        if current and len(" ".join(current + [sentence]).split()) > max_words:
            pieces.append(" ".join(current))
            current = []
        current.append(sentence)
    if current:
        pieces.append(" ".join(current))
    return pieces


def _contacts(text: str) -> list[str]:
    points = []
    for number in _PHONE.findall(text):
        points.append(f"You can phone us on {number.strip()}.")
    for email in _EMAIL.findall(text):
        points.append(f"You can email us at {email}.")
    for url in _URL.findall(text):
        points.append(f"Our website is {url.rstrip('.')}.")
    return points


def _detail_text(block) -> str:
    if block.kind is BlockKind.DATE_LINE:
        date = re.sub(r"^\s*(date(\s+of\s+\w+)?)\s*:?\s*", "", block.text, flags=re.I)
        return f"Date of this letter: {date.strip()}"
    return block.plain_text().strip()


def _looks_like_heading(text: str) -> bool:
    """A short line without a full stop: a title or a label, not a sentence."""
    return len(text.split()) <= 12 and "\n" not in text and text[-1] not in ".!?"


def plan_letter(doc: Document, *, glossary=None, unit_words: int = 80, english_share: float = 0.6) -> LetterPlan:
    """Build the plan: units to rewrite, details kept as they are, actions and facts."""
    units: list[Unit] = []
    details: list[DetailPoint] = []
    left_out: list[str] = []
    title = doc.title
    heading: str | None = None
    pending_list: list[tuple[int, str]] = []

    def flush_list() -> None:
        if pending_list:
            text = "\n".join(f"- {t}" for _, t in pending_list)
            units.append(Unit(pending_list[0][0], text, heading))
            pending_list.clear()

    salutation = next((i for i, b in enumerate(doc.blocks) if b.kind is BlockKind.SALUTATION), None)
    for index, block in enumerate(doc.blocks):
        text = block.plain_text().strip()
        if not text:
            continue
        if block.kind is BlockKind.PARAGRAPH and _looks_like_heading(text):
            if salutation is not None and index < salutation:
                # A short line in the letter's head ("Vehicle registration: KX19 TNB") is a detail.
                details.append(DetailPoint(text, index, "details"))
                continue
            if not title and not units:
                title = text.rstrip(":")
                continue
        if block.kind in (BlockKind.REFERENCE, BlockKind.DATE_LINE):
            details.append(DetailPoint(_detail_text(block), index, "details"))
            continue
        if block.kind is BlockKind.SENDER_ADDRESS or block.kind is BlockKind.SIGN_OFF:
            details.extend(DetailPoint(p, index, "contact") for p in _contacts(text))
            continue
        if block.kind.is_letter_part:
            continue  # recipient address and salutation: the reader knows them
        if block.kind is BlockKind.HEADING:
            flush_list()
            if not title:
                title = text
            elif text != title:
                heading = text
            continue
        if not guess_language(text, threshold=english_share).is_english:
            left_out.append(text)
            continue
        if block.kind is BlockKind.LIST_ITEM:
            pending_list.append((index, text))
            continue
        flush_list()
        for piece in _chunks(text, unit_words):
            units.append(Unit(index, piece, heading))
    flush_list()

    for unit in units[:1]:
        unit.first = True
    for unit in units:
        unit.facts = checking.extract_facts(unit.text)
        unit.terms = [
            (checking.get(e, "term"), checking.get(e, "explanation"))
            for e in checking.glossary_terms(glossary, unit.text)[:4]
            if checking.get(e, "explanation")
        ]
    actions = [s for u in units for s in split_plain(u.text) if _ACTION.search(s)]
    opening = " ".join(" ".join(u.text for u in units[:2]).split()[:120])
    return LetterPlan(
        title=title or "Your letter",
        units=units,
        details=details,
        actions=actions,
        key_facts=[f for u in units for f in u.facts],
        left_out=left_out,
        opening=opening,
    )

"""Which letter sentences an Easy Read draft says, and which it does not.

Every point records the ids of the letter sentences it comes from (`Point.sources`, ids from
`Document.sentences()`). From those, `coverage` finds the letter sentences that carry information
but that no point covers ("Not in the Easy Read yet"), and the points that have no source at all
("Not in the letter", or not recorded in drafts made before tracing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from easyread.documents.model import BlockKind, Document, EasyReadDocument
from easyread.documents.sentences import SourceSentence
from easyread.simplify.plan import heads_a_part

# Blocks the reader does not need in Easy Read: who the letter is to, the greeting and the sign-off.
_NO_INFORMATION = frozenset({BlockKind.SALUTATION, BlockKind.SIGN_OFF, BlockKind.RECIPIENT_ADDRESS, BlockKind.HEADING})
_GREETING = re.compile(
    r"^\s*(dear\b|yours\s+(sincerely|faithfully|truly)|kind\s+regards|best\s+wishes|regards\b|many\s+thanks)", re.I
)
# In the sender's address only a way to get in touch matters (the street is not something to act on).
_CONTACT = re.compile(r"@|www\.|https?://|\d{3,}[\s-]?\d{3}", re.I)


@dataclass
class Coverage:
    """What a draft says of its letter: sentences left out and points with no source."""

    informative: list[SourceSentence] = field(default_factory=list)  # letter sentences that carry information
    uncovered: list[SourceSentence] = field(default_factory=list)  # ... that no point covers
    unsourced: list[tuple[int, int, str]] = field(default_factory=list)  # (section, index, text): [] or None
    not_recorded: int = 0  # points whose sources are None (drafts made before tracing)
    unknown: list[str] = field(default_factory=list)  # ids in points that are not sentences of this letter
    points: int = 0

    @property
    def traced(self) -> int:
        """Points with at least one source."""
        return self.points - len(self.unsourced)

    @property
    def covered_share(self) -> float:
        """Share of the information-carrying sentences some point covers (1.0 for a letter with none)."""
        if not self.informative:
            return 1.0
        return 1 - len(self.uncovered) / len(self.informative)


def carries_information(doc: Document, sentence: SourceSentence, english: set[int] | None = None) -> bool:
    """True for a letter sentence an Easy Read version should say: not a greeting, sign-off, address or heading,
    nor a paragraph in another language (`english`: the English paragraphs, from `english_paragraphs`)."""
    block = doc.blocks[sentence.block]
    text = sentence.text.strip()
    if block.kind in _NO_INFORMATION or not re.search(r"[A-Za-z0-9]", text) or _GREETING.match(text):
        return False
    if block.kind is BlockKind.SENDER_ADDRESS:
        return bool(_CONTACT.search(text))
    if block.kind is BlockKind.PARAGRAPH and sentence.text.strip() == block.plain_text().strip():
        if heads_a_part(doc, sentence.block):
            return False  # a heading set as a paragraph ("What to do if ..."): the rewriter reads it as one
    english = english_paragraphs(doc) if english is None else english
    return block.kind is not BlockKind.PARAGRAPH or sentence.block in english


def english_paragraphs(doc: Document) -> set[int]:
    """Paragraph blocks in English: the rewriter leaves out the other language of a bilingual letter."""
    from easyread.simplify.language import guess_language

    return {
        i
        for i, b in enumerate(doc.blocks)
        if b.kind is BlockKind.PARAGRAPH
        and (len(b.plain_text().split()) < 5 or guess_language(b.plain_text()).is_english)
    }


def _points(draft) -> list[tuple[int, int, dict]]:
    data = draft.to_dict() if isinstance(draft, EasyReadDocument) else (draft or {})
    return [
        (s, i, p) for s, section in enumerate(data.get("sections", [])) for i, p in enumerate(section.get("points", []))
    ]


def _titles(draft) -> set[str]:
    data = draft.to_dict() if isinstance(draft, EasyReadDocument) else (draft or {})
    names = [data.get("title", "")] + [s.get("heading", "") for s in data.get("sections", [])]
    return {_plain(n) for n in names if n}


def _plain(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def coverage(doc: Document, draft) -> Coverage:
    """Letter sentences that carry information and that no point covers, and points with no source.

    `draft` is an EasyReadDocument or its dict. A sentence that is the draft's title or one of its
    headings counts as covered (the reader sees it as a heading).
    """
    sentences = doc.sentences()
    known = {s.id for s in sentences}
    points = _points(draft)
    cited: set[str] = set()
    out = Coverage(points=len(points))
    for s, i, point in points:
        sources = point.get("sources")
        if sources is None:
            out.not_recorded += 1
        if not sources:
            out.unsourced.append((s, i, point.get("text", "")))
            continue
        cited.update(sources)
        out.unknown.extend(x for x in sources if x not in known and x not in out.unknown)
    titles = _titles(draft)
    english = english_paragraphs(doc)
    for sentence in sentences:
        if not carries_information(doc, sentence, english):
            continue
        out.informative.append(sentence)
        if sentence.id not in cited and _plain(sentence.text.rstrip(":")) not in titles:
            out.uncovered.append(sentence)
    return out

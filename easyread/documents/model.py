"""Plain data for documents: what a reader produces and what a writer consumes.

`Document` is an official letter as read from a file: an ordered list of blocks.
`EasyReadDocument` is the Easy Read version: sections, each a heading and points,
each point one short sentence with an optional picture.

Both are plain dataclasses with `to_dict` / `from_dict` so they can be stored as
JSON by the web app, the job queue and the batch command.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from easyread.documents.sentences import SourceSentence


class BlockKind(str, Enum):
    """What a block is. Letter parts are separate kinds so the rewriter can route them."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"
    SENDER_ADDRESS = "sender_address"
    RECIPIENT_ADDRESS = "recipient_address"
    DATE_LINE = "date_line"
    REFERENCE = "reference"
    SALUTATION = "salutation"
    SIGN_OFF = "sign_off"

    @property
    def is_letter_part(self) -> bool:
        return self in LETTER_PARTS


LETTER_PARTS = frozenset(
    {
        BlockKind.SENDER_ADDRESS,
        BlockKind.RECIPIENT_ADDRESS,
        BlockKind.DATE_LINE,
        BlockKind.REFERENCE,
        BlockKind.SALUTATION,
        BlockKind.SIGN_OFF,
    }
)


@dataclass
class Mark:
    """A formatting mark over characters [start, end) of a block's text."""

    start: int
    end: int
    kind: str  # "bold", "italic", "underline"


@dataclass
class Source:
    """Where a block came from, so findings can point a person back to the original."""

    file: str | None = None
    page: int | None = None  # 1-based page for PDFs
    index: int | None = None  # position among the reader's raw items (paragraph or line number)


@dataclass
class Block:
    """One piece of a letter.

    `level` is the heading level (1-6) for headings and the nesting depth (0-based)
    for list items. `rows` holds a table's cells. `label` holds the label of a
    reference ("Our ref", "Account number"), with `text` its value for references.
    """

    kind: BlockKind
    text: str = ""
    level: int = 0
    ordered: bool = False
    rows: list[list[str]] = field(default_factory=list)
    label: str | None = None
    marks: list[Mark] = field(default_factory=list)
    source: Source = field(default_factory=Source)

    def plain_text(self) -> str:
        """The block's text; tables give their rows one per line, cells split by ' | '."""
        if self.kind is BlockKind.TABLE:
            return "\n".join(" | ".join(cell for cell in row) for row in self.rows)
        if self.kind is BlockKind.REFERENCE and self.label:
            return f"{self.label}: {self.text}"
        return self.text

    def to_dict(self) -> dict:
        data = asdict(self)
        data["kind"] = self.kind.value
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Block:
        return cls(
            kind=BlockKind(data["kind"]),
            text=data.get("text", ""),
            level=data.get("level", 0),
            ordered=data.get("ordered", False),
            rows=[list(r) for r in data.get("rows", [])],
            label=data.get("label"),
            marks=[Mark(**m) for m in data.get("marks", [])],
            source=Source(**data.get("source", {})),
        )


@dataclass
class Document:
    """An official letter as read from a file."""

    blocks: list[Block] = field(default_factory=list)
    title: str = ""
    language: str = "en"
    source_name: str | None = None
    pages: int | None = None

    def text(self) -> str:
        """All blocks' text, one block per paragraph, in reading order."""
        return "\n\n".join(b.plain_text() for b in self.blocks if b.plain_text().strip())

    def body_blocks(self) -> list[Block]:
        """Blocks that carry the letter's message (not addresses, refs, salutation, sign-off)."""
        return [b for b in self.blocks if not b.kind.is_letter_part]

    def letter_parts(self) -> list[Block]:
        return [b for b in self.blocks if b.kind.is_letter_part]

    def word_count(self) -> int:
        return len(self.text().split())

    def sentences(self) -> list[SourceSentence]:
        """Every sentence of every block with text, with its id (see `easyread.documents.sentences`)."""
        from easyread.documents.sentences import SourceSentence, sentence_id, split_block_text

        return [
            SourceSentence(sentence_id(b, n), b, text)
            for b, block in enumerate(self.blocks)
            for n, text in enumerate(split_block_text(block.plain_text()))
        ]

    def sentence_map(self) -> dict[str, str]:
        """Sentence id → sentence text."""
        return {s.id: s.text for s in self.sentences()}

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "language": self.language,
            "source_name": self.source_name,
            "pages": self.pages,
            "blocks": [b.to_dict() for b in self.blocks],
        }

    @classmethod
    def from_dict(cls, data: dict) -> Document:
        return cls(
            blocks=[Block.from_dict(b) for b in data.get("blocks", [])],
            title=data.get("title", ""),
            language=data.get("language", "en"),
            source_name=data.get("source_name"),
            pages=data.get("pages"),
        )


@dataclass
class Picture:
    """A picture beside a point. `path` is a PNG/JPEG/SVG file on disk."""

    path: str | None = None
    alt: str = ""
    credit: str | None = None  # licence credit line, e.g. OpenMoji's CC BY-SA 4.0


@dataclass
class Point:
    """One Easy Read point: a short sentence (or two) and an optional picture.

    `findings` holds check findings as plain dicts (see easyread.checks); `flags`
    holds short machine-readable markers such as "fact-readded" or "meaning-unsupported".
    `sources` holds the ids of the letter sentences the point says (`Document.sentences()`):
    None when the draft did not record them (drafts made before tracing), an empty list
    when the point says nothing from the letter ("Not in the letter").
    """

    text: str
    picture: Picture | None = None
    findings: list[dict] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    source_index: int | None = None  # index of the source block it came from
    sources: list[str] | None = None


@dataclass
class Section:
    heading: str
    points: list[Point] = field(default_factory=list)


@dataclass
class EasyReadDocument:
    """The Easy Read version of a letter, in one language."""

    title: str
    sections: list[Section] = field(default_factory=list)
    language: str = "en"
    credits: list[str] = field(default_factory=list)

    @property
    def direction(self) -> str:
        """'rtl' or 'ltr', from the language's script."""
        from easyread.documents.scripts import direction_of

        return direction_of(self.language)

    def points(self) -> list[Point]:
        return [p for s in self.sections for p in s.points]

    def text(self) -> str:
        """Plain text: headings and points, one per line."""
        lines: list[str] = [self.title, ""] if self.title else []
        for section in self.sections:
            lines.append(section.heading)
            lines.extend(p.text for p in section.points)
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "language": self.language,
            "credits": list(self.credits),
            "sections": [asdict(s) for s in self.sections],
        }

    @classmethod
    def from_dict(cls, data: dict) -> EasyReadDocument:
        sections = []
        for s in data.get("sections", []):
            points = []
            for p in s.get("points", []):
                pic = p.get("picture")
                points.append(
                    Point(
                        text=p["text"],
                        picture=Picture(**pic) if pic else None,
                        findings=list(p.get("findings", [])),
                        flags=list(p.get("flags", [])),
                        source_index=p.get("source_index"),
                        sources=list(p["sources"]) if p.get("sources") is not None else None,
                    )
                )
            sections.append(Section(heading=s["heading"], points=points))
        return cls(
            title=data.get("title", ""),
            sections=sections,
            language=data.get("language", "en"),
            credits=list(data.get("credits", [])),
        )

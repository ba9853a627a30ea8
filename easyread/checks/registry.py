"""The rule registry: each rule is a small function with an id, a message and a suggestion.

A rule gets a `Context` (one sentence, its parse, the glossary, marks and the facts
found in it) and yields `Hit`s; the registry turns them into `Finding`s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from easyread.checks.findings import FAIL, WARN, Finding


@dataclass(frozen=True)
class Options:
    """Thresholds for the rules. Defaults match the settings in easyread.config."""

    sentence_warn_words: int = 15
    sentence_fail_words: int = 20
    paragraph_max_sentences: int = 3
    document_max_words: int = 1000
    document_max_pages: int = 24
    zipf_threshold: float = 3.5
    long_word_syllables: int = 4
    long_word_common_zipf: float = 5.0

    @classmethod
    def from_settings(cls, settings: dict) -> Options:
        """Options from a settings dict (as returned by easyread.config.load_settings)."""
        return cls(
            sentence_warn_words=int(settings.get("CHECK_SENTENCE_WARN_WORDS", cls.sentence_warn_words)),
            sentence_fail_words=int(settings.get("CHECK_SENTENCE_FAIL_WORDS", cls.sentence_fail_words)),
            paragraph_max_sentences=int(settings.get("CHECK_PARAGRAPH_MAX_SENTENCES", cls.paragraph_max_sentences)),
            document_max_words=int(settings.get("CHECK_DOCUMENT_MAX_WORDS", cls.document_max_words)),
            document_max_pages=int(settings.get("CHECK_DOCUMENT_MAX_PAGES", cls.document_max_pages)),
            zipf_threshold=float(settings.get("CHECK_ZIPF_THRESHOLD", cls.zipf_threshold)),
            long_word_syllables=int(settings.get("CHECK_LONG_WORD_SYLLABLES", cls.long_word_syllables)),
            long_word_common_zipf=float(settings.get("CHECK_LONG_WORD_COMMON_ZIPF", cls.long_word_common_zipf)),
        )


class Hit(NamedTuple):
    """Where a rule fired; severity, message and suggestion override the rule's own."""

    start: int
    end: int
    severity: str | None = None
    message: str | None = None
    suggestion: str | None = None


@dataclass
class Context:
    """Everything a sentence rule may look at. Offsets are within `text`."""

    text: str
    span: object = None  # spaCy Span of the sentence (None for paragraph/document rules)
    offset: int = 0  # where `text` starts in the parsed doc, to turn token.idx into our offsets
    glossary: object = None
    terms: list = field(default_factory=list)  # glossary TermMatch in this sentence
    marks: list = field(default_factory=list)  # Mark objects relative to this sentence
    facts: list = field(default_factory=list)  # Fact objects found in this sentence
    options: Options = field(default_factory=Options)
    explained: set = field(default_factory=set)  # acronyms the document explains somewhere
    seen_terms: set = field(default_factory=set)  # glossary terms already flagged in this document
    sentences: list[tuple[int, int]] = field(default_factory=list)  # paragraph rules: sentence spans
    pages: int | None = None  # document rules
    _tokens: list | None = field(default=None, repr=False)

    def tokens(self) -> list:
        """(token, start, end) with offsets in this sentence (worked out once per sentence)."""
        if self._tokens is None:
            self._tokens = [(t, t.idx - self.offset, t.idx - self.offset + len(t.text)) for t in self.span or ()]
        return self._tokens

    def protected(
        self, start: int, end: int, kinds: tuple[str, ...] = ("email", "url", "phone", "postcode", "reference")
    ) -> bool:
        """True if [start, end) overlaps a fact of these kinds (a web address has slashes, a postcode capitals)."""
        return any(f.kind in kinds and f.start < end and start < f.end for f in self.facts)

    def explained_by_glossary(self, start: int, end: int) -> bool:
        return any(t.start <= start and end <= t.end for t in self.terms)


@dataclass(frozen=True)
class Rule:
    id: str
    scope: str  # "sentence" | "paragraph" | "document"
    severity: str
    message: str
    suggestion: str
    fn: Callable[[Context], Iterable[Hit]]

    def run(self, ctx: Context) -> list[Finding]:
        """The rule's findings on one context."""
        out = []
        for hit in self.fn(ctx):
            hit = hit if isinstance(hit, Hit) else Hit(*hit)
            out.append(
                Finding(
                    self.id,
                    hit.severity or self.severity,
                    hit.message or self.message,
                    hit.suggestion or self.suggestion,
                    hit.start,
                    hit.end,
                    ctx.text[hit.start : hit.end],
                )
            )
        return out


REGISTRY: dict[str, Rule] = {}


def rule(rule_id: str, message: str, suggestion: str, *, severity: str = WARN, scope: str = "sentence"):
    """Register a rule function under `rule_id`."""

    def register(fn):
        if rule_id in REGISTRY:
            raise ValueError(f"Rule {rule_id} is registered twice.")
        REGISTRY[rule_id] = Rule(rule_id, scope, severity, message, suggestion, fn)
        return fn

    return register


__all__ = ["FAIL", "WARN", "Context", "Hit", "Options", "REGISTRY", "Rule", "rule"]

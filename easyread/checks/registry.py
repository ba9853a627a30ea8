"""The rule registry: each rule is a small function with an id, a message and a suggestion.

A rule gets a `Context` (one sentence, its parse, the glossary, marks and the facts
found in it) and yields `Hit`s; the registry turns them into `Finding`s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from easyread.checks.findings import FAIL, WARN, Finding

# Each threshold and the setting that holds it; easyread.config declares the settings and their defaults.
_SETTINGS = {
    "sentence_warn_words": "CHECK_SENTENCE_WARN_WORDS",
    "sentence_fail_words": "CHECK_SENTENCE_FAIL_WORDS",
    "paragraph_max_sentences": "CHECK_PARAGRAPH_MAX_SENTENCES",
    "document_max_words": "CHECK_DOCUMENT_MAX_WORDS",
    "document_max_pages": "CHECK_DOCUMENT_MAX_PAGES",
    "zipf_threshold": "CHECK_ZIPF_THRESHOLD",
    "long_word_syllables": "CHECK_LONG_WORD_SYLLABLES",
    "long_word_common_zipf": "CHECK_LONG_WORD_COMMON_ZIPF",
}


@dataclass(frozen=True)
class Options:
    """Thresholds for the rules: the CHECK_* settings. `Options.defaults()` holds their declared defaults."""

    sentence_warn_words: int
    sentence_fail_words: int
    paragraph_max_sentences: int
    document_max_words: int
    document_max_pages: int
    zipf_threshold: float
    long_word_syllables: int
    long_word_common_zipf: float

    @classmethod
    def from_settings(cls, settings) -> Options:
        """Options from the resolved settings (easyread.config.resolved completes a partial dict)."""
        from easyread.config import resolved

        settings = resolved(settings)
        return cls(**{name: settings[key] for name, key in _SETTINGS.items()})

    @classmethod
    def defaults(cls) -> Options:
        """The thresholds at the settings' declared defaults."""
        return cls.from_settings(None)


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

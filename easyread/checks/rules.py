"""Run the Easy Read rules on sentences, paragraphs and whole documents.

Each rule lives in a small module (rules_sentence, rules_words, rules_numbers,
rules_style) and registers itself in `REGISTRY`. Paragraphs are parsed in one
spaCy batch; lines are split first because a line break in a letter always ends
a sentence, even where spaCy would not see it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from easyread.checks import rules_numbers, rules_sentence, rules_style, rules_words  # noqa: F401  (register rules)
from easyread.checks.facts import extract_facts
from easyread.checks.findings import Finding
from easyread.checks.nlp import parse_many
from easyread.checks.registry import REGISTRY, Context, Options
from easyread.checks.rules_words import explained_acronyms
from easyread.checks.textcache import caching
from easyread.documents.model import Mark
from easyread.timelimit import check_time

_LINE = re.compile(r"[^\n]+")


@dataclass
class SentenceCheck:
    """One sentence of a paragraph: its text, where it starts in the paragraph, and its findings."""

    text: str
    start: int
    findings: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "findings": [f.to_dict() for f in self.findings]}


@dataclass
class ParagraphCheck:
    """A paragraph's sentences and the paragraph-level findings (offsets in the paragraph)."""

    text: str
    sentences: list[SentenceCheck] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def all_findings(self) -> list[Finding]:
        """Paragraph findings and every sentence finding, with offsets in the paragraph."""
        return self.findings + [f.shifted(s.start) for s in self.sentences for f in s.findings]


def _rules(scope: str):
    return [r for r in REGISTRY.values() if r.scope == scope]


def _glossary(glossary):
    if glossary is None:
        from easyread.glossary import default_glossary

        return default_glossary()
    return glossary


def _sentence_spans(docs_by_line):
    """(start, end, span, offset) of each sentence across the lines of one paragraph."""
    for line_start, doc in docs_by_line:
        for sent in doc.sents:
            text = sent.text
            if text.strip():
                yield line_start + sent.start_char, line_start + sent.end_char, sent, sent.start_char


def check_paragraphs(
    paragraphs: list[str],
    *,
    glossary=None,
    marks: list[list[Mark]] | None = None,
    options: Options | None = None,
    explained: set[str] | None = None,
) -> list[ParagraphCheck]:
    """Check many paragraphs in one spaCy batch. `marks[i]` are paragraph i's formatting marks."""
    glossary, options = _glossary(glossary), options or Options.defaults()
    explained = explained if explained is not None else explained_acronyms("\n".join(paragraphs))
    seen_terms: set[str] = set()
    lines = [(i, m.start(), m.group(0)) for i, p in enumerate(paragraphs) for m in _LINE.finditer(p)]
    docs = parse_many([text for _, _, text in lines])
    per_paragraph: dict[int, list] = {}
    for (index, start, _), doc in zip(lines, docs):
        per_paragraph.setdefault(index, []).append((start, doc))
    # One fact scan for all paragraphs: a scan has a fixed cost per call.
    all_facts, starts, pos = extract_facts("\n\n".join(paragraphs)), [], 0
    for paragraph in paragraphs:
        starts.append(pos)
        pos += len(paragraph) + 2
    results = []
    for index, paragraph in enumerate(paragraphs):
        base = starts[index]
        facts = [_shift_fact(f, -base) for f in all_facts if base <= f.start and f.end <= base + len(paragraph)]
        paragraph_marks = (marks[index] if marks and index < len(marks) else None) or []
        check = ParagraphCheck(paragraph)
        for start, end, span, offset in _sentence_spans(per_paragraph.get(index, [])):
            ctx = Context(
                text=paragraph[start:end],
                span=span,
                offset=offset,
                glossary=glossary,
                terms=glossary.find(paragraph[start:end]),
                marks=[
                    Mark(max(m.start, start) - start, min(m.end, end) - start, m.kind)
                    for m in paragraph_marks
                    if m.start < end and start < m.end
                ],
                facts=[_shift_fact(f, -start) for f in facts if start <= f.start and f.end <= end],
                options=options,
                explained=explained,
                seen_terms=seen_terms,
            )
            check_time()  # a task's time limit (easyread.timelimit); nothing outside a task
            findings = [f for r in _rules("sentence") for f in r.run(ctx)]
            check.sentences.append(SentenceCheck(ctx.text, start, sorted(findings, key=lambda f: (f.start, f.rule_id))))
        pctx = Context(
            text=paragraph, options=options, sentences=[(s.start, s.start + len(s.text)) for s in check.sentences]
        )
        check.findings = [f for r in _rules("paragraph") for f in r.run(pctx)]
        results.append(check)
    return results


def _shift_fact(fact, delta):
    return replace(fact, start=fact.start + delta, end=fact.end + delta)


def check_paragraph(
    paragraph: str, *, glossary=None, marks: list[Mark] | None = None, options: Options | None = None
) -> ParagraphCheck:
    """Check one paragraph: each sentence, then the paragraph as a whole."""
    return check_paragraphs([paragraph], glossary=glossary, marks=[marks or []], options=options)[0]


def check_sentence(
    sentence: str, *, glossary=None, marks: list[Mark] | None = None, options: Options | None = None
) -> list[Finding]:
    """Findings of the sentence-level rules on one sentence (offsets in `sentence`).

    If spaCy reads the text as more than one sentence, each is checked and the
    offsets still point into `sentence`.
    """
    check = check_paragraph(sentence, glossary=glossary, marks=marks, options=options)
    return [f.shifted(s.start) for s in check.sentences for f in s.findings]


def check_document_text(text: str, *, pages: int | None = None, options: Options | None = None) -> list[Finding]:
    """Document-level findings: too many words or pages."""
    ctx = Context(text=text, options=options or Options.defaults(), pages=pages)
    return [f for r in _rules("document") for f in r.run(ctx)]


def prepare(texts: list[str]) -> None:
    """Parse the lines of many texts in one spaCy batch, so the checks and splits of each that follow find their
    parses in the cache (easyread.checks.nlp): a batch parses a text about twice as fast as a parse on its own."""
    if caching():
        parse_many(list(dict.fromkeys(m.group(0) for text in texts for m in _LINE.finditer(text))))


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, as the checks see them (spaCy's parse; a line break always ends one)."""
    lines = [m.group(0) for m in _LINE.finditer(text)]
    return [s.text for doc in parse_many(lines) for s in doc.sents if s.text.strip()]

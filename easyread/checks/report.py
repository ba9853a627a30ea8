"""The check report: findings per sentence, document metrics, facts, a score and a gate.

`check_document` checks an original letter; `check_draft` checks an Easy Read draft
(and, given the source text, runs the fact lock against it). The gate passes when no
rule fails and no fact was lost, changed or invented.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from easyread.checks.facts import Fact, FactComparison, compare_facts, extract_facts
from easyread.checks.findings import FAIL, WARN, Finding
from easyread.checks.readability import metrics
from easyread.checks.registry import Options
from easyread.checks.rules import ParagraphCheck, check_document_text, check_paragraphs
from easyread.documents.model import BlockKind, Document, EasyReadDocument

FAIL_PENALTY, WARN_PENALTY = 25, 5  # per finding, in a sentence scored out of 100
DOC_FAIL_PENALTY, DOC_WARN_PENALTY, FACT_PENALTY = 10, 2, 10  # taken off the document score


@dataclass
class Part:
    """One checked paragraph or point, with where it came from."""

    label: str  # "Paragraph 3", "Section 'Paying' point 2"
    check: ParagraphCheck


@dataclass
class Report:
    parts: list[Part] = field(default_factory=list)
    document_findings: list[Finding] = field(default_factory=list)
    metrics: dict = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    comparison: FactComparison | None = None
    language: str = "en"

    def findings(self) -> list[Finding]:
        """Every finding: sentence, paragraph and document."""
        return [f for p in self.parts for f in p.check.all_findings()] + self.document_findings

    def counts(self) -> dict[str, int]:
        found = self.findings()
        return {"fail": sum(f.severity == FAIL for f in found), "warn": sum(f.severity == WARN for f in found)}

    @property
    def passed(self) -> bool:
        """No fail finding, and no fact lost, changed or invented."""
        return self.counts()["fail"] == 0 and (self.comparison is None or self.comparison.ok)

    @property
    def score(self) -> int:
        """0–100: the mean sentence score, less points for paragraph, document and fact problems."""
        sentences = [s for p in self.parts for s in p.check.sentences]
        per_sentence = [
            max(
                0,
                100
                - FAIL_PENALTY * sum(f.severity == FAIL for f in s.findings)
                - WARN_PENALTY * sum(f.severity == WARN for f in s.findings),
            )
            for s in sentences
        ]
        score = sum(per_sentence) / len(per_sentence) if per_sentence else 100.0
        wider = [f for p in self.parts for f in p.check.findings] + self.document_findings
        score -= sum(
            DOC_FAIL_PENALTY if f.severity == FAIL else DOC_WARN_PENALTY
            for f in wider
            if not f.rule_id.startswith("fact-")
        )
        if self.comparison is not None:
            c = self.comparison
            score -= FACT_PENALTY * (len(c.lost) + len(c.changed) + len(c.invented))
        return int(round(min(100.0, max(0.0, score))))

    def to_dict(self) -> dict:
        return {
            "passed": self.passed,
            "score": self.score,
            "counts": self.counts(),
            "language": self.language,
            "parts": [
                {
                    "label": p.label,
                    "text": p.check.text,
                    "findings": [f.to_dict() for f in p.check.findings],
                    "sentences": [s.to_dict() for s in p.check.sentences],
                }
                for p in self.parts
            ],
            "document_findings": [f.to_dict() for f in self.document_findings],
            "metrics": self.metrics,
            "facts": [f.to_dict() for f in self.facts],
            "fact_lock": self.comparison.to_dict() if self.comparison is not None else None,
        }


def _metrics(texts: list[str], parts: list[Part]) -> dict:
    return metrics("\n".join(texts), sentences=[s.text for p in parts for s in p.check.sentences])


def check_document(doc: Document, *, glossary=None, options: Options | None = None) -> Report:
    """Check an original letter: its body paragraphs, headings and list items (not addresses or refs)."""
    blocks = [b for b in doc.body_blocks() if b.kind is not BlockKind.TABLE and b.text.strip()]
    english = (doc.language or "en").startswith("en")
    checks = (
        check_paragraphs([b.text for b in blocks], glossary=glossary, marks=[b.marks for b in blocks], options=options)
        if english
        else []
    )
    parts = [
        Part(f"{b.kind.value.replace('_', ' ').capitalize()} {i + 1}", c)
        for i, (b, c) in enumerate(zip(blocks, checks))
    ]
    body = "\n\n".join(b.text for b in blocks)
    return Report(
        parts=parts,
        document_findings=check_document_text(body, pages=doc.pages, options=options),
        metrics=_metrics([b.text for b in blocks], parts) if english else {},
        facts=extract_facts(doc.text(), doc.language or "en"),
        language=doc.language or "en",
    )


LETTER_PART = "letter-part"  # the flag easyread.documents.identity puts on a point that keeps a letter part


def check_draft(
    draft: EasyReadDocument,
    source_text: str | None = None,
    *,
    glossary=None,
    options: Options | None = None,
    source_language: str = "en",
) -> Report:
    """Check an Easy Read draft, point by point, and fill each Point's `findings` with dicts
    (offsets in the point's text). With `source_text`, run the fact lock too: a changed or
    invented fact is a finding on the point that holds it; a lost fact is a document finding."""
    points = [(section, index, point) for section in draft.sections for index, point in enumerate(section.points)]
    english = (draft.language or "en").startswith("en")
    checks = (
        check_paragraphs([p.text for _, _, p in points], glossary=glossary, options=options)
        if english
        else [ParagraphCheck(p.text) for _, _, p in points]
    )
    # An address, date, reference or sign-off kept word for word is not Easy Read prose:
    # only the fact lock applies to it.
    checks = [ParagraphCheck(p.text) if LETTER_PART in p.flags else c for (_, _, p), c in zip(points, checks)]
    parts = [Part(f"{s.heading or 'Section'}: point {i + 1}", c) for (s, i, _), c in zip(points, checks)]
    text, offsets = _draft_text(draft)
    report = Report(
        parts=parts,
        metrics=_metrics([p.text for _, _, p in points], parts) if english else {},
        language=draft.language or "en",
    )
    report.document_findings = check_document_text(text, options=options)
    report.facts = extract_facts(text, draft.language or "en")
    if source_text is not None:
        report.comparison = compare_facts(
            source_text, text, source_language=source_language, draft_language=draft.language or "en"
        )
        _fact_findings(report, parts, offsets)
    for (_, _, point), part in zip(points, parts):
        point.findings = [f.to_dict() for f in part.check.all_findings()]
    return report


def _draft_text(draft: EasyReadDocument) -> tuple[str, list[tuple[int, int]]]:
    """The draft as one text (title, headings, points, one per line) and each point's span in it."""
    chunks, offsets, pos = [], [], 0
    for line, is_point in [(draft.title, False)] + [
        x for s in draft.sections for x in [(s.heading, False)] + [(p.text, True) for p in s.points]
    ]:
        if is_point:
            offsets.append((pos, pos + len(line)))
        chunks.append(line)
        pos += len(line) + 1
    return "\n".join(chunks), offsets


def _fact_findings(report: Report, parts: list[Part], offsets: list[tuple[int, int]]) -> None:
    comparison = report.comparison

    def place(fact: Fact, finding: Finding) -> None:
        for part, (start, end) in zip(parts, offsets):
            if start <= fact.start and fact.end <= end:
                part.check.findings.append(finding.shifted(-start))
                return
        report.document_findings.append(finding)

    for fact in comparison.invented:
        place(
            fact,
            Finding(
                "fact-invented",
                FAIL,
                f"'{fact.text}' is not in the original letter.",
                "Check this fact. Take it out if the letter does not say it.",
                fact.start,
                fact.end,
                fact.text,
            ),
        )
    for src, dft in comparison.changed:
        place(
            dft,
            Finding(
                "fact-changed",
                FAIL,
                f"The original letter says '{src.text}', not '{dft.text}'.",
                f"Write '{src.text}'.",
                dft.start,
                dft.end,
                dft.text,
            ),
        )
    for fact in comparison.left_out:
        report.document_findings.append(
            Finding(
                "legal-left-out",
                WARN,
                f"The draft leaves out '{fact.text}', which the letter cites.",
                "That is fine if the reader does not need it to act; keep it if they do.",
                0,
                0,
                fact.text,
            )
        )
    for fact in comparison.lost:
        report.document_findings.append(
            Finding(
                "fact-lost",
                FAIL,
                f"'{fact.text}' ({fact.kind}) from the original letter is missing.",
                f"Add '{fact.text}' back.",
                0,
                0,
                fact.text,
            )
        )


from easyread.checks.render import render_html_fragment, render_terminal  # noqa: E402  (re-exported for callers)

__all__ = ["Report", "check_document", "check_draft", "render_html_fragment", "render_terminal"]

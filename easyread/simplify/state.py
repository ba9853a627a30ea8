"""The rewriter's working state for one letter: its plan and its sentences so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from easyread.documents.model import Document
from easyread.simplify import checking
from easyread.simplify.plan import LetterPlan


@dataclass
class Line:
    """One Easy Read sentence on its way to becoming a point.

    `unit` is the index of the plan unit it came from (None for summary, details
    and re-added facts). `findings` are the sentence rules' findings; `extra` holds
    findings the rewriter adds itself (meaning check, re-added fact) as dicts.
    """

    text: str
    unit: int | None = None
    findings: list = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    extra: list[dict] = field(default_factory=list)
    section: str | None = None  # forced section key, else routed by content
    source_index: int | None = None
    sources: list[str] = field(default_factory=list)  # ids of the letter sentences it says (Document.sentences())
    # The letter's own words this line says in plainer words (a cut, easyread.simplify.condition_cuts): what takes its
    # place when the meaning check faults it or cannot confirm it.
    cut: str = ""

    @property
    def fails(self) -> list:
        return checking.failures(self.findings)

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def summary(self) -> bool:
        """The one-line summary of the letter ("What this letter is about"), traced to its opening sentences."""
        return self.unit is None and self.section == "about" and "fact-readded" not in self.flags


@dataclass
class LetterInProgress:
    """One letter going through the pipeline."""

    doc: Document
    plan: LetterPlan | None = None
    lines: list[Line] = field(default_factory=list)
    summary: str = ""
    notes: list[str] = field(default_factory=list)
    already_easy: bool = False
    error: Exception | None = None
    # Lines the meaning check faulted, and what became of them: "found", "left_out" (before any repair: the other
    # lines of the sentence say it), "repaired", "fell_back".
    meaning_counts: dict[str, int] = field(default_factory=dict)

    def unit_lines(self, unit: int) -> list[Line]:
        return [line for line in self.lines if line.unit == unit]

    def unit_text(self, unit: int) -> str:
        return " ".join(line.text for line in self.unit_lines(unit))


def add_finding(line: Line, rule_id: str, severity: str, message: str, suggestion: str = "") -> None:
    """Attach a rewriter finding (same shape as the checks' findings) to a line."""
    line.extra.append(
        {
            "rule_id": rule_id,
            "severity": severity,
            "message": message,
            "suggestion": suggestion,
            "start": 0,
            "end": len(line.text),
            "text": line.text,
        }
    )


def merge_sources(*lists: list[str] | None) -> list[str]:
    """The union of several lines' sources, in letter order (the order of sentence ids)."""
    merged = {s for sources in lists for s in (sources or [])}
    return sorted(merged, key=_sentence_order)


def _sentence_order(sid: str) -> tuple:
    head, _, tail = sid.partition(".")
    return (int(head), int(tail)) if head.isdigit() and tail.isdigit() else (10**9, 0)

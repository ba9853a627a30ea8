"""A finding: one rule that fired on one stretch of a sentence."""

from __future__ import annotations

from dataclasses import asdict, dataclass

FAIL = "fail"
WARN = "warn"


@dataclass
class Finding:
    """A rule that fired. `start`/`end` are character offsets in the sentence checked
    (in the point or paragraph when a report hands findings on), `text` the words at fault."""

    rule_id: str
    severity: str  # "fail" | "warn"
    message: str
    suggestion: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        """Plain dict for JSON and for `Point.findings`."""
        return asdict(self)

    def shifted(self, offset: int) -> Finding:
        """The same finding with offsets moved by `offset` (sentence → paragraph)."""
        return Finding(
            self.rule_id,
            self.severity,
            self.message,
            self.suggestion,
            self.start + offset,
            self.end + offset,
            self.text,
        )

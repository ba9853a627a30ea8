"""The approval gate: what is still wrong with a draft version before staff approve it or send it for review.

    problems = gate.open_problems(version.draft, version.report)
    gate.require_confirmation(problems, request.form.get("confirm"))   # raises NeedsConfirmation

An open problem is a failing check finding (the fact lock's lost, changed and invented
facts among them) or a point marked for a person (flags such as "meaning-contradicts",
"meaning-unsupported", "meaning-fallback" or "fact-readded"). A version with open
problems is approved only with a confirmation naming exactly those problems: the
confirmation carries a fingerprint of the list, so ticking the box for one version
(or before a later edit) does not approve another.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass

# Flags a point carries when the rewriter could not vouch for it: a person must read it against the letter.
MARK_PREFIXES = ("meaning-", "fact-")
FLAG_MESSAGES = {
    "meaning-contradicts": "This may say the opposite of the letter.",
    "meaning-unsupported": "This may say something the letter does not say.",
    "meaning-fallback": "The letter's own words were kept here because the rewrite could not be checked.",
    "fact-readded": "A fact the rewrite lost was put back here in the letter's words.",
}


class NeedsConfirmation(ValueError):
    """Approval refused: the version has open problems and the person has not confirmed they checked them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(
            f"Version has {len(problems)} open problem{'s' if len(problems) != 1 else ''}. "
            "Check them, then confirm that the letter is right."
        )


@dataclass(frozen=True)
class Problem:
    """One thing a person must check before the version goes out."""

    kind: str  # "fact" (the fact lock), "meaning" (meaning check or a flag), "check" (another failing rule)
    rule_id: str  # the finding's rule or the point's flag
    where: str  # "Paying, point 2" or "Whole letter"
    point_text: str  # the point's words ("" for the whole letter)
    message: str  # one sentence for staff

    def summary(self) -> str:
        """One line naming the problem, as shown to staff and kept in the audit record."""
        return f"{self.where}: {self.message}"

    def to_dict(self) -> dict:
        return asdict(self)


def _kind(rule_id: str) -> str:
    if rule_id.startswith("fact-"):
        return "fact"
    if rule_id.startswith("meaning-"):
        return "meaning"
    return "check"


def _where(heading: str, s: int, i: int) -> str:
    return f"{heading or f'Section {s + 1}'}, point {i + 1}"


def open_problems(draft: dict | None, report: dict | None) -> list[Problem]:
    """Every open problem of a version, in reading order, each once: failing findings and fact-lock
    problems per point, marked points, then the whole letter's failing findings (a lost fact is there)."""
    out: list[Problem] = []
    seen: set[tuple] = set()

    def add(problem: Problem) -> None:
        key = (problem.rule_id, problem.where, problem.message)
        if key not in seen:
            seen.add(key)
            out.append(problem)

    for s, section in enumerate((draft or {}).get("sections", [])):
        for i, point in enumerate(section.get("points", [])):
            where, text = _where(section.get("heading", ""), s, i), point.get("text", "")
            for finding in point.get("findings") or []:
                if finding.get("severity") == "fail":
                    rule_id = finding.get("rule_id", "")
                    add(Problem(_kind(rule_id), rule_id, where, text, finding.get("message", "")))
            for flag in point.get("flags") or []:
                if flag.startswith(MARK_PREFIXES):
                    message = FLAG_MESSAGES.get(flag, f"Marked for a person to check ({flag}).")
                    add(Problem(_kind(flag), flag, where, text, message))
    for finding in (report or {}).get("document_findings") or []:
        if finding.get("severity") == "fail":
            rule_id = finding.get("rule_id", "")
            add(Problem(_kind(rule_id), rule_id, "Whole letter", "", finding.get("message", "")))
    return out


def marked_points(problems: list[Problem]) -> list[dict]:
    """The points that have problems, once each with their problems: [{"where", "text", "problems"}]."""
    grouped: dict[str, dict] = {}
    for problem in problems:
        if problem.point_text:
            entry = grouped.setdefault(
                problem.where, {"where": problem.where, "text": problem.point_text, "problems": []}
            )
            entry["problems"].append(problem)
    return list(grouped.values())


def needs_confirmation(problems: list[Problem]) -> bool:
    """True when approving needs the person's explicit confirmation."""
    return bool(problems)


def fingerprint(problems: list[Problem]) -> str:
    """A short code for exactly this list of problems: the value the confirmation box sends."""
    joined = "\n".join(f"{p.rule_id}|{p.where}|{p.message}" for p in problems)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def require_confirmation(problems: list[Problem], confirmation: str | None) -> None:
    """Raise NeedsConfirmation unless there is nothing open or `confirmation` names exactly these problems."""
    if needs_confirmation(problems) and (confirmation or "") != fingerprint(problems):
        raise NeedsConfirmation(problems)


def summary(version_report: dict | None, problems: list[Problem]) -> dict:
    """What staff see before approving or sending: score, passed, counts of problems by kind."""
    report = version_report or {}
    counts = {"fact": 0, "meaning": 0, "check": 0}
    for problem in problems:
        counts[problem.kind] += 1
    return {
        "score": report.get("score"),
        "passed": report.get("passed"),
        "counts": counts,
        "total": len(problems),
        "checked": bool(report),
    }

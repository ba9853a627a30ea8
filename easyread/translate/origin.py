"""Where a translated point's words came from, and whether a fluent speaker approved them.

Kept on the point itself so it travels with the draft (JSON files, versions, XLIFF):
the origin is one finding of check "translation-origin" (engine, memory with its match
percentage, or a person) and approval is the flag "translation-approved".
"""

from __future__ import annotations

from easyread.documents.model import Point

ORIGIN_CHECK = "translation-origin"
FLAG_APPROVED = "translation-approved"
ENGINE, MEMORY, FUZZY, PERSON = "engine", "memory", "fuzzy", "person"


def set_origin(point: Point, origin: str, *, match: int | None = None, by: str = "", diff: str = "") -> None:
    """Record that `point`'s text came from `origin` (ENGINE, MEMORY, FUZZY or PERSON)."""
    point.findings = [f for f in point.findings if f.get("check") != ORIGIN_CHECK]
    finding = {"check": ORIGIN_CHECK, "level": "info", "origin": origin, "message": describe(origin, match, by)}
    if match is not None:
        finding["match"] = int(match)
    if by:
        finding["by"] = by
    if diff:
        finding["diff"] = diff
    point.findings.append(finding)


def origin_of(point: Point | dict) -> dict:
    """The origin finding of a point (a Point or its dict); {"origin": "engine"} when none was recorded."""
    findings = point.get("findings") if isinstance(point, dict) else point.findings
    for finding in findings or []:
        if finding.get("check") == ORIGIN_CHECK:
            return finding
    return {"check": ORIGIN_CHECK, "origin": ENGINE, "message": describe(ENGINE, None, "")}


def describe(origin: str, match: int | None, by: str) -> str:
    """ "Translation memory (exact)", "Translation memory (87% match)", "Machine translation", "A person (Ana)"."""
    if origin == MEMORY:
        return "Translation memory (exact match)"
    if origin == FUZZY:
        return f"Translation memory ({match}% match): check the marked words"
    if origin == PERSON:
        return f"A person ({by})" if by else "A person"
    return "Machine translation"


def is_approved(point: Point | dict) -> bool:
    """True when a fluent speaker approved the point's translation."""
    flags = point.get("flags") if isinstance(point, dict) else point.flags
    return FLAG_APPROVED in (flags or [])


def approve(point: Point, approved: bool = True) -> None:
    """Mark (or unmark) `point` as approved by a fluent speaker."""
    point.flags = [f for f in point.flags if f != FLAG_APPROVED] + ([FLAG_APPROVED] if approved else [])


CHECKED = "Checked by a fluent speaker"
NOT_CHECKED = "Machine draft: not checked"


def review_status(draft: dict) -> str:
    """What a translation's downloads say on their first page: CHECKED when a fluent speaker approved every point."""
    points = [p for s in draft.get("sections", []) for p in s.get("points", [])]
    return CHECKED if points and all(is_approved(p) for p in points) else NOT_CHECKED

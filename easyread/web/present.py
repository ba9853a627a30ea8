"""What the document pages show, worked out from stored drafts and reports (no Flask requests here).

Every piece of letter or model text is escaped: only `highlighted` is markup, and
it is made by escaping the text first (easyread.checks.render).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from easyread.checks.findings import FAIL, WARN, Finding
from easyread.checks.render import _highlight

STATUS_TAG = {
    "ok": ("govuk-tag--green", "No problems"),
    "warn": ("govuk-tag--yellow", "Check"),
    "fail": ("govuk-tag--red", "Must fix"),
}
DOC_STATUS = {
    "queued": ("govuk-tag--grey", "Waiting"),
    "running": ("govuk-tag--blue", "Working"),
    "done": ("govuk-tag--green", "Draft ready"),
    "failed": ("govuk-tag--red", "Failed"),
}
STAGES = {
    "waiting": "Waiting for a worker",
    "read": "Reading the letter",
    "lay out": "Laying out the letter",
    "plan": "Planning the Easy Read",
    "rewrite": "Writing Easy Read",
    "fact lock": "Checking no fact is lost",
    "rewrite check": "Checking the new sentences",
    "first draft": "First draft ready: checking it",
    "best-of-N": "Trying other ways to say hard sentences",
    "fact lock and report": "Checking the facts",
    "pictures": "Choosing pictures",
    "check": "Checking the draft",
    "done": "Finished",
    "failed": "Stopped",
}


@dataclass(frozen=True)
class FirstDraft:
    """The draft the task stored before its checks ended, shown where a version would be (number 0, never saved).
    Has the fields of a `DraftVersion` that the draft page reads."""

    draft: dict
    report: dict
    note: str
    number: int = 0


def first_draft(doc) -> FirstDraft | None:
    """The draft stored while the task still checks it, or None.

    Only while the task runs: once it ends, the checked draft is the letter's version."""
    first = (doc.progress or {}).get("first_draft") if doc.status == "running" else None
    if not first:
        return None
    return FirstDraft(draft=first.get("draft") or {}, report=first.get("report") or {}, note=first.get("note", ""))


def _stage_words(stage: str) -> str:
    if stage in STAGES:
        return STAGES[stage]
    if stage.startswith("repair"):
        return "Fixing sentences that fail the checks"
    if "meaning" in stage:
        return "Checking the meaning"
    if stage.startswith("translate"):
        return f"Translating ({stage.removeprefix('translate').strip() or 'starting'})"
    return f"Writing Easy Read ({stage})"


def progress_text(doc) -> str:
    """One line about where a letter's task is, for people."""
    progress = doc.progress or {}
    if doc.status == "failed":
        return "Stopped"
    if doc.status == "done":
        return "Draft ready"
    stage = progress.get("stage") or "waiting"
    words = _stage_words(stage)
    if (progress.get("task") or {}).get("kind") == "point" and doc.status in ("queued", "running"):
        words = "Making a point again" if stage != "waiting" else "Waiting to make a point again"
    percent = int(progress.get("percent", 0))
    return f"{words}: {percent}% done" if doc.status == "running" else words


def _findings(raw: list[dict]) -> list[Finding]:
    out = []
    for f in raw or []:
        try:
            out.append(
                Finding(
                    f["rule_id"],
                    f.get("severity", WARN),
                    f.get("message", ""),
                    f.get("suggestion", ""),
                    int(f.get("start", 0)),
                    int(f.get("end", 0)),
                    f.get("text", ""),
                )
            )
        except (KeyError, TypeError, ValueError):
            continue
    return out


def sentence_anchor(sentence_id: str) -> str:
    """The HTML id of a letter sentence in the original column ("sentence-4-1" for "4.1")."""
    return "sentence-" + str(sentence_id).replace(".", "-")


def trace_view(point: dict, sentences: dict[str, str] | None) -> dict:
    """Where a point comes from: "recorded" with its sentences, "none" ([]: not in the letter) or "unknown" (None)."""
    sources = point.get("sources")
    if sources is None:
        return {"state": "unknown", "sentences": []}
    if not sources:
        return {"state": "none", "sentences": []}
    return {
        "state": "recorded",
        "sentences": [
            {"id": sid, "anchor": sentence_anchor(sid), "text": (sentences or {}).get(sid)} for sid in sources
        ],
    }


def original_view(letter) -> list[dict]:
    """The letter's blocks with their sentences, each with an id to link to and highlight."""
    if letter is None:
        return []
    blocks: dict[int, list[dict]] = {}
    at: dict[int, int] = {}
    for sentence in letter.sentences():
        # Keep the letter's own line breaks (addresses, lists, table rows) between sentences; else a space.
        text = letter.blocks[sentence.block].plain_text()
        end = text.find(sentence.text, at.get(sentence.block, 0))
        end = end + len(sentence.text) if end >= 0 else at.get(sentence.block, 0)
        at[sentence.block] = end
        rest = text[end:]
        gap = rest[: len(rest) - len(rest.lstrip())]  # the white space after the sentence
        blocks.setdefault(sentence.block, []).append(
            {
                "id": sentence.id,
                "anchor": sentence_anchor(sentence.id),
                "text": sentence.text,
                "sep": "\n" if "\n" in gap else " ",
            }
        )
    return [
        {"index": i, "heading": letter.blocks[i].kind.value == "heading", "sentences": blocks[i]}
        for i in sorted(blocks)
    ]


def uncovered_view(letter, draft: dict) -> list[dict]:
    """Letter sentences that carry information and that no point says ("Not in the Easy Read yet")."""
    from easyread.simplify.trace import coverage

    if letter is None or not draft:
        return []
    return [{"id": s.id, "anchor": sentence_anchor(s.id), "text": s.text} for s in coverage(letter, draft).uncovered]


def point_view(section: int, index: int, point: dict, picture_url, sentences: dict[str, str] | None = None) -> dict:
    findings = _findings(point.get("findings"))
    severities = {f.severity for f in findings}
    status = "fail" if FAIL in severities else "warn" if WARN in severities else "ok"
    picture = point.get("picture") or None
    return {
        "section": section,
        "index": index,
        "number": index + 1,
        "key": f"{section}-{index}",
        "text": point.get("text", ""),
        "highlighted": Markup(_highlight(point.get("text", ""), findings)),
        "status": status,
        "tag": STATUS_TAG[status],
        "findings": sorted(findings, key=lambda f: (f.severity != FAIL, f.start)),
        "flags": point.get("flags") or [],
        "source_index": point.get("source_index"),
        "trace": trace_view(point, sentences),
        "picture": picture,
        "picture_url": picture_url(section, index) if picture and picture.get("path") else None,
    }


def draft_view(doc, version, letter=None) -> dict:
    """Sections and points of a version, with traffic lights, highlighted words and where each point comes from.

    `letter` is the original Document (None when it cannot be read): it gives the words of each point's
    source sentences and the sentences no point says yet.
    """
    from flask import url_for

    def picture_url(section: int, index: int) -> str:
        return url_for("documents.point_picture", doc_id=doc.id, number=version.number, section=section, index=index)

    draft = version.draft or {}
    report = version.report or {}
    sections = []
    sentences = letter.sentence_map() if letter is not None else None
    for s, section in enumerate(draft.get("sections", [])):
        points = [point_view(s, i, p, picture_url, sentences) for i, p in enumerate(section.get("points", []))]
        sections.append({"index": s, "number": s + 1, "heading": section.get("heading", ""), "points": points})
    counts = report.get("counts") or {"fail": 0, "warn": 0}
    return {
        "title": draft.get("title", ""),
        "sections": sections,
        "credits": draft.get("credits", []),
        "passed": report.get("passed"),
        "score": report.get("score"),
        "counts": counts,
        "document_findings": _findings(report.get("document_findings")),
        "total_points": sum(len(s["points"]) for s in sections),
        "original": original_view(letter),
        "uncovered": uncovered_view(letter, draft),
    }


def fact_rows(report: dict) -> list[dict]:
    """The fact lock as table rows: each fact of the letter and what happened to it in the draft."""
    lock = (report or {}).get("fact_lock")
    if not lock:
        return [
            {
                "kind": f.get("kind", ""),
                "original": "",
                "draft": f.get("text", ""),
                "state": ("govuk-tag--grey", "In draft"),
            }
            for f in (report or {}).get("facts", [])
        ]
    rows = [
        {
            "kind": f.get("kind", ""),
            "original": f.get("text", ""),
            "draft": f.get("text", ""),
            "state": ("govuk-tag--green", "Kept"),
        }
        for f in lock.get("kept", [])
    ]
    rows += [
        {
            "kind": c["source"].get("kind", ""),
            "original": c["source"].get("text", ""),
            "draft": c["draft"].get("text", ""),
            "state": ("govuk-tag--red", "Changed"),
        }
        for c in lock.get("changed", [])
    ]
    rows += [
        {"kind": f.get("kind", ""), "original": f.get("text", ""), "draft": "", "state": ("govuk-tag--red", "Missing")}
        for f in lock.get("lost", [])
    ]
    rows += [
        {"kind": f.get("kind", ""), "original": "", "draft": f.get("text", ""), "state": ("govuk-tag--red", "Invented")}
        for f in lock.get("invented", [])
    ]
    return rows

"""Put each sentence under the heading a reader looks for.

Order, from the common Easy Read letter layout: what the letter is about, what
you need to do, important dates, who to contact, then the rest under the
letter's own headings (or "More information"), and last "Your details"
(reference numbers, the date of the letter) copied word for word.
"""

from __future__ import annotations

import re

from easyread.documents.model import EasyReadDocument, Point, Section
from easyread.simplify import checking
from easyread.simplify.state import LetterInProgress, Line

HEADINGS = {
    "about": "What this letter is about",
    "do": "What you need to do",
    "dates": "Important dates",
    "contact": "Who to contact",
    "more": "More information",
    "details": "Your details",
}
_DO = re.compile(
    r"\bplease\b|^(pay\b|call\b|phone\b|tell\b|send\b|bring\b|contact\b|write\b|fill\b|go\b|come\b|make sure\b|ask\b|apply\b|return\b|keep\b|put\b|read\b|check\b)"
    r"|\b(you must|you need to|you have to|you should|you will need to|you can ask|you can appeal|you can pay)\b"
    r"|\bit is (essential|important|vital)( that)? you\b",
    re.I,
)
_CONTACT = re.compile(r"\b(phone|call|ring|email|e-mail|contact us|website|write to|visit|online at)\b", re.I)
_CONTACT_FACT = re.compile(r"@|www\.|\b0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b")
_DATE = re.compile(
    r"\b\d{1,2}\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b\d{1,2}(:\d\d)?(am|pm)\b|\bmidday\b",
    re.I,
)


# A sentence whose subject is a bare pronoun says it of the sentence before.
_PRONOUN = re.compile(r"^(it|this|that|they|these|those|he|she)\b(?!\s+(letter|is\s+about)\b)", re.I)


# A date or time said on its own ("On 12 May, 2026.", "Time 10am"): the letter gives it for what the line before says.
# Routed alone to Important dates, a hospital letter's two dates lost which was the admission and which the
# assessment (King's letter 11).
_WHEN_ONLY = re.compile(r"^(on|at|time|from|between)\b[^.!?]{0,40}[.!?]?$", re.I)


def route(line: Line, first_units: set[int]) -> str:
    """The section key for one sentence."""
    if line.section:
        return line.section
    text = line.text
    if _CONTACT_FACT.search(text) and _CONTACT.search(text):
        return "contact"
    if _DO.search(text):
        return "do"
    if _DATE.search(text):
        return "dates"
    if _CONTACT_FACT.search(text):
        return "contact"
    if line.unit in first_units:
        return "about"
    return "more"


def _runs(lines: list[Line]) -> list[list[Line]]:
    """The lines in runs that say one letter sentence: each line of a run shares a traced sentence with the one before.

    A run is laid out together, under one heading. Routed line by line, a condition asked as a question stayed
    under "More information" while its action went to "What you need to do": a resident read "Please ignore this
    letter." on its own, far from "Have you made arrangements to pay ... in the last 7 days?" (Hackney letter 08).
    Lines with a section of their own (details, contacts, the summary) are runs of one."""
    runs: list[list[Line]] = []
    for line in lines:
        prev = runs[-1][-1] if runs else None
        if (
            prev is not None
            and line.section is None
            and prev.section is None
            and line.unit is not None
            and prev.unit is not None
            and set(line.sources) & set(prev.sources)
        ):
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _route_run(run: list[Line], first_units: set[int]) -> str:
    """The section of a run: "What you need to do" when it holds an action, else where its first statement goes.

    Questions are left out of the choice: "Are you unable to pay?" is the condition of the action after it. A date
    later in the run does not pull it to Important dates: "It is on 14 May 2026." after "We are writing to you about
    your appointment." is the old appointment, not one to keep (NHS letter 15)."""
    keys = [route(line, first_units) for line in run if not line.text.rstrip().endswith("?")]
    keys = keys or [route(line, first_units) for line in run]
    return "do" if "do" in keys else keys[0]


def _point(line: Line, glossary) -> Point:
    findings = [checking.finding_to_dict(f) for f in line.findings] + list(line.extra)
    return Point(
        text=line.text,
        findings=findings,
        flags=list(dict.fromkeys(line.flags)),
        source_index=line.source_index,
        sources=list(line.sources),
    )


def attach_extras(draft: EasyReadDocument, letter: LetterInProgress) -> None:
    """Put the rewriter's own findings (meaning check, re-added facts) back on the points.

    The gate's `check_draft` replaces each point's findings with its own, so this
    runs after it. Points and lines are matched by text, in order.
    """
    pending: dict[str, list[list[dict]]] = {}
    for line in letter.lines:
        if line.extra:
            pending.setdefault(line.text, []).append(line.extra)
    for point in draft.points():
        extras = pending.get(point.text)
        if extras:
            point.findings.extend(x for x in extras.pop(0) if x not in point.findings)


def _next_sentences(said: set[str], sentences: dict[str, str]) -> set[str]:
    """The letter sentences right after `said` in the same paragraph that open on a pronoun: "They do not have the
    choice of a hot meal." goes on from "Any student with arrears ... are supplied with a sandwich" (read in a real
    school letter, where the two were laid out under different headings)."""
    out = set()
    for sid in said:
        block, _, n = sid.partition(".")
        after = f"{block}.{int(n) + 1}" if n.isdigit() else ""
        if after in sentences and _PRONOUN.match(sentences[after].strip()):
            out.add(after)
    return out


def build_draft(letter: LetterInProgress, glossary=None) -> EasyReadDocument:
    """The Easy Read document for a finished letter."""
    plan = letter.plan
    first_units = {i for i, u in enumerate(plan.units) if u.first}
    buckets: dict[str, list[Line]] = {k: [] for k in HEADINGS}
    extra: dict[str, list[Line]] = {}
    if letter.summary:
        buckets["about"].append(Line(letter.summary, section="about", sources=list(plan.opening_sources)))
    last: list[Line] | None = None
    said: set[str] = set()  # the sentences the run placed last says
    sentences = letter.doc.sentence_map()
    for run in _runs(letter.lines):
        head = run[0]
        # The whole run before, not its last line: "It's not the date you received it." said "it" of "The decision
        # date is on your letter.", one line before the last of its run (Citizens Advice PIP text); checked against
        # the last line only, it was routed alone, under another heading, after "It won't cost you anything".
        if (
            last is not None
            and head.section is None
            and (
                (_PRONOUN.match(head.text) and set(head.sources) & (said | _next_sentences(said, sentences)))
                or _WHEN_ONLY.match(head.text)
                or (last and last[-1].text.rstrip().endswith(":") and last[-1].section is None)
            )
        ):
            # "It is on 14 May 2026." says "it" of the line before (the old appointment): routed on its own to
            # Important dates beside the new appointment, a resident could not tell which "it" (NHS letter 15).
            target = last
        else:
            key = _route_run(run, first_units)
            if key == "more" and head.unit is not None and plan.units[head.unit].heading:
                target = extra.setdefault(plan.units[head.unit].heading, [])
            else:
                target = buckets[key]
        target.extend(run)
        last = target
        said = {sid for line in run for sid in line.sources}
    sections: list[Section] = []
    for key in ("about", "do", "dates", "contact"):
        if buckets[key]:
            sections.append(Section(HEADINGS[key], [_point(l, glossary) for l in buckets[key]]))
    for heading, lines in extra.items():
        sections.append(Section(heading, [_point(l, glossary) for l in lines]))
    for key in ("more", "details"):
        if buckets[key]:
            sections.append(Section(HEADINGS[key], [_point(l, glossary) for l in buckets[key]]))
    return EasyReadDocument(title=plan.title, sections=sections, language="en")

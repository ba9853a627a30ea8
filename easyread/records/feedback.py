"""Reviewers' answers per point, and what staff learn from them.

Every tap is stored as a new row holding the whole state of that reviewer's answer
for that point (answer, hard words, reasons, comment); the latest row wins. Rows
are only ever added, so fifty reviewers tapping at once never overwrite each other,
and the council keeps the record of what was said.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import UTC, datetime

from sqlalchemy import select

from easyread.records import audit
from easyread.review.hard_words import clean as clean_word
from easyread.store.db import db
from easyread.store.models import ReviewAssignment, ReviewFeedback, ReviewRound

ANSWERS = {"understand": "I understand", "not_sure": "Not sure", "not_understand": "I do not understand"}
REASONS = {"too_long": "Too long", "hard_word": "Hard word", "picture_wrong": "Picture is wrong"}
OVERALL = {"easy": "Easy", "okay": "A bit hard", "hard": "Hard"}
MAX_COMMENT = 1000
MAX_HARD_WORDS = 30
_WORD = re.compile(r"\[[^\]]*\]|[^\W\d_](?:[\w'’-]*[^\W_])?|\d[\d,.:/]*", re.UNICODE)


class FeedbackError(ValueError):
    """Feedback we cannot store; `str(error)` is an Easy Read sentence."""


def _now() -> datetime:
    return datetime.now(UTC)


def points(draft: dict) -> list[tuple[int, int, dict]]:
    """(section, index, point) for every point of a draft, in reading order."""
    return [
        (s, i, p)
        for s, section in enumerate(draft.get("sections", []))
        for i, p in enumerate(section.get("points", []))
    ]


def words_of(text: str) -> list[str]:
    """The words of a point a reviewer can mark as hard, once each, in order (not placeholders like [Name])."""
    seen: dict[str, str] = {}
    for match in _WORD.finditer(text or ""):
        word = match.group(0)
        if word.startswith("[") or word.casefold() in seen:
            continue
        seen[word.casefold()] = word
    return list(seen.values())


def _point(round_: ReviewRound, section: int, index: int) -> dict:
    try:
        if section < 0 or index < 0:
            raise IndexError
        return round_.draft["sections"][section]["points"][index]
    except (KeyError, IndexError, TypeError):
        raise FeedbackError("That part is not in this document.") from None


def latest_rows(round_id: int, assignment_id: int | None = None) -> dict[tuple[int, int, int], ReviewFeedback]:
    """{(assignment id, section, point): the latest row} for a round (or one reviewer's part of it)."""
    query = select(ReviewFeedback).where(ReviewFeedback.round_id == round_id)
    if assignment_id is not None:
        query = query.where(ReviewFeedback.assignment_id == assignment_id)
    out = {}
    for row in db.session.scalars(query.order_by(ReviewFeedback.id)):
        out[(row.assignment_id, row.section, row.point)] = row
    return out


def mine(round_: ReviewRound, assignment: ReviewAssignment) -> dict[tuple[int, int], ReviewFeedback]:
    """This reviewer's latest answer per point."""
    return {(s, i): row for (_, s, i), row in latest_rows(round_.id, assignment.id).items()}


def record(
    round_: ReviewRound,
    assignment: ReviewAssignment,
    section: int,
    index: int,
    *,
    answer: str | None = None,
    hard_words: list[str] | None = None,
    reasons: list[str] | None = None,
    comment: str | None = None,
) -> ReviewFeedback:
    """Store the reviewer's answer for one point. Anything passed as None keeps what they said before."""
    if round_.status != "open":
        raise FeedbackError("This review has finished. Thank you.")
    point = _point(round_, section, index)
    if answer is not None and answer not in ANSWERS:
        raise FeedbackError("Choose one of the three buttons.")
    before = db.session.scalar(
        select(ReviewFeedback)
        .where(
            ReviewFeedback.assignment_id == assignment.id,
            ReviewFeedback.section == section,
            ReviewFeedback.point == index,
        )
        .order_by(ReviewFeedback.id.desc())
        .limit(1)
    )
    if hard_words is not None:
        hard_words = _hard_words(hard_words, point.get("text", ""))
    if reasons is not None:
        reasons = [r for r in dict.fromkeys(reasons) if r in REASONS]
    if comment is not None:
        comment = " ".join(comment.split())
        if len(comment) > MAX_COMMENT:
            raise FeedbackError(f"Your comment is too long. Use {MAX_COMMENT} letters or fewer.")
    row = ReviewFeedback(
        assignment_id=assignment.id,
        round_id=round_.id,
        section=section,
        point=index,
        answer=answer if answer is not None else (before.answer if before else None),
        hard_words=hard_words if hard_words is not None else (list(before.hard_words) if before else []),
        reasons=reasons if reasons is not None else (list(before.reasons) if before else []),
        comment=comment if comment is not None else (before.comment if before else ""),
        supporter=bool(assignment.supporter),
    )
    db.session.add(row)
    return row


def _hard_words(words: list[str], text: str) -> list[str]:
    """Ticked and typed hard words, cleaned, once each, in the point's own spelling where it has the word."""
    spelling = {w.casefold(): w for w in words_of(text)}
    out: dict[str, str] = {}
    for word in words:
        word = clean_word(word)
        if word:
            out.setdefault(word.casefold(), spelling.get(word.casefold(), word))
    return list(out.values())[:MAX_HARD_WORDS]


def _same(row: ReviewFeedback | None, state: dict) -> bool:
    before = (list(row.hard_words), list(row.reasons), row.comment or "") if row else ([], [], "")
    return before == (state["hard_words"], state["reasons"], state["comment"])


def save_page(
    round_: ReviewRound,
    assignment: ReviewAssignment,
    state: dict[tuple[int, int], dict],
    *,
    answered: tuple[int, int] | None = None,
    answer: str | None = None,
) -> dict[tuple[int, int], ReviewFeedback]:
    """Store everything the reviewer's page held in one go, so no typed comment or ticked word is lost whichever
    button they press. `state` maps (section, point) to dict(hard_words, reasons, comment); a point is stored only
    when it differs from what they said before, or it is the `answered` one. Returns the rows added."""
    said = mine(round_, assignment)
    added = {}
    for (section, index), values in state.items():
        text = _point(round_, section, index).get("text", "")
        values = {
            "hard_words": _hard_words(values.get("hard_words") or [], text),
            "reasons": [r for r in dict.fromkeys(values.get("reasons") or []) if r in REASONS],
            "comment": " ".join((values.get("comment") or "").split()),
        }
        if (section, index) != answered and _same(said.get((section, index)), values):
            continue
        added[(section, index)] = record(
            round_,
            assignment,
            section,
            index,
            answer=answer if (section, index) == answered else None,
            hard_words=values["hard_words"],
            reasons=values["reasons"],
            comment=values["comment"],
        )
    return added


def finish(
    round_: ReviewRound, assignment: ReviewAssignment, overall: str | None, supporter: bool | None = None
) -> None:
    """The reviewer's "Was this easy to read?" answer; marks them as having responded."""
    if round_.status != "open":
        raise FeedbackError("This review has finished. Thank you.")
    if overall not in OVERALL:
        raise FeedbackError("Choose a face.")
    assignment.overall = overall
    if supporter is not None:
        assignment.supporter = supporter
    assignment.responded_at = _now()
    audit.record(
        "review_responded",
        assignment.reviewer,
        round_id=round_.id,
        user_id=assignment.reviewer_id,
        document_id=round_.document_id,
        overall=overall,
        supporter=bool(assignment.supporter),
    )


def others(round_: ReviewRound, assignment: ReviewAssignment) -> dict[tuple[int, int], list[str]]:
    """Other reviewers' comments per point, without names (only shown when the council allows it)."""
    out: dict[tuple[int, int], list[str]] = defaultdict(list)
    for (aid, s, i), row in latest_rows(round_.id).items():
        if aid != assignment.id:
            said = [REASONS[r] for r in row.reasons if r in REASONS] + ([row.comment] if row.comment else [])
            if said:
                out[(s, i)].append(". ".join(said))
    return out


# --- staff triage ---
def triage(round_: ReviewRound) -> list[dict]:
    """Per point: counts of each answer, hard words (how many reviewers), reasons and comments, and whether it needs work."""
    names = {a.id: a.reviewer.name for a in round_.assignments}
    supporters = {a.id for a in round_.assignments if a.supporter}
    by_point: dict[tuple[int, int], list[tuple[int, ReviewFeedback]]] = defaultdict(list)
    for (aid, s, i), row in latest_rows(round_.id).items():
        by_point[(s, i)].append((aid, row))
    out = []
    for s, i, point in points(round_.draft):
        rows = by_point.get((s, i), [])
        counts = Counter(row.answer for _, row in rows if row.answer)
        words = Counter(w for _, row in rows for w in row.hard_words)
        comments = [
            {
                "reviewer": names.get(aid, ""),
                "reasons": [REASONS[r] for r in row.reasons if r in REASONS],
                "comment": row.comment,
                "supporter": row.supporter or aid in supporters,
            }
            for aid, row in rows
            if row.reasons or row.comment
        ]
        out.append(
            {
                "section": s,
                "index": i,
                "key": f"{s}-{i}",
                "text": point.get("text", ""),
                "understand": counts.get("understand", 0),
                "not_sure": counts.get("not_sure", 0),
                "not_understand": counts.get("not_understand", 0),
                "answered": sum(counts.values()),
                "hard_words": words.most_common(),
                "comments": comments,
                "flagged": bool(counts.get("not_sure") or counts.get("not_understand") or words or comments),
            }
        )
    return out


def responses(round_: ReviewRound) -> list[dict]:
    """Who was asked, whether they have sent their answers, and how many points they answered."""
    answered = Counter(aid for (aid, _, _), row in latest_rows(round_.id).items() if row.answer)
    return [
        {
            "name": a.reviewer.name,
            "responded_at": a.responded_at,
            "overall": OVERALL.get(a.overall or "", ""),
            "answered": answered.get(a.id, 0),
            "supporter": a.supporter,
        }
        for a in sorted(round_.assignments, key=lambda a: a.reviewer.name)
    ]


# --- learning across the council ---
_MONTH = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
PATTERNS = (
    ("long", "Long sentences (more than 15 words)", lambda t: len(t.split()) > 15),
    (
        "several",
        "More than one sentence in a point",
        lambda t: len([s for s in re.split(r"[.!?]+\s", t.strip()) if s]) > 1,
    ),
    ("number", "Numbers", lambda t: bool(re.search(r"\d", t))),
    ("money", "Money (£)", lambda t: "£" in t),
    ("date", "Dates and days", lambda t: bool(_MONTH.search(t) or re.search(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b", t))),
    ("long_word", "Long words (10 letters or more)", lambda t: any(len(w) >= 10 for w in re.findall(r"[A-Za-z]+", t))),
    ("placeholder", "Hidden personal details like [Name]", lambda t: "[" in t),
)


def learning(council_id: int, known_terms: set[str] | None = None, limit: int = 30) -> dict:
    """The council's hardest words and sentence patterns, from every round's latest answers.

    `known_terms` (casefolded glossary terms) are marked, so the rest become glossary suggestions.
    """
    known_terms = known_terms or set()
    rounds = list(
        db.session.scalars(
            select(ReviewRound).where(ReviewRound.council_id == council_id, ReviewRound.status.in_(("open", "closed")))
        )
    )
    word_people: dict[str, set[int]] = defaultdict(set)
    word_spelling: dict[str, str] = {}
    stats = {key: Counter() for key, _, _ in PATTERNS}
    overall = Counter()
    for round_ in rounds:
        texts = {(s, i): p.get("text", "") for s, i, p in points(round_.draft)}
        for (aid, s, i), row in latest_rows(round_.id).items():
            for word in row.hard_words:
                word_people[word.casefold()].add(aid)
                word_spelling.setdefault(word.casefold(), word)
            if not row.answer:
                continue
            text = texts.get((s, i), "")
            hard = row.answer != "understand"
            overall["answers"] += 1
            overall["hard"] += hard
            for key, _, test in PATTERNS:
                if test(text):
                    stats[key]["answers"] += 1
                    stats[key]["hard"] += hard
    words = sorted(word_people.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:limit]
    share = lambda c: round(100 * c["hard"] / c["answers"]) if c["answers"] else None  # noqa: E731
    return {
        "words": [
            {"word": word_spelling[w], "reviewers": len(people), "in_glossary": w in known_terms} for w, people in words
        ],
        "suggestions": [word_spelling[w] for w, _ in words if w not in known_terms],
        "patterns": sorted(
            (
                {"key": key, "name": name, "answers": stats[key]["answers"], "hard_percent": share(stats[key])}
                for key, name, _ in PATTERNS
                if stats[key]["answers"]
            ),
            key=lambda p: -(p["hard_percent"] or 0),
        ),
        "overall_percent": share(overall),
        "answers": overall["answers"],
        "rounds": len(rounds),
    }

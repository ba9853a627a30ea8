"""Review rounds: a redacted copy of one draft version, sent to some of the council's reviewers.

Life of a round: `prepare` (status "preparing": personal data found and hidden, staff
check the list), `send` ("open": reviewers see it; the letter's draft is read-only),
`close` ("closed": staff change the draft and may send a new round). Approval of a
version is stored here too, since it usually follows a round.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlalchemy import select

from easyread.records import audit
from easyread.review import gate, redact
from easyread.store.db import db
from easyread.store.models import DraftApproval, DraftVersion, Letter, ReviewAssignment, ReviewRound, User

STATUS_NAMES = {
    "preparing": "Not sent yet",
    "open": "With reviewers",
    "closed": "Ended",
    "cancelled": "Cancelled before sending",
}


class RoundError(ValueError):
    """A round change we cannot make; `str(error)` says why, for staff."""


def _now() -> datetime:
    return datetime.now(UTC)


def get(council_id: int, round_id: int) -> ReviewRound | None:
    """The round if it belongs to this council (the council boundary for rounds)."""
    row = db.session.get(ReviewRound, round_id)
    return row if row is not None and row.council_id == council_id else None


def for_document(document_id: int) -> list[ReviewRound]:
    """Every round of a letter, newest first."""
    return list(
        db.session.scalars(
            select(ReviewRound).where(ReviewRound.document_id == document_id).order_by(ReviewRound.id.desc())
        )
    )


def open_round(document_id: int) -> ReviewRound | None:
    """The round now with reviewers, if any: while there is one, the draft must not change."""
    return db.session.scalar(
        select(ReviewRound).where(ReviewRound.document_id == document_id, ReviewRound.status == "open").limit(1)
    )


def source_draft(round_: ReviewRound) -> dict:
    """The unredacted draft the round was made from (staff side only)."""
    version = db.session.scalar(
        select(DraftVersion).where(
            DraftVersion.document_id == round_.document_id,
            DraftVersion.language == round_.language,
            DraftVersion.number == round_.version_number,
        )
    )
    return version.draft if version else {"title": "", "sections": []}


def due_datetime(day: date | None) -> datetime | None:
    """The end of the due day in UTC (reviewers have the whole day), or None."""
    return datetime.combine(day, time(23, 59), tzinfo=UTC) if day else None


def prepare(
    doc,
    version: DraftVersion,
    reviewers: list[User],
    *,
    due: date | None,
    note: str,
    user,
    letter=None,
    ignore: tuple[str, ...] = (),
    use_presidio: bool = True,
) -> ReviewRound:
    """A new round in "preparing" with personal data found and hidden. Raises RoundError."""
    if not reviewers:
        raise RoundError("Choose at least one reviewer.")
    if any(r.council_id != doc.council_id or r.role != "reviewer" for r in reviewers):
        raise RoundError("Choose reviewers from your council's panel.")
    if open_round(doc.id) is not None:
        raise RoundError("This letter is already with reviewers. End that round first.")
    if due is not None and due < _now().date():
        raise RoundError("The date to reply by must be today or in the future.")
    found = redact.detect(version.draft, letter, ignore=ignore, use_presidio=use_presidio)
    row = ReviewRound(
        document_id=doc.id,
        council_id=doc.council_id,
        language=version.language,
        version_number=version.number,
        draft=redact.apply(version.draft, found),
        redactions=found,
        note=(note or "").strip()[:2000],
        due_date=due_datetime(due),
        status="preparing",
        created_by=getattr(user, "id", None),
    )
    row.assignments = [ReviewAssignment(reviewer_id=r.id) for r in reviewers]
    db.session.add(row)
    db.session.flush()
    audit.record(
        "review_round_prepared",
        user,
        council_id=doc.council_id,
        document_id=doc.id,
        round_id=row.id,
        version=version.number,
        language=version.language,
        hidden=len(redact.hidden_only(found)),
    )
    return row


def set_redactions(round_: ReviewRound, redactions: list[dict], *, user, change: str) -> None:
    """Change what is hidden (only before sending) and make the reviewers' copy again."""
    if round_.status != "preparing":
        raise RoundError("This round has been sent. Hidden words can only change before sending.")
    round_.redactions = list(redactions)
    round_.draft = redact.apply(source_draft(round_), round_.redactions)
    audit.record(
        "review_redaction_changed",
        user,
        council_id=round_.council_id,
        document_id=round_.document_id,
        round_id=round_.id,
        change=change,
    )


def send(round_: ReviewRound, *, user) -> None:
    """Send to the reviewers: from now on they see the redacted copy and the draft is read-only."""
    if round_.status != "preparing":
        raise RoundError("This round has already been sent.")
    if open_round(round_.document_id) is not None:
        raise RoundError("This letter is already with reviewers. End that round first.")
    round_.status = "open"
    round_.sent_at = _now()
    audit.record(
        "review_round_sent",
        user,
        council_id=round_.council_id,
        document_id=round_.document_id,
        round_id=round_.id,
        reviewers=[a.reviewer_id for a in round_.assignments],
        version=round_.version_number,
    )


def close(round_: ReviewRound, *, user) -> None:
    """End an open round: reviewers can read their answers but not change them; the draft can change again."""
    if round_.status != "open":
        return
    round_.status = "closed"
    round_.closed_at = _now()
    audit.record(
        "review_round_closed", user, council_id=round_.council_id, document_id=round_.document_id, round_id=round_.id
    )


def discard(round_: ReviewRound, *, user) -> None:
    """Drop a round that was never sent (nothing reached a reviewer)."""
    if round_.status != "preparing":
        raise RoundError("Only a round that has not been sent can be cancelled.")
    round_.status = "cancelled"  # never "closed": reviewers see closed rounds, and this one never reached them
    round_.closed_at = _now()
    audit.record(
        "review_round_closed",
        user,
        council_id=round_.council_id,
        document_id=round_.document_id,
        round_id=round_.id,
        cancelled=True,
    )


# --- what a reviewer may see ---
def for_reviewer(user_id: int) -> list[tuple[ReviewRound, ReviewAssignment]]:
    """Rounds sent to this reviewer (never ones still being prepared), newest first."""
    rows = db.session.execute(
        select(ReviewRound, ReviewAssignment)
        .join(ReviewAssignment, ReviewAssignment.round_id == ReviewRound.id)
        .join(Letter, Letter.id == ReviewRound.document_id)
        .where(
            ReviewAssignment.reviewer_id == user_id,
            ReviewRound.status.in_(("open", "closed")),
            Letter.deleted_at.is_(None),
        )
        .order_by(ReviewRound.id.desc())
    ).all()
    return [(r, a) for r, a in rows]


def assignment(round_id: int, user_id: int) -> tuple[ReviewRound, ReviewAssignment] | None:
    """(round, assignment) if this round was sent to this reviewer; else None (the reviewer boundary)."""
    row = db.session.execute(
        select(ReviewRound, ReviewAssignment)
        .join(ReviewAssignment, ReviewAssignment.round_id == ReviewRound.id)
        .join(
            Letter, Letter.id == ReviewRound.document_id
        )  # a letter staff deleted takes its rounds away from reviewers
        .where(
            ReviewRound.id == round_id,
            ReviewAssignment.reviewer_id == user_id,
            ReviewRound.status.in_(("open", "closed")),
            Letter.deleted_at.is_(None),
        )
    ).first()
    return (row[0], row[1]) if row else None


# --- approval: the hook the writers read ---
def approve(doc, version: DraftVersion, *, user, confirmation: str | None = None) -> DraftApproval:
    """Mark `version` as the final one of its language (a new row; the newest approval wins).

    A version with open problems (gate.open_problems) needs `confirmation`, the fingerprint of
    exactly those problems that the person ticked; otherwise gate.NeedsConfirmation is raised.
    The audit record names the problems the person confirmed."""
    if open_round(doc.id) is not None:
        raise RoundError("This letter is with reviewers. End the round before you approve a version.")
    problems = gate.open_problems(version.draft, version.report)
    gate.require_confirmation(problems, confirmation)
    row = DraftApproval(
        document_id=doc.id,
        language=version.language,
        version_number=version.number,
        approved_by=getattr(user, "id", None),
    )
    db.session.add(row)
    audit.record(
        "draft_approved",
        user,
        council_id=doc.council_id,
        document_id=doc.id,
        version=version.number,
        language=version.language,
        problems=[p.summary() for p in problems],
        confirmed=bool(problems),
    )
    return row


def approval(document_id: int, language: str = "en") -> DraftApproval | None:
    """The newest approval of this letter in this language, or None."""
    return db.session.scalar(
        select(DraftApproval)
        .where(DraftApproval.document_id == document_id, DraftApproval.language == language)
        .order_by(DraftApproval.id.desc())
        .limit(1)
    )


def approved_version(document_id: int, language: str = "en") -> int | None:
    """The number of the approved version, or None."""
    row = approval(document_id, language)
    return row.version_number if row else None


def is_final(document_id: int, number: int, language: str = "en") -> bool:
    """True when this version is the approved one: exports of it may say "final"; others say "draft"."""
    return approved_version(document_id, language) == number

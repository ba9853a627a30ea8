"""Review with residents in the database, for the staff pages: reviewers' access rows, the versions a
round can send, and each staff change (invite, round, redactions, approval, erase) made and committed.

The rules of each change live in `easyread.review` (rounds, invites, retention); these functions find
the rows those rules need and commit what they added, so the views never touch the session.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from easyread.records import audit, feedback, invites, retention, rounds, users
from easyread.store.db import db
from easyread.store.models import (
    DraftApproval,
    DraftVersion,
    Letter,
    ReviewAssignment,
    ReviewerAccess,
    ReviewFeedback,
    ReviewRound,
    User,
)


# --- reviewers ---
def access_of(people: list[User]) -> dict[int, ReviewerAccess]:
    """The access row of each reviewer in `people` that has one, by user id."""
    if not people:
        return {}
    rows = db.session.scalars(select(ReviewerAccess).where(ReviewerAccess.user_id.in_([p.id for p in people])))
    return {row.user_id: row for row in rows}


def reviewer(council_id: int, user_id: int) -> User | None:
    """The council's reviewer with this id, or None (someone else's, or not a reviewer)."""
    user = db.session.get(User, user_id)
    if user is None or user.council_id != council_id or user.role != "reviewer":
        return None
    return user


def set_up_access(user: User) -> ReviewerAccess | None:
    """The reviewer's access row once they have chosen a code, else None."""
    row = db.session.scalar(select(ReviewerAccess).where(ReviewerAccess.user_id == user.id))
    return row if row is not None and row.code_hash else None


def add_reviewer(council, name: str, email: str, invite_days: int, *, actor) -> tuple[User, str]:
    """Make a reviewer and their first invite; (user, invite token). Raises users.UserError (nothing is stored)."""
    user = invites.create_reviewer(council, name, email, actor=actor)
    token = invites.new_invite(user, invite_days, actor=actor)
    db.session.commit()
    return user, token


def reinvite(user: User, invite_days: int, *, actor) -> str:
    """A new invite token for `user` (their old link and code stop working once it is used)."""
    token = invites.new_invite(user, invite_days, actor=actor)
    db.session.commit()
    return token


def renew_link(row: ReviewerAccess, link_days: int, *, actor) -> datetime:
    """Make the reviewer's own sign-in link work for `link_days` more; when it now stops working."""
    until = invites.renew_link(row, link_days, actor=actor)
    db.session.commit()
    return until


# --- versions a round can use ---
def languages(doc: Letter) -> list[str]:
    """The languages this letter has versions in, sorted."""
    return sorted(set(db.session.scalars(select(DraftVersion.language).where(DraftVersion.document_id == doc.id))))


def latest_by_language(doc: Letter) -> dict[str, DraftVersion]:
    """The newest version of each language, in the order each language first appeared."""
    latest: dict[str, DraftVersion] = {}
    for version in db.session.scalars(
        select(DraftVersion).where(DraftVersion.document_id == doc.id).order_by(DraftVersion.number)
    ):
        latest[version.language] = version
    return latest


# --- rounds ---
def prepare_round(
    doc: Letter,
    version: DraftVersion,
    people: list[User],
    *,
    due: date | None,
    note: str,
    user,
    letter=None,
    ignore: tuple[str, ...] = (),
) -> ReviewRound:
    """A new round in "preparing" with personal data found and hidden (see rounds.prepare), committed.
    Raises rounds.RoundError (nothing is stored)."""
    row = rounds.prepare(doc, version, people, due=due, note=note, user=user, letter=letter, ignore=ignore)
    db.session.commit()
    return row


def set_redactions(row: ReviewRound, redactions: list[dict], *, user, change: str) -> None:
    """Store the round's hidden words. Raises rounds.RoundError (nothing is stored)."""
    rounds.set_redactions(row, redactions, user=user, change=change)
    db.session.commit()


def send_round(row: ReviewRound, *, user) -> None:
    """Send a prepared round to its reviewers. Raises rounds.RoundError (nothing is stored)."""
    rounds.send(row, user=user)
    db.session.commit()


def discard_round(row: ReviewRound, *, user) -> None:
    """Cancel a round that was never sent. Raises rounds.RoundError (nothing is stored)."""
    rounds.discard(row, user=user)
    db.session.commit()


def close_round(row: ReviewRound, *, user) -> None:
    """End an open round: the draft can change again."""
    rounds.close(row, user=user)
    db.session.commit()


def approve(doc: Letter, version: DraftVersion, *, user, confirmation: str | None) -> DraftApproval:
    """Approve `version` as final. Raises gate.NeedsConfirmation or rounds.RoundError (nothing is stored)."""
    row = rounds.approve(doc, version, user=user, confirmation=confirmation)
    db.session.commit()
    return row


def glossary_word_added(user, term: str) -> None:
    """Record that a hard word from review went into the council glossary."""
    audit.record("review_glossary_added", user, term=term)
    db.session.commit()


def erase(doc: Letter, instance: str | Path, *, actor) -> None:
    """Delete a letter entirely: versions, rounds, feedback and files."""
    retention.erase(doc, instance, actor=actor)
    db.session.commit()


# --- the resident's side ---
def code_set_up(row: ReviewerAccess, kind: str, code, link_days: int) -> tuple[str, str]:
    """Store the reviewer's chosen code and start their session, committed: (their sign-in key, session id).

    Raises invites.CodeError (nothing is stored) when the code cannot be used."""
    key = invites.set_up(row, kind, code, link_days=link_days)
    sid = users.start_session(row.user)
    db.session.commit()
    return key, sid


def code_accepted(row: ReviewerAccess) -> str:
    """Audit a right code and start the reviewer's session, committed; the session id."""
    invites.note_success(row)
    sid = users.start_session(row.user)
    db.session.commit()
    return sid


def code_refused(row: ReviewerAccess) -> int:
    """Count a wrong code (locking it at the limit), committed; the wrong codes so far."""
    total = invites.note_failure(row)
    db.session.commit()
    return total


def save_answer(
    round_: ReviewRound, assignment: ReviewAssignment, section: int, index: int, *, page: dict, answer, **fields
) -> ReviewFeedback:
    """Store the reviewer's answer to one point, committed, and return its row.

    With `page` (every point's state on a posted page) the whole page is kept, so a comment typed elsewhere is
    never lost; else `fields` (hard_words, reasons, comment) are this point's. Raises feedback.FeedbackError
    (nothing is stored)."""
    try:
        if page:
            page.setdefault((section, index), {})
            feedback.save_page(round_, assignment, page, answered=(section, index), answer=answer)
            row = feedback.mine(round_, assignment)[(section, index)]
        else:
            row = feedback.record(round_, assignment, section, index, answer=answer, **fields)
    except feedback.FeedbackError:
        db.session.rollback()
        raise
    db.session.commit()
    return row


def set_supporter(assignment: ReviewAssignment, supporter: bool) -> None:
    """Note whether someone helped the reviewer, committed."""
    assignment.supporter = supporter
    db.session.commit()


def finish(round_: ReviewRound, assignment: ReviewAssignment, page: dict, overall: str | None) -> None:
    """Keep the posted page's answers (committed even if the overall answer is missing), then send the
    reviewer's answers, committed. Raises feedback.FeedbackError after keeping the page."""
    try:
        feedback.save_page(round_, assignment, page)
        db.session.commit()
        feedback.finish(round_, assignment, overall)
    except feedback.FeedbackError:
        db.session.rollback()
        raise
    db.session.commit()


def sender(round_: ReviewRound) -> User | None:
    """The person who made the round, or None."""
    return db.session.get(User, round_.created_by) if round_.created_by else None

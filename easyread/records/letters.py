"""Uploaded letters (`Letter` rows) in the database: the council boundary, listing, uploading, deleting,
downloads, and the status a background task keeps on its letter.

Every lookup the web pages make goes through `for_council` / `in_council`, so one council never sees
another's letters. Functions that change something commit it, unless they say otherwise.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from easyread.records import audit
from easyread.store.db import db
from easyread.store.models import Letter, User


# --- the council boundary ---
def for_council(council_id: int, limit: int):
    """The council's letters that are not deleted, newest first (at most `limit`)."""
    return list(
        db.session.scalars(
            select(Letter)
            .where(Letter.council_id == council_id, Letter.deleted_at.is_(None))
            .order_by(Letter.created_at.desc(), Letter.id.desc())
            .limit(limit)
        )
    )


def in_council(council_id: int, letter_id: int, *, include_deleted: bool = False) -> Letter | None:
    """The letter with this id if it is the council's (and not deleted, unless asked), else None."""
    letter = db.session.get(Letter, letter_id)
    if letter is None or letter.council_id != council_id:
        return None
    if letter.deleted_at is not None and not include_deleted:
        return None
    return letter


# --- what people do with a letter ---
def add_upload(user: User, *, words: int, **fields) -> Letter:
    """Store a newly uploaded letter as queued (`fields` are Letter columns) and audit the upload, committed."""
    letter = Letter(council_id=user.council_id, created_by=user.id, status="queued", progress={}, **fields)
    db.session.add(letter)
    db.session.flush()
    audit.record(
        "upload",
        user,
        document_id=letter.id,
        filename=letter.filename,
        words=words,
        model=(letter.options or {}).get("model"),
    )
    db.session.commit()
    return letter


def as_read(letter: Letter):
    """The original letter as the upload read it (a Document), or None when it was not kept (older letters, or
    after retention removed the original): then read the original file, if it is still there."""
    from easyread.documents.model import Document

    return Document.from_dict(letter.parsed) if letter.parsed else None


def delete(letter: Letter, user) -> None:
    """Mark the letter deleted (it leaves every list and page) and audit it, committed."""
    letter.deleted_at = datetime.now(UTC)
    audit.record("deleted", user, document_id=letter.id, filename=letter.filename)
    db.session.commit()


def others_with_original(letter: Letter) -> int:
    """How many other letters that are not deleted keep the same original file."""
    return (
        db.session.scalar(
            select(func.count())
            .select_from(Letter)
            .where(Letter.content_hash == letter.content_hash, Letter.deleted_at.is_(None), Letter.id != letter.id)
        )
        or 0
    )


def exported(letter: Letter, user, fmt: str, **details) -> None:
    """Audit a download of the letter's draft in format `fmt`, committed."""
    audit.record("exported", user, council_id=letter.council_id, document_id=letter.id, format=fmt, **details)
    db.session.commit()


def reload(letter: Letter) -> Letter:
    """The letter as the database has it now (a task may have changed it meanwhile)."""
    db.session.refresh(letter)
    return letter


# --- the status a background task keeps on its letter ---
def with_status(statuses: tuple[str, ...]) -> list[Letter]:
    """Letters that are not deleted and have one of `statuses`, oldest first."""
    return list(
        db.session.scalars(
            select(Letter).where(Letter.status.in_(statuses), Letter.deleted_at.is_(None)).order_by(Letter.id)
        )
    )


def for_task(letter_id: int) -> Letter | None:
    """The letter a task works on, or None when it is gone or deleted."""
    letter = db.session.get(Letter, letter_id)
    return None if letter is None or letter.deleted_at is not None else letter


def task_user(user_id: int | None) -> User | None:
    """The person who asked for a task, or None for the service itself."""
    return db.session.get(User, user_id) if user_id else None


def set_status(letter: Letter, status: str, *, error: str | None = None, progress: dict | None = None) -> None:
    """Set the letter's status, its message for a person and (when given) its progress, committed."""
    letter.status, letter.error = status, error
    if progress is not None:
        letter.progress = progress
    db.session.commit()


def set_progress(letter: Letter, progress: dict) -> None:
    """Store how far the letter's task has got, committed."""
    letter.progress = progress
    db.session.commit()


def task_failed(letter: Letter, message: str, *, status: str) -> None:
    """Drop whatever the failed task had not committed, then store `status` and its plain message, committed."""
    db.session.rollback()
    db.session.refresh(letter)
    set_status(letter, status, error=message, progress={**(letter.progress or {}), "stage": status})


def task_done(letter: Letter, *, error: str | None = None, **progress) -> None:
    """Mark the letter's task done (with a note for a person, if any) and commit it with whatever the task
    added (its new versions): a task stopped before this leaves the letter running, to be run again."""
    set_status(letter, "done", error=error, progress={**letter.progress, "stage": "done", "percent": 100, **progress})

"""Audit events: declared once here, with the fields each must carry.

    from easyread.records import audit
    audit.record("upload", current_user, document_id=doc.id, filename=doc.filename)

`record` refuses an unknown event or a missing required field (AuditError), so a
typo fails in tests rather than leaving a gap in the council's record. Extra
fields are kept as they are (they must be JSON-serialisable). The row is added to
the current database session; it is committed with the caller's change
(`commit=True` commits at once, for events with no other change, such as sign-in).
"""

from __future__ import annotations

from typing import Any

# event name -> fields it must have. Keep the descriptions beside them in DESCRIPTIONS.
EVENTS: dict[str, tuple[str, ...]] = {
    "sign_in": ("user_id",),
    "sign_in_failed": ("email",),
    "sign_out": ("user_id",),
    "upload": ("document_id",),
    "draft_created": ("document_id", "version", "language"),
    "draft_edited": ("document_id", "version", "language"),
    "exported": ("document_id", "format"),
    "deleted": ("document_id",),
    "user_created": ("user_id", "role"),
    "user_deactivated": ("user_id",),
    "user_reactivated": ("user_id",),
    "token_created": ("user_id", "token_id"),
    "token_revoked": ("user_id", "token_id"),
    "reviewer_code_locked": ("user_id",),
    "reviewer_link_renewed": ("user_id",),
    "password_changed": ("user_id",),
    "review_round_prepared": ("document_id", "round_id", "version"),
    "review_redaction_changed": ("document_id", "round_id", "change"),
    "review_round_sent": ("document_id", "round_id", "reviewers"),
    "review_round_closed": ("document_id", "round_id"),
    "reviewer_invited": ("user_id",),
    "reviewer_set_up": ("user_id",),
    "review_sign_in": ("user_id",),
    "review_sign_in_failed": ("user_id",),
    "review_responded": ("round_id", "user_id"),
    "review_glossary_added": ("term",),
    "draft_approved": ("document_id", "version", "language", "problems"),
    "document_erased": ("document_id",),
    "retention_purged": ("document_id",),
    "memory_imported": ("language",),
}

DESCRIPTIONS: dict[str, str] = {
    "sign_in": "Signed in",
    "sign_in_failed": "Sign-in failed",
    "sign_out": "Signed out",
    "upload": "Uploaded a letter",
    "draft_created": "Draft made",
    "draft_edited": "Draft changed",
    "exported": "Downloaded",
    "deleted": "Deleted a letter",
    "user_created": "Account created",
    "user_deactivated": "Account deactivated",
    "user_reactivated": "Account reactivated",
    "token_created": "API token created",
    "token_revoked": "API token revoked",
    "reviewer_code_locked": "Reviewer's sign-in code locked after too many wrong tries (needs a new invite)",
    "reviewer_link_renewed": "Reviewer's sign-in link renewed",
    "password_changed": "Password changed",
    "review_round_prepared": "Review round prepared (personal data hidden)",
    "review_redaction_changed": "Review round: hidden words changed",
    "review_round_sent": "Sent a draft for review",
    "review_round_closed": "Review round ended",
    "reviewer_invited": "Reviewer invite link made",
    "reviewer_set_up": "Reviewer set up their sign-in code",
    "review_sign_in": "Reviewer signed in with their link and code",
    "review_sign_in_failed": "Reviewer sign-in code wrong",
    "review_responded": "Reviewer sent their feedback",
    "review_glossary_added": "Hard word from review added to the glossary",
    "draft_approved": "Approved a version as final (with the open problems they confirmed they checked)",
    "document_erased": "Deleted a letter entirely (versions, feedback and files)",
    "retention_purged": "Original and personal data deleted after the retention period",
    "memory_imported": "Translation memory loaded from a TMX file",
}


class AuditError(ValueError):
    """An audit event that is not declared, or lacks a required field."""


def validate(event: str, details: dict[str, Any]) -> None:
    if event not in EVENTS:
        raise AuditError(f"Unknown audit event {event!r}. Declare it in easyread.records.audit.EVENTS.")
    missing = [f for f in EVENTS[event] if details.get(f) is None]
    if missing:
        raise AuditError(f"Audit event {event!r} needs {', '.join(missing)}.")


def _actor(actor) -> tuple[str | None, int | None]:
    """(text shown in the log, council id) for a User, a string such as "system" or "cli", or None."""
    if actor is None:
        return None, None
    if isinstance(actor, str):
        return actor, None
    if getattr(actor, "is_anonymous", False):
        return None, None
    return getattr(actor, "email", str(actor)), getattr(actor, "council_id", None)


def record(event: str, actor=None, *, council_id: int | None = None, commit: bool = False, **details):
    """Add one audit event and return it. `actor` is a User, a string ("system", "cli") or None."""
    from easyread.store.db import db
    from easyread.store.models import AuditEvent

    validate(event, details)
    who, actor_council = _actor(actor)
    row = AuditEvent(
        event=event, actor=who, details=details, council_id=council_id if council_id is not None else actor_council
    )
    db.session.add(row)
    if commit:
        db.session.commit()
    return row


def count(council_id: int) -> int:
    """How many audit events the council has."""
    from sqlalchemy import func, select

    from easyread.store.db import db
    from easyread.store.models import AuditEvent

    return (
        db.session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.council_id == council_id)) or 0
    )


def newest(council_id: int, *, limit: int, offset: int = 0) -> list:
    """The council's audit events, newest first: `limit` of them after skipping `offset`."""
    from sqlalchemy import select

    from easyread.store.db import db
    from easyread.store.models import AuditEvent

    return list(
        db.session.scalars(
            select(AuditEvent)
            .where(AuditEvent.council_id == council_id)
            .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
            .limit(limit)
            .offset(offset)
        )
    )

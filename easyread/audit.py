"""Audit events: declared once here, with the fields each must carry.

    from easyread import audit
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
    "password_changed": ("user_id",),
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
    "password_changed": "Password changed",
}


class AuditError(ValueError):
    """An audit event that is not declared, or lacks a required field."""


def validate(event: str, details: dict[str, Any]) -> None:
    if event not in EVENTS:
        raise AuditError(f"Unknown audit event {event!r}. Declare it in easyread.audit.EVENTS.")
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
    row = AuditEvent(event=event, actor=who, details=details, council_id=council_id if council_id is not None else actor_council)
    db.session.add(row)
    if commit:
        db.session.commit()
    return row

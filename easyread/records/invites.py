"""Resident reviewers: made by staff, invited by a single-use link, signed in by their own link plus a short code.

A password does not suit many Easy Read readers. Instead: staff print or send an
invite link; opening it once lets the reviewer choose 3 of 9 pictures (or a
4-digit number) and gives them their own sign-in link to keep (a bookmark, a QR
code on the fridge). Signing in needs both the link (a long secret) and the code,
so the short code is only a second factor. Still, whoever holds a printed link could
guess: wrong codes are slowed down like wrong passwords (`easyread.records.throttle`), and
after CODE_MAX_FAILURES wrong codes in total the code is locked for good; staff see
it on the Reviewers page and make a new invite. The sign-in link itself expires
(REVIEW_LINK_DAYS) and staff can renew it.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from easyread.records import audit, users
from easyread.store.db import db
from easyread.store.models import ReviewerAccess, User

# (value, words): the nine pictures for the code. Files are static/review/pictures/<value>.svg.
PICTURES = (
    ("sun", "Sun"),
    ("tree", "Tree"),
    ("cat", "Cat"),
    ("house", "House"),
    ("car", "Car"),
    ("star", "Star"),
    ("heart", "Heart"),
    ("apple", "Apple"),
    ("fish", "Fish"),
)
PICTURE_NAMES = dict(PICTURES)
CODE_PICTURES = 3
CODE_DIGITS = 4
CODE_MAX_FAILURES = 10  # wrong codes in total before the code is locked until a new invite is set up


class CodeError(ValueError):
    """A code that cannot be used; `str(error)` is an Easy Read sentence for the reviewer."""


def _now() -> datetime:
    return datetime.now(UTC)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _aware(value: datetime | None) -> datetime | None:
    # SQLite gives back naive datetimes; they were stored in UTC.
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def panel(council_id: int) -> list[User]:
    """The council's resident reviewers who can still sign in, by name."""
    return list(
        db.session.scalars(
            select(User)
            .where(User.council_id == council_id, User.role == "reviewer", User.active.is_(True))
            .order_by(User.name)
        )
    )


def create_reviewer(council, name: str, email: str = "", actor=None) -> User:
    """A reviewer account with no usable password (they sign in by link and code). Raises users.UserError."""
    email = (email or "").strip() or f"reviewer-{secrets.token_hex(6)}@reviewers.invalid"
    return users.create_user(email, name, "reviewer", council, secrets.token_urlsafe(32), actor=actor)


def access_for(user: User) -> ReviewerAccess:
    """The reviewer's access row, made (and added to the session) if they have none yet."""
    row = db.session.scalar(select(ReviewerAccess).where(ReviewerAccess.user_id == user.id))
    if row is None:
        row = ReviewerAccess(user_id=user.id)
        db.session.add(row)
    return row


def new_invite(user: User, days: int, actor=None) -> str:
    """A fresh invite token for `user` (the old one stops working). Only its hash is stored; show the token once."""
    token = secrets.token_urlsafe(24)
    row = access_for(user)
    row.invite_hash = _hash(token)
    row.invite_expires_at = _now() + timedelta(days=days)
    audit.record("reviewer_invited", actor, council_id=user.council_id, user_id=user.id)
    return token


def access_for_invite(token: str) -> ReviewerAccess | None:
    """The access row an unused, unexpired invite belongs to, if its reviewer is active."""
    if not token or len(token) > 100:
        return None
    row = db.session.scalar(select(ReviewerAccess).where(ReviewerAccess.invite_hash == _hash(token)))
    if row is None or not row.user.active or row.user.role != "reviewer":
        return None
    if row.invite_expires_at is None or _aware(row.invite_expires_at) < _now():
        return None
    return row


def access_for_key(key: str) -> ReviewerAccess | None:
    """The access row of a reviewer's own sign-in link, if they are set up and active."""
    if not key or len(key) > 100:
        return None
    row = db.session.scalar(select(ReviewerAccess).where(ReviewerAccess.key_hash == _hash(key)))
    if row is None or not row.user.active or row.user.role != "reviewer" or not row.code_hash:
        return None
    return row


def normalise_code(kind: str, code) -> str:
    """The code as stored: picture names sorted (order does not matter to the reviewer), or the digits."""
    if kind == "pictures":
        chosen = list(dict.fromkeys(code if isinstance(code, (list, tuple)) else str(code or "").split(",")))
        chosen = [c for c in chosen if c]
        if any(c not in PICTURE_NAMES for c in chosen):
            raise CodeError("Choose pictures from the page.")
        if len(chosen) != CODE_PICTURES:
            raise CodeError(f"Choose {CODE_PICTURES} pictures.")
        return "pictures:" + ",".join(sorted(chosen))
    if kind == "number":
        digits = "".join(str(code or "").split())
        if not (digits.isdigit() and len(digits) == CODE_DIGITS and digits.isascii()):
            raise CodeError(f"Type {CODE_DIGITS} numbers. For example 4 8 1 5.")
        return "number:" + digits
    raise CodeError("Choose pictures or a number.")


def set_up(row: ReviewerAccess, kind: str, code, link_days: int = 90) -> str:
    """Store the reviewer's code, use up the invite and return their own sign-in key (shown once, in a link).

    The link works for `link_days`; a fresh set-up also unlocks a code locked by wrong guesses.
    """
    value = normalise_code(kind, code)
    key = secrets.token_urlsafe(24)
    row.code_kind = kind
    row.code_hash = users.hash_password(value)
    row.key_hash = _hash(key)
    row.invite_hash = None  # single use
    row.invite_expires_at = None
    row.set_up_at = _now()
    row.key_expires_at = row.set_up_at + timedelta(days=link_days)
    row.code_failures = 0
    audit.record("reviewer_set_up", row.user, user_id=row.user_id)
    return key


def limit_key(row: ReviewerAccess) -> str:
    """The key wrong codes are slowed down under (see `easyread.records.throttle`)."""
    return f"reviewer:{row.id}"


def link_expires_at(row: ReviewerAccess, days: int) -> datetime | None:
    """When the reviewer's own sign-in link stops working (links from before expiry was kept: set-up day + days)."""
    if row.key_expires_at is not None:
        return _aware(row.key_expires_at)
    return _aware(row.set_up_at) + timedelta(days=days) if row.set_up_at else None


def is_locked(row: ReviewerAccess) -> bool:
    """True once CODE_MAX_FAILURES wrong codes were tried: only a new invite (and set-up) unlocks it."""
    return (row.code_failures or 0) >= CODE_MAX_FAILURES


def link_state(row: ReviewerAccess, days: int) -> str:
    """ "ok", "locked" (too many wrong codes) or "expired" (the sign-in link is too old)."""
    if is_locked(row):
        return "locked"
    expires = link_expires_at(row, days)
    if expires is not None and expires <= _now():
        return "expired"
    return "ok"


def renew_link(row: ReviewerAccess, days: int, actor=None) -> datetime:
    """Make the reviewer's sign-in link work for `days` more from now (same link, same code). Audited."""
    row.key_expires_at = _now() + timedelta(days=days)
    audit.record(
        "reviewer_link_renewed",
        actor,
        council_id=row.user.council_id,
        user_id=row.user_id,
        until=row.key_expires_at.date().isoformat(),
    )
    return row.key_expires_at


def check_code(row: ReviewerAccess, code) -> bool:
    """True if `code` is this reviewer's code (in the kind they chose). Never true once the code is locked."""
    if is_locked(row):
        return False
    try:
        value = normalise_code(row.code_kind or "", code)
    except CodeError:
        return False
    holder = User(password_hash=row.code_hash)  # the argon2 check in easyread.records.users, without a real account
    return users.check_password(holder, value)


def note_failure(row: ReviewerAccess) -> int:
    """Count a wrong code (one atomic UPDATE, so parallel guesses all count) and audit it; the total so far.

    Reaching CODE_MAX_FAILURES locks the code and is audited, so staff can see why the reviewer cannot sign in.
    """
    total = db.session.execute(
        update(ReviewerAccess)
        .where(ReviewerAccess.id == row.id)
        .values(code_failures=ReviewerAccess.code_failures + 1)
        .returning(ReviewerAccess.code_failures)
    ).scalar_one()
    row.code_failures = total
    audit.record("review_sign_in_failed", None, council_id=row.user.council_id, user_id=row.user_id, failures=total)
    if total == CODE_MAX_FAILURES:
        audit.record("reviewer_code_locked", None, council_id=row.user.council_id, user_id=row.user_id)
    return total


def note_success(row: ReviewerAccess) -> None:
    """Audit the sign-in. (Wrong codes before it still count towards the lock: it is a total, not a streak.)"""
    audit.record("review_sign_in", row.user, user_id=row.user_id)

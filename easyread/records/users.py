"""Accounts, passwords, sessions and API tokens: plain functions over the store (sign-in limits: records.throttle).

Used by `web/auth.py`, `web/admin.py`, the reviewer sign-ins and the `easyread users` commands. The building
blocks (create_user, set_active, start_session, revoke_token ...) leave committing to their caller, so one
change can take several; the changes the web pages make (sign_in, sign_out, change_password, add_account,
change_active, revoke ...) are at the end, each committed.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, update

from easyread.store.db import db
from easyread.store.models import ROLES, ApiToken, Council, User, UserSession

MIN_PASSWORD_LENGTH = 12
TOKEN_PREFIX = "er_"
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# A hash of a random password, checked when the email is unknown so both paths take the same time.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_WORDS = (
    "apple",
    "river",
    "candle",
    "garden",
    "pencil",
    "window",
    "orange",
    "silver",
    "basket",
    "meadow",
    "rocket",
    "bridge",
    "castle",
    "forest",
    "harbour",
    "island",
    "jacket",
    "ladder",
    "marble",
    "pepper",
    "puzzle",
    "saddle",
    "tunnel",
    "violet",
    "walnut",
    "yellow",
    "anchor",
    "button",
    "copper",
    "dragon",
)


class UserError(ValueError):
    """Something about a new account or password that the person must change. The message says what."""


def _now() -> datetime:
    return datetime.now(UTC)


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def valid_email(email: str) -> bool:
    return bool(_EMAIL.match(normalise_email(email)))


# --- passwords ---
def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_problem(password: str) -> str | None:
    """A plain sentence saying what is wrong with a new password, or None."""
    if len(password or "") < MIN_PASSWORD_LENGTH:
        return f"Password must be {MIN_PASSWORD_LENGTH} characters or more"
    return None


def generate_password() -> str:
    """Four random words and a number: easy to type, hard to guess (about 60 bits)."""
    words = [secrets.choice(_WORDS) for _ in range(4)]
    return "-".join(words) + f"-{secrets.randbelow(100):02d}"


def check_password(user: User | None, password: str) -> bool:
    """True if the password is right. Rehashes an old-parameter hash. Takes the same time for unknown users."""
    stored = user.password_hash if user is not None and user.password_hash else _DUMMY_HASH
    try:
        _hasher.verify(stored, password or "")
    except (VerificationError, InvalidHashError):
        return False
    if user is None or not user.password_hash:
        return False
    if _hasher.check_needs_rehash(stored):
        user.password_hash = _hasher.hash(password)
    return True


def set_password(user: User, password: str) -> None:
    problem = password_problem(password)
    if problem:
        raise UserError(problem)
    user.password_hash = hash_password(password)


# --- councils and users ---
def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:64] or "council"


def get_or_create_council(name_or_slug: str) -> Council:
    """The council with this slug or name, made if there is none."""
    name_or_slug = name_or_slug.strip()
    slug = slugify(name_or_slug)
    council = db.session.scalar(select(Council).where((Council.slug == slug) | (Council.name == name_or_slug)))
    if council is None:
        council = Council(name=name_or_slug, slug=slug)
        db.session.add(council)
        db.session.flush()
    return council


def find_user(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def count_users() -> int:
    return db.session.scalar(select(func.count()).select_from(User)) or 0


def create_user(email: str, name: str, role: str, council: Council, password: str, actor=None) -> User:
    """Make an account and record it in the audit log. Raises UserError with a plain message."""
    from easyread.records import audit

    email = normalise_email(email)
    if not valid_email(email):
        raise UserError("Enter an email address in the correct format, like name@example.gov.uk")
    if not (name or "").strip():
        raise UserError("Enter the person's full name")
    # The columns' limits (PostgreSQL enforces them; SQLite would quietly store more).
    if len(name.strip()) > 255:
        raise UserError("The name must be 255 characters or fewer")
    if len(email) > 320:
        raise UserError("The email address must be 320 characters or fewer")
    if role not in ROLES:
        raise UserError(f"Role must be one of: {', '.join(ROLES)}")
    if find_user(email) is not None:
        raise UserError("There is already an account with this email address")
    user = User(email=email, name=name.strip(), role=role, council_id=council.id, active=True)
    set_password(user, password)
    db.session.add(user)
    db.session.flush()
    audit.record("user_created", actor or "cli", council_id=council.id, user_id=user.id, role=role, email=email)
    return user


def set_active(user: User, active: bool, actor=None) -> None:
    """Deactivating also ends every session and revokes every API token, so reactivating brings neither back."""
    from easyread.records import audit

    user.active = active
    if not active:
        end_sessions(user)
        for token in tokens_of(user):
            if token.revoked_at is None:
                revoke_token(token, actor)
    audit.record(
        "user_reactivated" if active else "user_deactivated",
        actor,
        council_id=user.council_id,
        user_id=user.id,
        email=user.email,
    )


# --- sessions (one row per signed-in browser; the cookie holds only a random id) ---
def start_session(user: User) -> str:
    """A new session for `user`; returns the id to keep in the cookie (only its hash is stored)."""
    sid = secrets.token_urlsafe(32)
    # A cookie without an open row is refused either way, so this person's ended rows can go.
    db.session.execute(delete(UserSession).where(UserSession.user_id == user.id, UserSession.ended_at.is_not(None)))
    db.session.add(UserSession(user_id=user.id, sid_hash=_token_hash(sid)))
    db.session.flush()
    return sid


def session_open(user_id: int, sid: str | None) -> bool:
    """True if `sid` is a session of this user that has not been ended."""
    if not sid or not isinstance(sid, str) or len(sid) > 100:
        return False
    return (
        db.session.scalar(
            select(func.count())
            .select_from(UserSession)
            .where(
                UserSession.sid_hash == _token_hash(sid), UserSession.user_id == user_id, UserSession.ended_at.is_(None)
            )
        )
        == 1
    )


def end_session(sid: str | None) -> None:
    """End one session (signing out): a kept copy of its cookie stops working."""
    if sid and isinstance(sid, str):
        db.session.execute(
            update(UserSession)
            .where(UserSession.sid_hash == _token_hash(sid), UserSession.ended_at.is_(None))
            .values(ended_at=_now())
        )


def end_sessions(user: User, keep_sid: str | None = None) -> int:
    """End every session of `user` except `keep_sid` (after a password change or deactivation). Returns how many."""
    query = update(UserSession).where(UserSession.user_id == user.id, UserSession.ended_at.is_(None))
    if keep_sid:
        query = query.where(UserSession.sid_hash != _token_hash(keep_sid))
    return db.session.execute(query.values(ended_at=_now())).rowcount or 0


# --- API tokens ---
def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(user: User, name: str = "", actor=None) -> tuple[ApiToken, str]:
    """Make an API token for `user`. Returns (row, token); the token itself is never stored."""
    from easyread.records import audit

    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.id, name=(name or "API token")[:255], token_hash=_token_hash(token))
    db.session.add(row)
    db.session.flush()
    audit.record("token_created", actor or "cli", council_id=user.council_id, user_id=user.id, token_id=row.id)
    return row, token


def tokens_of(user: User) -> list[ApiToken]:
    """Every API token of `user`, newest first, revoked ones too."""
    return list(
        db.session.scalars(
            select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
        )
    )


def revoke_token(token: ApiToken, actor=None) -> bool:
    """Stop a token working (sets `revoked_at`) and audit it. False if it was already revoked."""
    from easyread.records import audit

    if token.revoked_at is not None:
        return False
    token.revoked_at = _now()
    audit.record(
        "token_revoked", actor or "cli", council_id=token.user.council_id, user_id=token.user_id, token_id=token.id
    )
    return True


def user_for_token(token: str) -> User | None:
    """The active user a token belongs to (and note when it was used), or None. Commits the use time."""
    if not token or not token.startswith(TOKEN_PREFIX):
        return None
    row = db.session.scalar(
        select(ApiToken).where(ApiToken.token_hash == _token_hash(token), ApiToken.revoked_at.is_(None))
    )
    if row is None or not row.user.active:
        return None
    row.last_used_at = _now()
    db.session.commit()
    return row.user


# --- changes the web pages make, each committed ---
def user_by_id(user_id: int) -> User | None:
    """The account with this id, or None."""
    return db.session.get(User, user_id)


def sign_in(user: User) -> str:
    """Start a session for `user` and audit the sign-in, committed; the session id for the cookie."""
    from easyread.records import audit

    sid = start_session(user)
    audit.record("sign_in", user, user_id=user.id)
    db.session.commit()
    return sid


def sign_in_failed(user: User | None, email: str) -> None:
    """Audit a wrong email or password (`user` is the account of that email, if there is one), committed."""
    from easyread.records import audit

    audit.record("sign_in_failed", None, council_id=user.council_id if user else None, email=email[:320])
    db.session.commit()


def sign_out(user: User | None, sid: str | None) -> None:
    """End this browser's session and audit it (when someone was signed in), committed."""
    from easyread.records import audit

    if user is not None:
        audit.record("sign_out", user, user_id=user.id)
    end_session(sid)
    db.session.commit()


def change_password(user: User, password: str, *, keep_sid: str | None) -> int:
    """Set a new password, end the person's other sessions and audit it, committed; how many sessions ended.

    Raises UserError (nothing is stored) when the password is not allowed."""
    from easyread.records import audit

    set_password(user, password)
    ended = end_sessions(user, keep_sid=keep_sid)
    audit.record("password_changed", user, user_id=user.id, sessions_ended=ended)
    db.session.commit()
    return ended


def revoke_own_token(user: User, token_id: int) -> bool:
    """Revoke one of `user`'s own API tokens, committed. False if they have no token with this id."""
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        return False
    revoke_token(token, user)
    db.session.commit()
    return True


def in_council(council_id: int, user_id: int) -> User | None:
    """The council's account with this id, or None."""
    user = db.session.get(User, user_id)
    return user if user is not None and user.council_id == council_id else None


def of_council(council_id: int) -> list[User]:
    """Every account of the council, by name then email."""
    return list(db.session.scalars(select(User).where(User.council_id == council_id).order_by(User.name, User.email)))


def add_account(email: str, name: str, role: str, council: Council, password: str, *, actor) -> User:
    """`create_user`, committed. Raises UserError (nothing is stored)."""
    user = create_user(email, name, role, council, password, actor=actor)
    db.session.commit()
    return user


def change_active(user: User, active: bool, *, actor) -> None:
    """`set_active`, committed."""
    set_active(user, active, actor=actor)
    db.session.commit()


def token_by_id(token_id: int) -> ApiToken | None:
    """The API token with this id, or None."""
    return db.session.get(ApiToken, token_id)


def revoke(token: ApiToken, *, actor) -> None:
    """`revoke_token`, committed."""
    revoke_token(token, actor)
    db.session.commit()

"""Database tables.

Councils own users and letters; every query the web app makes about letters is
filtered by the signed-in user's council (see `easyread.records.letters` and `easyread.web.auth`).
`Letter` is an uploaded letter's row (table `documents`); `easyread.documents.model.Document` is the
letter as read, which the domain works on.
Drafts are append-only: every change is a new `DraftVersion`, nothing is overwritten.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from easyread.store.db import db

ROLES = ("admin", "staff", "reviewer")
DOCUMENT_STATUSES = ("queued", "running", "done", "failed")


def _now() -> datetime:
    return datetime.now(UTC)


class AuditEvent(db.Model):
    """Append-only record of what happened, who did it and when.

    The NHS Accessible Information Standard asks councils to show that a person
    who needs Easy Read got it; this table is that record. Write to it only through
    `easyread.records.audit.record`, which checks each event's required fields.
    """

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, nullable=False, index=True)
    event: Mapped[str] = mapped_column(String(64), nullable=False)
    actor: Mapped[str | None] = mapped_column(String(255))
    details: Mapped[dict] = mapped_column(JSON, default=dict, nullable=False)
    # No foreign key on purpose: the record outlives anything it mentions.
    council_id: Mapped[int | None] = mapped_column(Integer, index=True)


class Council(db.Model):
    """A council using this service. Users and documents belong to exactly one."""

    __tablename__ = "councils"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255), nullable=False)
    slug: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)


class User(db.Model):
    """A person who signs in. `role` is one of ROLES. Deactivated users cannot sign in."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id"), nullable=False, index=True)
    email: Mapped[str] = mapped_column(String(320), nullable=False, unique=True)  # stored lower-case
    name: Mapped[str] = mapped_column(String(255), nullable=False)
    role: Mapped[str] = mapped_column(String(16), nullable=False, default="staff")
    password_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, nullable=False)

    council: Mapped[Council] = relationship()

    # --- Flask-Login's user interface ---
    @property
    def is_active(self) -> bool:
        return bool(self.active)

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return str(self.id)


class ApiToken(db.Model):
    """A token for the REST API. Only its SHA-256 hash is kept; the token is shown once."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(255), nullable=False, default="")
    token_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, nullable=False)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship()


class UserSession(db.Model):
    """One signed-in browser. The cookie holds a random id whose hash is here; every request checks the row.

    Ending a row (`ended_at`) signs that browser out even if someone kept a copy of its cookie.
    """

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False, index=True)
    sid_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, nullable=False)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class SignInLimit(db.Model):
    """Wrong passwords or codes counted under one key ("account:<email>", "address:<ip>", "reviewer:<id>").

    Updated only by single conditional UPDATE statements (see `easyread.records.throttle`), so parallel requests
    cannot both pass: `busy_until` lets one check run at a time, `next_at` is when the next may start.
    """

    __tablename__ = "sign_in_limits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(400), nullable=False, unique=True)
    failures: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    next_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    busy_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_failure_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class LoginAttempt(db.Model):
    """Unused since sign-in limits moved to `SignInLimit`; kept so older databases migrate cleanly."""

    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(320), nullable=False, index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, nullable=False, index=True)


class Letter(db.Model):
    """An uploaded letter and the background task that turns it into Easy Read.

    The original file is kept unchanged in the instance folder at
    `uploads/<content_hash>` (see `original_path`); `parsed` is that file as the upload read it
    (`Document.to_dict()`), so the task and the pages never read the file again (None for letters from
    before it was kept, and after retention removes the original). `options` holds
    {"model": str, "languages": [str], "formats": [str]}; `progress` holds
    {"stage": str, "done": int, "total": int, "percent": int, "task": {"kind": str, "token": str, ...parameters}}
    (see easyread.jobs.tasks); `error` is one plain-English sentence.
    """

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id"), nullable=False, index=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str] = mapped_column(String(255), nullable=False, default="")
    filename: Mapped[str] = mapped_column(String(255), nullable=False, default="")
    source_kind: Mapped[str] = mapped_column(String(16), nullable=False, default="")  # docx, pdf, text, markdown
    content_hash: Mapped[str] = mapped_column(String(64), nullable=False, index=True)  # SHA-256 hex of the original
    original_path: Mapped[str] = mapped_column(
        String(1024), nullable=False, default=""
    )  # relative to the instance folder
    parsed: Mapped[dict | None] = mapped_column(JSON)
    options: Mapped[dict] = mapped_column(JSON, default=dict, nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="queued", index=True)
    progress: Mapped[dict] = mapped_column(JSON, default=dict, nullable=False)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, nullable=False, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, onupdate=_now, nullable=False)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    council: Mapped[Council] = relationship()
    creator: Mapped[User | None] = relationship()
    versions: Mapped[list[DraftVersion]] = relationship(
        back_populates="document", order_by="DraftVersion.number", cascade="all, delete-orphan"
    )


class DraftVersion(db.Model):
    """One version of a document's Easy Read draft in one language. Never updated: a change is a new row.

    `number` counts up from 1 per (document, language). `draft` is
    `EasyReadDocument.to_dict()`; `report` is the checks report's `to_dict()`.
    `created_by` is a user id, or None when the system (a background task) made it.
    """

    __tablename__ = "draft_versions"
    __table_args__ = (UniqueConstraint("document_id", "language", "number", name="uq_draft_versions_doc_lang_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), nullable=False, index=True)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    language: Mapped[str] = mapped_column(String(16), nullable=False, default="en")
    draft: Mapped[dict] = mapped_column(JSON, nullable=False)
    report: Mapped[dict] = mapped_column(JSON, default=dict, nullable=False)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")

    document: Mapped[Letter] = relationship(back_populates="versions")
    author: Mapped[User | None] = relationship()


# --- co-design review with residents (easyread/review) ---
class ReviewerAccess(db.Model):
    """How a resident reviewer signs in: a personal link plus a short picture or number code.

    Only hashes are kept. The invite token is single-use (it sets the code up);
    the sign-in key is the secret in the reviewer's own link.
    """

    __tablename__ = "reviewer_access"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False, unique=True)
    invite_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    invite_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    key_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    code_kind: Mapped[str | None] = mapped_column(String(16))  # "pictures" or "number"
    code_hash: Mapped[str | None] = mapped_column(String(255))
    set_up_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    key_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # the sign-in link stops working
    # Wrong codes in total since the last set-up (not a streak): at CODE_MAX_FAILURES the code is locked.
    code_failures: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, nullable=False)

    user: Mapped[User] = relationship()


class ReviewRound(db.Model):
    """One draft version sent to some reviewers. `draft` is the redacted copy: the only text reviewers get.

    `status`: "preparing" (staff check the redactions), "open" (sent), "closed", "cancelled" (never sent).
    `redactions`: [{"text", "label", "source"}] hidden before sending (personal data: emptied by retention).
    """

    __tablename__ = "review_rounds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), nullable=False, index=True)
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id"), nullable=False, index=True)
    language: Mapped[str] = mapped_column(String(16), nullable=False, default="en")
    version_number: Mapped[int] = mapped_column(Integer, nullable=False)
    draft: Mapped[dict] = mapped_column(JSON, nullable=False)
    redactions: Mapped[list] = mapped_column(JSON, default=list, nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    due_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="preparing", index=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, nullable=False)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    assignments: Mapped[list[ReviewAssignment]] = relationship(back_populates="round", cascade="all, delete-orphan")


class ReviewAssignment(db.Model):
    """A reviewer asked to review one round, and their answer to "Was this easy to read?"."""

    __tablename__ = "review_assignments"
    __table_args__ = (UniqueConstraint("round_id", "reviewer_id", name="uq_review_assignments_round_reviewer"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("review_rounds.id"), nullable=False, index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False, index=True)
    supporter: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    overall: Mapped[str | None] = mapped_column(String(16))  # "easy", "okay", "hard"
    responded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    round: Mapped[ReviewRound] = relationship(back_populates="assignments")
    reviewer: Mapped[User] = relationship()


class ReviewFeedback(db.Model):
    """One tap or comment by a reviewer on one point. Append-only: the latest row per point is their answer."""

    __tablename__ = "review_feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("review_assignments.id"), nullable=False, index=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("review_rounds.id"), nullable=False, index=True)
    section: Mapped[int] = mapped_column(Integer, nullable=False)
    point: Mapped[int] = mapped_column(Integer, nullable=False)
    answer: Mapped[str | None] = mapped_column(String(16))  # "understand", "not_sure", "not_understand"
    hard_words: Mapped[list] = mapped_column(JSON, default=list, nullable=False)
    reasons: Mapped[list] = mapped_column(JSON, default=list, nullable=False)
    comment: Mapped[str] = mapped_column(Text, nullable=False, default="")
    supporter: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, nullable=False)


class DraftApproval(db.Model):
    """Staff approved one version of a draft as final. Append-only; the newest row for a language wins."""

    __tablename__ = "draft_approvals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), nullable=False, index=True)
    language: Mapped[str] = mapped_column(String(16), nullable=False, default="en")
    version_number: Mapped[int] = mapped_column(Integer, nullable=False)
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, nullable=False)


class MemorySegment(db.Model):
    """A translation memory entry: an approved point's English and translation, facts as placeholders
    (see easyread.translate.memory). One row per council, language and English key; a later approval
    of the same words replaces the translation."""

    __tablename__ = "translation_memory"
    __table_args__ = (UniqueConstraint("council_id", "language", "key_hash", name="uq_translation_memory_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id"), nullable=False, index=True)
    language: Mapped[str] = mapped_column(String(16), nullable=False)
    # SHA-256 of the lookup key: the English with each fact as its kind
    key_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    source: Mapped[str] = mapped_column(Text, nullable=False)
    target: Mapped[str] = mapped_column(Text, nullable=False)
    kinds: Mapped[list] = mapped_column(JSON, default=list, nullable=False)
    slots: Mapped[list] = mapped_column(JSON, default=list, nullable=False)
    example_source: Mapped[str] = mapped_column(Text, nullable=False, default="")
    example_target: Mapped[str] = mapped_column(Text, nullable=False, default="")
    origin: Mapped[str] = mapped_column(String(16), nullable=False, default="approved")  # "approved" or "tmx"
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, onupdate=_now, nullable=False)

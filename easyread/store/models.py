"""Database tables."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from easyread.store.db import db


def _now() -> datetime:
    return datetime.now(timezone.utc)


class AuditEvent(db.Model):
    """Append-only record of what happened, who did it and when.

    The NHS Accessible Information Standard asks councils to show that a person
    who needs Easy Read got it; this table is that record.
    """

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, nullable=False, index=True)
    event: Mapped[str] = mapped_column(String(64), nullable=False)
    actor: Mapped[str | None] = mapped_column(String(255))
    details: Mapped[dict] = mapped_column(JSON, default=dict, nullable=False)

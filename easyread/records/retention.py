"""Retention: delete originals and personal data after a set number of days, and delete a letter entirely.

`purge` is what `easyread review purge` (and a scheduled job) runs: for letters
uploaded more than RETENTION_DAYS ago it deletes the original file and the personal
data that was hidden from reviewers (the round's list of hidden words); letters
deleted by staff that long ago are deleted entirely. `erase` deletes one letter
with its versions, rounds, feedback, approvals and files. The audit log keeps a
line for each (it names ids, never the personal data).
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, func, select

from easyread.records import audit
from easyread.review import speech
from easyread.store.db import db
from easyread.store.models import DraftApproval, DraftVersion, Letter, ReviewAssignment, ReviewFeedback, ReviewRound


def _now() -> datetime:
    return datetime.now(UTC)


def audio_dir(instance: str | Path) -> Path:
    """The cache of spoken review points (easyread.review.speech) in the instance folder."""
    return Path(instance) / "review-audio"


def _original_shared(doc: Letter) -> bool:
    """Another letter still uses the same original file (uploads are stored by content hash)."""
    return bool(
        db.session.scalar(
            select(func.count())
            .select_from(Letter)
            .where(Letter.content_hash == doc.content_hash, Letter.id != doc.id, Letter.deleted_at.is_(None))
        )
    )


def _remove_original(doc: Letter, instance: str | Path) -> bool:
    if not doc.original_path.startswith("uploads/") or _original_shared(doc):
        return False
    path = Path(instance) / doc.original_path
    if path.is_file():
        path.unlink()
        return True
    return False


def _round_texts(rounds: list[ReviewRound]) -> list[str]:
    texts = []
    for r in rounds:
        texts.append(r.draft.get("title", ""))
        for section in r.draft.get("sections", []):
            texts += [p.get("text", "") for p in section.get("points", [])]
    return texts


def erase(doc: Letter, instance: str | Path, *, actor, reason: str = "asked") -> None:
    """Delete the letter entirely: versions, review rounds and feedback, approvals, made files, audio and the original."""
    rounds = list(db.session.scalars(select(ReviewRound).where(ReviewRound.document_id == doc.id)))
    round_ids = [r.id for r in rounds]
    speech.remove_for(audio_dir(instance), _round_texts(rounds))
    if round_ids:
        db.session.execute(delete(ReviewFeedback).where(ReviewFeedback.round_id.in_(round_ids)))
        db.session.execute(delete(ReviewAssignment).where(ReviewAssignment.round_id.in_(round_ids)))
        db.session.execute(delete(ReviewRound).where(ReviewRound.id.in_(round_ids)))
    db.session.execute(delete(DraftApproval).where(DraftApproval.document_id == doc.id))
    db.session.execute(delete(DraftVersion).where(DraftVersion.document_id == doc.id))
    _remove_original(doc, instance)
    shutil.rmtree(Path(instance) / "outputs" / str(doc.id), ignore_errors=True)
    doc_id, council_id = doc.id, doc.council_id
    db.session.delete(doc)
    audit.record(
        "document_erased", actor, council_id=council_id, document_id=doc_id, reason=reason, rounds=len(round_ids)
    )


def purge(instance: str | Path, days: int, *, now: datetime | None = None, actor="system") -> dict:
    """Apply the retention period. Returns {"originals": n, "rounds": n, "erased": n}. Commits."""
    counts = {"originals": 0, "rounds": 0, "erased": 0}
    if not days or days <= 0:
        return counts
    cutoff = (now or _now()) - timedelta(days=days)
    for doc in db.session.scalars(
        select(Letter).where(Letter.deleted_at.is_not(None), Letter.deleted_at < cutoff)
    ).all():
        erase(doc, instance, actor=actor, reason="retention")
        counts["erased"] += 1
    db.session.commit()
    for doc in db.session.scalars(select(Letter).where(Letter.deleted_at.is_(None), Letter.created_at < cutoff)).all():
        removed = _remove_original(doc, instance)
        if doc.parsed is not None:  # the letter as the upload read it holds the original's words too
            doc.parsed = None
            removed = True
        shutil.rmtree(Path(instance) / "outputs" / str(doc.id), ignore_errors=True)
        cleared = 0
        for r in db.session.scalars(select(ReviewRound).where(ReviewRound.document_id == doc.id)):
            if any(x.get("text") for x in r.redactions or []):
                # Keep how many and what kind were hidden (for the record), never the words themselves.
                r.redactions = [{"text": "", "label": x.get("label", ""), "source": "purged"} for x in r.redactions]
                cleared += 1
        if removed or cleared:
            counts["originals"] += int(removed)
            counts["rounds"] += cleared
            audit.record(
                "retention_purged",
                actor,
                council_id=doc.council_id,
                document_id=doc.id,
                original=removed,
                rounds=cleared,
                days=days,
            )
    db.session.commit()
    return counts

"""Draft versions in the database: the latest one, the next one, and the original letter they came from.

Used by the web pages, the API and the jobs (never by the domain). A change by a
person is checked again (findings, fact lock) and stored as a new DraftVersion
(`save`, committed); a task's new version is added by `add_made` and committed with
the letter's status (`records.letters.task_done`). No row is ever updated.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

from sqlalchemy import func, select

from easyread.store.db import db
from easyread.store.models import DraftVersion

LANGUAGE = "en"

_cache: OrderedDict = OrderedDict()
_cache_lock = threading.Lock()


class StaleVersion(Exception):
    """The page was made from an older version than the latest one."""


def latest(doc, language: str = LANGUAGE) -> DraftVersion | None:
    return db.session.scalar(
        select(DraftVersion)
        .where(DraftVersion.document_id == doc.id, DraftVersion.language == language)
        .order_by(DraftVersion.number.desc())
        .limit(1)
    )


def get(doc, number: int, language: str = LANGUAGE) -> DraftVersion | None:
    return db.session.scalar(
        select(DraftVersion).where(
            DraftVersion.document_id == doc.id, DraftVersion.language == language, DraftVersion.number == number
        )
    )


def all_versions(doc, language: str = LANGUAGE) -> list[DraftVersion]:
    return list(
        db.session.scalars(
            select(DraftVersion)
            .where(DraftVersion.document_id == doc.id, DraftVersion.language == language)
            .order_by(DraftVersion.number.desc())
        )
    )


def next_number(doc, language: str = LANGUAGE) -> int:
    top = db.session.scalar(
        select(func.max(DraftVersion.number)).where(
            DraftVersion.document_id == doc.id, DraftVersion.language == language
        )
    )
    return (top or 0) + 1


def original_bytes(doc, instance: str | Path) -> bytes:
    return (Path(instance) / doc.original_path).read_bytes()


def original_document(doc, instance: str | Path, settings: dict):
    """The original letter as a Document (as the upload read it; for older letters read once per process and kept
    for the last 32), or None."""
    from easyread.documents.model import Document
    from easyread.documents.read import read_document
    from easyread.records.letters import as_read

    stored = as_read(doc)
    if stored is not None:
        return stored

    key = (doc.content_hash, doc.filename)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return Document.from_dict(_cache[key])
    try:
        letter = read_document(original_bytes(doc, instance), filename=doc.filename, settings=settings)
    except Exception:  # a missing or unreadable original: the page shows the draft without it
        return None
    with _cache_lock:
        _cache[key] = letter.to_dict()
        while len(_cache) > 32:
            _cache.popitem(last=False)
    return letter


def save(
    doc,
    draft: dict,
    *,
    user,
    note: str,
    change: str,
    settings: dict,
    instance: str | Path,
    based_on: int | None = None,
    language: str = LANGUAGE,
) -> DraftVersion:
    """Check `draft` again and store it as the next version, with an audit event. Raises StaleVersion
    when `based_on` (the version the person was looking at) is no longer the latest."""
    from easyread.glossary import council as council_glossary
    from easyread.jobs.work import recheck

    current = latest(doc, language)
    if based_on is not None and current is not None and current.number != based_on:
        raise StaleVersion()
    letter = original_document(doc, instance, settings)
    checked, report = recheck(
        draft,
        letter.text() if letter else None,
        glossary=council_glossary.glossary_for(settings, doc.council_id),
        settings=settings,
    )
    version = add_edited(doc, language, checked, report, user=user, note=note, change=change)
    db.session.commit()
    return version


def _add(doc, language: str, draft: dict, report: dict, *, user, note: str, event: str, actor, **details):
    from easyread.records import audit

    number = next_number(doc, language)
    version = DraftVersion(
        document_id=doc.id,
        number=number,
        language=language,
        draft=draft,
        report=report,
        created_by=getattr(user, "id", None),
        note=note,
    )
    db.session.add(version)
    audit.record(
        event, actor, council_id=doc.council_id, document_id=doc.id, version=number, language=language, **details
    )
    return version


def add_edited(doc, language: str, draft: dict, report: dict, *, user, note: str, change: str) -> DraftVersion:
    """Add `draft` as the next version of `language` made by a person, with its `draft_edited` audit event
    (not committed: the caller commits with whatever else belongs to the same change)."""
    return _add(doc, language, draft, report, user=user, note=note, event="draft_edited", actor=user, change=change)


def add_made(doc, language: str, draft: dict, report: dict, *, note: str, user=None) -> DraftVersion:
    """Add `draft` as the next version of `language` made by a task (asked for by `user`, or by the service
    itself), with its `draft_created` audit event (not committed: the task commits it with the letter's status)."""
    return _add(doc, language, draft, report, user=user, note=note, event="draft_created", actor=user or "system")

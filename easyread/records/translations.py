"""Translations and translation memory in the database (used by the web pages, jobs and CLI; never by the domain).

A translated version changed by a person (a returned XLIFF, a fluent speaker's edit)
is stored as the next version of its language, as it was checked by the domain
functions: the English checks are not run on it.
"""

from __future__ import annotations

from easyread.config import resolved
from easyread.documents.model import EasyReadDocument
from easyread.records import versions
from easyread.store.db import db
from easyread.store.models import DraftVersion
from easyread.translate.pipeline import TRANSLATION_FLAGS


def english_for(doc, version: DraftVersion) -> DraftVersion | None:
    """The English version a translation was made from (else the latest English)."""
    return versions.get(doc, int((version.report or {}).get("from_version") or 0)) or versions.latest(doc)


def save_translation(
    doc,
    code: str,
    draft: EasyReadDocument,
    *,
    based_on: DraftVersion,
    user,
    note: str,
    change: str,
    english: EasyReadDocument | None = None,
) -> DraftVersion:
    """Store `draft` as the next version of language `code`, with the summary of `based_on` brought up to date.

    With the `english` draft, its approved points go into the council's translation memory."""
    report = dict(based_on.report or {})
    summary = dict(report.get("translation") or {})
    points = draft.points()
    summary["flagged"] = sum(1 for p in points if any(f in TRANSLATION_FLAGS for f in p.flags))
    summary["facts_kept"] = sum(1 for p in points if "translation-facts" not in p.flags)
    summary["points"] = len(points)
    report["translation"] = summary
    version = versions.add_edited(doc, code, draft.to_dict(), report, user=user, note=note, change=change)
    if english is not None:
        remember_approved(doc, code, english, draft, user=user)
    db.session.commit()
    return version


def _key_hash(segment) -> str:
    import hashlib

    return hashlib.sha256(segment.key.encode("utf-8")).hexdigest()


def memory_segments(council_id: int, code: str) -> list:
    """Every memory segment of a council in one language, oldest first."""
    from sqlalchemy import select

    from easyread.store.models import MemorySegment
    from easyread.translate.memory import Segment

    rows = db.session.scalars(
        select(MemorySegment)
        .where(MemorySegment.council_id == council_id, MemorySegment.language == code)
        .order_by(MemorySegment.id)
    )
    return [
        Segment(r.source, r.target, list(r.kinds), list(r.slots), r.example_source, r.example_target, r.id)
        for r in rows
    ]


def load_memory(council_id: int | None, code: str, settings: dict):
    """The council's translation memory for `code`, ready for lookups (empty without a council)."""
    from easyread.translate.memory import Memory

    segments = memory_segments(council_id, code) if council_id is not None else []
    return Memory(
        code,
        segments,
        fuzzy_min=resolved(settings).TRANSLATE_MEMORY_FUZZY_MIN,
    )


def store_segments(
    council_id: int, code: str, segments: list, *, origin: str, user=None, document_id: int | None = None
) -> tuple[int, int]:
    """Add segments to the council's memory; a segment with the same English replaces the old one.

    Returns (added, replaced)."""
    from sqlalchemy import select

    from easyread.store.models import MemorySegment

    added = replaced = 0
    for segment in segments:
        key = _key_hash(segment)
        row = db.session.scalar(
            select(MemorySegment).where(
                MemorySegment.council_id == council_id, MemorySegment.language == code, MemorySegment.key_hash == key
            )
        )
        if row is None:
            row = MemorySegment(council_id=council_id, language=code, key_hash=key)
            db.session.add(row)
            added += 1
        else:
            replaced += 1
        row.source, row.target, row.kinds, row.slots = (
            segment.source,
            segment.target,
            list(segment.kinds),
            list(segment.slots),
        )
        row.example_source, row.example_target, row.origin = segment.example_source, segment.example_target, origin
        row.document_id, row.created_by = document_id, getattr(user, "id", None)
    db.session.flush()
    return added, replaced


def remember_approved(doc, code: str, english: EasyReadDocument, translated: EasyReadDocument, *, user=None) -> int:
    """Put every approved point of `translated` into the council's memory; the number of points stored."""
    from easyread.translate.memory import make_segment
    from easyread.translate.origin import is_approved

    segments = []
    for en_point, point in zip(english.points(), translated.points()):
        if is_approved(point) and "translation-facts" not in point.flags:
            segment = make_segment(en_point.text, point.text, code)
            if segment is not None:
                segments.append(segment)
    if segments:
        store_segments(doc.council_id, code, segments, origin="approved", user=user, document_id=doc.id)
    return len(segments)


def memory_size(council_id: int, code: str) -> int:
    """How many entries the council's memory has for `code`."""
    from sqlalchemy import func, select

    from easyread.store.models import MemorySegment

    return (
        db.session.scalar(
            select(func.count(MemorySegment.id)).where(
                MemorySegment.council_id == council_id, MemorySegment.language == code
            )
        )
        or 0
    )


def import_memory(council_id: int, code: str, segments: list, *, user) -> tuple[int, int]:
    """Add a TMX file's segments to the council's memory and audit it, committed; (added, replaced)."""
    from easyread.records import audit

    added, replaced = store_segments(council_id, code, segments, origin="tmx", user=user)
    audit.record("memory_imported", user, council_id=council_id, language=code, added=added, replaced=replaced)
    db.session.commit()
    return added, replaced

"""Translations and translation memory in the database (used by the web pages, jobs and CLI; never by the domain).

A translated version changed by a person (a returned XLIFF, a fluent speaker's edit)
is stored as the next version of its language, as it was checked by the domain
functions: the English checks are not run on it.
"""
from __future__ import annotations

from easyread import audit, versions
from easyread.documents.model import EasyReadDocument
from easyread.store.db import db
from easyread.store.models import DraftVersion
from easyread.translate.pipeline import TRANSLATION_FLAGS


def english_for(doc, version: DraftVersion) -> DraftVersion | None:
    """The English version a translation was made from (else the latest English)."""
    return versions.get(doc, int((version.report or {}).get("from_version") or 0)) or versions.latest(doc)


def save_translation(doc, code: str, draft: EasyReadDocument, *, based_on: DraftVersion, user, note: str, change: str) -> DraftVersion:
    """Store `draft` as the next version of language `code`, with the summary of `based_on` brought up to date."""
    report = dict(based_on.report or {})
    summary = dict(report.get("translation") or {})
    points = draft.points()
    summary["flagged"] = sum(1 for p in points if any(f in TRANSLATION_FLAGS for f in p.flags))
    summary["facts_kept"] = sum(1 for p in points if "translation-facts" not in p.flags)
    summary["points"] = len(points)
    report["translation"] = summary
    number = versions.next_number(doc, code)
    version = DraftVersion(document_id=doc.id, number=number, language=code, draft=draft.to_dict(), report=report,
                           created_by=getattr(user, "id", None), note=note)
    db.session.add(version)
    audit.record("draft_edited", user, council_id=doc.council_id, document_id=doc.id, version=number, language=code, change=change)
    db.session.commit()
    return version

"""Shared by the documents & jobs tests: the app with jobs running at once, letters, and helpers.

    from doc_support import app, upload  # noqa: F401  (fixtures)
"""
from __future__ import annotations

import io

import pytest

LETTER = (
    "Council Tax reminder\n\n"
    "Dear Ms Smith,\n\n"
    "You must pay £120 by 1 May 2025. <script>alert(1)</script>\n\n"
    "If you do not pay, we may take you to court.\n\n"
    "Call us on 01234 567890 if you need help.\n\n"
    "Yours sincerely,\n\nRevenue Team\n"
)


@pytest.fixture
def app(app):
    """The platform's app, with jobs run inside the request (immediate mode) and no picture model."""
    from easyread import jobs

    settings = app.config["EASYREAD"]
    settings["QUEUE_URL"] = "immediate"
    settings["PICTURE_DEFAULT_SET"] = "none"
    jobs.configure(settings)
    return app


@pytest.fixture
def upload(post):
    """upload(client, text=LETTER, **fields) -> response of the upload form (model none, no pictures by default)."""

    def do(client, text: str | bytes = LETTER, filename: str = "letter.txt", follow: bool = False, **fields):
        data = {"model": "none", "formats": ["docx", "html", "pdf", "txt"], "title": ""}
        data.update(fields)
        if text is not None:
            raw = text.encode("utf-8") if isinstance(text, str) else text
            data["file"] = (io.BytesIO(raw), filename)
        return post(client, "/documents/new", data, content_type="multipart/form-data", follow_redirects=follow)

    return do


def doc_id_from(response) -> int:
    assert response.status_code == 302, response.data[:500]
    return int(response.headers["Location"].rstrip("/").split("/")[-1])


def latest_draft(app, doc_id: int):
    from easyread import versions
    from easyread.store.db import db
    from easyread.store.models import Document

    with app.app_context():
        doc = db.session.get(Document, doc_id)
        version = versions.latest(doc)
        return (version.number, version.draft, version.report) if version else (0, None, None)


def audit_events(app, event: str) -> list[dict]:
    from sqlalchemy import select

    from easyread.store.db import db
    from easyread.store.models import AuditEvent

    with app.app_context():
        return [dict(e.details, actor=e.actor) for e in db.session.scalars(select(AuditEvent).where(AuditEvent.event == event).order_by(AuditEvent.id))]

"""Shared by the documents & jobs tests: a letter and helpers (the `upload` fixture is in tests/web/conftest.py).

from tests.web.doc_support import LETTER, doc_id_from
"""

from __future__ import annotations

LETTER = (
    "Council Tax reminder\n\n"
    "Dear Ms Smith,\n\n"
    "You must pay £120 by 1 May 2025. <script>alert(1)</script>\n\n"
    "If you do not pay, we may take you to court.\n\n"
    "Call us on 01234 567890 if you need help.\n\n"
    "Yours sincerely,\n\nRevenue Team\n"
)


def doc_id_from(response) -> int:
    assert response.status_code == 302, response.data[:500]
    return int(response.headers["Location"].rstrip("/").split("/")[-1])


def latest_draft(app, doc_id: int):
    from easyread.records import versions
    from easyread.store.db import db
    from easyread.store.models import Letter

    with app.app_context():
        doc = db.session.get(Letter, doc_id)
        version = versions.latest(doc)
        return (version.number, version.draft, version.report) if version else (0, None, None)


def audit_events(app, event: str) -> list[dict]:
    from sqlalchemy import select

    from easyread.store.db import db
    from easyread.store.models import AuditEvent

    with app.app_context():
        return [
            dict(e.details, actor=e.actor)
            for e in db.session.scalars(select(AuditEvent).where(AuditEvent.event == event).order_by(AuditEvent.id))
        ]

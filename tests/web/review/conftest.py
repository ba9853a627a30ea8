"""Review fixtures (on top of the web fixtures in tests/web/conftest.py): a letter with planted personal data,
its draft made straight in the database (no model), reviewers, and a round sent to them.

    def test_x(staff_client, letter_doc, sent_round, reviewer_session): ...
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.web.conftest import signed_in

LETTER = """Ms Jane Smith
12 Acacia Avenue
Testtown
TE1 2ST

Our ref: CT-998877
National Insurance number: QQ 12 34 56 C

Dear Ms Smith,

Your council tax bill is £120. You must pay by 1 May 2025.

Call us on 01234 567890.

Yours sincerely,

Revenue Team
"""

# Every piece of personal data planted in the letter, its title and its draft: none may reach a reviewer.
PERSONAL = [
    "Jane",
    "Smith",
    "Acacia",
    "Testtown",
    "TE1 2ST",
    "CT-998877",
    "QQ 12 34 56 C",
    "QQ123456C",
    "03/04/1961",
    "07700 900123",
    "jane.smith@example.com",
    "4455667788",
]

DRAFT = {
    "title": "Your council tax, Ms Jane Smith",
    "language": "en",
    "credits": [],
    "sections": [
        {
            "heading": "About you",
            "points": [
                {
                    "text": "This letter is for Jane Smith at 12 Acacia Avenue, Testtown TE1 2ST.",
                    "picture": None,
                    "findings": [],
                    "flags": [],
                    "source_index": 0,
                },
                {
                    "text": "Your reference is CT-998877. Your account is 4455667788.",
                    "picture": None,
                    "findings": [
                        {
                            "rule_id": "x",
                            "severity": "warn",
                            "message": "Check Jane Smith",
                            "text": "Jane Smith",
                            "start": 0,
                            "end": 4,
                        }
                    ],
                    "flags": [],
                    "source_index": 1,
                },
                {
                    "text": "Your NI number is QQ 12 34 56 C. You were born on 03/04/1961.",
                    "picture": None,
                    "findings": [],
                    "flags": [],
                    "source_index": 2,
                },
                {
                    "text": "We can phone you on 07700 900123 or email jane.smith@example.com.",
                    "picture": None,
                    "findings": [],
                    "flags": [],
                    "source_index": 3,
                },
            ],
        },
        {
            "heading": "Paying",
            "points": [
                {
                    "text": "You must pay £120 by 1 May 2025.",
                    "picture": None,
                    "findings": [],
                    "flags": [],
                    "source_index": 4,
                },
                {
                    "text": "Council tax pays for bins and roads.",
                    "picture": None,
                    "findings": [],
                    "flags": [],
                    "source_index": 4,
                },
                {
                    "text": "If you do not pay, we may take you to court.",
                    "picture": None,
                    "findings": [],
                    "flags": [],
                    "source_index": 5,
                },
            ],
        },
    ],
}


@pytest.fixture
def letter_doc(app, council, staff):
    """A letter with planted personal data: the original file in uploads/ and version 1 of its draft. Returns its id."""
    from easyread.documents.read import read_document
    from easyread.store.db import db
    from easyread.store.models import DraftVersion, Letter

    data = LETTER.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    uploads = Path(app.instance_path) / "uploads"
    uploads.mkdir(parents=True, exist_ok=True)
    (uploads / digest).write_bytes(data)
    with app.app_context():
        doc = Letter(
            council_id=council.id,
            created_by=staff.id,
            title="Letter for Jane Smith",
            filename="jane-smith.txt",
            source_kind="text",
            content_hash=digest,
            original_path=f"uploads/{digest}",
            parsed=read_document(data, filename="jane-smith.txt").to_dict(),  # as an upload stores it
            status="done",
            options={"model": "none", "formats": ["txt"]},
        )
        db.session.add(doc)
        db.session.flush()
        db.session.add(
            DraftVersion(
                document_id=doc.id,
                number=1,
                language="en",
                draft=DRAFT,
                report={},
                created_by=None,
                note="Made by the job",
            )
        )
        db.session.commit()
        return doc.id


@pytest.fixture
def make_reviewer(app, council):
    """make_reviewer(name, council=None) -> (user id, sign-in key, code list): a reviewer set up with pictures sun,cat,fish."""
    from easyread.records import invites
    from easyread.store.db import db
    from easyread.store.models import Council

    def make(name="Rosa Reviewer", target=None):
        with app.app_context():
            where = db.session.get(Council, (target or council).id)
            user = invites.create_reviewer(where, name, actor="test")
            token = invites.new_invite(user, 14, actor="test")
            key = invites.set_up(invites.access_for_invite(token), "pictures", ["sun", "cat", "fish"])
            db.session.commit()
            return user.id, key, ["sun", "cat", "fish"]

    return make


def reviewer_client_for(app, user_id):
    from easyread.store.db import db
    from easyread.store.models import User

    with app.app_context():
        user = db.session.get(User, user_id)
        db.session.expunge(user)
    return signed_in(app, user)


@pytest.fixture
def sent_round(app, letter_doc, staff, make_reviewer):
    """A round of version 1 sent to two reviewers. Returns dict(round_id, doc_id, reviewers=[ids], keys=[keys])."""
    from easyread.records import rounds
    from easyread.store.db import db
    from easyread.store.models import DraftVersion, Letter, User

    first, key1, _ = make_reviewer("Rosa Reviewer")
    second, key2, _ = make_reviewer("Ravi Reviewer")
    with app.app_context():
        doc = db.session.get(Letter, letter_doc)
        version = db.session.query(DraftVersion).filter_by(document_id=doc.id, number=1).one()
        from easyread.records import versions

        letter = versions.original_document(doc, app.instance_path, app.config["EASYREAD"])
        row = rounds.prepare(
            doc,
            version,
            [db.session.get(User, first), db.session.get(User, second)],
            due=None,
            note="Thank you for helping",
            user=db.session.get(User, staff.id),
            letter=letter,
            ignore=("Testshire Council",),
        )
        rounds.send(row, user=db.session.get(User, staff.id))
        db.session.commit()
        return {"round_id": row.id, "doc_id": doc.id, "reviewers": [first, second], "keys": [key1, key2]}


def audit_events(app, event: str) -> list[dict]:
    """Details of every audit event of this kind, oldest first."""
    from sqlalchemy import select

    from easyread.store.db import db
    from easyread.store.models import AuditEvent

    with app.app_context():
        return [
            dict(e.details, actor=e.actor)
            for e in db.session.scalars(select(AuditEvent).where(AuditEvent.event == event).order_by(AuditEvent.id))
        ]

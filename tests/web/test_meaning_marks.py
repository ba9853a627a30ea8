"""The draft page marks points the meaning check replaced or could not verify, not only 'meaning-unsupported'."""

from __future__ import annotations

import pytest

from tests.web.doc_support import doc_id_from


@pytest.mark.parametrize("flag", ["meaning-fallback", "meaning-unverified", "meaning-contradicts"])
def test_a_point_marked_by_the_meaning_check_says_a_person_should_check_it(app, staff_client, page, upload, flag):
    from easyread.records import versions
    from easyread.store.db import db
    from easyread.store.models import Letter

    doc_id = doc_id_from(upload(staff_client))
    before = page(staff_client.get(f"/documents/{doc_id}")).text.count("A person should check this")
    with app.app_context():
        doc = db.session.get(Letter, doc_id)
        draft = dict(versions.latest(doc).draft)
        point = next(p for s in draft["sections"] for p in s["points"] if not p.get("flags"))
        point["flags"] = [flag]
        versions.save(
            doc,
            draft,
            user=None,
            note="test",
            change="flag",
            settings=app.config["EASYREAD"],
            instance=app.instance_path,
        )
    after = page(staff_client.get(f"/documents/{doc_id}")).text.count("A person should check this")
    assert after == before + 1

"""Sign-in limits under parallel guessing, against a real threaded server and a real SQLite file.

Before: the limit was a count of recent failures read before checking the password, so 40 parallel wrong
passwords were all checked against a stale count (9 of 40 got through a limit of 5), and 84 parallel reviewer
codes (10 checked). Now each check must first win one conditional UPDATE (easyread.records.throttle), so every check
sees every earlier failure: exactly LOGIN_MAX_FAILURES wrong passwords are checked, the rest are told to wait.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC

import pytest
from sqlalchemy import select

from tests.browser_support import serving
from tests.web.limit_support import parallel_posts

PASSWORD = "correct-horse-battery-staple"


def _count_holds(app, url, key, form_for, limit):
    with serving(app) as base:
        results = parallel_posts(base + url, 40, form_for)
    statuses = Counter(status for status, _ in results)
    from easyread.store.db import db
    from easyread.store.models import SignInLimit

    with app.app_context():
        row = db.session.scalar(select(SignInLimit).where(SignInLimit.key == key))
        assert row.busy_until is None  # every lease was given back
        failures = row.failures
    assert sum(statuses.values()) == 40 and set(statuses) <= {401, 429}, statuses
    assert statuses[401] == limit, statuses  # checked: exactly the free tries, never more
    assert failures == statuses[401]  # and every check was counted (no lost update)
    assert all("Wait" in body for status, body in results if status == 429)
    return statuses


def test_forty_parallel_wrong_passwords_check_only_the_limit(app, staff):
    app.config["WTF_CSRF_ENABLED"] = False  # the threads have no form page; CSRF is tested elsewhere
    with app.app_context():
        assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///")  # a real file, shared by threads
    _count_holds(
        app,
        "/sign-in",
        f"account:{staff.email}",
        lambda n: {"email": staff.email, "password": f"wrong password {n}"},
        app.config["EASYREAD"]["LOGIN_MAX_FAILURES"],
    )


def test_forty_parallel_wrong_reviewer_codes_check_only_the_limit(app, council, reviewer_with_key):
    app.config["WTF_CSRF_ENABLED"] = False
    access_id, key = reviewer_with_key
    statuses = _count_holds(
        app,
        f"/review/sign-in/{key}",
        f"reviewer:{access_id}",
        lambda n: {"number": f"{n:04d}"},
        app.config["EASYREAD"]["LOGIN_MAX_FAILURES"],
    )
    from easyread.store.db import db
    from easyread.store.models import ReviewerAccess

    with app.app_context():
        assert db.session.get(ReviewerAccess, access_id).code_failures == statuses[401]


@pytest.fixture
def reviewer_with_key(app, council):
    """(access row id, sign-in key) of a reviewer set up with the number code 4815."""
    from easyread.records import invites
    from easyread.store.db import db
    from easyread.store.models import Council

    with app.app_context():
        user = invites.create_reviewer(db.session.get(Council, council.id), "Nia Number", actor="test")
        token = invites.new_invite(user, 14, actor="test")
        row = invites.access_for_invite(token)
        key = invites.set_up(row, "number", "4815")
        db.session.commit()
        return row.id, key


def _events(app, name):
    from easyread.store.db import db
    from easyread.store.models import AuditEvent

    with app.app_context():
        return db.session.scalars(select(AuditEvent).where(AuditEvent.event == name)).all()


def _wait_over(app):
    from datetime import datetime, timedelta

    from easyread.store.db import db
    from easyread.store.models import SignInLimit

    with app.app_context():
        for row in db.session.scalars(select(SignInLimit)):
            row.next_at = datetime.now(UTC) - timedelta(seconds=1) if row.next_at else None
        db.session.commit()


def test_a_reviewer_code_locks_for_good_after_ten_wrong_codes_and_staff_see_it(
    app, reviewer_with_key, staff_client, page, post
):
    access_id, key = reviewer_with_key
    guesser = app.test_client()
    for n in range(9):
        _wait_over(app)
        doc = page(post(guesser, f"/review/sign-in/{key}", {"number": f"{n:04d}"}), status=401)
    assert "You can try 1 more time." in doc.text
    _wait_over(app)
    locked = page(post(guesser, f"/review/sign-in/{key}", {"number": "0009"}), status=403)
    assert locked.h1 == "This link is locked"
    _wait_over(app)
    # The right code no longer works, now or later, from anywhere: only a new invite unlocks it.
    assert (
        page(post(app.test_client(), f"/review/sign-in/{key}", {"number": "4815"}), status=403).h1
        == "This link is locked"
    )
    assert len(_events(app, "reviewer_code_locked")) == 1
    listed = page(staff_client.get("/review/reviewers"))
    assert "Locked" in listed.text and "10 wrong codes were tried. Make a new invite link" in listed.text
    from easyread.records import invites
    from easyread.store.db import db
    from easyread.store.models import ReviewerAccess

    with app.app_context():  # a new invite, set up again: a new key and code, and the count starts again
        row = db.session.get(ReviewerAccess, access_id)
        token = invites.new_invite(row.user, 14, actor="test")
        new_key = invites.set_up(invites.access_for_invite(token), "number", "1357")
        db.session.commit()
    assert post(app.test_client(), f"/review/sign-in/{new_key}", {"number": "1357"}).status_code == 302
    assert (
        post(app.test_client(), f"/review/sign-in/{key}", {"number": "4815"}).status_code == 404
    )  # the old link is gone


def test_reviewer_sign_in_links_expire_and_staff_can_renew_them(app, reviewer_with_key, staff_client, page, post):
    from datetime import datetime, timedelta

    from easyread.store.db import db
    from easyread.store.models import ReviewerAccess

    access_id, key = reviewer_with_key
    with app.app_context():
        row = db.session.get(ReviewerAccess, access_id)
        expires = row.key_expires_at.replace(tzinfo=UTC) if row.key_expires_at.tzinfo is None else row.key_expires_at
        assert timedelta(days=89) < expires - datetime.now(UTC) <= timedelta(days=90)  # REVIEW_LINK_DAYS
        row.key_expires_at = datetime.now(UTC) - timedelta(minutes=1)
        user_id = row.user_id
        db.session.commit()
    old = page(app.test_client().get(f"/review/sign-in/{key}"), status=403)
    assert old.h1 == "This link is too old"
    assert (
        page(post(app.test_client(), f"/review/sign-in/{key}", {"number": "4815"}), status=403).h1
        == "This link is too old"
    )
    assert "Link expired" in page(staff_client.get("/review/reviewers")).text
    renewed = post(staff_client, f"/review/reviewers/{user_id}/renew")
    assert renewed.status_code == 302
    assert "sign-in link now works until" in page(staff_client.get("/review/reviewers")).text
    assert post(app.test_client(), f"/review/sign-in/{key}", {"number": "4815"}).status_code == 302
    assert len(_events(app, "reviewer_link_renewed")) == 1


def test_staff_cannot_renew_another_councils_reviewer(app, reviewer_with_key, other_client, post):
    from easyread.store.db import db
    from easyread.store.models import ReviewerAccess

    with app.app_context():
        user_id = db.session.get(ReviewerAccess, reviewer_with_key[0]).user_id
    assert post(other_client, f"/review/reviewers/{user_id}/renew").status_code == 404

"""Signing in and out, sessions, CSRF, roles, sign-in limits, API tokens and the council boundary."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from flask import jsonify
from sqlalchemy import select

from easyread.store.db import db
from easyread.store.models import AuditEvent, User

PASSWORD = "correct-horse-battery-staple"


def _events(app, name):
    with app.app_context():
        return db.session.scalars(select(AuditEvent).where(AuditEvent.event == name)).all()


def sign_in(client, post, email, password=PASSWORD, **kwargs):
    return post(client, "/sign-in", {"email": email, "password": password}, **kwargs)


# --- the sign-in page ---
def test_sign_in_page_uses_govuk_words_and_labels(anon_client, page, staff):
    doc = page(anon_client.get("/sign-in"))
    assert doc.h1 == "Sign in"
    labels = {" ".join(label.text_content().split()) for label in doc.select("//label")}
    assert {"Email address", "Password"} <= labels
    assert doc.select("//input[@id='email'][@type='email'][@autocomplete='email']")
    assert doc.select("//input[@id='password'][@type='password'][@autocomplete='current-password']")
    assert "No one can sign in yet" not in doc.text


def test_first_run_sign_in_page_says_how_to_create_the_first_admin(anon_client, page):
    doc = page(anon_client.get("/sign-in"))
    assert "No one can sign in yet" in doc.text
    assert "easyread users create" in doc.text and "--role admin" in doc.text


def test_empty_form_shows_error_summary_and_field_errors(anon_client, page, post, staff):
    doc = page(post(anon_client, "/sign-in", {"email": "", "password": ""}), status=400)
    assert doc.title.startswith("Error: Sign in")
    summary = doc.select("//div[contains(@class,'govuk-error-summary')]//a")
    assert [(a.text_content().strip(), a.get("href")) for a in summary] == [
        ("Enter your email address", "#email"),
        ("Enter your password", "#password"),
    ]
    assert (
        doc.select("//p[@id='email-error']")
        and "Enter your email address" in doc.select("//p[@id='email-error']")[0].text_content()
    )
    assert "email-error" in doc.select("//input[@id='email']")[0].get("aria-describedby")


def test_sign_in_works_and_session_cookie_is_safe(app, anon_client, post, staff):
    response = sign_in(anon_client, post, "Staff@Testshire.gov.uk ")
    assert response.status_code == 302
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Expires=" in cookie  # a permanent session with the SESSION_LIFETIME_MINUTES lifetime
    assert anon_client.get("/account").status_code == 200
    [event] = _events(app, "sign_in")
    assert event.details == {"user_id": staff.id} and event.actor == "staff@testshire.gov.uk"


def test_sign_in_follows_only_local_next(anon_client, post, staff):
    response = sign_in(anon_client, post, staff.email, query_string={"next": "/account"})
    assert response.headers["Location"] == "/account"
    post(anon_client, "/sign-out")
    for evil in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        response = sign_in(anon_client, post, staff.email, query_string={"next": evil})
        assert "evil" not in response.headers["Location"]
        post(anon_client, "/sign-out")


def test_wrong_password_says_so_plainly_and_is_recorded(app, anon_client, page, post, staff):
    doc = page(sign_in(anon_client, post, staff.email, "wrong password!"), status=401)
    assert "Enter a correct email address and password" in doc.text
    assert doc.title.startswith("Error: ")
    assert anon_client.get("/account").status_code == 302
    [event] = _events(app, "sign_in_failed")
    assert event.details["email"] == staff.email


def test_unknown_email_gets_the_same_message(anon_client, page, post, staff):
    doc = page(sign_in(anon_client, post, "nobody@testshire.gov.uk"), status=401)
    assert "Enter a correct email address and password" in doc.text


def test_deactivated_account_cannot_sign_in(anon_client, page, post, make_user):
    user = make_user("gone@testshire.gov.uk", "staff", active=False)
    page(sign_in(anon_client, post, user.email), status=401)


def test_deactivating_ends_an_existing_session(app, staff_client, staff):
    assert staff_client.get("/account").status_code == 200
    with app.app_context():
        db.session.get(User, staff.id).active = False
        db.session.commit()
    assert staff_client.get("/account").status_code == 302


# --- sign-in limits: a growing wait, never a lasting lock (more in test_sign_in_limits.py) ---
def _limit(app, key):
    from easyread.store.models import SignInLimit

    with app.app_context():
        row = db.session.scalar(select(SignInLimit).where(SignInLimit.key == key))
        if row is not None:
            db.session.expunge(row)
        return row


def _wait_over(app):
    """Move every wait into the past, as if the person waited."""
    from easyread.store.models import SignInLimit

    with app.app_context():
        for row in db.session.scalars(select(SignInLimit)):
            row.next_at = None if row.next_at is None else datetime.now(UTC) - timedelta(seconds=1)
        db.session.commit()


def test_after_five_failures_the_next_try_must_wait_and_the_wait_grows(app, anon_client, page, post, staff):
    for _ in range(5):
        assert sign_in(anon_client, post, staff.email, "wrong password!").status_code == 401
    doc = page(sign_in(anon_client, post, staff.email), status=429)  # the right password waits too, for now
    assert "Wait 1 second and try again" in doc.text
    assert anon_client.get("/account").status_code == 302
    _wait_over(app)
    page(sign_in(anon_client, post, staff.email, "wrong password!"), status=401)
    assert "Wait 2 seconds and try again" in page(sign_in(anon_client, post, staff.email), status=429).text
    assert _limit(app, f"account:{staff.email}").failures == 6


def test_the_right_password_works_once_the_wait_is_over_even_after_many_failures(app, anon_client, post, staff):
    for _ in range(12):
        _wait_over(app)
        sign_in(anon_client, post, staff.email, "wrong password!")
    assert _limit(app, f"account:{staff.email}").failures == 12
    assert sign_in(anon_client, post, staff.email).status_code == 429
    _wait_over(app)
    assert sign_in(anon_client, post, staff.email).status_code == 302
    assert _limit(app, f"account:{staff.email}").failures == 0


def test_the_wait_is_capped_at_login_lockout_minutes():
    from easyread.records.throttle import delay_seconds

    assert [delay_seconds(n, 5, 900) for n in (1, 4, 5, 6, 7, 10)] == [0, 0, 1, 2, 4, 32]
    assert delay_seconds(40, 5, 900) == 900 and delay_seconds(10**6, 5, 900) == 900


def test_limit_is_counted_in_the_database_so_it_holds_across_workers(app, instance, anon_client, page, post, staff):
    for _ in range(5):
        sign_in(anon_client, post, staff.email, "wrong password!")
    from easyread import create_app

    second_worker = create_app({"INSTANCE_PATH": str(instance), "TESTING": True, "COUNCIL_NAME": "Testshire Council"})
    page(sign_in(second_worker.test_client(), post, staff.email), status=429)


def test_old_failures_are_forgotten_after_a_day(app, anon_client, post, staff):
    from easyread.store.models import SignInLimit

    for _ in range(7):
        _wait_over(app)
        sign_in(anon_client, post, staff.email, "wrong password!")
    with app.app_context():
        for row in db.session.scalars(select(SignInLimit)):
            row.last_failure_at = datetime.now(UTC) - timedelta(hours=25)
            row.next_at = None
        db.session.commit()
    assert sign_in(anon_client, post, staff.email, "wrong password!").status_code == 401
    assert _limit(app, f"account:{staff.email}").failures == 1


def test_good_sign_in_clears_the_accounts_failures_but_not_the_addresss(app, anon_client, post, staff):
    for _ in range(4):
        sign_in(anon_client, post, staff.email, "wrong password!")
    assert sign_in(anon_client, post, staff.email).status_code == 302
    assert _limit(app, f"account:{staff.email}").failures == 0
    assert _limit(app, "address:127.0.0.1").failures == 4


def test_limit_is_per_email(anon_client, post, staff, admin):
    for _ in range(5):
        sign_in(anon_client, post, staff.email, "wrong password!")
    assert sign_in(anon_client, post, admin.email).status_code == 302


def test_limit_is_per_client_address_too(app, anon_client, page, post, staff, make_user):
    app.config["EASYREAD"] = app.config["EASYREAD"].replace(LOGIN_ADDRESS_MAX_FAILURES=6)
    for n in range(6):  # one wrong password each for six different accounts: no account reaches its limit
        assert sign_in(anon_client, post, f"someone{n}@testshire.gov.uk", "wrong password!").status_code == 401
    doc = page(sign_in(anon_client, post, staff.email), status=429)
    assert "Wait 1 second and try again" in doc.text
    other_address = app.test_client()
    assert sign_in(other_address, post, staff.email, environ_base={"REMOTE_ADDR": "192.0.2.7"}).status_code == 302


# --- CSRF ---
def test_post_without_csrf_token_is_refused_with_a_plain_page(anon_client, page, staff):
    doc = page(anon_client.post("/sign-in", data={"email": staff.email, "password": PASSWORD}), status=400)
    assert doc.h1 == "There is a problem with your request"
    assert "reload the page" in doc.text


def test_post_with_a_forged_csrf_token_is_refused(admin_client, page):
    response = admin_client.post(
        "/admin/users/new", data={"csrf_token": "forged", "name": "X", "email": "x@testshire.gov.uk", "role": "admin"}
    )
    page(response, status=400)


def test_signed_in_forms_need_csrf_too(admin_client, staff, page):
    page(admin_client.post(f"/admin/users/{staff.id}/deactivate"), status=400)


# --- sign out and server-side sessions ---
def _copy_cookie(app, client):
    """A second client holding a copy of `client`'s session cookie (what someone who stole it would have)."""
    thief = app.test_client()
    cookie = client.get_cookie("easyread_session")
    thief.set_cookie("easyread_session", cookie.value)
    return thief


def test_sign_out_get_shows_a_button_and_does_not_sign_out(app, staff_client, page):
    doc = page(staff_client.get("/sign-out"))
    assert doc.h1 == "Sign out"
    assert doc.tree.xpath("//form[@method='post']//button[normalize-space()='Sign out']")
    assert staff_client.get("/account").status_code == 200
    assert not _events(app, "sign_out")


def test_sign_out_is_a_post_with_csrf(staff_client, page):
    page(staff_client.post("/sign-out"), status=400)
    assert staff_client.get("/account").status_code == 200


def test_sign_out_ends_the_session_even_for_a_copied_cookie(app, anon_client, post, page, staff):
    assert sign_in(anon_client, post, staff.email).status_code == 302
    thief = _copy_cookie(app, anon_client)
    assert thief.get("/account").status_code == 200
    doc = page(post(anon_client, "/sign-out"))
    assert doc.h1 == "You have signed out"
    assert anon_client.get("/account").status_code == 302
    assert thief.get("/account").status_code == 302  # the copy no longer works either
    assert len(_events(app, "sign_out")) == 1


def test_a_session_made_without_signing_in_is_refused(app, staff):
    client = app.test_client()
    with client.session_transaction() as session:  # a forged or pre-upgrade cookie: a user id but no session row
        session["_user_id"] = str(staff.id)
    assert client.get("/account").status_code == 302


def test_password_change_ends_every_other_session_but_this_one(app, post, page, staff):
    here, elsewhere = app.test_client(), app.test_client()
    assert sign_in(here, post, staff.email).status_code == 302
    assert sign_in(elsewhere, post, staff.email).status_code == 302
    thief = _copy_cookie(app, elsewhere)
    page(post(here, "/account/password", {"current": PASSWORD, "new": "a much longer password"}))
    assert here.get("/account").status_code == 200
    assert elsewhere.get("/account").status_code == 302 and thief.get("/account").status_code == 302
    assert _events(app, "password_changed")[0].details["sessions_ended"] == 1


def test_reactivating_brings_back_neither_old_cookies_nor_tokens(app, admin_client, anon_client, post, staff):
    user_client = app.test_client()
    assert sign_in(user_client, post, staff.email).status_code == 302
    token = _token(app, staff)
    headers = {"Authorization": f"Bearer {token}"}
    assert anon_client.get("/api/v1/documents", headers=headers).status_code == 200
    post(admin_client, f"/admin/users/{staff.id}/deactivate")
    assert user_client.get("/account").status_code == 302
    post(admin_client, f"/admin/users/{staff.id}/reactivate")
    assert user_client.get("/account").status_code == 302
    assert anon_client.get("/api/v1/documents", headers=headers).status_code == 401
    assert len(_events(app, "token_revoked")) == 1
    assert sign_in(user_client, post, staff.email).status_code == 302  # a fresh sign-in works


# --- roles ---
@pytest.mark.parametrize("url", ["/admin/users", "/admin/users/new", "/admin/audit", "/admin/settings"])
def test_signed_out_people_are_sent_to_sign_in(anon_client, url):
    response = anon_client.get(url)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=")


@pytest.mark.parametrize("url", ["/admin/users", "/admin/users/new", "/admin/audit", "/admin/settings"])
def test_staff_and_reviewers_cannot_see_admin_pages(staff_client, reviewer_client, page, url):
    for client in (staff_client, reviewer_client):
        doc = page(client.get(url), status=403)
        assert doc.h1 == "You do not have permission to see this page"


@pytest.fixture
def doc_routes(app):
    """A staff page and an API route that use the council boundary helpers, as the documents blueprint does."""
    from easyread.web.auth import (
        council_letters,
        current_council_id,
        get_document_or_404,
        staff_required,
        token_required,
    )

    @app.get("/_test/documents/<int:doc_id>")
    @staff_required
    def _test_document(doc_id):
        return get_document_or_404(doc_id).title

    @app.get("/_test/documents")
    @staff_required
    def _test_documents():
        return ",".join(str(d.id) for d in council_letters(200))

    @app.get("/_test/api/documents/<int:doc_id>")
    @token_required()
    def _test_api_document(doc_id):
        return jsonify(title=get_document_or_404(doc_id).title, council_id=current_council_id())

    return app


def test_reviewers_see_nothing_of_staff_pages(doc_routes, reviewer_client, council, make_document, page):
    doc_id = make_document(council)
    page(reviewer_client.get(f"/_test/documents/{doc_id}"), status=403)
    page(reviewer_client.get("/_test/documents"), status=403)


# --- the council boundary ---
def test_a_document_of_another_council_is_not_found(
    doc_routes, staff_client, other_client, council, other_council, staff, make_document, page
):
    mine = make_document(council, staff, title="Ours")
    theirs = make_document(other_council, title="Theirs")
    assert staff_client.get(f"/_test/documents/{mine}").get_data(as_text=True) == "Ours"
    page(staff_client.get(f"/_test/documents/{theirs}"), status=404)
    page(other_client.get(f"/_test/documents/{mine}"), status=404)
    assert staff_client.get("/_test/documents").get_data(as_text=True) == str(mine)


def test_deleted_documents_are_not_found(doc_routes, staff_client, council, make_document, page):
    gone = make_document(council, deleted_at=datetime.now(UTC))
    page(staff_client.get(f"/_test/documents/{gone}"), status=404)
    assert staff_client.get("/_test/documents").get_data(as_text=True) == ""


# --- API tokens ---
def _token(app, user, name="test"):
    from easyread.records import users

    with app.app_context():
        _, token = users.create_token(db.session.get(User, user.id), name, actor="test")
        db.session.commit()
    return token


def test_api_token_opens_only_its_councils_documents(
    doc_routes, app, anon_client, council, other_council, staff, make_document
):
    token = _token(app, staff)
    mine, theirs = make_document(council, title="Ours"), make_document(other_council)
    response = anon_client.get(f"/_test/api/documents/{mine}", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200 and response.json == {"title": "Ours", "council_id": council.id}
    assert (
        anon_client.get(f"/_test/api/documents/{theirs}", headers={"Authorization": f"Bearer {token}"}).status_code
        == 404
    )
    with app.app_context():
        from easyread.store.models import ApiToken

        row = db.session.scalar(select(ApiToken))
        assert row.last_used_at is not None and token not in row.token_hash
    assert _events(app, "token_created")


def test_api_refuses_missing_bad_and_reviewer_tokens_and_ignores_the_session(
    doc_routes, app, anon_client, staff_client, reviewer, council, make_document
):
    doc_id = make_document(council)
    url = f"/_test/api/documents/{doc_id}"
    assert anon_client.get(url).status_code == 401
    assert anon_client.get(url, headers={"Authorization": "Bearer er_nonsense"}).status_code == 401
    assert staff_client.get(url).status_code == 401  # a session cookie is not an API credential
    response = anon_client.get(url, headers={"Authorization": f"Bearer {_token(app, reviewer)}"})
    assert response.status_code == 403 and "error" in response.json


def test_deactivated_users_tokens_stop_working(doc_routes, app, anon_client, staff, council, make_document):
    token = _token(app, staff)
    with app.app_context():
        db.session.get(User, staff.id).active = False
        db.session.commit()
    assert (
        anon_client.get(
            f"/_test/api/documents/{make_document(council)}", headers={"Authorization": f"Bearer {token}"}
        ).status_code
        == 401
    )


# --- passwords and session settings ---
def test_passwords_are_hashed_with_argon2id(app, staff):
    with app.app_context():
        stored = db.session.get(User, staff.id).password_hash
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_change_password(app, anon_client, staff_client, page, post, staff):
    doc = page(post(staff_client, "/account/password", {"current": PASSWORD, "new": "short"}), status=400)
    assert "Password must be 12 characters or more" in doc.text
    doc = page(
        post(staff_client, "/account/password", {"current": "not it at all", "new": "a much longer password"}),
        status=400,
    )
    assert "Your current password is not correct" in doc.text
    doc = page(post(staff_client, "/account/password", {"current": PASSWORD, "new": "a much longer password"}))
    assert doc.h1 == "Your password has been changed"
    assert sign_in(anon_client, post, staff.email, "a much longer password").status_code == 302
    assert _events(app, "password_changed")


def test_cookie_settings(instance):
    from easyread import create_app

    live = create_app({"INSTANCE_PATH": str(instance), "SESSION_LIFETIME_MINUTES": 30})
    assert live.config["SESSION_COOKIE_SECURE"] is True
    assert live.config["SESSION_COOKIE_HTTPONLY"] is True and live.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert live.config["PERMANENT_SESSION_LIFETIME"] == timedelta(minutes=30)
    assert create_app({"INSTANCE_PATH": str(instance), "COOKIE_SECURE": False}).config["SESSION_COOKIE_SECURE"] is False
    assert create_app({"INSTANCE_PATH": str(instance), "TESTING": True}).config["SESSION_COOKIE_SECURE"] is False


def test_security_headers(anon_client):
    response = anon_client.get("/sign-in")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "'unsafe-inline'" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_owners_list_and_revoke_their_own_tokens_only(app, staff_client, admin, anon_client, page, post, staff):
    from easyread.store.models import ApiToken

    token = _token(app, staff, "Intranet")
    _token(app, admin, "Admin's")
    doc = page(staff_client.get("/account/tokens"))
    assert "Intranet" in doc.text and "Admin's" not in doc.text and token not in doc.text
    with app.app_context():
        mine = db.session.scalar(select(ApiToken.id).where(ApiToken.name == "Intranet"))
        theirs = db.session.scalar(select(ApiToken.id).where(ApiToken.name == "Admin's"))
    assert post(staff_client, f"/account/tokens/{theirs}/revoke").status_code == 404
    assert post(staff_client, f"/account/tokens/{mine}/revoke").status_code == 302
    assert "Revoked" in page(staff_client.get("/account/tokens")).text
    assert anon_client.get("/api/v1/documents", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert [e.details["token_id"] for e in _events(app, "token_revoked")] == [mine]


def test_admins_list_and_revoke_tokens_of_their_council_only(app, admin_client, other_staff, page, post, staff):
    from easyread.store.models import ApiToken

    _token(app, staff, "Intranet")
    _token(app, other_staff, "Elsewhere")
    assert "Intranet" in page(admin_client.get(f"/admin/users/{staff.id}/tokens")).text
    assert admin_client.get(f"/admin/users/{other_staff.id}/tokens").status_code == 404
    with app.app_context():
        mine = db.session.scalar(select(ApiToken.id).where(ApiToken.name == "Intranet"))
        theirs = db.session.scalar(select(ApiToken.id).where(ApiToken.name == "Elsewhere"))
    assert post(admin_client, f"/admin/tokens/{theirs}/revoke").status_code == 404
    assert post(admin_client, f"/admin/tokens/{mine}/revoke").status_code == 302
    with app.app_context():
        assert db.session.get(ApiToken, mine).revoked_at is not None
        assert db.session.get(ApiToken, theirs).revoked_at is None
    assert _events(app, "token_revoked")[0].actor == "admin@testshire.gov.uk"

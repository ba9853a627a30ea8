"""Signing in and out, sessions, CSRF, roles, sign-in limits, API tokens and the council boundary."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from flask import jsonify
from sqlalchemy import func, select

from easyread.store.db import db
from easyread.store.models import AuditEvent, LoginAttempt, User

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
        ("Enter your email address", "#email"), ("Enter your password", "#password")]
    assert doc.select("//p[@id='email-error']") and "Enter your email address" in doc.select("//p[@id='email-error']")[0].text_content()
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
    anon_client.get("/sign-out")
    for evil in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        response = sign_in(anon_client, post, staff.email, query_string={"next": evil})
        assert "evil" not in response.headers["Location"]
        anon_client.get("/sign-out")


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


# --- sign-in limits ---
def test_five_failures_lock_the_email_for_15_minutes(app, anon_client, page, post, staff):
    for _ in range(5):
        sign_in(anon_client, post, staff.email, "wrong password!")
    doc = page(sign_in(anon_client, post, staff.email), status=429)  # even the right password is refused now
    assert "Too many attempts. Wait 15 minutes and try again." in doc.text
    assert anon_client.get("/account").status_code == 302


def test_limit_is_counted_in_the_database_so_it_holds_across_workers(app, instance, anon_client, page, post, staff):
    for _ in range(5):
        sign_in(anon_client, post, staff.email, "wrong password!")
    from easyread import create_app

    second_worker = create_app({"INSTANCE_PATH": str(instance), "TESTING": True, "COUNCIL_NAME": "Testshire Council"})
    page(sign_in(second_worker.test_client(), post, staff.email), status=429)


def test_old_failures_expire(app, anon_client, post, staff):
    for _ in range(5):
        sign_in(anon_client, post, staff.email, "wrong password!")
    with app.app_context():
        for attempt in db.session.scalars(select(LoginAttempt)):
            attempt.at = datetime.now(timezone.utc) - timedelta(minutes=16)
        db.session.commit()
    assert sign_in(anon_client, post, staff.email).status_code == 302


def test_good_sign_in_clears_failures(app, anon_client, post, staff):
    for _ in range(4):
        sign_in(anon_client, post, staff.email, "wrong password!")
    assert sign_in(anon_client, post, staff.email).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(LoginAttempt)) == 0


def test_limit_is_per_email(anon_client, post, staff, admin):
    for _ in range(5):
        sign_in(anon_client, post, staff.email, "wrong password!")
    assert sign_in(anon_client, post, admin.email).status_code == 302


# --- CSRF ---
def test_post_without_csrf_token_is_refused_with_a_plain_page(anon_client, page, staff):
    doc = page(anon_client.post("/sign-in", data={"email": staff.email, "password": PASSWORD}), status=400)
    assert doc.h1 == "There is a problem with your request"
    assert "reload the page" in doc.text


def test_post_with_a_forged_csrf_token_is_refused(admin_client, page):
    response = admin_client.post("/admin/users/new", data={"csrf_token": "forged", "name": "X", "email": "x@testshire.gov.uk", "role": "admin"})
    page(response, status=400)


def test_signed_in_forms_need_csrf_too(admin_client, staff, page):
    page(admin_client.post(f"/admin/users/{staff.id}/deactivate"), status=400)


# --- sign out ---
def test_sign_out_ends_the_session(app, staff_client, page, staff):
    doc = page(staff_client.get("/sign-out"))
    assert doc.h1 == "You have signed out"
    assert staff_client.get("/account").status_code == 302
    assert len(_events(app, "sign_out")) == 1


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
    from easyread.web.auth import current_council_id, documents_query, get_document_or_404, staff_required, token_required

    @app.get("/_test/documents/<int:doc_id>")
    @staff_required
    def _test_document(doc_id):
        return get_document_or_404(doc_id).title

    @app.get("/_test/documents")
    @staff_required
    def _test_documents():
        return ",".join(str(d.id) for d in db.session.scalars(documents_query()))

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
def test_a_document_of_another_council_is_not_found(doc_routes, staff_client, other_client, council, other_council, staff, make_document, page):
    mine = make_document(council, staff, title="Ours")
    theirs = make_document(other_council, title="Theirs")
    assert staff_client.get(f"/_test/documents/{mine}").get_data(as_text=True) == "Ours"
    page(staff_client.get(f"/_test/documents/{theirs}"), status=404)
    page(other_client.get(f"/_test/documents/{mine}"), status=404)
    assert staff_client.get("/_test/documents").get_data(as_text=True) == str(mine)


def test_deleted_documents_are_not_found(doc_routes, staff_client, council, make_document, page):
    gone = make_document(council, deleted_at=datetime.now(timezone.utc))
    page(staff_client.get(f"/_test/documents/{gone}"), status=404)
    assert staff_client.get("/_test/documents").get_data(as_text=True) == ""


# --- API tokens ---
def _token(app, user, name="test"):
    from easyread import users

    with app.app_context():
        _, token = users.create_token(db.session.get(User, user.id), name, actor="test")
        db.session.commit()
    return token


def test_api_token_opens_only_its_councils_documents(doc_routes, app, anon_client, council, other_council, staff, make_document):
    token = _token(app, staff)
    mine, theirs = make_document(council, title="Ours"), make_document(other_council)
    response = anon_client.get(f"/_test/api/documents/{mine}", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200 and response.json == {"title": "Ours", "council_id": council.id}
    assert anon_client.get(f"/_test/api/documents/{theirs}", headers={"Authorization": f"Bearer {token}"}).status_code == 404
    with app.app_context():
        from easyread.store.models import ApiToken

        row = db.session.scalar(select(ApiToken))
        assert row.last_used_at is not None and token not in row.token_hash
    assert _events(app, "token_created")


def test_api_refuses_missing_bad_and_reviewer_tokens_and_ignores_the_session(doc_routes, app, anon_client, staff_client, reviewer, council, make_document):
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
    assert anon_client.get(f"/_test/api/documents/{make_document(council)}", headers={"Authorization": f"Bearer {token}"}).status_code == 401


# --- passwords and session settings ---
def test_passwords_are_hashed_with_argon2id(app, staff):
    with app.app_context():
        stored = db.session.get(User, staff.id).password_hash
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_change_password(app, anon_client, staff_client, page, post, staff):
    doc = page(post(staff_client, "/account/password", {"current": PASSWORD, "new": "short"}), status=400)
    assert "Password must be 12 characters or more" in doc.text
    doc = page(post(staff_client, "/account/password", {"current": "not it at all", "new": "a much longer password"}), status=400)
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

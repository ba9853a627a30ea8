"""Admin pages: users (list, create, deactivate), the audit log, settings and model status."""

from __future__ import annotations

import re

from sqlalchemy import select

from easyread.store.db import db
from easyread.store.models import AuditEvent, User


def _user(app, email):
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        db.session.expunge(user)
        return user


def test_admin_navigation(admin_client, staff_client, page):
    nav = [a.text_content().strip() for a in page(admin_client.get("/account")).select("//nav//a")]
    assert nav[-5:] == ["Users", "Audit log", "Settings", "Your account", "Sign out"]
    nav = [a.text_content().strip() for a in page(staff_client.get("/account")).select("//nav//a")]
    assert "Users" not in nav and "Audit log" not in nav and nav[-2:] == ["Your account", "Sign out"]


def test_reviewers_navigation_has_no_staff_pages(reviewer_client, page):
    nav = [
        a.text_content().strip()
        for a in page(reviewer_client.get("/account", follow_redirects=True)).select("//nav//a")
    ]
    assert nav == ["Your documents", "Your account", "Sign out"]  # their review rounds, nothing of staff


def test_current_page_is_marked_in_navigation(admin_client, page):
    current = page(admin_client.get("/admin/audit")).select("//nav//a[@aria-current]")
    assert [a.text_content().strip() for a in current] == ["Audit log"]


def test_users_list_shows_only_this_councils_accounts(admin_client, page, staff, reviewer, other_staff):
    doc = page(admin_client.get("/admin/users"))
    assert doc.h1 == "Users"
    assert "staff@testshire.gov.uk" in doc.text and "reviewer@testshire.gov.uk" in doc.text
    assert "otherton" not in doc.text
    assert "Create an account" in doc.text


def test_create_an_account(app, admin_client, anon_client, page, post, admin):
    doc = page(admin_client.get("/admin/users/new"))
    assert doc.h1 == "Create an account"
    assert doc.select("//fieldset//legend[contains(., 'Role')]")
    doc = page(
        post(admin_client, "/admin/users/new", {"name": "Nia New", "email": "Nia@Testshire.gov.uk", "role": "staff"})
    )
    assert doc.h1 == "Account created"
    password = doc.select("//p[contains(@class,'easyread-password')]")[0].text_content().strip()
    assert re.fullmatch(r"[a-z]+(-[a-z]+){3}-\d\d", password)
    user = _user(app, "nia@testshire.gov.uk")
    assert user.role == "staff" and user.council_id == admin.council_id and user.active
    # the new person can sign in with the password they were given
    assert post(anon_client, "/sign-in", {"email": "nia@testshire.gov.uk", "password": password}).status_code == 302
    with app.app_context():
        event = db.session.scalar(
            select(AuditEvent).where(AuditEvent.event == "user_created").order_by(AuditEvent.id.desc())
        )
        assert event.actor == admin.email and event.details["user_id"] == user.id and event.details["role"] == "staff"


def test_create_account_errors(admin_client, page, post, staff):
    doc = page(post(admin_client, "/admin/users/new", {"name": "", "email": "not an email", "role": ""}), status=400)
    assert doc.title.startswith("Error: Create an account")
    links = [
        (a.text_content().strip(), a.get("href"))
        for a in doc.select("//div[contains(@class,'govuk-error-summary')]//a")
    ]
    assert links == [
        ("Enter the person's full name", "#name"),
        ("Enter an email address in the correct format, like name@example.gov.uk", "#email"),
        ("Select a role", "#role"),
    ]
    assert doc.select("//input[@id='role']")  # the summary's #role link lands on the first radio
    doc = page(
        post(admin_client, "/admin/users/new", {"name": "Dup", "email": staff.email, "role": "staff"}), status=400
    )
    assert "There is already an account with this email address" in doc.text


def test_only_admins_can_create_accounts(staff_client, page, post):
    page(
        post(staff_client, "/admin/users/new", {"name": "X", "email": "x@testshire.gov.uk", "role": "admin"}),
        status=403,
    )


def test_deactivate_and_reactivate(app, admin_client, anon_client, page, post, staff):
    response = post(admin_client, f"/admin/users/{staff.id}/deactivate")
    assert response.status_code == 302
    assert not _user(app, staff.email).active
    doc = page(admin_client.get(response.headers["Location"]))
    assert "Deactivated" in doc.text and "Reactivate" in doc.text
    assert (
        post(anon_client, "/sign-in", {"email": staff.email, "password": "correct-horse-battery-staple"}).status_code
        == 401
    )
    post(admin_client, f"/admin/users/{staff.id}/reactivate")
    assert _user(app, staff.email).active
    with app.app_context():
        names = [e.event for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert "user_deactivated" in names and "user_reactivated" in names


def test_admin_cannot_deactivate_themselves_or_other_councils(app, admin_client, page, post, admin, other_staff):
    page(post(admin_client, f"/admin/users/{admin.id}/deactivate"), status=400)
    page(post(admin_client, f"/admin/users/{other_staff.id}/deactivate"), status=404)
    assert _user(app, other_staff.email).active and _user(app, admin.email).active


def test_audit_log_is_newest_first_paged_and_this_councils_only(app, admin_client, page, admin, council, other_council):
    from easyread.records import audit

    with app.app_context():
        for n in range(120):
            audit.record("exported", "system", council_id=council.id, document_id=n, format="pdf")
        audit.record("exported", "system", council_id=other_council.id, document_id=999999, format="pdf")
        db.session.commit()
    doc = page(admin_client.get("/admin/audit"))
    assert doc.h1 == "Audit log"
    rows = doc.select("//tbody/tr")
    assert len(rows) == 50
    first = rows[0].text_content()
    assert "document id: 119" in first and "Downloaded" in first
    assert "999999" not in doc.text
    assert doc.select("//nav[contains(@class,'govuk-pagination')]")
    last = page(admin_client.get("/admin/audit?page=3"))
    rows = last.select("//tbody/tr")
    # 120 exports + the admin's own user_created event = 121 events: 21 on page 3, oldest last
    assert len(rows) == 21 and "Account created" in rows[-1].text_content()
    page(admin_client.get("/admin/audit?page=4"), status=404)


def test_settings_page_masks_secrets_and_shows_models(app, admin_client, page):
    app.config["EASYREAD"] = app.config["EASYREAD"].replace(
        SECRET_KEY="s3cret-signing-key",
        MODEL_API_KEY="sk-very-secret",
        DATABASE_URL="postgresql://easyread:db-pass-123@db.example/easyread",
    )
    response = admin_client.get("/admin/settings")
    doc = page(response)
    assert doc.h1 == "Settings and models"
    html = response.get_data(as_text=True)
    for secret in ("s3cret-signing-key", "sk-very-secret", "db-pass-123"):
        assert secret not in html
    assert "Set (hidden)" in doc.text and "postgresql://easyread:***@db.example/easyread" in doc.text
    assert "COUNCIL_NAME" in doc.text and "Testshire Council" in doc.text
    models = [th.text_content().strip() for th in doc.select("//table[1]/tbody/tr/th")]
    assert "embedded" in models and "embedded-fast" in models


def test_settings_page_survives_a_model_check_failure(admin_client, page, monkeypatch):
    import easyread.engines.registry as registry

    def broken(settings):
        raise OSError("disk gone")

    monkeypatch.setattr(registry, "list_models", broken)
    doc = page(admin_client.get("/admin/settings"))
    assert "The model status could not be read" in doc.text and "disk gone" not in doc.text

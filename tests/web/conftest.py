"""Web fixtures: an app with two councils and a person of each role, signed-in clients,
CSRF-aware posting, and `page`, the checker every rendered page goes through.

    def test_something(staff_client, page, post):
        doc = page(staff_client.get("/account"))
        assert doc.h1 == "Your account"
        page(post(staff_client, "/account/password", {"current": "x", "new": "y"}), status=200)
"""

from __future__ import annotations

import hashlib
import io
import os
from collections import Counter
from dataclasses import dataclass

import html5lib
import lxml.html
import pytest
from argon2 import PasswordHasher
from itsdangerous import URLSafeTimedSerializer

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def _fast_password_hashing(monkeypatch):
    """argon2id with tiny costs, so making users in every test stays quick (production keeps the library defaults)."""
    from easyread.records import users

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def app(instance):
    from easyread import create_app
    from easyread.records.users import get_or_create_council
    from easyread.store.db import db

    # Jobs run inside the request that queues them; no picture model is loaded unless a test asks for one.
    app = create_app(
        {
            "INSTANCE_PATH": str(instance),
            "TESTING": True,
            "COUNCIL_NAME": "Testshire Council",
            "QUEUE_URL": "immediate",
            "PICTURE_DEFAULT_SET": "none",
        }
    )
    with app.app_context():
        get_or_create_council("Testshire Council")
        get_or_create_council("Otherton Council")
        db.session.commit()
    return app


def _council(app, slug):
    from sqlalchemy import select

    from easyread.store.db import db
    from easyread.store.models import Council

    with app.app_context():
        council = db.session.scalar(select(Council).where(Council.slug == slug))
        db.session.expunge(council)
        return council


@pytest.fixture
def council(app):
    return _council(app, "testshire-council")


@pytest.fixture
def other_council(app):
    return _council(app, "otherton-council")


@pytest.fixture
def make_user(app):
    """make_user(email, role, council=None, name=None, password=PASSWORD, active=True) -> User (detached)."""
    from easyread.records import users
    from easyread.store.db import db

    def make(email, role="staff", council=None, name=None, password=PASSWORD, active=True):
        with app.app_context():
            target = council or _council(app, "testshire-council")
            target = db.session.merge(target)
            user = users.create_user(email, name or email.split("@")[0].title(), role, target, password, actor="test")
            user.active = active
            db.session.commit()
            db.session.refresh(user)
            db.session.expunge(user)
            return user

    return make


@pytest.fixture
def admin(make_user):
    return make_user("admin@testshire.gov.uk", "admin", name="Ada Admin")


@pytest.fixture
def staff(make_user):
    return make_user("staff@testshire.gov.uk", "staff", name="Sam Staff")


@pytest.fixture
def reviewer(make_user):
    return make_user("reviewer@testshire.gov.uk", "reviewer", name="Rita Reviewer")


@pytest.fixture
def other_staff(make_user, other_council):
    return make_user("staff@otherton.gov.uk", "staff", council=other_council, name="Olly Other")


def signed_in(app, user):
    """A test client whose session is signed in as `user` (what Flask-Login stores after login_user)."""
    from easyread.records import users
    from easyread.store.db import db
    from easyread.store.models import User

    with app.app_context():
        sid = users.start_session(db.session.get(User, user.id))
        db.session.commit()
    client = app.test_client()
    with client.session_transaction() as session:
        session["_sid"] = sid  # the server-side session row every request checks (easyread.web.auth)
        session["_user_id"] = str(user.id)
        session["_fresh"] = True
        session.permanent = True
    return client


@pytest.fixture
def admin_client(app, admin):
    return signed_in(app, admin)


@pytest.fixture
def staff_client(app, staff):
    return signed_in(app, staff)


@pytest.fixture
def reviewer_client(app, reviewer):
    return signed_in(app, reviewer)


@pytest.fixture
def other_client(app, other_staff):
    return signed_in(app, other_staff)


@pytest.fixture
def anon_client(app):
    return app.test_client()


def csrf_token(client) -> str:
    """A valid CSRF token for this client's session, made as Flask-WTF makes it."""
    app = client.application
    with client.session_transaction() as session:
        raw = session.get("csrf_token")
        if not raw:
            raw = session["csrf_token"] = hashlib.sha1(os.urandom(64)).hexdigest()
    return URLSafeTimedSerializer(app.secret_key, salt="wtf-csrf-token").dumps(raw)


@pytest.fixture
def csrf():
    return csrf_token


@pytest.fixture
def post():
    """post(client, url, data=None, **kwargs): a POST with a valid CSRF token added."""

    def do(client, url, data=None, **kwargs):
        return client.post(url, data={"csrf_token": csrf_token(client), **(data or {})}, **kwargs)

    return do


@pytest.fixture
def make_document(app):
    """make_document(council, user=None, **fields) -> document id: a Letter row straight in the database."""
    from easyread.store.db import db
    from easyread.store.models import Letter

    def make(council, user=None, **fields):
        values = {
            "title": "Council tax reminder",
            "filename": "letter.docx",
            "source_kind": "docx",
            "content_hash": "0" * 64,
            "original_path": "uploads/" + "0" * 64,
            "status": "done",
        }
        values.update(fields)
        with app.app_context():
            doc = Letter(council_id=council.id, created_by=user.id if user else None, **values)
            db.session.add(doc)
            db.session.commit()
            return doc.id

    return make


# --- the page checker ---
@dataclass
class Page:
    """A checked page: `tree` (lxml), `h1`, `title`, `text` (visible words, spaces squeezed)."""

    tree: lxml.html.HtmlElement
    h1: str
    title: str
    text: str
    status: int

    def select(self, xpath: str):
        return self.tree.xpath(xpath)


def _text(element) -> str:
    return " ".join(element.text_content().split())


def check_html(html: str) -> Page:
    """Fail unless the page is valid HTML with one <h1>, a <title> starting with it,
    a <label for> for every form field, and no repeated ids."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        parser.parse(html)
    except html5lib.html5parser.ParseError as error:
        line = html.splitlines()[max(parser.errors[-1][0][0] - 1, 0)] if parser.errors else ""
        pytest.fail(f"Invalid HTML: {error} near: {line.strip()[:200]}")
    assert html.lstrip().lower().startswith("<!doctype html>"), "The page must start with <!DOCTYPE html>"
    tree = lxml.html.document_fromstring(html)
    assert tree.get("lang"), "<html> needs a lang attribute"

    h1s = tree.xpath("//h1")
    assert len(h1s) == 1, f"Expected exactly one <h1>, found {len(h1s)}: {[_text(h) for h in h1s]}"
    h1 = _text(h1s[0])
    titles = tree.xpath("//head/title")
    assert len(titles) == 1, "Expected one <title> in <head>"
    title = _text(titles[0])
    assert title.removeprefix("Error: ").startswith(h1), f"<title> {title!r} must start with the <h1> {h1!r}"

    ids = Counter(e.get("id") for e in tree.xpath("//*[@id]"))
    repeated = sorted(i for i, n in ids.items() if n > 1)
    assert not repeated, f"Repeated ids: {repeated}"

    labelled = {label.get("for") for label in tree.xpath("//label[@for]")}
    for field in tree.xpath("//input | //select | //textarea"):
        if field.tag == "input" and (field.get("type") or "text").lower() in (
            "hidden",
            "submit",
            "button",
            "image",
            "reset",
        ):
            continue
        name = field.get("name") or field.get("id")
        assert field.get("id"), f"Form field {name!r} has no id, so no <label for> can point at it"
        assert field.get("id") in labelled, f'Form field {field.get("id")!r} has no <label for="{field.get("id")}">'

    for image in tree.xpath("//img"):
        assert image.get("alt") is not None, (
            f'<img src={image.get("src")!r}> needs an alt attribute (alt="" if decorative)'
        )
    body = tree.xpath("//body")[0]
    for script in body.xpath(".//script"):
        script.drop_tree()
    return Page(tree=tree, h1=h1, title=title, text=_text(body), status=0)


@pytest.fixture(name="check_html")
def check_html_fixture():
    """check_html(html) -> Page: the checker on a string (for pages that are not Flask responses)."""
    return check_html


@pytest.fixture
def page():
    """page(response, status=200) -> Page: checks the status code, that it is HTML, and check_html()."""

    def check(response, status: int = 200) -> Page:
        assert response.status_code == status, f"Expected {status}, got {response.status_code}: {response.data[:500]!r}"
        assert response.mimetype == "text/html", f"Expected an HTML page, got {response.mimetype}"
        result = check_html(response.get_data(as_text=True))
        result.status = response.status_code
        return result

    return check


@pytest.fixture
def upload(post):
    """upload(client, text=LETTER, **fields) -> response of the upload form (model none, no pictures by default)."""
    from tests.web.doc_support import LETTER

    def do(client, text: str | bytes = LETTER, filename: str = "letter.txt", follow: bool = False, **fields):
        data = {"model": "none", "formats": ["docx", "html", "pdf", "txt"], "title": ""}
        data.update(fields)
        if text is not None:
            raw = text.encode("utf-8") if isinstance(text, str) else text
            data["file"] = (io.BytesIO(raw), filename)
        return post(client, "/documents/new", data, content_type="multipart/form-data", follow_redirects=follow)

    return do

"""Pages every visitor can see (front page, accessibility statement, council logo),
and what every page's template gets: council name, logo, navigation, form helpers,
a Content-Security-Policy nonce and security headers.
"""

from __future__ import annotations

import mimetypes
import secrets
from pathlib import Path

from flask import Blueprint, abort, current_app, g, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from wtforms import Field, RadioField, SelectField, SelectMultipleField
from wtforms.fields import PasswordField

bp = Blueprint("pages", __name__)
SERVICE_NAME = "Easy Read letters"
LOGO_TYPES = {".png": "image/png", ".svg": "image/svg+xml", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


@bp.get("/")
def home():
    """Signed in: the first page the person's role allows. Signed out: what the service is, and Sign in."""
    if current_user.is_authenticated:
        from easyread.web.auth import landing_url

        return redirect(landing_url(current_user))
    return render_template("index.html")


@bp.get("/accessibility")
def accessibility():
    settings = current_app.config["EASYREAD"]
    return render_template("accessibility.html", contact=settings["ACCESSIBILITY_CONTACT"])


@bp.get("/council-logo")
def council_logo():
    path = _logo_path()
    if path is None:
        abort(404)
    return send_file(path, mimetype=LOGO_TYPES[path.suffix.lower()], max_age=3600)


def _logo_path() -> Path | None:
    setting = current_app.config["EASYREAD"].COUNCIL_LOGO
    if not setting:
        return None
    path = Path(setting).expanduser()
    if not path.is_absolute():
        path = Path(current_app.instance_path) / path
    return path if path.is_file() and path.suffix.lower() in LOGO_TYPES else None


# --- template helpers ---
def wtf(field: Field, params: dict | None = None) -> dict:
    """GOV.UK macro params for a WTForms field; `params` wins. See templates/macros/forms.html."""
    out: dict = {"id": field.id, "name": field.name}
    if isinstance(field, (RadioField, SelectField, SelectMultipleField)):
        key = "checked" if isinstance(field, (RadioField, SelectMultipleField)) else "selected"
        out["items"] = [
            {"value": str(value), "text": str(label), key: bool(selected)} for value, label, selected in _choices(field)
        ]
        if key == "selected":
            out["label"] = {"text": field.label.text}
        else:
            out["idPrefix"] = field.id
            out["fieldset"] = {"legend": {"text": field.label.text, "classes": "govuk-fieldset__legend--m"}}
    else:
        out["label"] = {"text": field.label.text}
        if (
            not isinstance(field, PasswordField)
            and field.data is not None
            and field.type not in ("FileField", "MultipleFileField")
        ):
            out["value"] = field.data
    if field.errors:
        out["errorMessage"] = {"text": field.errors[0]}
    for key, value in (params or {}).items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **value}
        else:
            out[key] = value
    return out


def _choices(field):
    """(value, label, selected) for each choice, whichever shape this WTForms version yields."""
    for choice in field.iter_choices():
        if hasattr(choice, "value"):
            yield choice.value, choice.label, choice.selected
        else:
            yield choice[0], choice[1], choice[2]


def error_list(form) -> list[dict]:
    """[{"text", "href"}] for the GOV.UK error summary: the first error of each field, in form order."""
    if not form:
        return []
    out = []
    for field in form:
        if field.errors and field.type not in ("CSRFTokenField",):
            out.append({"text": field.errors[0], "href": f"#{field.id}"})
    out.extend({"text": e} for e in getattr(form, "form_errors", []) or [])
    return out


def pagination(endpoint: str, page: int, pages: int, **args) -> dict | None:
    """Params for govukPagination: previous/next and numbered links (first, last, 2 either side of this page)."""
    if pages <= 1:
        return None
    items, gap = [], False
    for n in range(1, pages + 1):
        if n in (1, pages) or abs(n - page) <= 2:
            items.append({"number": n, "href": url_for(endpoint, page=n, **args), "current": n == page})
            gap = False
        elif not gap:
            items.append({"ellipsis": True})
            gap = True
    out: dict = {"items": items}
    if page > 1:
        out["previous"] = {"href": url_for(endpoint, page=page - 1, **args)}
    if page < pages:
        out["next"] = {"href": url_for(endpoint, page=page + 1, **args)}
    return out


def _context():
    from easyread.web import nav

    settings = current_app.config["EASYREAD"]
    return {
        "council_name": settings["COUNCIL_NAME"],
        "council_logo_url": url_for("pages.council_logo") if _logo_path() else None,
        "service_name": SERVICE_NAME,
        "navigation": nav.items_for(current_app, current_user),
        "csp_nonce": _nonce(),
    }


def _nonce() -> str:
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def _security_headers(response):
    nonce = g.get("csp_nonce")
    extra = f" 'nonce-{nonce}'" if nonce else ""
    response.headers.setdefault(
        "Content-Security-Policy",
        f"default-src 'self'; script-src 'self'{extra}; style-src 'self'{extra}; img-src 'self' data:; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    )
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    # Pages, downloads and API answers carry letters and personal data: never kept by a browser or proxy cache.
    # (Overrides send_file's "no-cache", which still stores the file.) Static files stay cacheable.
    private = (current_user and getattr(current_user, "is_authenticated", False)) or request.blueprint == "api"
    if private and request.endpoint != "static":
        response.headers["Cache-Control"] = "no-store"
        response.headers.pop("Expires", None)
    if current_app.config["EASYREAD"].get("COOKIE_SECURE"):
        # Cookies marked Secure mean the service is meant for HTTPS only: browsers should never try plain HTTP again.
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    return response


def init_app(app) -> None:
    mimetypes.add_type("text/javascript", ".js")
    app.register_blueprint(bp)
    app.context_processor(_context)
    app.add_template_global(wtf)
    app.add_template_global(error_list)
    app.add_template_global(pagination)
    app.after_request(_security_headers)

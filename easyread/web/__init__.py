"""The web app's parts. `init_app(app)` wires templates, CSRF, sign-in and every blueprint.

Blueprints stay thin: they read a form, call a plain function, render a template.
"""

from __future__ import annotations

from datetime import timedelta

from flask_wtf.csrf import CSRFProtect

csrf = (
    CSRFProtect()
)  # every POST/PUT/PATCH/DELETE needs a token, unless a blueprint is csrf.exempt (the token-only API)


def _templates(app) -> None:
    """Our templates first, then GOV.UK Frontend Jinja's, under the prefix `govuk_frontend_jinja/`."""
    from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader

    app.jinja_loader = ChoiceLoader(
        [
            app.jinja_loader,
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True


def _sessions(app) -> None:
    settings = app.config["EASYREAD"]
    secure = bool(settings["COOKIE_SECURE"]) and not app.config.get("TESTING")
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=secure,
        SESSION_COOKIE_NAME="easyread_session",
        PERMANENT_SESSION_LIFETIME=timedelta(minutes=settings["SESSION_LIFETIME_MINUTES"]),
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_SECURE=secure,
        WTF_CSRF_TIME_LIMIT=None,  # the token lives as long as the session
    )


def _refuse_nul_characters(app) -> None:
    """A NUL character in a form or query is never real input, and PostgreSQL cannot store one: 400, not a 500."""
    from flask import abort, request

    @app.before_request
    def refuse_nul():
        if any("\x00" in value for _, values in request.values.lists() for value in values):
            abort(400)


def init_app(app) -> None:
    from easyread import jobs
    from easyread.web import admin, api, auth, documents, glossary, pages, review_resident, review_staff

    _templates(app)
    _sessions(app)
    csrf.init_app(app)
    _refuse_nul_characters(app)
    pages.init_app(app)
    auth.init_app(app)
    jobs.init_app(app)  # the queue must know the instance before any upload
    documents.init_app(app)  # /documents…, nav "Letters" (10), "Upload a letter" (20)
    glossary.init_app(app)  # /glossary…, nav "Glossary" (30)
    api.init_app(app)  # /api/v1…, token-only, CSRF-exempt
    admin.init_app(app)  # /admin…, nav "Users" (60), "Audit log" (70), "Settings" (80)
    review_staff.init_app(app)  # /review/documents…, /review/rounds…, nav "Reviewers" (40)
    review_resident.init_app(app)  # /review/ for reviewers: nav "Your documents" (5)

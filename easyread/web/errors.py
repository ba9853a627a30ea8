"""Error pages in plain words: no tracebacks are ever shown to users."""

from __future__ import annotations

from flask import render_template
from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: ("There is a problem with your request", "Check what you entered and try again."),
    404: ("Page not found", "If you typed the web address, check it is correct."),
    405: ("Page not found", "If you typed the web address, check it is correct."),
    413: ("The file is too big", "The file must be smaller than {limit} MB."),
    500: ("Sorry, there is a problem with the service", "Try again later."),
}


def _render(code: int, app_config: dict):
    title, body = MESSAGES.get(code, MESSAGES[500] if code >= 500 else MESSAGES[400])
    body = body.format(limit=app_config["EASYREAD"]["MAX_UPLOAD_MB"])
    return render_template("error.html", title=title, body=body), code


def init_app(app) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return _render(error.code or 500, app.config)

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        app.logger.exception("Unexpected error")
        # A failed database statement leaves the session unusable; the error page (its header reads the
        # signed-in person) must not fail in turn.
        from easyread.store.db import db

        try:
            db.session.rollback()
        except Exception:  # pragma: no cover - the page matters more than the rollback
            app.logger.exception("Rollback after an unexpected error failed")
        return _render(500, app.config)

"""The health page (for load balancers and monitoring). The front page is in pages.py."""

from __future__ import annotations

from importlib.metadata import version

from flask import Blueprint, current_app, jsonify
from sqlalchemy import text

from easyread.store.db import db

bp = Blueprint("health", __name__)


@bp.get("/health")
def health():
    """200 with {"status": "ok"} when the app and its database answer; 503 otherwise."""
    try:
        db.session.execute(text("SELECT 1"))
        database = "ok"
    except Exception:  # any database failure means "not healthy", whatever its type
        current_app.logger.exception("Health check: database is not answering")
        database = "error"
    status = "ok" if database == "ok" else "error"
    body = {"status": status, "database": database, "version": version("easyread")}
    return jsonify(body), (200 if status == "ok" else 503)


def init_app(app) -> None:
    app.register_blueprint(bp)

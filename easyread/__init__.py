"""easyread: Easy Read and translation for council letters, with a local model.

`create_app` is the Flask app factory. Each part wires itself in with `init_app(app)`.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

__all__ = ["create_app"]


def _secret_key(instance: Path) -> str:
    """Make a random key once and keep it in the instance folder, readable by the owner only."""
    key_file = instance / "secret_key"
    try:
        # O_EXCL: two processes starting at once must not each write a different key.
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return key_file.read_text().strip()
    with os.fdopen(fd, "w") as fh:
        fh.write(secrets.token_hex(32))
    return key_file.read_text().strip()


def _private_instance(instance: Path) -> None:
    """Letters, drafts and the database are personal data: only this service's user may read them.

    New files and folders are made 0600 / 0700 (the process umask, so every writer is covered: SQLite,
    the queue, uploads, outputs, temporary files), and an existing instance folder is closed to others.
    """
    os.umask(0o077)
    instance.mkdir(parents=True, exist_ok=True)
    try:
        instance.chmod(0o700)  # also closes an instance made before this (files inside are unreachable to others)
        for name in ("easyread.db", "huey.db", "secret_key"):
            if (instance / name).is_file():
                (instance / name).chmod(0o600)
    except OSError:  # not our folder (a shared mount): its owner decides
        pass


def create_app(test_config: dict | None = None):
    """Build the Flask app. `test_config` overrides settings (keys as in easyread.config)."""
    from flask import Flask

    from easyread.config import load_settings

    settings = load_settings(overrides=test_config)
    instance = Path(settings["INSTANCE_PATH"])
    _private_instance(instance)

    app = Flask(
        __name__,
        instance_path=str(instance),
        template_folder=str(Path(__file__).resolve().parent.parent / "templates"),
        static_folder=str(Path(__file__).resolve().parent.parent / "static"),
    )
    app.config["EASYREAD"] = settings
    app.config["SECRET_KEY"] = settings["SECRET_KEY"] or _secret_key(instance)
    app.config["SQLALCHEMY_DATABASE_URI"] = settings["DATABASE_URL"] or f"sqlite:///{instance / 'easyread.db'}"
    app.config["MAX_CONTENT_LENGTH"] = settings["MAX_UPLOAD_MB"] * 1024 * 1024
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    if test_config:
        app.config.update({k: v for k, v in test_config.items() if k.isupper() and k not in settings})

    from easyread import store, web
    from easyread.web import errors, health

    store.init_app(app)
    errors.init_app(app)
    health.init_app(app)
    web.init_app(app)
    return app

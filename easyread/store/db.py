"""The database handle and migrations (Flask-SQLAlchemy + Flask-Migrate/Alembic).

Web views and background tasks query and commit through `easyread.records` (the CLI, batch and benches still use
the session themselves); the domain never imports this module.
"""

from __future__ import annotations

from pathlib import Path

from flask_migrate import Migrate, upgrade
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase

MIGRATIONS = str(Path(__file__).resolve().parent / "migrations")


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
migrate = Migrate(directory=MIGRATIONS)


def init_app(app) -> None:
    """Attach the database to the app and bring its schema up to date."""
    from easyread.store import models  # noqa: F401  (registers the tables)

    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS)
    with app.app_context():
        upgrade(directory=MIGRATIONS)

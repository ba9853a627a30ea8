"""Storage: SQLAlchemy models and migrations. Never imported by the domain."""

from easyread.store.db import db, init_app  # noqa: F401

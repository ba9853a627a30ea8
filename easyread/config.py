"""Every setting of easyread, declared once with its default and help text.

Settings are read, lowest priority first, from: the defaults below, the instance
config file (`easyread.toml` in the instance folder, keys without the prefix),
then environment variables named `EASYREAD_<NAME>`. The README lists every
setting; `tests/test_settings_documented.py` fails when one is missing there.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

ENV_PREFIX = "EASYREAD_"
CONFIG_FILE_NAME = "easyread.toml"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    type: Callable[[str], Any] = str


def _bool(value: str | bool) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"1", "true", "yes", "on"}


def _default_instance_path() -> str:
    return str(Path.cwd() / "instance")


SETTINGS: list[Setting] = [
    # --- service ---
    Setting("INSTANCE_PATH", "", "Folder for the database, the secret key, the model cache and uploads. Empty means ./instance in the current folder.", str),
    Setting("DATABASE_URL", "", "SQLAlchemy database URL. Empty means a SQLite file easyread.db in the instance folder. PostgreSQL works too: postgresql://user:pass@host/db.", str),
    Setting("SECRET_KEY", "", "Key that signs session cookies. Empty means a random key made once and kept in the instance folder.", str),
    Setting("HOST", "127.0.0.1", "Address `easyread serve` listens on.", str),
    Setting("PORT", 5000, "Port `easyread serve` listens on.", int),
    Setting("COUNCIL_NAME", "Your council", "Council name shown in the page header and written into documents.", str),
    # --- input limits ---
    Setting("MAX_UPLOAD_MB", 20, "Largest file, in megabytes, that can be uploaded or converted.", int),
    Setting("MAX_PAGES", 100, "Largest number of pages a PDF may have.", int),
    Setting("MAX_UNCOMPRESSED_MB", 200, "Largest total size, in megabytes, of the files inside a DOCX once unzipped (guards against zip bombs).", int),
    Setting("MAX_WORDS", 20000, "Largest number of words in one letter. Longer documents are refused with a message.", int),
    # --- output ---
    Setting("FONT", "Arial", "Sans-serif font for Easy Read documents (Word, PDF and HTML).", str),
    Setting("FONT_SIZE_PT", 16, "Body text size in points for Easy Read documents.", int),
    Setting("HEADING_SIZE_PT", 22, "Heading size in points for Easy Read documents.", int),
    Setting("PICTURE_SIZE_CM", 3.5, "Width of the picture beside each point, in centimetres.", float),
    Setting("FORMATS", "docx,html,pdf,txt", "Output formats `easyread convert` writes when --format is not given.", str),
    # --- checks ---
    # (declared by easyread.checks; keep them here so there is one place)
    # --- model engine ---
    # (declared by easyread.engines)
]

_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str) -> Setting:
    """The declaration of one setting."""
    return _BY_NAME[name]


def _coerce(spec: Setting, value: Any) -> Any:
    if spec.type is bool:
        return _bool(value)
    if isinstance(value, str) or spec.type in (int, float):
        try:
            return spec.type(value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"Setting {ENV_PREFIX}{spec.name} must be a {spec.type.__name__}, not {value!r}.") from exc
    return value


def load_settings(instance_path: str | os.PathLike | None = None, overrides: dict | None = None, environ: dict | None = None) -> dict[str, Any]:
    """Return every setting's value as a dict keyed by name (without prefix).

    `overrides` wins over everything (used by tests and by the Flask app factory).
    """
    environ = os.environ if environ is None else environ
    overrides = dict(overrides or {})
    values: dict[str, Any] = {s.name: s.default for s in SETTINGS}

    inst = overrides.get("INSTANCE_PATH") or instance_path or environ.get(ENV_PREFIX + "INSTANCE_PATH") or _default_instance_path()
    config_file = Path(inst) / CONFIG_FILE_NAME
    if config_file.is_file():
        with config_file.open("rb") as fh:
            from_file = tomllib.load(fh)
        for key, value in from_file.items():
            key = key.upper().removeprefix(ENV_PREFIX)
            if key in _BY_NAME:
                values[key] = value
    for spec in SETTINGS:
        env_value = environ.get(ENV_PREFIX + spec.name)
        if env_value is not None:
            values[spec.name] = env_value
    for key, value in overrides.items():
        if key in _BY_NAME:
            values[key] = value
    values = {name: _coerce(_BY_NAME[name], v) for name, v in values.items()}
    values["INSTANCE_PATH"] = str(Path(inst).resolve())
    return values

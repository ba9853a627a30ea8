"""Every setting of easyread, declared once with its default and help text (in `declared.py`), resolved here.

Settings are read, lowest priority first, from: the declared defaults, the instance
config file (`easyread.toml` in the instance folder, keys without the prefix),
then environment variables named `EASYREAD_<NAME>`. The README lists every
setting; `tests/test_settings_documented.py` fails when one is missing there.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from easyread.config.declared import SETTINGS, Setting, _bool, _default_instance_path

ENV_PREFIX = "EASYREAD_"
CONFIG_FILE_NAME = "easyread.toml"


_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str) -> Setting:
    """The declaration of one setting."""
    return _BY_NAME[name]


def default(name: str) -> Any:
    """The declared default of one setting: where code needs it, it reads it here rather than writing it again."""
    return _BY_NAME[name].default


class Settings(dict):
    """Every setting's value in its declared type, resolved once by `load_settings` and passed explicitly into
    the domain. Read as `settings.MODEL` or `settings["MODEL"]` (a dict, so code that reads one keeps working);
    never changed in place (TypeError), so what one part of the service was given cannot change under another:
    `replace(**changes)` makes a changed, checked copy."""

    def _frozen(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("Settings are not changed in place: make a changed copy with settings.replace(NAME=value).")

    __setitem__ = __delitem__ = __ior__ = clear = pop = popitem = setdefault = update = _frozen

    def __reduce__(self):  # copy and pickle would rebuild it item by item, through __setitem__
        return (type(self), (dict(self),))

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"There is no setting called {name}.") from None

    @classmethod
    def defaults(cls) -> Settings:
        """Every setting at its declared default: for tests, benchmarks and library use without an instance."""
        return cls({s.name: s.default for s in SETTINGS})

    def replace(self, **changes: Any) -> Settings:
        """A copy with `changes` (names as declared, values turned into the declared type)."""
        if unknown := sorted(set(changes) - set(_BY_NAME)):
            raise KeyError(f"There is no setting called {', '.join(unknown)}.")
        return resolved({**self, **changes})


def resolved(settings: Mapping[str, Any] | None) -> Settings:
    """`settings` when they are already resolved (what `load_settings` made); a partial mapping or None (tests,
    benchmarks, library callers) completed from the declared defaults above. Never reads the environment or
    the instance file: only `load_settings` does, once, in the CLI, the app factory and the worker."""
    if isinstance(settings, Settings):
        return settings
    given = dict(settings or {})
    known = {name: _coerce(_BY_NAME[name], value) for name, value in given.items() if name in _BY_NAME}
    return Settings({**given, **Settings.defaults(), **known})


def _coerce(spec: Setting, value: Any) -> Any:
    if spec.type is bool:
        return _bool(value)
    if isinstance(value, str) or spec.type in (int, float):
        try:
            return spec.type(value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"Setting {ENV_PREFIX}{spec.name} must be a {spec.type.__name__}, not {value!r}.") from exc
    return value


def load_settings(
    instance_path: str | os.PathLike | None = None, overrides: dict | None = None, environ: dict | None = None
) -> Settings:
    """Every setting's value, keyed by name (without prefix): the one place settings are resolved.

    `overrides` wins over everything (used by tests and by the Flask app factory).
    """
    environ = os.environ if environ is None else environ
    overrides = dict(overrides or {})
    inst = (
        overrides.get("INSTANCE_PATH")
        or instance_path
        or environ.get(ENV_PREFIX + "INSTANCE_PATH")
        or _default_instance_path()
    )
    config_file = Path(inst) / CONFIG_FILE_NAME
    from_file = tomllib.loads(config_file.read_text(encoding="utf-8")) if config_file.is_file() else {}
    # Lowest priority first; names no setting has are left out at the end.
    values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
    values.update({key.upper().removeprefix(ENV_PREFIX): value for key, value in from_file.items()})
    values.update({s.name: environ[ENV_PREFIX + s.name] for s in SETTINGS if ENV_PREFIX + s.name in environ})
    values.update(overrides)
    values = {name: _coerce(spec, values[name]) for name, spec in _BY_NAME.items()}
    values["INSTANCE_PATH"] = str(Path(inst).resolve())
    return Settings(values)

"""The settings are resolved once (easyread.config.load_settings) and passed into the domain, which never reads the
environment or writes a default again."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from easyread.config import SETTINGS, Settings, default, load_settings, resolved

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = ["documents", "checks", "engines", "simplify", "verify", "pictures", "translate", "glossary", "review"]


def test_load_settings_gives_typed_values_by_name_and_attribute(tmp_path):
    settings = load_settings(
        overrides={"INSTANCE_PATH": str(tmp_path)},
        environ={"EASYREAD_MODEL_BATCH_SIZE": "7", "EASYREAD_REWRITE_MEANING_CHECK": "off"},
    )
    assert isinstance(settings, Settings)
    assert settings.MODEL_BATCH_SIZE == settings["MODEL_BATCH_SIZE"] == 7
    assert settings.REWRITE_MEANING_CHECK is False
    assert settings.MODEL == default("MODEL")
    with pytest.raises(AttributeError, match="There is no setting called MODLE"):
        settings.MODLE  # noqa: B018


def test_replace_checks_names_and_types():
    settings = Settings.defaults()
    assert settings.replace(CHECK_SENTENCE_FAIL_WORDS="9").CHECK_SENTENCE_FAIL_WORDS == 9
    assert settings.CHECK_SENTENCE_FAIL_WORDS == default("CHECK_SENTENCE_FAIL_WORDS")  # the original is unchanged
    with pytest.raises(KeyError, match="NO_SUCH"):
        settings.replace(NO_SUCH=1)
    with pytest.raises(ValueError, match="must be a int"):
        settings.replace(PORT="eighty")


def test_settings_are_never_changed_in_place():
    import copy
    import pickle

    settings = load_settings(environ={})
    changes = {
        "item": lambda s: s.__setitem__("MODEL", "none"),
        "update": lambda s: s.update(MODEL="none"),
        "setdefault": lambda s: s.setdefault("MODEL", "none"),
        "pop": lambda s: s.pop("MODEL"),
        "del": lambda s: s.__delitem__("MODEL"),
        "clear": lambda s: s.clear(),
        "|=": lambda s: s.__ior__({"MODEL": "none"}),
    }
    for name, change in changes.items():
        with pytest.raises(TypeError, match=r"settings\.replace\(NAME=value\)"):
            change(settings)
        assert settings.MODEL == default("MODEL"), name
    assert settings.replace(MODEL="none").MODEL == "none" and settings.MODEL == default("MODEL")
    for twin in (copy.copy(settings), copy.deepcopy(settings), pickle.loads(pickle.dumps(settings))):
        assert type(twin) is Settings and twin == settings


def test_a_partial_dict_is_completed_from_the_declarations_not_the_environment(monkeypatch):
    monkeypatch.setenv("EASYREAD_MODEL", "openai+http://127.0.0.1:1/v1")
    monkeypatch.setenv("EASYREAD_PICTURE_PX", "12")
    completed = resolved({"PICTURE_PX": "64"})
    assert completed.PICTURE_PX == 64
    assert completed.MODEL == default("MODEL")
    assert set(completed) >= {s.name for s in SETTINGS}
    made = load_settings(environ={})
    assert resolved(made) is made  # resolved settings pass through untouched


def test_the_domain_never_loads_settings_itself():
    """Only the CLI, the app factory, the worker and the benchmarks call load_settings; a domain function that
    did would quietly read the environment instead of the settings it was given."""
    calls = [
        f"{path.relative_to(ROOT)}:{n}"
        for package in DOMAIN
        for path in sorted((ROOT / "easyread" / package).rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bload_settings\(", line)
    ]
    assert calls == []

"""Every setting must be documented in the README, with its environment variable name."""

from pathlib import Path

import pytest

from easyread.config import ENV_PREFIX, SETTINGS, load_settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [s.name for s in SETTINGS])
def test_setting_is_in_readme(name):
    assert f"`{ENV_PREFIX}{name}`" in README, f"Add {ENV_PREFIX}{name} to the settings table in README.md"


def test_the_settings_table_lists_each_setting_once():
    """Rows are written by scripts/settings_table.py; a hand edit once listed EASYREAD_OPENVINO_EXPORTER twice."""
    table = README.split("<!-- settings:start -->", 1)[1].split("<!-- settings:end -->", 1)[0]
    rows = [line.split("|")[1].strip().strip("`") for line in table.splitlines() if line.startswith("| `")]
    assert sorted(rows) == sorted(f"{ENV_PREFIX}{s.name}" for s in SETTINGS), "Run scripts/settings_table.py"


def test_every_setting_has_help_text():
    for spec in SETTINGS:
        assert len(spec.help) > 15, spec.name


def test_names_are_unique():
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names))


def test_environment_beats_file_beats_default(tmp_path):
    (tmp_path / "easyread.toml").write_text('COUNCIL_NAME = "From file"\nMAX_UPLOAD_MB = 7\n')
    from_file = load_settings(instance_path=tmp_path, environ={})
    assert from_file["COUNCIL_NAME"] == "From file"
    assert from_file["MAX_UPLOAD_MB"] == 7
    from_env = load_settings(
        instance_path=tmp_path, environ={"EASYREAD_COUNCIL_NAME": "From env", "EASYREAD_MAX_UPLOAD_MB": "9"}
    )
    assert from_env["COUNCIL_NAME"] == "From env"
    assert from_env["MAX_UPLOAD_MB"] == 9  # coerced to int
    assert load_settings(instance_path=tmp_path / "empty", environ={})["MAX_UPLOAD_MB"] == 20


def test_bad_number_says_which_setting(tmp_path):
    with pytest.raises(ValueError, match="EASYREAD_MAX_UPLOAD_MB"):
        load_settings(instance_path=tmp_path, environ={"EASYREAD_MAX_UPLOAD_MB": "lots"})

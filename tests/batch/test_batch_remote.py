"""`easyread batch --remote`: a real easyread server on a free port, converting with no model."""

from __future__ import annotations

import json
import threading

import pytest
from click.testing import CliRunner

from easyread.cli import main


@pytest.fixture
def server(tmp_path, monkeypatch):
    """(base URL, API token) of a running server whose jobs run inside the upload request."""
    from argon2 import PasswordHasher
    from werkzeug.serving import make_server

    from easyread import create_app
    from easyread.records import users
    from easyread.store.db import db

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    instance = tmp_path / "server"
    instance.mkdir()
    app = create_app(
        {
            "INSTANCE_PATH": str(instance),
            "TESTING": True,
            "QUEUE_URL": "immediate",
            "PICTURE_DEFAULT_SET": "none",
            "MODEL": "none",
        }
    )
    with app.app_context():
        council = users.get_or_create_council("Testshire Council")
        user = users.create_user(
            "batch@testshire.gov.uk", "Batch", "staff", council, "correct-horse-battery-staple", actor="test"
        )
        _, token = users.create_token(user, "batch")
        db.session.commit()
    http = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=http.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{http.server_port}", token
    http.shutdown()
    thread.join(10)


def test_remote_batch_mirrors_the_tree_with_the_same_summary(tmp_path, batch_env, server, monkeypatch):
    from tests.batch.conftest import build_tree

    url, token = server
    small = build_tree(tmp_path / "small", letters=6)  # the server's one-by-one jobs: a few letters are enough
    out = tmp_path / "out"
    monkeypatch.setenv("EASYREAD_API_TOKEN", token)  # the token never appears on the command line
    result = CliRunner().invoke(
        main,
        [
            "batch",
            str(small.root),
            str(out),
            "--remote",
            url,
            "--model",
            "none",
            "--formats",
            "txt,docx",
            "--no-pictures",
            "--quiet",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 1, result.output  # the bad files are refused by the server, with its reason
    assert "6 of 11 letters done" in result.output
    manifest = json.loads((out / ".easyread-batch.json").read_text())["letters"]
    assert manifest["empty.txt"]["status"] == "skipped" and "empty" in manifest["empty.txt"]["reason"]
    for rel in small.good:
        entry = manifest[rel]
        assert entry["status"] == "done" and entry["remote_id"]
        stem = entry["folder"].rsplit("/", 1)[-1]
        assert (out / entry["folder"] / f"{stem}.docx").read_bytes()[:2] == b"PK"
        assert "score" in json.loads((out / entry["folder"] / f"{stem}.report.json").read_text())
        assert json.loads((out / entry["folder"] / f"{stem}.draft.json").read_text())["sections"]
    assert "TOTAL" in (out / "summary.csv").read_text(encoding="utf-8")

    again = CliRunner().invoke(
        main,
        [
            "batch",
            str(small.root),
            str(out),
            "--remote",
            url,
            "--model",
            "none",
            "--formats",
            "txt,docx",
            "--no-pictures",
            "--quiet",
        ],
        catch_exceptions=False,
    )
    assert "0 converted in this run" in again.output


def test_remote_run_stopped_half_way_does_not_send_letters_twice(tmp_path, batch_env, server, monkeypatch):
    import requests

    from easyread.cli import batch as cli_batch
    from tests.batch.conftest import build_tree

    url, token = server
    small = build_tree(tmp_path / "small", letters=6)
    out = tmp_path / "out"
    args = [
        "batch",
        str(small.root),
        str(out),
        "--remote",
        url,
        "--token",
        token,
        "--model",
        "none",
        "--formats",
        "txt",
        "--no-pictures",
        "--jobs",
        "8",
        "--quiet",
    ]
    finished = cli_batch.BarReporter.finished

    def stop_at_first_done(self, entry):
        finished(self, entry)
        if entry.status == "done":
            raise KeyboardInterrupt  # the other letters of the chunk are on the server already

    monkeypatch.setattr(cli_batch.BarReporter, "finished", stop_at_first_done)
    assert CliRunner().invoke(main, args, catch_exceptions=False).exit_code == 130
    monkeypatch.setattr(cli_batch.BarReporter, "finished", finished)
    assert "6 of 11 letters done" in CliRunner().invoke(main, args, catch_exceptions=False).output
    listed = requests.get(f"{url}/api/v1/documents", headers={"Authorization": f"Bearer {token}"}, timeout=30).json()[
        "documents"
    ]
    assert sorted(d["filename"] for d in listed) == sorted(rel.rsplit("/", 1)[-1] for rel in small.good)


def test_remote_with_a_wrong_token_says_so(tmp_path, batch_env, server):
    from tests.batch.conftest import build_tree

    url, _ = server
    small = build_tree(tmp_path / "small", letters=4)
    result = CliRunner().invoke(
        main,
        ["batch", str(small.root), str(tmp_path / "out"), "--remote", url, "--token", "er_wrong", "--quiet"],
        catch_exceptions=False,
    )
    assert result.exit_code == 2 and "refused the API token" in result.output

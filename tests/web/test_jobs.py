"""Background jobs: idempotent tasks, failures a person can retry, and a real Huey consumer on
SQLite that picks up a job whose worker was killed half way and finishes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.web.doc_support import LETTER, audit_events, doc_id_from, latest_draft

ROOT = Path(__file__).resolve().parents[2]


def _doc(app, doc_id):
    from easyread.store.db import db
    from easyread.store.models import Letter

    with app.app_context():
        doc = db.session.get(Letter, doc_id)
        return {
            "status": doc.status,
            "error": doc.error,
            "progress": dict(doc.progress or {}),
            "versions": len(doc.versions),
        }


def test_a_done_document_is_not_redone(app, staff_client, upload):
    from easyread.jobs import tasks

    doc_id = doc_id_from(upload(staff_client))
    state = _doc(app, doc_id)
    assert state["status"] == "done" and state["versions"] == 1
    with app.app_context():
        assert tasks.make_draft.call_local(doc_id, state["progress"]["task"]["token"]) == "skipped"
        assert tasks.make_draft.call_local(doc_id, "an-old-job") == "skipped"
    assert _doc(app, doc_id)["versions"] == 1


@pytest.mark.parametrize("shape", ["token in task", "token as job (before the rename)"])
def test_a_letter_queued_before_an_upgrade_is_still_made(app, staff_client, upload, shape):
    """A task whose token is the letter's runs, whether the token is stored where the queue puts it now
    (progress["task"]["token"]) or where it was before (progress["job"]); any other token is skipped."""
    from easyread.jobs import tasks
    from easyread.store.db import db
    from easyread.store.models import Letter

    doc_id = doc_id_from(upload(staff_client))
    with app.app_context():
        doc = db.session.get(Letter, doc_id)
        doc.status = "queued"
        task = {"kind": "document"}
        old = shape != "token in task"
        doc.progress = {
            "stage": "waiting",
            "percent": 0,
            **({"job": "t1", "task": task} if old else {"task": {**task, "token": "t1"}}),
        }
        db.session.commit()
        assert tasks.make_draft.call_local(doc_id, "t2") == "skipped"
        assert tasks.make_draft.call_local(doc_id, "t1") == "done"
    assert _doc(app, doc_id)["versions"] == 2


def test_a_failed_job_shows_its_error_and_can_be_retried(app, staff_client, page, upload, post, monkeypatch):
    from easyread import drafting
    from easyread.convert import ConvertError

    def broken(*args, **kwargs):
        raise ConvertError("The model is not ready. Run easyread models prepare, then try again.")

    monkeypatch.setattr(drafting, "rewrite_letters", broken)
    doc_id = doc_id_from(upload(staff_client))
    state = _doc(app, doc_id)
    assert state["status"] == "failed" and state["versions"] == 0
    shown = page(staff_client.get(f"/documents/{doc_id}"))
    assert "The model is not ready. Run easyread models prepare, then try again." in shown.text
    assert "Try again" in shown.text
    assert "Failed" in page(staff_client.get("/documents/")).text

    monkeypatch.undo()
    assert post(staff_client, f"/documents/{doc_id}/retry").status_code == 302
    assert _doc(app, doc_id)["status"] == "done"
    assert latest_draft(app, doc_id)[0] == 1


def test_an_unexpected_error_is_shown_in_plain_words(app, staff_client, upload, monkeypatch):
    from easyread import drafting
    from easyread.jobs import tasks

    monkeypatch.setattr(drafting, "rewrite_letters", lambda *a, **k: 1 / 0)
    doc_id = doc_id_from(upload(staff_client))
    state = _doc(app, doc_id)
    assert state["status"] == "failed" and state["error"] == tasks.GENERIC_ERROR


def test_progress_is_stored_on_the_document(app, staff_client, upload, monkeypatch):
    from easyread import drafting

    seen = []
    real = drafting.rewrite_letters

    def spy(letters, *, progress, **kwargs):
        progress("rewrite", 1, 2)
        seen.append(_doc(app, 1)["progress"])
        return real(letters, progress=progress, **kwargs)

    monkeypatch.setattr(drafting, "rewrite_letters", spy)
    doc_id_from(upload(staff_client))
    assert seen and seen[0]["stage"] == "rewrite" and 0 < seen[0]["percent"] < 100


def _sqlite_queue(app):
    from easyread import jobs

    app.config["EASYREAD"] = app.config["EASYREAD"].replace(QUEUE_URL="")
    jobs.configure(app.config["EASYREAD"])
    jobs.init_app(app)
    return jobs


def test_recover_leaves_a_job_that_is_still_waiting(app, staff, staff_client):
    from easyread.jobs import intake

    jobs = _sqlite_queue(app)
    with app.app_context():
        settings = app.config["EASYREAD"]
        doc = intake.accept(
            data=LETTER.encode(),
            filename="l.txt",
            user=staff,
            options=intake.clean_options(settings, model="none", formats=["txt"], pictures=False),
            settings=settings,
            instance=app.instance_path,
        )
        doc_id = doc.id
    assert _doc(app, doc_id)["status"] == "queued"
    assert jobs.huey.pending_count() == 1
    assert jobs.recover(app) == []
    assert jobs.huey.pending_count() == 1


WORKER_THAT_HANGS = """
import time
from easyread import drafting

def hang(letters, *, progress, **kwargs):
    progress("rewrite", 1, 2)   # half way
    time.sleep(600)

drafting.rewrite_letters = hang
from easyread.cli import main
main(["worker"])
"""


@pytest.mark.timeout(300)
def test_a_job_killed_half_way_is_picked_up_again_by_a_real_consumer(app, staff, staff_client, page, instance):
    """A worker process (real Huey consumer, SQLite queue in the instance folder) is killed while the
    job is half way; a consumer started afterwards queues it again from the stored state and finishes it."""
    from easyread.jobs import intake

    jobs = _sqlite_queue(app)
    with app.app_context():
        settings = app.config["EASYREAD"]
        doc = intake.accept(
            data=LETTER.encode(),
            filename="l.txt",
            user=staff,
            options=intake.clean_options(settings, model="none", formats=["txt"], pictures=False),
            settings=settings,
            instance=app.instance_path,
        )
        doc_id = doc.id
    assert (instance / "huey.db").is_file()

    env = dict(
        os.environ, EASYREAD_INSTANCE_PATH=str(instance), EASYREAD_PICTURE_DEFAULT_SET="none", EASYREAD_QUEUE_URL=""
    )
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER_THAT_HANGS],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 180
        while _doc(app, doc_id)["progress"].get("stage") != "rewrite":
            assert worker.poll() is None, worker.stdout.read().decode()[-3000:]
            assert time.monotonic() < deadline, "the worker did not start the job"
            time.sleep(0.5)
        shown = page(staff_client.get(f"/documents/{doc_id}"))
        assert "Working on it" in shown.text and shown.select("//progress")
    finally:
        os.killpg(worker.pid, signal.SIGKILL)  # a crash: no chance to clean up
        worker.wait(timeout=30)
    state = _doc(app, doc_id)
    assert state["status"] == "running" and state["versions"] == 0
    assert jobs.huey.pending_count() == 0  # the killed worker had taken the task off the queue

    consumer = jobs.start_in_thread(app)
    try:
        deadline = time.monotonic() + 120
        while _doc(app, doc_id)["status"] != "done":
            assert _doc(app, doc_id)["status"] != "failed", _doc(app, doc_id)
            assert time.monotonic() < deadline, f"the job was not finished: {_doc(app, doc_id)}"
            time.sleep(0.2)
    finally:
        consumer.stop(graceful=True)
    assert _doc(app, doc_id)["versions"] == 1
    assert [e["document_id"] for e in audit_events(app, "draft_created")] == [doc_id]
    assert "£120" in page(staff_client.get(f"/documents/{doc_id}")).text


@pytest.mark.timeout(300)
def test_serve_runs_a_worker_process(app, staff, instance):
    """`easyread serve` (no --no-worker) starts a worker process that takes a job waiting in the SQLite queue and finishes it."""
    import socket
    import urllib.request

    from easyread.jobs import intake

    jobs = _sqlite_queue(app)
    with app.app_context():
        settings = app.config["EASYREAD"]
        doc = intake.accept(
            data=LETTER.encode(),
            filename="l.txt",
            user=staff,
            options=intake.clean_options(settings, model="none", formats=["txt"], pictures=False),
            settings=settings,
            instance=app.instance_path,
        )
        doc_id = doc.id
    assert jobs.huey.pending_count() == 1
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(
        os.environ,
        EASYREAD_INSTANCE_PATH=str(instance),
        EASYREAD_PORT=str(port),
        EASYREAD_PICTURE_DEFAULT_SET="none",
        EASYREAD_QUEUE_URL="",
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "easyread.cli", "serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 180
        while _doc(app, doc_id)["status"] != "done":
            assert server.poll() is None, server.stdout.read().decode()[-3000:]
            assert time.monotonic() < deadline, f"not done: {_doc(app, doc_id)}"
            time.sleep(0.5)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as response:
            assert response.status == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert _doc(app, doc_id)["versions"] == 1


POINT = {"kind": "point", "section": 1, "index": 0, "user_id": None}
# Letters queued before the task token moved into progress["task"] carry it as progress["job"].
OLD_SHAPE = {"job": "old", "task": POINT}
NEW_SHAPE = {"task": {**POINT, "token": "old"}}


@pytest.mark.parametrize("shape", [NEW_SHAPE, OLD_SHAPE], ids=["token in task", "token as job (before the rename)"])
def test_recover_requeues_an_interrupted_point_task_as_a_point_task(app, staff_client, page, upload, shape):
    """A "make this point again" task left running goes back on the queue as the same kind of task,
    never as a whole new draft over a person's edits."""
    from easyread import jobs
    from easyread.store.db import db
    from easyread.store.models import Letter

    doc_id = doc_id_from(upload(staff_client))
    with app.app_context():
        doc = db.session.get(Letter, doc_id)
        doc.status = "running"
        doc.progress = {"stage": "rewrite", **shape}
        db.session.commit()
    assert jobs.recover(app) == [doc_id]  # immediate mode: the task runs now
    state = _doc(app, doc_id)
    assert state["versions"] == 1 and state["status"] == "done"
    task = state["progress"]["task"]
    assert task["token"] != "old" and "job" not in state["progress"]
    assert {k: v for k, v in task.items() if k != "token"} == POINT  # the old token is not a parameter
    assert "needs a model" in state["error"]  # model "none": the point job says so
    assert "needs a model" in page(staff_client.get(f"/documents/{doc_id}")).text


@pytest.mark.timeout(120)
def test_the_redis_queue(app, staff, tmp_path):
    """EASYREAD_QUEUE_URL=redis://… runs the same job through Redis (skipped without redis-server and the redis package)."""
    import os
    import shutil
    import socket

    binary = shutil.which("redis-server")
    if os.environ.get("CI"):  # scripts/setup.sh installs both for the tests: missing is a failure there
        import redis  # noqa: F401

        assert binary, "redis-server is not installed"
    pytest.importorskip("redis")
    if not binary:
        pytest.skip("redis-server is not installed")
    from easyread import jobs
    from easyread.jobs import intake

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    consumer = None
    try:
        settings = app.config["EASYREAD"] = app.config["EASYREAD"].replace(QUEUE_URL=f"redis://127.0.0.1:{port}/0")
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.1)
        jobs.configure(settings)
        jobs.init_app(app)
        assert "Redis" in jobs.describe(settings)
        with app.app_context():
            doc = intake.accept(
                data=LETTER.encode(),
                filename="l.txt",
                user=staff,
                options=intake.clean_options(settings, model="none", formats=["txt"], pictures=False),
                settings=settings,
                instance=app.instance_path,
            )
            doc_id = doc.id
        assert jobs.huey.pending_count() == 1
        consumer = jobs.start_in_thread(app)
        deadline = time.monotonic() + 60
        while _doc(app, doc_id)["status"] != "done":
            assert time.monotonic() < deadline, _doc(app, doc_id)
            time.sleep(0.2)
        assert _doc(app, doc_id)["versions"] == 1
    finally:
        if consumer is not None:
            consumer.stop(graceful=True)
        server.terminate()
        server.wait(timeout=10)


def test_worker_command_refuses_immediate_mode(cli_runner, monkeypatch):
    from easyread.cli import main

    monkeypatch.setenv("EASYREAD_QUEUE_URL", "immediate")
    result = cli_runner.invoke(main, ["worker"])
    assert result.exit_code == 2 and "nothing for a worker to do" in result.output

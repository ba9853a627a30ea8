"""Retention (originals and personal data after RETENTION_DAYS), deleting a letter entirely, the CLI, and audio."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.web.review.conftest import reviewer_client_for


def _counts(app, doc_id):
    from sqlalchemy import func, select

    from easyread.store.db import db
    from easyread.store.models import (
        DraftApproval,
        DraftVersion,
        Letter,
        ReviewAssignment,
        ReviewFeedback,
        ReviewRound,
    )

    with app.app_context():
        rounds = [r.id for r in db.session.scalars(select(ReviewRound).where(ReviewRound.document_id == doc_id))]
        return {
            "document": db.session.get(Letter, doc_id) is not None,
            "versions": db.session.scalar(
                select(func.count()).select_from(DraftVersion).where(DraftVersion.document_id == doc_id)
            ),
            "rounds": len(rounds),
            "feedback": db.session.scalar(
                select(func.count()).select_from(ReviewFeedback).where(ReviewFeedback.round_id.in_(rounds or [0]))
            ),
            "assignments": db.session.scalar(
                select(func.count()).select_from(ReviewAssignment).where(ReviewAssignment.round_id.in_(rounds or [0]))
            ),
            "approvals": db.session.scalar(
                select(func.count()).select_from(DraftApproval).where(DraftApproval.document_id == doc_id)
            ),
        }


def test_erase_deletes_everything_and_is_audited(app, staff_client, sent_round, page, post):
    rid, doc_id = sent_round["round_id"], sent_round["doc_id"]
    post(
        reviewer_client_for(app, sent_round["reviewers"][0]), f"/review/read/{rid}/points/0/0", {"answer": "understand"}
    )
    post(staff_client, f"/review/rounds/{rid}/close")
    post(staff_client, f"/review/documents/{doc_id}/approve", {"version": "1", "language": "en"})
    out = Path(app.instance_path) / "outputs" / str(doc_id)
    out.mkdir(parents=True)
    (out / "x.txt").write_text("made")
    with app.app_context():
        from easyread.store.db import db
        from easyread.store.models import Letter

        original = Path(app.instance_path) / db.session.get(Letter, doc_id).original_path
    assert original.is_file()
    assert page(staff_client.get(f"/review/documents/{doc_id}/erase")).h1 == "Delete this letter entirely"
    done = post(staff_client, f"/review/documents/{doc_id}/erase")
    assert done.status_code == 302
    assert _counts(app, doc_id) == {
        "document": False,
        "versions": 0,
        "rounds": 0,
        "feedback": 0,
        "assignments": 0,
        "approvals": 0,
    }
    assert not original.exists() and not out.exists()
    from tests.web.review.conftest import audit_events

    assert audit_events(app, "document_erased")[0]["document_id"] == doc_id
    assert staff_client.get(f"/documents/{doc_id}").status_code == 404


def test_purge_removes_originals_and_hidden_words_after_the_period(app, sent_round):
    from easyread.records import retention
    from easyread.store.db import db
    from easyread.store.models import Letter, ReviewRound

    doc_id = sent_round["doc_id"]
    with app.app_context():
        original = Path(app.instance_path) / db.session.get(Letter, doc_id).original_path
        assert db.session.get(Letter, doc_id).parsed  # the letter as the upload read it holds its words too
        assert retention.purge(app.instance_path, 30) == {"originals": 0, "rounds": 0, "erased": 0}  # too young
        later = datetime.now(UTC) + timedelta(days=31)
        assert retention.purge(app.instance_path, 30, now=later) == {"originals": 1, "rounds": 1, "erased": 0}
        assert not original.exists()
        assert db.session.get(Letter, doc_id).parsed is None
        row = db.session.get(ReviewRound, sent_round["round_id"])
        assert row.redactions and all(r["text"] == "" for r in row.redactions)
        assert "Jane" not in str(row.redactions)
        assert retention.purge(app.instance_path, 30, now=later) == {
            "originals": 0,
            "rounds": 0,
            "erased": 0,
        }  # nothing twice
        # a letter deleted by staff that long ago goes entirely
        db.session.get(Letter, doc_id).deleted_at = datetime.now(UTC)
        db.session.commit()
        assert retention.purge(app.instance_path, 30, now=later)["erased"] == 1
        assert db.session.get(Letter, doc_id) is None
    from tests.web.review.conftest import audit_events

    assert audit_events(app, "retention_purged") and audit_events(app, "document_erased")[0]["reason"] == "retention"


def test_cli_purge_and_erase(app, letter_doc, cli_runner, monkeypatch):
    from easyread.cli import main

    result = cli_runner.invoke(main, ["review", "purge"])
    assert result.exit_code == 0 and "RETENTION_DAYS is 0" in result.output
    result = cli_runner.invoke(main, ["review", "purge", "--days", "30"])
    assert result.exit_code == 0 and "Deleted 0 original letters" in result.output
    result = cli_runner.invoke(main, ["review", "erase", str(letter_doc), "--yes"])
    assert result.exit_code == 0, result.output
    assert _counts(app, letter_doc)["document"] is False
    assert cli_runner.invoke(main, ["review", "erase", "999"]).exit_code == 2


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="needs espeak-ng")
def test_espeak_audio_is_cached_wav(tmp_path):
    from easyread.review import speech

    path = speech.wav_for("You must pay £120 by 1 May.", tmp_path)
    data = path.read_bytes()
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE" and len(data) > 1000
    assert speech.wav_for("You must pay £120 by 1 May.", tmp_path) == path
    assert speech.wav_for("-v --help; rm -rf /", tmp_path).is_file()  # words go on stdin: never options, never a shell
    assert speech.remove_for(tmp_path, ["You must pay £120 by 1 May."]) == 1
    with pytest.raises(speech.SpeechError):
        speech.wav_for("   ", tmp_path)


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="needs espeak-ng")
def test_reviewer_audio_route(app, sent_round):
    client = reviewer_client_for(app, sent_round["reviewers"][0])
    r = client.get(f"/review/read/{sent_round['round_id']}/points/1/0/audio.wav")
    assert r.status_code == 200 and r.mimetype == "audio/wav" and r.data[:4] == b"RIFF"
    assert client.get(f"/review/read/{sent_round['round_id']}/points/7/0/audio.wav").status_code == 404

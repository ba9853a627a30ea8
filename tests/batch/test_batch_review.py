"""`easyread batch --review`: each draft lands in the web app's database, with a review round being prepared."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from easyread.cli import main


def test_review_adds_each_draft_and_prepares_a_round(tmp_path, batch_env, monkeypatch, reads):
    from functools import partial

    from argon2 import PasswordHasher
    from sqlalchemy import func, select

    from easyread import create_app
    from easyread.records import rounds, users
    from easyread.store.db import db
    from easyread.store.models import DraftVersion, Letter, ReviewRound
    from tests.batch.conftest import build_tree

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    # The patterns and the letter's own parts hide personal data; Presidio's model only slows the test.
    monkeypatch.setattr(rounds, "prepare", partial(rounds.prepare, use_presidio=False))
    app = create_app()  # the instance folder batch_env points at, as the command will use
    with app.app_context():
        council = users.get_or_create_council("Testshire Council")
        users.create_user(
            "staff@testshire.gov.uk", "Sam Staff", "staff", council, "correct-horse-battery-staple", actor="test"
        )
        db.session.commit()
    small = build_tree(tmp_path / "small", letters=4)
    args = [
        "batch",
        str(small.root),
        str(tmp_path / "out"),
        "--formats",
        "txt",
        "--no-pictures",
        "--quiet",
        "--review",
        "May letters",
        "--user",
        "staff@testshire.gov.uk",
    ]

    no_panel = CliRunner().invoke(main, args, catch_exceptions=False)
    assert no_panel.exit_code == 2 and "no reviewers yet" in no_panel.output
    with app.app_context():
        from easyread.records import invites

        invites.create_reviewer(db.session.merge(council), "Rita Reviewer", actor="test")
        db.session.commit()
    reads.clear()
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 1, result.output  # the bad files
    assert "4 of 9 letters done" in result.output
    # Each letter is read once, by the batch; --review stores that reading rather than reading the letter again.
    assert sorted(reads) == sorted(Path(rel).name for rel in [*small.good, *small.bad])
    with app.app_context():
        docs = list(db.session.scalars(select(Letter)))
        assert sorted(d.options["batch"]["path"] for d in docs) == sorted(small.good)
        assert all(d.status == "done" and d.options["batch"]["review_round"] == "May letters" for d in docs)
        assert db.session.scalar(select(func.count()).select_from(DraftVersion)) == 4
        rounds_ = list(db.session.scalars(select(ReviewRound)))
        assert len(rounds_) == 4
        assert all(r.status == "preparing" and r.note == "May letters" and len(r.assignments) == 1 for r in rounds_)
        drafts = list(db.session.scalars(select(DraftVersion.draft)))
        assert any("Patel" in str(d) for d in drafts)
        assert not any("Patel" in str(r.draft) for r in rounds_)  # the reviewers' copy has personal data hidden
    bad_user = CliRunner().invoke(main, args[:-1] + ["nobody@testshire.gov.uk"], catch_exceptions=False)
    assert bad_user.exit_code == 2 and "no staff account" in bad_user.output

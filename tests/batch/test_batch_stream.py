"""Letters fed one after another: a slow letter holds up no other, and the engine queue is shared."""

from __future__ import annotations

import pytest

from easyread.batch import DONE, BatchError, BatchOptions, Reporter, run_batch
from easyread.engines.base import EngineError
from tests.batch.conftest import small_letter
from tests.simplify.fakes import last_user
from tests.simplify.rows_fake import RowsFake

SLOW = "Zanzibar"


def options(**kw) -> BatchOptions:
    return BatchOptions(formats=["txt"], model="fake", pictures=False, **kw)


def _folder(tmp_path, letters: int):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(letters):
        text = small_letter(n)
        if n == 0:
            text = text.replace("You can pay online", f"You can pay online or in {SLOW} House")
        (folder / f"l{n}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def model_settings(settings):
    # Every letter goes through the model (these short ones would otherwise count as Easy Read already).
    return {**settings, "REWRITE_ALREADY_EASY_SHARE": 1.01, "REWRITE_LETTERS_IN_FLIGHT": 4}


def test_the_other_letters_are_written_while_a_slow_one_is_still_rewritten(tmp_path, model_settings):
    folder = _folder(tmp_path, 6)
    out = tmp_path / "out"
    # The slow letter's prompt holds its row until the five others are written (or 30 s pass, as it must in
    # chunks of four: the chunk waits for it, so the letters after it cannot be written first).
    engine = RowsFake(held=lambda chat: SLOW in last_user(chat), hold_seconds=30.0)
    seen: list[tuple[str, bool]] = []

    class Watch(Reporter):
        def finished(self, entry):
            seen.append((entry.rel, (out / "l0" / "l0.txt").exists()))
            if len(seen) == 5:
                engine.release.set()

    result = run_batch(folder, out, options(at_once=4), settings=model_settings, engine=engine, reporter=Watch())
    assert [e.status for e in result.entries] == [DONE] * 6
    assert sorted(rel for rel, _ in seen[:5]) == [f"l{n}.txt" for n in range(1, 6)]
    assert seen[-1][0] == "l0.txt"
    assert not any(slow_written for _, slow_written in seen[:5])  # written one by one, the slow one last
    assert engine.decoders == 1  # one engine queue for the whole folder
    # The other letters' prompts were written in the same decode steps as the slow letter's.
    assert any(
        any(SLOW in u for u in rows) and any(f"7000{n}" in u for u in rows for n in range(1, 8))
        for rows in engine.step_rows
    )
    assert "Zanzibar" in (out / "l0" / "l0.txt").read_text(encoding="utf-8")


def test_no_more_than_in_flight_letters_run_at_once_and_each_reports_its_stages(tmp_path, model_settings):
    folder = _folder(tmp_path, 6)
    engine = RowsFake()
    working: list[list[str]] = []
    stages: list[str] = []

    class Watch(Reporter):
        def working(self, names):
            working.append(list(names))

        def stage(self, stage, done, total):
            stages.append(stage)

    settings = {**model_settings, "REWRITE_LETTERS_IN_FLIGHT": 2}
    result = run_batch(folder, tmp_path / "out", options(at_once=4), settings=settings, engine=engine, reporter=Watch())
    assert [e.status for e in result.entries] == [DONE] * 6
    assert max(len(names) for names in working) == 2
    assert {s.split(":")[0] for s in stages} == {f"l{n}.txt" for n in range(6)}
    assert any(s.endswith(": rewrite") for s in stages)


def test_a_model_that_stops_working_ends_the_run_and_keeps_what_was_written(tmp_path, model_settings):
    folder = _folder(tmp_path, 6)
    out = tmp_path / "out"

    def script(kind, user, chat):
        if "70003" in user:  # letter 3's account number
            raise EngineError("The computer ran out of memory.")
        return None

    settings = {**model_settings, "REWRITE_LETTERS_IN_FLIGHT": 2}
    with pytest.raises(BatchError, match="The model stopped working"):
        run_batch(folder, out, options(at_once=2), settings=settings, engine=RowsFake(script))
    written = sorted(p.parent.name for p in out.glob("*/*.txt"))
    assert "l3" not in written and {"l0", "l1"} <= set(written)
    again = run_batch(folder, out, options(at_once=2), settings=settings, engine=RowsFake())
    assert again.converted == 6 - len(written)
    assert [e.status for e in again.entries] == [DONE] * 6


def test_in_chunks_the_letters_are_written_and_a_bad_file_is_skipped(tmp_path, model_settings):
    # REWRITE_LETTERS_IN_FLIGHT=0 keeps the old chunks (the stage-by-stage baseline): written through the same
    # `_written` as the stream, so the two paths cannot drift apart again.
    folder = _folder(tmp_path, 3)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    settings = {**model_settings, "REWRITE_LETTERS_IN_FLIGHT": 0}
    result = run_batch(folder, tmp_path / "out", options(at_once=2), settings=settings, engine=RowsFake())
    by_name = {e.rel: e.status for e in result.entries}
    assert by_name.pop("empty.txt") != DONE
    assert set(by_name.values()) == {DONE}
    assert all(e.seconds is not None and e.seconds >= 0 for e in result.entries)
    assert (tmp_path / "out" / "l2" / "l2.txt").is_file()

"""Letters at their own pace through one shared engine queue (simplify.overlap), against the stage-by-stage path."""

from __future__ import annotations

import threading

import pytest

from easyread.simplify.pipeline import simplify_documents

from .fakes import FakeEngine
from .letters import REMINDER, letter

LONG = (
    "If you are having difficulty paying, please phone us on 0161 496 0199 as soon as you can so that we "
    "can discuss whether you are entitled to a reduction."
)


def _script(kind, user, chat):
    # A long rewrite sends the sentence to the repair rounds, so every stage has prompts.
    if kind == "rewrite" and "difficulty" in user:
        return "- " + LONG
    if kind == "repair" and "difficulty" in user:
        return "- Phone us on 0161 496 0199 if paying is hard.\n- We can check if you can pay less."
    return None


def _letters():
    return [
        letter(*REMINDER),
        letter(REMINDER[1], title="Second reminder"),
        letter(REMINDER[2], REMINDER[0], title="Help with paying"),
    ]


def _run(settings, in_flight, **kwargs):
    return simplify_documents(
        _letters(), FakeEngine(_script), settings={**settings, "REWRITE_LETTERS_IN_FLIGHT": in_flight}, **kwargs
    )


def test_each_letter_gets_the_same_draft_through_both_paths(settings):
    stages = _run(settings, 0)
    overlapped = _run(settings, 3)
    assert [r.draft.to_dict() for r in overlapped] == [r.draft.to_dict() for r in stages]
    assert [r.report.to_dict() for r in overlapped] == [r.report.to_dict() for r in stages]
    assert "Phone us on 0161 496 0199 if paying is hard." in [p.text for p in overlapped[0].draft.points()]
    # Each letter counts its own prompts, not the whole batch's.
    assert sum(r.tokens["prompts"] for r in overlapped) == stages[0].tokens["prompts"]
    assert all(r.tokens["letters_in_batch"] == 1 for r in overlapped)


def test_letters_run_at_once_and_report_progress_each(settings):
    seen: list[tuple[str, int, int]] = []
    running, most = set(), [0]
    lock = threading.Lock()

    def progress(stage, done, total):
        with lock:
            seen.append((stage, done, total))
            letter_no = stage.split(":")[0]
            running.add(letter_no) if not stage.endswith("fact lock and report") or done < total else None
            most[0] = max(most[0], len(running))
            if stage.endswith("fact lock and report") and done == total:
                running.discard(letter_no)

    _run(settings, 2, progress=progress)
    stages = {s for s, _, _ in seen}
    for n in (1, 2, 3):
        assert f"letter {n} of 3: rewrite" in stages
        assert (f"letter {n} of 3: fact lock and report", 1, 1) in seen
    assert most[0] == 2  # two letters in flight, never three


def test_the_first_draft_comes_before_the_repairs(settings):
    firsts: dict[int, list[str]] = {}
    results = _run(settings, 3, first_draft=lambda n, r: firsts.setdefault(n, [p.text for p in r.draft.points()]))
    assert sorted(firsts) == [0, 1, 2]
    # Letter 1's first draft still has the long sentence the repair round splits later.
    assert LONG in firsts[0]
    assert LONG not in [p.text for p in results[0].draft.points()]


def test_one_odd_letter_does_not_sink_the_others(settings, monkeypatch):
    from easyread.simplify import pipeline

    real = pipeline._finish

    def finish(in_progress, glossary, flags):
        if "Second reminder" in in_progress.doc.text():
            raise ValueError("odd letter")
        return real(in_progress, glossary, flags)

    monkeypatch.setattr(pipeline, "_finish", finish)
    results = _run(settings, 3)
    assert isinstance(results[1], ValueError)
    assert not isinstance(results[0], Exception) and not isinstance(results[2], Exception)


def test_an_engine_error_stops_them_all(settings):
    from easyread.engines.base import EngineError

    class Down(FakeEngine):
        def generate(self, prompts, sampling=None):
            raise EngineError("The model server is not answering.")

    with pytest.raises(EngineError):
        simplify_documents(_letters(), Down(), settings={**settings, "REWRITE_LETTERS_IN_FLIGHT": 3})

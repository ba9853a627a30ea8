"""Web jobs in one worker process share one engine queue: letters drafted at once share decode steps."""

from __future__ import annotations

import threading
import time

import pytest

from tests.simplify.fakes import FakeEngine, last_user
from tests.simplify.rows_fake import RowsFake


def _letter(street: str) -> str:
    # Long sentences, so the letter is not already Easy Read and goes through the model.
    return (
        "Council Tax reminder\n\nDear Ms Smith,\n\n"
        f"Our records show that you have not paid the instalment of £120.00 that was due on 1 April 2025 for your "
        f"Council Tax at your home on {street} Road, as this notice explains.\n\n"
        "If you do not pay the full amount by 1 May 2025, we may have no option but to take you to court.\n\n"
        "Yours sincerely,\n\nRevenue Team\n"
    )


@pytest.fixture
def settings():
    from easyread.config import SETTINGS, resolved

    values = {s.name: s.default for s in SETTINGS}
    values.update(PICTURE_DEFAULT_SET="none", MODEL="embedded")
    return resolved(values)


@pytest.fixture
def glossary():
    from easyread.glossary import load_glossary

    return load_glossary()


def _release_when_both(engine: RowsFake, words: tuple[str, str], seconds: float = 90) -> threading.Thread:
    """Let the held prompts go once one decode step holds a prompt of each letter (or after `seconds`)."""

    def watch() -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not _shared_step(engine, words):
            time.sleep(0.01)
        engine.release.set()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def _shared_step(engine: RowsFake, words: tuple[str, str]) -> bool:
    return any(all(any(w in u for u in rows) for w in words) for rows in list(engine.step_rows))


def test_two_letters_drafted_at_once_share_decode_steps(settings, glossary, monkeypatch):
    from easyread.engines import registry, resident
    from easyread.jobs import work

    engine = RowsFake(held=lambda chat: "Road" in last_user(chat), hold_seconds=90)
    made_by: list[str] = []

    def get_engine(spec=None, settings=None):
        made_by.append(spec)
        return engine

    monkeypatch.setattr(registry, "get_engine", get_engine)
    _release_when_both(engine, ("Acacia", "Birch"))
    results: dict[str, object] = {}

    def job(street: str) -> None:
        results[street] = work.make_draft(
            _letter(street).encode(), filename=f"{street}.txt", options={}, settings=settings, glossary=glossary
        )

    threads = [threading.Thread(target=job, args=(street,)) for street in ("Acacia", "Birch")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(180)
    try:
        assert {street: type(made).__name__ for street, made in results.items()} == {"Acacia": "Made", "Birch": "Made"}
        assert _shared_step(engine, ("Acacia", "Birch"))  # one decode step wrote a sentence of each letter
        assert engine.decoders == 1 and made_by == ["embedded"]  # one engine, one running decoder
        assert "Acacia" in str(results["Acacia"].draft) and "Birch" in str(results["Birch"].draft)
    finally:
        resident.forget()


def test_a_lone_letter_waits_for_no_companion(settings, glossary, monkeypatch):
    """A fixed-batch engine's round waits only for jobs running at that moment: each job's door is closed when
    it ends, so the letters after it are not held up waiting for its prompts."""
    from easyread.engines import registry, resident, shared
    from easyread.jobs import work

    monkeypatch.setattr(shared, "ROUND_WAIT", 30.0)
    engine = FakeEngine()
    monkeypatch.setattr(registry, "get_engine", lambda spec=None, settings=None: engine)
    open_while_pictures: list[int] = []

    def progress(stage, done, total):
        if stage == "pictures":  # the letter is rewritten: its door is closed already
            open_while_pictures.append(resident.shared_engine("embedded", settings)._callers)

    try:
        for street in ("Acacia", "Birch"):
            started = time.monotonic()
            work.make_draft(
                _letter(street).encode(),
                filename="l.txt",
                options={},
                settings=settings,
                glossary=glossary,
                progress=progress,
            )
            assert time.monotonic() - started < 25
        assert resident.shared_engine("embedded", settings)._callers == 0
        assert open_while_pictures and set(open_while_pictures) == {0}
        assert len(engine.batches) > 2
    finally:
        resident.forget()


@pytest.mark.timeout(300)
@pytest.mark.parametrize("threads", [1, 2])
def test_a_real_consumer_drafts_uploads_through_one_engine(app, staff, threads, monkeypatch):
    """Two letters queued at once, a real consumer (SQLite queue) with one or two worker threads: both drafted
    through one engine; with two threads their sentences share decode steps."""
    from easyread import jobs
    from easyread.engines import registry, resident
    from easyread.jobs import intake
    from easyread.records import letters

    together = threads > 1
    engine = RowsFake(held=(lambda chat: "Road" in last_user(chat)) if together else None, hold_seconds=90)
    monkeypatch.setattr(registry, "get_engine", lambda spec=None, settings=None: engine)
    app.config["EASYREAD"] = app.config["EASYREAD"].replace(QUEUE_URL="", WORKER_THREADS=threads)
    jobs.configure(app.config["EASYREAD"])
    jobs.init_app(app)
    ids = []
    with app.app_context():
        settings = app.config["EASYREAD"]
        for street in ("Acacia", "Birch"):
            doc = intake.accept(
                data=_letter(street).encode(),
                filename=f"{street}.txt",
                user=staff,
                options=intake.clean_options(settings, model="embedded", formats=["txt"], pictures=False),
                settings=settings,
                instance=app.instance_path,
            )
            ids.append(doc.id)
    if together:
        _release_when_both(engine, ("Acacia", "Birch"))
    consumer = jobs.start_in_thread(app)
    try:
        deadline = time.monotonic() + 240
        while True:
            with app.app_context():
                states = [letters.for_task(i).status for i in ids]
            if states == ["done", "done"] or "failed" in states or time.monotonic() > deadline:
                break
            time.sleep(0.2)
    finally:
        consumer.stop(graceful=True)
        resident.forget()
    assert states == ["done", "done"]
    assert engine.decoders == 1
    assert _shared_step(engine, ("Acacia", "Birch")) is together


def test_a_translation_uses_the_model_the_worker_already_holds(settings, glossary, monkeypatch):
    """Translating with the embedded model goes through the worker's one engine: no second copy is loaded."""
    from easyread.engines import registry, resident
    from easyread.jobs import work

    engine = FakeEngine()
    made_by: list[str] = []

    def get_engine(spec=None, settings=None):
        made_by.append(spec)
        return engine

    monkeypatch.setattr(registry, "get_engine", get_engine)
    try:
        made = work.make_draft(
            _letter("Acacia").encode(), filename="Acacia.txt", options={}, settings=settings, glossary=glossary
        )
        asked = len(engine.calls)
        work.translate(made.draft, ["fr"], settings=settings, glossary=glossary)
        assert len(engine.calls) > asked  # the translation's prompts went to the worker's engine
        assert made_by == ["embedded"]  # one engine made for the draft and the translation
    finally:
        resident.forget()

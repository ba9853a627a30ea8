"""One way to make an Easy Read draft (easyread.drafting), taken by `easyread convert`, the web app's background task and batch:
each reads the letter once and checks the draft once, with the CHECK_* settings."""

from __future__ import annotations

import json

import pytest

from easyread import drafting
from easyread.config import load_settings
from tests.batch.conftest import small_letter
from tests.simplify.fakes import FakeEngine

LONG = "You must pay the money you owe us for your Council Tax by 10 March 2025."  # 15 words


@pytest.fixture
def settings(tmp_path):
    # Every letter goes through the model, however short (it would otherwise count as Easy Read already).
    return load_settings(
        overrides={"INSTANCE_PATH": str(tmp_path / "instance"), "REWRITE_ALREADY_EASY_SHARE": 1.01}, environ={}
    )


@pytest.fixture
def counted(monkeypatch):
    """How often a letter is read and a draft is checked, on whatever path runs."""
    import easyread.checks.report as report

    calls = {"read": 0, "check": 0}
    real_read, real_check = drafting.read_document, report.check_draft

    def read(*args, **kwargs):
        calls["read"] += 1
        return real_read(*args, **kwargs)

    def check(*args, **kwargs):
        calls["check"] += 1
        return real_check(*args, **kwargs)

    monkeypatch.setattr(drafting, "read_document", read)
    monkeypatch.setattr(report, "check_draft", check)
    monkeypatch.setattr("easyread.engines.registry.get_engine", lambda spec, settings: FakeEngine())
    return calls


def _convert(folder, letter, settings, model):
    from easyread.convert import convert_file

    result = convert_file(letter, folder, formats=["txt"], model=model, settings=settings, pictures=False)
    return json.loads(result.outputs["report"].read_text(encoding="utf-8"))


def _task(folder, letter, settings, model):
    from easyread.glossary import load_glossary
    from easyread.jobs import work

    made = work.make_draft(
        letter.read_bytes(),
        filename=letter.name,
        options={"model": model, "pictures": False},
        settings=settings,
        glossary=load_glossary(),
    )
    return made.report


def _batch(folder, letter, settings, model):
    from easyread.batch import BatchOptions, run_batch

    options = BatchOptions(formats=["txt"], model=model, pictures=False, at_once=1)
    run_batch(letter.parent, folder, options, settings=settings, engine=None if model == "none" else FakeEngine())
    (report,) = folder.rglob("*.report.json")
    return json.loads(report.read_text(encoding="utf-8"))


PATHS = {"convert": _convert, "task": _task, "batch": _batch}


@pytest.mark.parametrize("model", ["none", "fake"])
@pytest.mark.parametrize("path", PATHS)
def test_every_path_reads_the_letter_once_and_checks_it_once(path, model, settings, counted, tmp_path):
    letters = tmp_path / "in"
    letters.mkdir()
    letter = letters / "letter.txt"
    letter.write_text(small_letter(1), encoding="utf-8")
    report = PATHS[path](tmp_path / "out", letter, settings, model)
    assert counted == {"read": 1, "check": 1}
    assert report["parts"], report


@pytest.mark.parametrize("model", ["none", "fake"])
def test_a_council_sentence_limit_reaches_the_report_of_every_path(model, settings, counted, tmp_path):
    """CHECK_SENTENCE_FAIL_WORDS set lower fails a 15-word sentence in convert's report.json, the task's report
    and batch's report.json alike (convert wrote no report for a letter laid out without a model before)."""
    letters = tmp_path / "in"
    letters.mkdir()
    letter = letters / "letter.txt"
    letter.write_text(f"Dear resident,\n\n{LONG}\n\nYours sincerely,\nJane Smith\n", encoding="utf-8")

    def fails(report) -> bool:
        """The report says the sentence is too long (wherever the report keeps the finding)."""
        return "Easy Read sentences have 8 words at most." in json.dumps(report)

    strict = {**settings, "CHECK_SENTENCE_FAIL_WORDS": 8, "CHECK_SENTENCE_WARN_WORDS": 6}
    for name, run in PATHS.items():
        assert not fails(run(tmp_path / f"{name}-default", letter, settings, model)), name
        assert fails(run(tmp_path / f"{name}-strict", letter, strict, model)), name


def test_one_letter_that_cannot_be_read_does_not_stop_the_others(settings):
    sources = [
        drafting.Source(small_letter(1).encode(), "a.txt"),
        drafting.Source(b"", "empty.txt"),
        drafting.Source(small_letter(2).encode(), "b.txt", title="Your parking account"),
    ]
    made = drafting.make_drafts(sources, model="none", settings=settings, glossary=None, pictures=False)
    assert isinstance(made[1], drafting.InputError)
    assert [m.letter.source_name for m in (made[0], made[2])] == ["a.txt", "b.txt"]
    assert made[2].draft.title == "Your parking account"
    assert all(m.report["parts"] for m in (made[0], made[2]))


def test_a_letter_already_read_is_not_read_again(settings, counted):
    """The web task passes the letter the upload request read (Letter.parsed); bytes alone are still read."""
    from easyread.documents.read import read_document
    from easyread.glossary import load_glossary

    text = small_letter(1)
    letter = read_document(text.encode("utf-8"), filename="letter.txt")
    kept = drafting.make_draft(
        drafting.Source(None, "letter.txt", letter=letter), model="none", settings=settings, glossary=load_glossary()
    )
    assert counted == {"read": 0, "check": 1}
    read = drafting.make_draft(
        drafting.Source(text.encode("utf-8"), "letter.txt"), model="none", settings=settings, glossary=load_glossary()
    )
    assert counted == {"read": 1, "check": 2}
    assert kept.draft.to_dict() == read.draft.to_dict()

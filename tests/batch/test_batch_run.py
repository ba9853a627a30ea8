"""The batch runner on a generated tree of 30 letters with bad files mixed in (no model: words kept)."""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePosixPath

import pytest

from easyread.batch import DONE, IGNORED, SKIPPED, BatchError, BatchOptions, LockedError, Reporter, run_batch
from easyread.batch.lock import OutLock
from easyread.batch.state import MANIFEST
from easyread.batch.walk import MAX_NAME_BYTES, letter_folder, safe_name
from easyread.documents.model import EasyReadDocument

FORMATS = ["html", "txt"]


def options(**kw) -> BatchOptions:
    return BatchOptions(formats=kw.pop("formats", FORMATS), model=kw.pop("model", "none"), pictures=False, **kw)


def output_files(out: Path) -> list[str]:
    """Every file under OUT_DIR except the run's own bookkeeping."""
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and p.parent != out)


def expected_files(result) -> list[str]:
    return sorted(f"{e.folder}/{name}" for e in result.entries if e.status == DONE for name in e.outputs)


def test_tree_is_mirrored_bad_files_skipped_and_second_run_does_nothing(tree, tmp_path, settings):
    out = tmp_path / "out"
    before = {p: p.stat().st_mtime_ns for p in tree.root.rglob("*")}
    result = run_batch(tree.root, out, options(), settings=settings)

    by_rel = {e.rel: e for e in result.entries}
    assert sorted(r for r, e in by_rel.items() if e.status == DONE) == sorted(tree.good)
    assert len(tree.good) >= 30
    for rel, _why in tree.bad.items():
        assert by_rel[rel].status == SKIPPED, rel
        assert by_rel[rel].reason, rel
    assert "Word" in by_rel["housing/broken.docx"].reason or "damaged" in by_rel["housing/broken.docx"].reason
    assert "picture" in by_rel["Bénéfices/scan.png"].reason
    assert "password" in by_rel["care/protected.pdf"].reason.lower()
    assert not any(".DS_Store" in r or "~$" in r for r in by_rel)  # clutter is not a letter
    assert result.exit_code == 1  # skipped letters are problems to see

    # The tree is mirrored: one folder per letter, under its own folder's mirror.
    for rel in tree.good:
        entry = by_rel[rel]
        assert PurePosixPath(entry.folder).parent.as_posix() in (
            "." if "/" not in rel else PurePosixPath(rel).parent.as_posix(),
        )
        for fmt in FORMATS:
            assert (out / entry.folder / f"{PurePosixPath(entry.folder).name}.{fmt}").is_file()
        report = json.loads((out / entry.folder / f"{PurePosixPath(entry.folder).name}.report.json").read_text())
        assert "score" in report and report["fact_lock"]["ok"]
        draft = json.loads((out / entry.folder / f"{PurePosixPath(entry.folder).name}.draft.json").read_text())
        assert EasyReadDocument.from_dict(draft).points()  # what `easyread translate` reads
        assert entry.sentences > 0 and entry.facts_kept == entry.facts_total > 0
    assert len({by_rel[r].folder for r in tree.good}) == len(
        tree.good
    )  # the .docx and .txt with one stem do not collide
    assert output_files(out) == expected_files(result)
    # Nothing was written among the originals.
    assert {p: p.stat().st_mtime_ns for p in tree.root.rglob("*")} == before

    # Summaries list every file, with totals.
    csv_text = (out / "summary.csv").read_text(encoding="utf-8")
    assert csv_text.count("\n") == len(tree.good) + len(tree.bad) + 2
    assert "TOTAL" in csv_text and "30 done, 5 skipped, 0 failed" in csv_text
    html_text = (out / "summary.html").read_text(encoding="utf-8")
    assert "35 letters: 30 done" in html_text and "Bénéfices/scan.png" in html_text

    # A second run does nothing and writes nothing but the summary.
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file() and p.parent != out}

    class Counting(Reporter):
        def start(self, total, todo):
            self.todo = todo

    counting = Counting()
    again = run_batch(tree.root, out, options(), settings=settings, reporter=counting)
    assert counting.todo == 0 and again.converted == 0 and again.up_to_date == 35
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file() and p.parent != out} == stamps
    assert [(e.rel, e.status) for e in again.entries] == [(e.rel, e.status) for e in result.entries]


def test_changes_redo_only_what_changed(tree, tmp_path, settings):
    out = tmp_path / "out"
    run_batch(tree.root, out, options(), settings=settings)
    changed = tree.root / tree.good[3]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nPlease keep this letter.\n", encoding="utf-8")
    victim = next(e for e in run_batch(tree.root, out, options(), settings=settings).entries if e.rel == tree.good[5])
    (out / victim.folder / victim.outputs[0]).unlink()  # an output deleted by hand is made again
    third = run_batch(tree.root, out, options(), settings=settings)
    assert third.converted == 1
    # New options (another format) redo every letter; --force redoes even with the same options.
    assert run_batch(tree.root, out, options(formats=["txt"]), settings=settings).converted == 35
    leftovers = [p for p in out.rglob("*.html") if p.name != "summary.html"]
    assert leftovers == []  # outputs the new options no longer make are tidied away
    assert run_batch(tree.root, out, options(formats=["txt"], force=True), settings=settings).converted == 35


def test_stopped_half_way_then_run_again_finishes_with_nothing_missing_or_doubled(tree, tmp_path, settings):
    out = tmp_path / "out"

    class StopAfter(Reporter):
        def __init__(self, n):
            self.n = n

        def finished(self, entry):
            self.n -= 1
            if self.n == 0:
                raise KeyboardInterrupt  # what Ctrl-C does in the middle of a run

    first = run_batch(tree.root, out, options(at_once=4), settings=settings, reporter=StopAfter(13))
    assert first.interrupted and first.exit_code == 130
    statuses = [e.status for e in first.entries]
    assert statuses.count("to do") == 35 - 13
    manifest = json.loads((out / MANIFEST).read_text())
    assert len(manifest["letters"]) == 13
    assert "not done yet" in (out / "summary.html").read_text(encoding="utf-8").lower()

    second = run_batch(tree.root, out, options(at_once=4), settings=settings)
    assert not second.interrupted and second.converted == 35 - 13
    assert sorted(e.rel for e in second.entries if e.status == DONE) == sorted(tree.good)
    assert output_files(out) == expected_files(second)  # no stray temp files, no doubles
    assert not list(out.rglob("*.tmp"))


def test_a_fake_model_rewrites_several_letters_in_one_engine_batch(tmp_path, settings, monkeypatch):
    from easyread.engines import shared
    from tests.batch.conftest import small_letter
    from tests.simplify.fakes import FakeEngine

    # A round waits for every letter in flight; on a busy machine a letter can take longer than the
    # usual wait to reach its first prompt (CI once saw a round of one letter), and this test is about sharing.
    monkeypatch.setattr(shared, "ROUND_WAIT", 120.0)

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(6):
        (folder / f"l{n}.txt").write_text(small_letter(n), encoding="utf-8")
    # Every letter goes through the model (these short ones would otherwise count as Easy Read already).
    settings = {**settings, "REWRITE_BATCH_SIZE": 64, "REWRITE_ALREADY_EASY_SHARE": 1.01}
    engine = FakeEngine()
    result = run_batch(folder, tmp_path / "out", options(model="fake", at_once=3), settings=settings, engine=engine)
    assert [e.status for e in result.entries] == [DONE] * 6
    # The first pass rewrote the paragraphs of three letters together.
    one_letter = FakeEngine()
    run_batch(folder, tmp_path / "out1", options(model="fake", at_once=1), settings=settings, engine=one_letter)
    assert engine.batches[0] == 3 * one_letter.batches[0]
    assert len(engine.batches) < len(one_letter.batches)


def test_links_out_of_the_folder_are_not_followed(tree, tmp_path, settings):
    secret = tmp_path / "elsewhere"
    secret.mkdir()
    (secret / "private.txt").write_text("Dear resident,\n\nThis is private. Pay £5 by 1 May 2026.\n", encoding="utf-8")
    os.symlink(secret / "private.txt", tree.root / "link to private.txt")
    os.symlink(secret, tree.root / "linked folder")
    os.symlink(tree.root / tree.good[0], tree.root / "housing" / "inside link.txt")
    result = run_batch(tree.root, tmp_path / "out", options(), settings=settings)
    by_rel = {e.rel: e for e in result.entries}
    assert by_rel["link to private.txt"].status == IGNORED and "outside" in by_rel["link to private.txt"].reason
    assert by_rel["linked folder/"].status == IGNORED
    assert not any("private" in p.name for p in (tmp_path / "out").rglob("*"))
    assert by_rel["housing/inside link.txt"].status == DONE  # a link within the folder is fine
    assert result.exit_code == 1  # for the bad files, not the links


def test_out_dir_inside_in_dir_is_refused_and_nothing_is_written(tree, settings):
    before = sorted(p for p in tree.root.rglob("*"))
    with pytest.raises(BatchError, match="must not be inside"):
        run_batch(tree.root, tree.root / "easy read", options(), settings=settings)
    with pytest.raises(BatchError, match="must not be inside"):
        run_batch(tree.root, tree.root, options(), settings=settings)
    with pytest.raises(BatchError, match="must not be inside the output folder"):
        run_batch(tree.root, tree.root.parent, options(), settings=settings)
    assert sorted(p for p in tree.root.rglob("*")) == before


def test_out_dir_that_is_a_link_into_in_dir_is_refused(tree, tmp_path, settings):
    os.symlink(tree.root / "housing", tmp_path / "sneaky")
    with pytest.raises(BatchError, match="must not be inside"):
        run_batch(tree.root, tmp_path / "sneaky", options(), settings=settings)


def test_a_second_run_on_the_same_out_dir_is_refused_while_one_runs(tree, tmp_path, settings):
    out = tmp_path / "out"
    with OutLock(out):
        with pytest.raises(LockedError, match="Another easyread batch is already writing"):
            run_batch(tree.root, out, options(), settings=settings)
    assert not (out / "summary.csv").exists()
    assert run_batch(tree.root, out, options(), settings=settings).converted == 35  # free again once the first ends


def test_odd_names_give_safe_short_unique_folders():
    long = "x" * 300
    assert len(safe_name(long).encode()) <= MAX_NAME_BYTES
    assert safe_name(long) != safe_name(long + "y")
    assert len(safe_name("é" * 200).encode()) <= MAX_NAME_BYTES  # cut on a character boundary
    assert safe_name("a/b\\c:d*?.txt") == "a_b_c_d__.txt"
    assert safe_name("..hidden ") == "hidden" and safe_name("   ") == "letter" and safe_name("CON") == "_CON"
    taken = {"housing/tenancy letter"}
    assert letter_folder("housing/tenancy letter.txt", taken) == "housing/tenancy letter (txt)"
    assert letter_folder("housing/Notes.txt", {"housing/notes"}) == "housing/Notes (txt)"  # case-blind drives


def test_long_name_output_folder_is_shortened(tree, tmp_path, settings):
    from tests.batch.conftest import LONG_NAME

    result = run_batch(tree.root, tmp_path / "out", options(), settings=settings)
    entry = next(e for e in result.entries if e.rel.startswith(LONG_NAME[:30]))
    assert entry.status == DONE and len(entry.folder.encode()) <= MAX_NAME_BYTES
    assert (tmp_path / "out" / entry.folder / f"{entry.folder}.txt").is_file()


def test_only_jobs_letters_are_held_at_once(tmp_path, settings):
    """Memory stays bounded: the converter gets at most --jobs letters at a time, however many there are."""
    from easyread.batch.state import Entry

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(50):
        (folder / f"{n:03d}.txt").write_text(f"Dear resident,\n\nLetter number {n}.\n", encoding="utf-8")
    sizes = []

    def converter(chunk, reporter):
        sizes.append(len(chunk))
        for item, _data in chunk:
            yield Entry(item.found.rel, DONE, hash=item.digest, folder=item.folder)

    result = run_batch(folder, tmp_path / "out", options(at_once=8), settings=settings, converter=converter)
    assert sizes == [8] * 6 + [2] and result.converted == 50


def test_languages_are_written_beside_each_draft_and_a_failed_one_is_tried_again(tmp_path, settings):
    from tests.batch.conftest import small_letter
    from tests.translate.fakes import FakeTranslator

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"l{n}.txt").write_text(small_letter(n), encoding="utf-8")
    settings = {**settings, "TRANSLATE_BACK_CHECK": False}
    out = tmp_path / "out"
    first = run_batch(
        folder, out, options(languages=["pl", "ro"]), settings=settings, translator=FakeTranslator(fail_on="ro")
    )
    assert {e.status for e in first.entries} == {"failed"} and "Romanian" in first.entries[0].reason
    assert (out / "l0" / "l0.pl.txt").read_text(encoding="utf-8").count("PL ") > 3
    assert (out / "l0" / "l0.txt").is_file() and not (out / "l0" / "l0.ro.txt").exists()  # English and Polish are kept
    second = run_batch(folder, out, options(languages=["pl", "ro"]), settings=settings, translator=FakeTranslator())
    assert second.converted == 3 and {e.status for e in second.entries} == {DONE}
    assert {"l1.ro.txt", "l1.ro.json", "l1.pl.html", "l1.translation.json"} <= set(second.entries[1].outputs)
    assert output_files(out) == expected_files(second)

"""`easyread batch` on the command line: exit codes, messages, and a run killed half way."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from easyread.batch.lock import OutLock
from easyread.batch.state import MANIFEST
from easyread.cli import main


def run(*args):
    return CliRunner().invoke(main, ["batch", *map(str, args)], catch_exceptions=False)


def test_exit_code_is_1_with_bad_files_and_0_without(tree, tmp_path, batch_env):
    result = run(tree.root, tmp_path / "out", "--formats", "txt", "--no-pictures", "--quiet")
    assert result.exit_code == 1, result.output
    assert "30 of 35 letters done" in result.output
    assert "empty.txt: The file is empty." in result.output  # the reason, in plain words
    assert "Traceback" not in result.output
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "one.txt").write_text((tree.root / tree.good[0]).read_text(encoding="utf-8"), encoding="utf-8")
    ok = run(clean, tmp_path / "out2", "--formats", "txt,docx", "--no-pictures", "--quiet")
    assert ok.exit_code == 0, ok.output
    assert (tmp_path / "out2" / "one" / "one.docx").is_file()
    again = run(clean, tmp_path / "out2", "--formats", "txt,docx", "--no-pictures")
    assert again.exit_code == 0 and "1 of 1 files are up to date" in again.output


def test_clear_messages_for_lock_out_dir_inside_and_bad_options(tree, tmp_path, batch_env):
    with OutLock(tmp_path / "out"):
        locked = run(tree.root, tmp_path / "out", "--quiet")
    assert locked.exit_code == 2 and "Another easyread batch is already writing" in locked.output
    inside = run(tree.root, tree.root / "out", "--quiet")
    assert inside.exit_code == 2 and "must not be inside the folder of letters" in inside.output
    assert not (tree.root / "out").exists()
    missing = run(tmp_path / "nope", tmp_path / "out", "--quiet")
    assert missing.exit_code == 2 and "There is no folder" in missing.output
    fmt = run(tree.root, tmp_path / "out", "--formats", "odt")
    assert fmt.exit_code == 2 and "We cannot write 'odt' files" in fmt.output
    langs = run(tree.root, tmp_path / "out", "--languages", "pl,klingon")
    assert langs.exit_code == 2 and "does not know the language 'klingon'" in langs.output
    remote = run(tree.root, tmp_path / "out", "--remote", "http://127.0.0.1:9")
    assert remote.exit_code == 2 and "needs an API token" in remote.output


def _start(tree, out):
    cmd = [
        sys.executable,
        "-m",
        "easyread.cli",
        "batch",
        str(tree.root),
        str(out),
        "--formats",
        "docx,html,txt",
        "--no-pictures",
        "--jobs",
        "1",
        "--quiet",
    ]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(proc, out: Path, letters: int) -> int:
    """Wait until the manifest holds `letters` letters (or the run ends); return how many it holds."""
    deadline = time.monotonic() + 60
    done = 0
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            done = len(json.loads((out / MANIFEST).read_text())["letters"])
        except (OSError, ValueError):
            done = 0
        if done >= letters:
            break
        time.sleep(0.02)
    return done


def test_ctrl_c_stops_cleanly_and_says_how_to_finish(tree, tmp_path, batch_env, monkeypatch):
    from easyread.cli import batch as cli_batch

    seen = []
    finished = cli_batch.BarReporter.finished

    def stop_after_three(self, entry):
        finished(self, entry)
        seen.append(entry)
        if len(seen) == 3:
            raise KeyboardInterrupt  # what Ctrl-C does in the middle of a run

    monkeypatch.setattr(cli_batch.BarReporter, "finished", stop_after_three)
    result = run(tree.root, tmp_path / "out", "--formats", "txt", "--no-pictures", "--jobs", "2")
    assert result.exit_code == 130
    assert "Stopped. 3 letters are done; run the same command again to finish the other 32." in result.output
    assert "Traceback" not in result.output and (tmp_path / "out" / "summary.csv").is_file()


def test_killed_half_way_then_run_again_finishes_with_nothing_missing_or_doubled(tree, tmp_path, batch_env):
    out = tmp_path / "out"
    cmd = [
        sys.executable,
        "-m",
        "easyread.cli",
        "batch",
        str(tree.root),
        str(out),
        "--formats",
        "docx,html,txt",
        "--no-pictures",
        "--jobs",
        "1",
        "--quiet",
    ]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 300  # generous: a busy machine starts Python and spaCy slowly
        done = 0
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                done = len(json.loads((out / MANIFEST).read_text())["letters"])
            except (OSError, ValueError):
                done = 0
            if done >= 5:
                break
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)  # no chance to tidy up: the hardest stop
    finally:
        proc.wait(30)
    assert 5 <= done < 35, "the run should have been killed half way"

    again = run(tree.root, out, "--formats", "docx,html,txt", "--no-pictures", "--quiet")
    assert again.exit_code == 1  # the five bad files
    assert "30 of 35 letters done" in again.output
    letters = json.loads((out / MANIFEST).read_text())["letters"]
    assert len(letters) == 35
    expected = sorted(
        f"{e['folder']}/{name}" for e in letters.values() if e["status"] == "done" for name in e["outputs"]
    )
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and p.parent != out)
    assert written == expected  # every output once, and no half-written temp file left behind
    assert len(expected) == 30 * 5  # docx, html, txt, the draft and the report


def test_an_unexpected_error_fails_one_letter_and_its_traceback_goes_to_a_file(tmp_path, batch_env, monkeypatch):
    from easyread.documents import write
    from tests.batch.conftest import small_letter

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"l{n}.txt").write_text(small_letter(n), encoding="utf-8")
    real = write.write_outputs

    def broken_for_l1(doc, out_dir, stem, formats, options=None):
        if stem == "l1":
            raise RuntimeError("disk on fire")
        return real(doc, out_dir, stem, formats, options)

    monkeypatch.setattr(write, "write_outputs", broken_for_l1)
    result = run(folder, tmp_path / "out", "--formats", "txt", "--no-pictures", "--quiet")
    assert result.exit_code == 1
    assert (
        "l1.txt: Something went wrong while converting this letter. The details are in batch-errors.log"
        in result.output
    )
    assert "Traceback" not in result.output and "disk on fire" not in result.output
    assert "disk on fire" in (tmp_path / "out" / "batch-errors.log").read_text(encoding="utf-8")
    assert "2 of 3 letters done" in result.output

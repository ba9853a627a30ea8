"""Command-line paths that used to print a Python traceback now print one plain sentence."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from easyread.cli import main

LETTER = (
    "Dear resident,\n\nYou must pay £120 by 1 May 2026. Call us on 01793 445500.\n\nYours sincerely,\nRevenues Team\n"
)
ROOT = Path(__file__).resolve().parent.parent


def invoke(*args, env=None):
    """Run the CLI in-process without catching exceptions: a traceback fails the test."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, env=env)


def test_convert_a_file_named_dot_dot_txt(tmp_path, monkeypatch):
    """`easyread convert ./..txt -o out --model none` printed a traceback."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("EASYREAD_INSTANCE_PATH", str(tmp_path / "instance"))
    Path("..txt").write_text(LETTER, encoding="utf-8")
    result = invoke("convert", "./..txt", "-o", "out", "--model", "none", "--no-pictures", "--format", "txt")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "letter.txt").is_file()
    assert "Traceback" not in result.output


def test_convert_into_a_folder_that_cannot_be_made(tmp_path, monkeypatch):
    monkeypatch.setenv("EASYREAD_INSTANCE_PATH", str(tmp_path / "instance"))
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    (tmp_path / "blocker").write_text("a file, not a folder")
    result = invoke(
        "convert", letter, "-o", tmp_path / "blocker" / "out", "--model", "none", "--no-pictures", "--format", "txt"
    )
    assert result.exit_code == 1
    assert "could not write to" in result.output and "Check the folder exists" in result.output


def test_convert_and_check_refuse_a_huge_word(tmp_path, monkeypatch):
    monkeypatch.setenv("EASYREAD_INSTANCE_PATH", str(tmp_path / "instance"))
    letter = tmp_path / "word.txt"
    letter.write_text(
        "Dear resident,\n\n" + "a" * 3_000_000, encoding="utf-8"
    )  # spun convert at 100% CPU until stopped
    result = invoke("convert", letter, "-o", tmp_path / "out", "--model", "none", "--no-pictures")
    assert result.exit_code == 1 and "The letter must have 300,000 characters or fewer." in result.output
    assert not (tmp_path / "out").exists()
    letter.write_text("Dear resident,\n\n" + "a" * 150_000, encoding="utf-8")
    result = invoke("convert", letter, "-o", tmp_path / "out", "--model", "none", "--no-pictures")
    assert result.exit_code == 1 and "word longer than 200 characters" in result.output
    result = invoke("check", letter)
    assert result.exit_code == 2 and "word longer than 200 characters" in result.output


def test_check_on_a_letter_over_a_million_characters_prints_no_traceback(tmp_path):
    """A real process, as a person runs it: `easyread check` on such a file printed spaCy's E088 traceback."""
    letter = tmp_path / "huge.txt"
    letter.write_text("Dear resident,\n\n" + ("x" * 59 + " ") * 20_000, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "EASYREAD_INSTANCE_PATH": str(tmp_path / "instance")}
    done = subprocess.run(
        [sys.executable, "-m", "easyread.cli", "check", str(letter)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr + done.stdout
    assert (
        done.stderr.strip()
        == "huge.txt: The letter must have 300,000 characters or fewer. Split it into shorter documents and try again."
    )


def test_batch_fails_only_the_letter_with_a_huge_word(tmp_path, monkeypatch):
    monkeypatch.setenv("EASYREAD_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.setenv("EASYREAD_PICTURE_DEFAULT_SET", "none")
    monkeypatch.setenv("EASYREAD_MODEL", "none")
    letters = tmp_path / "letters"
    letters.mkdir()
    (letters / "good.txt").write_text(LETTER, encoding="utf-8")
    (letters / "word.txt").write_text("Dear resident,\n\n" + "a" * 150_000, encoding="utf-8")
    (letters / "..txt").write_text(LETTER, encoding="utf-8")
    result = invoke("batch", letters, tmp_path / "out", "--formats", "txt", "--no-pictures", "--quiet")
    assert result.exit_code == 1, result.output
    assert "word.txt: This letter has a word longer than 200 characters." in result.output
    assert "Traceback" not in result.output


def test_convert_with_no_format_left_says_what_to_choose(tmp_path, monkeypatch):
    monkeypatch.setenv("EASYREAD_INSTANCE_PATH", str(tmp_path / "instance"))
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    result = invoke("convert", letter, "-o", tmp_path / "out", "--model", "none", "--format", ",,")
    assert result.exit_code == 1
    assert "Choose at least one format to write: docx, html, pdf or txt." in result.output

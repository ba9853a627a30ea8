"""The `easyread` command line, run in-process through click's runner."""

from __future__ import annotations

import hashlib
import sys

import pytest

from easyread.cli import BENCH_MISSING, main

LETTER = """Council tax reminder

Dear Ms Patel,

You have not paid your council tax for March. You owe £142.50.

Please pay by 4 June 2025. Call us on 01793 445500 if you need help.

Yours sincerely,
Council Tax Team
"""


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_convert_without_model_writes_every_format(cli_runner, tmp_path):
    letter = tmp_path / "reminder.txt"
    letter.write_text(LETTER, encoding="utf-8")
    before = _digest(letter)
    out = tmp_path / "out"
    result = cli_runner.invoke(main, ["convert", str(letter), "-o", str(out), "--model", "none"])
    assert result.exit_code == 0, result.output
    for ext in ("docx", "html", "pdf", "txt"):
        assert (out / f"reminder.{ext}").stat().st_size > 0
    text = (out / "reminder.txt").read_text(encoding="utf-8")
    assert "You owe £142.50." in text
    assert "01793 445500" in text
    html = (out / "reminder.html").read_text(encoding="utf-8")
    assert 'alt="Money you need to pay"' in html  # the point about money has a money picture, described by its meaning
    assert "OpenMoji" in html and "CC BY-SA 4.0" in html  # and the symbol set is credited
    assert _digest(letter) == before  # the input is never changed
    assert not [p for p in out.iterdir() if p.name.startswith(".") or p.suffix == ".tmp"]


def test_convert_only_the_formats_asked_for(cli_runner, tmp_path):
    letter = tmp_path / "reminder.txt"
    letter.write_text(LETTER, encoding="utf-8")
    out = tmp_path / "out"
    result = cli_runner.invoke(
        main, ["convert", str(letter), "-o", str(out), "--model", "none", "--format", "html,txt", "--no-pictures"]
    )
    assert result.exit_code == 0, result.output
    # and the check report: a letter laid out without a model is checked too, with the CHECK_* settings
    names = ["reminder.draft.json", "reminder.html", "reminder.report.json", "reminder.txt"]
    assert sorted(p.name for p in out.iterdir()) == names


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "picture, not a letter"),
        (b"\x00\x01binary junk" * 20, "damaged"),
        ("Café council tax".encode("latin-1"), "UTF-8"),
    ],
)
def test_bad_input_gets_one_plain_sentence_and_writes_nothing(cli_runner, tmp_path, content, words):
    bad = tmp_path / "letter.docx"
    bad.write_bytes(content)
    out = tmp_path / "out"
    result = cli_runner.invoke(main, ["convert", str(bad), "-o", str(out), "--model", "none"])
    assert result.exit_code == 1
    assert words.lower() in result.output.lower()
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir())
    assert bad.read_bytes() == content


def test_missing_file_is_a_plain_error(cli_runner, tmp_path):
    result = cli_runner.invoke(main, ["convert", str(tmp_path / "nope.docx"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "nope.docx: There is no file at" in result.output and "Check the name and try again." in result.output


def test_unknown_format_is_refused(cli_runner, tmp_path):
    letter = tmp_path / "reminder.txt"
    letter.write_text(LETTER, encoding="utf-8")
    result = cli_runner.invoke(
        main, ["convert", str(letter), "-o", str(tmp_path / "out"), "--model", "none", "--format", "rtf"]
    )
    assert result.exit_code == 1
    assert "rtf" in result.output


def test_every_command_has_help(cli_runner):
    for command in main.commands:
        result = cli_runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0, (command, result.output)
        assert "not built yet" not in result.output


def test_bench_lists_benchmarks(cli_runner):
    result = cli_runner.invoke(main, ["bench"])
    assert result.exit_code == 0
    assert "documents" in result.output


def test_bench_without_the_benchmarks_installed_says_how_to_install_them(cli_runner, monkeypatch):
    monkeypatch.setitem(sys.modules, "easyread_bench", None)  # None makes the import fail, as if not installed
    result = cli_runner.invoke(main, ["bench", "documents"])
    assert result.exit_code == 2
    assert result.output.strip() == BENCH_MISSING
    assert "pip install -e benchmarks" in result.output


def test_unknown_bench_is_refused(cli_runner):
    result = cli_runner.invoke(main, ["bench", "nope"])
    assert result.exit_code == 2
    assert "no benchmark called" in result.output


def test_convert_with_a_model_server_that_is_down_says_so(cli_runner, tmp_path, monkeypatch):
    monkeypatch.setenv("EASYREAD_MODEL_RETRIES", "0")
    monkeypatch.setenv("EASYREAD_MODEL_TIMEOUT", "5")
    letter = tmp_path / "summons.txt"
    letter.write_text(
        "Dear Mr Jones,\n\nIn accordance with the Council Tax (Administration and Enforcement) Regulations 1992, "
        "notwithstanding any previous correspondence, a liability order may be sought at the magistrates' court "
        "on 12 May 2025 unless the outstanding arrears of £742.18 are settled in full, whereupon additional costs "
        "of £95.00 will be incurred and recovery action commenced without further notice.\n\nYours sincerely,\nRevenues Team\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = cli_runner.invoke(
        main, ["convert", str(letter), "-o", str(out), "--no-pictures", "--model", "openai+http://127.0.0.1:9/v1"]
    )
    assert result.exit_code == 1, result.output
    assert "not answering" in result.output
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir())

"""`easyread check FILE [--json]`."""

import json

from easyread.cli import main

from .letters import COUNCIL_TAX, COUNCIL_TAX_EASY


def test_check_prints_a_readable_report_and_exits_1_when_not_passed(cli_runner, tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(COUNCIL_TAX, encoding="utf-8")
    result = cli_runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 1, result.output
    assert "Easy Read check: NOT PASSED" in result.output
    assert "sentence-length" in result.output


def test_check_json(cli_runner, tmp_path):
    path = tmp_path / "easy.txt"
    path.write_text(COUNCIL_TAX_EASY.replace("\n", "\n\n"), encoding="utf-8")
    result = cli_runner.invoke(main, ["check", str(path), "--json"])
    data = json.loads(result.output)
    assert data["passed"] is (result.exit_code == 0)
    assert any(f["kind"] == "money" and f["value"] == "£142.50" for f in data["facts"])


def test_check_bad_glossary_names_file_and_line(cli_runner, tmp_path, monkeypatch):
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "ours.csv").write_text("term,explanation\narrears,\n", encoding="utf-8")
    monkeypatch.setenv("EASYREAD_GLOSSARY_DIR", str(tmp_path / "g"))
    path = tmp_path / "letter.txt"
    path.write_text("Pay now.", encoding="utf-8")
    result = cli_runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 2
    assert "ours.csv, line 2" in result.output


def test_check_missing_file(cli_runner, tmp_path):
    result = cli_runner.invoke(main, ["check", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2

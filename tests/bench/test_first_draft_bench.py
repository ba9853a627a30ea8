"""`easyread bench first-draft` end to end with the scripted engine: a real worker, the first draft before the end."""

from __future__ import annotations


def test_the_first_draft_comes_before_the_checked_draft(monkeypatch, capsys):
    import easyread.engines.registry as registry
    from easyread_bench import first_draft
    from tests.simplify.fakes import FakeEngine

    monkeypatch.setattr(registry, "get_engine", lambda spec=None, settings=None: FakeEngine())
    figures = first_draft.run(["--model", "embedded", "--warm", "1"])
    printed = capsys.readouterr().out
    assert [r["status"] for r in figures["runs"]] == ["done", "done"]
    for r in figures["runs"]:
        assert r["first"] is not None and r["first"] <= r["done"]
    assert "cold worker" in printed and "warm worker, median of 1" in printed and figures["peak_rss_mb"] > 0

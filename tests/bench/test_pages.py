"""`easyread bench pages` runs end to end (with the quick no-model letter) and prints a line per staff page."""

from __future__ import annotations

import pytest


@pytest.mark.timeout(300)
def test_bench_pages_prints_median_and_max_for_every_staff_page(capsys):
    from easyread_bench import pages

    pages.run(["--model", "none", "--rounds", "1", "--seconds", "0"])
    out = capsys.readouterr().out
    for label, _ in pages.staff_pages(1, 2):
        assert any(line.startswith(label) for line in out.splitlines()), (label, out)
    assert "largest median while busy:" in out

"""The meaning check with the real embedded model: a planted unfaithful line is repaired or falls back, marked."""

from __future__ import annotations

import pytest

from .letters import letter

OVERPAID = (
    "Your new weekly earnings mean that you have been paid too much Housing Benefit. "
    "We have decided that this overpayment is recoverable, which means you must pay it back."
)


@pytest.mark.model
@pytest.mark.timeout(1500)
def test_a_planted_unfaithful_line_is_repaired_or_falls_back_and_is_marked():
    from easyread.engines.registry import get_engine
    from easyread.simplify.meaning import check_meaning, line_sources
    from easyread.simplify.meaning_fallback import is_fallback
    from easyread.simplify.plan import plan_letter
    from easyread.simplify.state import LetterInProgress, Line
    from easyread.verify import verify_sentence

    doc = letter(OVERPAID, title="Housing Benefit overpayment")
    in_progress = LetterInProgress(doc, plan_letter(doc))
    ids = [s.id for s in doc.sentences() if "paid too much" in s.text]
    planted = "If you pay more than you're entitled to, you'll have to pay it back."
    in_progress.lines = [
        Line("We have paid you too much Housing Benefit.", 0, sources=list(ids)),
        Line(planted, 0, sources=list(ids)),
    ]
    engine = get_engine("embedded", {"MODEL_CACHE": "", "MODEL_BATCH_SIZE": 4})
    records = check_meaning([in_progress], engine, batch_size=4)

    texts = [l.text for l in in_progress.lines]
    assert planted not in texts
    assert texts[0] == "We have paid you too much Housing Benefit."  # the faithful line is left alone
    for line in in_progress.lines:
        assert line.sources == ids  # repaired or fallen back, the line still says where it came from
        marked = any(f.startswith("meaning-") for f in line.flags)
        # No line leaves unverified and unmarked.
        assert marked or not verify_sentence(line_sources(in_progress, line), line.text), line.text
    if any(is_fallback(l) for l in in_progress.lines):
        assert records and records[0]["sentence"] == planted and records[0]["kind"] == "money"

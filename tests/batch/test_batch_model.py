"""`easyread batch` with the real embedded model on two short letters rewritten together (slow)."""

from __future__ import annotations

import json

import pytest

SHORT = [
    "Dear Mr Okafor,\n\nYou have not paid the Council Tax instalment of £142.50 which was due on 1 March 2025. "
    "You must pay the amount shown by 10 March 2025, otherwise we may take further recovery action against you.\n\n"
    "Yours sincerely,\nHelen Marsh\n",
    "Dear Ms Patel,\n\nFollowing your recent request, an officer will attend your property on 14 April 2025 between "
    "9am and 1pm in order to carry out an inspection of the reported damp. If this appointment is inconvenient, "
    "please telephone 0161 496 0199.\n\nYours sincerely,\nHousing Repairs\n",
]


@pytest.mark.model
@pytest.mark.timeout(1500)
def test_real_model_batch_of_two_letters(tmp_path):
    from easyread.batch import DONE, BatchOptions, run_batch
    from easyread.config import SETTINGS
    from easyread.engines.registry import get_engine

    folder = tmp_path / "in"
    folder.mkdir()
    for n, text in enumerate(SHORT):
        (folder / f"letter {n}.txt").write_text(text, encoding="utf-8")
    settings = {s.name: s.default for s in SETTINGS}
    # The quickest faithful settings: no repair rounds or best-of sampling, so the test stays a few minutes.
    settings.update(
        PICTURE_DEFAULT_SET="none",
        MODEL_CACHE="",
        MODEL_BATCH_SIZE=8,
        REWRITE_BATCH_SIZE=8,
        REWRITE_REPAIR_ROUNDS=0,
        REWRITE_BEST_OF=1,
        REWRITE_MEANING_CHECK=False,
    )
    engine = get_engine("embedded", settings)
    result = run_batch(
        folder,
        tmp_path / "out",
        BatchOptions(formats=["txt"], model="embedded", pictures=False, at_once=2),
        settings=settings,
        engine=engine,
    )
    assert [e.status for e in result.entries] == [DONE, DONE], [e.reason for e in result.entries]
    for entry in result.entries:
        report = json.loads((tmp_path / "out" / entry.folder / f"{entry.folder}.report.json").read_text())
        assert report["fact_lock"] is not None and not report["fact_lock"]["lost"], report["fact_lock"]
        text = (tmp_path / "out" / entry.folder / f"{entry.folder}.txt").read_text(encoding="utf-8")
        assert ("£142.50" in text) or ("0161 496 0199" in text)
    # The two letters shared the model's passes: fewer passes than prompts.
    assert engine.stats.batches < engine.stats.prompts

"""The overlapped pipeline with the real embedded model: each letter's draft as the stage-by-stage path makes it."""

from __future__ import annotations

import pytest

from .letters import letter

FIRST = [
    "Our records show that you have not paid the Council Tax instalment of £142.50 which was due on 1 March 2025.",
    "You must pay the amount shown by 10 March 2025.",
]
SECOND = [
    "We will visit your home on 3 April 2025 to check the smoke alarms that were fitted last year.",
    "Please make sure that an adult is at home between 9am and 1pm on that day.",
]


@pytest.mark.model
@pytest.mark.timeout(2400)
def test_two_short_letters_get_the_same_drafts_by_both_paths():
    from easyread.engines.registry import get_engine
    from easyread.simplify.pipeline import simplify_documents

    engine = get_engine("embedded", {"MODEL_CACHE": "", "MODEL_BATCH_SIZE": 8})
    settings = {"REWRITE_REPAIR_ROUNDS": 1, "REWRITE_BEST_OF": 1, "REWRITE_BATCH_SIZE": 8}
    docs = [letter(*FIRST), letter(*SECOND, title="Smoke alarm check")]
    stages = simplify_documents(docs, engine, settings={**settings, "REWRITE_LETTERS_IN_FLIGHT": 0})
    occupancy_before = engine.stats.occupancy.steps
    overlapped = simplify_documents(docs, engine, settings={**settings, "REWRITE_LETTERS_IN_FLIGHT": 2})
    assert engine.stats.occupancy.steps > occupancy_before  # the shared queue's steps are counted
    for old, new in zip(stages, overlapped):
        assert [p.text for p in new.draft.points()] == [p.text for p in old.draft.points()]
        assert new.draft.to_dict() == old.draft.to_dict()

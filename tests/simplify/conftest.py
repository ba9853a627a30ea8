import pytest

from .fakes import FakeEngine

# Small, fast settings: one repair round and best-of-2 keep scripted tests short. The scripted tests of the
# model's rewrite script it for every kind of sentence, so sentences are rewritten by the model here; the tests of
# saying them as cuts (test_condition_cuts.py, test_short_cuts.py) turn REWRITE_CONDITION_CUTS and
# REWRITE_SHORT_CUTS on, as they are by default.
SETTINGS = {
    "REWRITE_REPAIR_ROUNDS": 1,
    "REWRITE_BEST_OF": 2,
    "REWRITE_BATCH_SIZE": 4,
    "REWRITE_CONDITION_CUTS": False,
    "REWRITE_SHORT_CUTS": False,
}


@pytest.fixture
def settings():
    return dict(SETTINGS)


@pytest.fixture
def fake():
    return FakeEngine()

import pytest

from .fakes import FakeEngine

# Small, fast settings: one repair round and best-of-2 keep scripted tests short.
SETTINGS = {"REWRITE_REPAIR_ROUNDS": 1, "REWRITE_BEST_OF": 2, "REWRITE_BATCH_SIZE": 4}


@pytest.fixture
def settings():
    return dict(SETTINGS)


@pytest.fixture
def fake():
    return FakeEngine()

"""Shared fixtures for the meaning verifier's tests."""

import pytest

from easyread.simplify.checking import load_default_glossary


@pytest.fixture(scope="module")
def glossary():
    """The default glossary, as the pipeline verifies with it."""
    return load_default_glossary()

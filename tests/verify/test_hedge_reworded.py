"""A hedge dropped in other words (stop 25's read of real drafts): the letter's only claim is "may", and the model
line says it as certain with another verb. Through the real spaCy parse and the default glossary."""

import pytest

from easyread.simplify.checking import load_default_glossary
from easyread.verify import assess

CREDIT = (
    "Please note that we may carry out credit assessment from credit reference agencies before we agree any "
    "installment plan."
)
ASSIST = "Government assistance may be available towards making payment of your service charges if you qualify."
PACKAGES = (
    "You may qualify for some of the other support packages the Council has introduced to help those who are "
    "affected by the pandemic."
)
EVICTED = "If you do not clear your arrears, you may be evicted from your home."


@pytest.fixture(scope="module")
def glossary():
    return load_default_glossary()


def _kinds(source: str, line: str, glossary) -> list[str]:
    return [p.kind for p in assess([source], line, glossary=glossary).problems]


@pytest.mark.parametrize(
    "source, line",
    [
        (ASSIST, "Government offers help for service charges if you qualify."),
        (CREDIT, "We will conduct a credit assessment from credit reference agencies."),
        (CREDIT, "We will do a credit check."),
    ],
)
def test_a_may_said_as_certain_in_other_words_is_flagged(source, line, glossary):
    assert "modal" in _kinds(source, line, glossary)


@pytest.mark.parametrize(
    "source, line",
    [
        (CREDIT, "We may do a credit check."),
        (ASSIST, "The Government can help you pay if you qualify."),
        (CREDIT, "A credit check looks at how you have paid back money before."),  # a word explained
        (EVICTED, "Evicted means you are made to leave your home."),
        (PACKAGES, "We have other help for people hit by coronavirus."),  # the letter says the Council has them
    ],
)
def test_a_hedge_kept_an_explanation_or_a_plain_claim_is_not_flagged(source, line, glossary):
    assert "modal" not in _kinds(source, line, glossary)

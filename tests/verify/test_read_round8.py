"""Model lines stop 25's sentence-by-sentence read of five real drafts found unmarked: a hedge dropped in other words
(the letter's only claim is "may", and the line says it as certain with another verb), a step turned into its
opposite ("removed from the waiting list" said "put on a waiting list"), and a time put on the other side of its
moment ("before a claim is sent" said "after"). Each beside faithful lines that must stay unflagged; through the real
spaCy parse and the default glossary."""

import pytest

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


MISSED = (
    "Failure to attend this admission without cancelling in advance will result in a wasted procedure slot and you "
    "may be removed from the waiting list."
)
LATE = (
    "Should you make payment after the 30 days have elapsed but before a claim is sent for issuing to court, you "
    "should contact the Council immediately or you may still be at risk for court costs."
)


def test_removed_from_the_list_said_as_put_on_it_is_flagged(glossary):
    assert "negation" in _kinds(MISSED, "You might be put on a waiting list instead.", glossary)
    assert "negation" not in _kinds(MISSED, "If you miss it, you may be taken off the waiting list.", glossary)


def test_a_time_on_the_other_side_of_the_letters_moment_is_flagged(glossary):
    assert "condition" in _kinds(LATE, "Do you pay after a claim is sent?", glossary)
    for faithful in ("Do you pay before a claim is sent?", "Do you pay after the 30 days?"):
        assert "condition" not in _kinds(LATE, faithful, glossary), faithful


DUE = "We will contact you in due course to agree a date to come in."


def test_in_due_course_said_as_soon_is_flagged(glossary):
    assert "invented" in _kinds(DUE, "We will contact you soon to arrange a date to see you.", glossary)
    assert "invented" not in _kinds(DUE, "We will contact you later to agree a date to come in.", glossary)

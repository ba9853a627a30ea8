"""A condition of the letter kept but put on another action, or left without its consequence."""

import pytest

from easyread.verify import assess

TWO_WAYS = "If you pay late we will take you to court, or if you pay on time you will keep your discount."
# Swansea Council Tax Reduction text (holdout3 k2); the cut below was in a real draft, unmarked.
SWANSEA = (
    "If you do not tell us about a change in your circumstances within a month of the change you could lose out on "
    "any increase in benefit or if there is a decrease in benefit, you could end up with an overpayment, which you "
    "will have to pay back."
)


def _kinds(sources, output):
    return [p.kind for p in assess(sources, output).problems]


@pytest.mark.parametrize(
    "output",
    ["If you pay late, you will keep your discount.", "We will take you to court if you pay on time."],
)
def test_a_condition_put_on_the_other_action_is_a_condition_error(output):
    assert "condition" in _kinds([TWO_WAYS], output)


@pytest.mark.parametrize(
    "output",
    [
        "If you pay late, we will take you to court.",
        "If you pay on time, you will keep your discount.",
        "You will keep your discount if you pay on time.",
    ],
)
def test_each_condition_with_its_own_action_passes(output):
    assert _kinds([TWO_WAYS], output) == []


def test_a_cut_that_ends_on_the_next_condition_is_a_condition_error():
    problems = assess(
        [SWANSEA], "If not, you could lose out on any increase in benefit or if there is a decrease in benefit."
    )
    assert [p.kind for p in problems.problems] == ["condition"]
    assert "if there is a decrease in benefit" in problems.problems[0].message


def test_a_sentence_that_ends_on_a_condition_the_letter_also_ends_on_passes():
    letter = "You can pay online, by phone, or if you prefer, at the town hall."
    assert _kinds([letter], "You can pay online or by phone, or at the town hall if you prefer.") == []

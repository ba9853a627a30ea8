"""A price the letter charges only if you pay at a certain time, said as an order, is a condition error."""

import pytest

from easyread.verify import assess

PENALTY = (
    "If you are issued a Penalty Notice, you must pay £60 if you pay within 21 days of the date of issue, or £120 if "
    "you pay after 21 days but within 28 days of the date of issue."
)
PCN = "The charge is £70.00, reduced to £35.00 if paid within 14 days."


@pytest.mark.parametrize(
    "source, line",
    [
        # Read unmarked in a real draft (stop 26): three orders where the letter has one charge at two prices.
        (PENALTY, "If you receive a Penalty Notice, you must pay £120 after 21 days."),
        (PENALTY, "If you receive a Penalty Notice, you must pay £120 within 28 days."),
        (PCN, "You must pay £35.00 within 14 days."),
    ],
)
def test_a_price_made_an_order_is_flagged(source, line):
    problems = assess([source], line).problems
    assert [p.kind for p in problems] == ["condition"]
    if source == PENALTY:  # the PCN line was already flagged by the condition rules ("said as a fact")
        assert "only if you pay at a certain time" in problems[0].message


@pytest.mark.parametrize(
    "source, line",
    [
        (PENALTY, "You pay £60 if you pay within 21 days."),
        (PENALTY, "If you pay within 21 days, you must pay £60."),
        (PCN, "It is £35.00 if it is paid within 14 days."),
        ("You must pay £60 by 1 May 2026.", "You must pay £60 by 1 May 2026."),  # no price tied to when you pay
    ],
)
def test_a_price_with_its_condition_or_a_plain_order_is_not_flagged(source, line):
    assert not [p for p in assess([source], line).problems if "certain time" in p.message]

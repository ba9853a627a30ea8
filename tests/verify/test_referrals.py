"""A referral said as the service itself is an agent error; the referral kept, or the one referred to giving it, is
faithful."""

import pytest

from easyread.verify import assess

HELP = (
    "We can help you if you are struggling financially by either telling you about benefits you might be entitled to, "
    "referring you for budgeting support or debt advice or making an affordable repayment agreement."
)
GP = "Your GP may refer you to a specialist for further tests."


@pytest.mark.parametrize(
    "source, line",
    [
        (HELP, "We can help you by giving you debt advice."),  # read unmarked on a real draft (stop 25, letter 01)
        (HELP, "We can offer you budgeting support."),
        (GP, "Your doctor may give you more tests."),
    ],
)
def test_the_writer_giving_what_it_refers_you_for_is_flagged(source, line):
    problems = assess([source], line).problems
    assert [p.kind for p in problems] == ["agent"]
    assert "refers you to someone else" in problems[0].message


@pytest.mark.parametrize(
    "source, line",
    [
        (HELP, "We can help you by referring you for debt advice."),
        (HELP, "We can tell you about benefits you might get."),
        (GP, "Your doctor may send you to a specialist for more tests."),
        (GP, "A specialist may give you more tests."),
    ],
)
def test_a_referral_kept_or_given_by_the_one_referred_to_is_not_flagged(source, line):
    assert not [p for p in assess([source], line).problems if "refers you" in p.message]

"""Round 12 (issue 14): false alarms on the model's faithful lines of holdout4 (a tuning split since stop 32), each
generalised beside a sibling of the same shape that keeps its old verdict; through the real spaCy parse and the
default glossary."""

import pytest

from easyread.verify import assess

RESPOND = "Householders can respond in 3 ways: by return of the form, online or over the phone."
FORMS = "Please complete and return the enclosed forms no later than 4 June 2026."
RECALL = "You can book up to 3 months early if you are on a 3 year or 5 year recall."
RECEIVE = "The money you receive as a Direct Payment is for services to meet your assessed social care needs."
TENANCY = "After 12 months, we will offer you a secure tenancy if there are no problems with your rent payments."


def _kinds(source: str, line: str, glossary, context: str = "") -> list[str]:
    return [p.kind for p in assess([source], line, glossary=glossary, context=context).problems]


@pytest.mark.parametrize(
    "source, line",
    [
        (RESPOND, "You can respond by returning the form."),  # a form going back is not money
        (FORMS, "Send them back by 4 June 2026."),
        (RECALL, "If you are on a 3-year recall, you can book up to 3 months early."),  # "3-year" is "3 year"
        (RECEIVE, "You receive money for services to help meet your needs."),  # the letter's "money you receive"
        (TENANCY, "A tenancy is the agreement that lets you live in a home you rent."),  # the glossary, the term named
    ],
)
def test_faithful_lines_the_rules_used_to_fault(source, line, glossary):
    assert _kinds(source, line, glossary) == []


@pytest.mark.parametrize(
    "source, line, kinds",
    [
        # Money that goes back is still money, whichever verb says it.
        ("We will return the overpaid £40 to you.", "You must return £40 to us.", {"agent", "money"}),
        ("You must return the overpayment to us.", "We will return the overpayment to you.", {"agent", "money"}),
        # A number the letter does not have is still invented, hyphen or not.
        (RECALL, "If you are on a 10-year recall, you can book up to 3 months early.", {"invented"}),
        # Money the reader gets, said where the letter has the reader pay.
        ("You must pay us £40 by 1 May.", "We will pay you £40.", {"money"}),
    ],
)
def test_siblings_keep_their_verdict(source, line, kinds, glossary):
    assert kinds & set(_kinds(source, line, glossary))


def test_this_is_an_explanation_only_after_a_line_that_names_the_term(glossary):
    line = "This is the agreement that lets you live in a home you rent."
    assert _kinds(TENANCY, line, glossary, context="You will get a secure tenancy.") == []
    # With no term before it, "This" could be anything: the rules still judge it against the letter.
    assert _kinds(TENANCY, line, glossary) != []


BUDGET = (
    "Based on our initial assessment of your needs, we have calculated that it should be possible to meet your care "
    "and support needs with a personal budget of £182.40 per week."
)


def test_an_amount_for_each_week_said_as_the_whole_sum_is_a_moved_fact(glossary):
    # Read in a full draft of a care letter: the weekly budget said with no "per week".
    line = "We have calculated that it should be possible to meet your needs with a personal budget of £182.40."
    assert "fact-moved" in _kinds(BUDGET, line, glossary)


@pytest.mark.parametrize(
    "source, line, context",
    [
        (BUDGET, "Your personal budget is £182.40 each week.", ""),  # the rate kept
        (BUDGET, "Your personal budget is £182.40.", "We work out your budget for each week."),  # said just before
        (
            "You must pay the total amount of £3,460.72 by instalments of £20.00 per week.",
            "Each instalment is £20.00.",
            "",
        ),
        ("The 12-month subscription fee is £82 per bin.", "You pay £82.", ""),  # "12-month" is not £82 a month
    ],
)
def test_a_rate_kept_or_never_given_is_not_a_moved_fact(source, line, context, glossary):
    assert "fact-moved" not in _kinds(source, line, glossary, context=context)


def test_a_date_with_only_the_before_it_is_a_fragment(glossary):
    # Read in a full draft: "The 27 March 2026." after "Can you return it to me by the 27 March 2026?".
    source = "Please sign the agreement and return it to me by the 27 March 2026."
    assert "fragment" in _kinds(source, "The 27 March 2026.", glossary)
    # A date that says when or by when stays a line of its own.
    assert "fragment" not in _kinds(source, "By 27 March 2026.", glossary)

"""Causes found by reading real-model drafts of the Waltham Forest bowel screening and Citizens Advice PIP texts
(holdout3 k5, k7), each beside a sibling that must keep its verdict."""

import pytest

from easyread.verify import assess
from easyread.verify.fallback import conservative

SENT_EVERY = (
    "Everyone aged 50 to 74 years who is registered with a GP and lives in England is automatically sent an NHS "
    "bowel cancer screening kit every two years."
)
OVER_75 = (
    "If you're 75 or over, you can ask for a kit every two years by phoning the free bowel cancer screening "
    "helpline on 0800 707 60 60."
)


def _kinds(sources, output, glossary=None):
    return {p.kind for p in assess(sources, output, glossary=glossary).problems}


def test_a_time_on_the_other_side_of_the_same_event_is_not_moved(glossary):
    # "is sent a kit every two years" and "you get a kit every 2 years" are one event seen from each side.
    assert "fact-moved" not in _kinds([SENT_EVERY], "You will get a kit every 2 years.", glossary)


@pytest.mark.parametrize(
    "letter, output",
    [
        # The other side of another event: the 14 days belong to paying, not to the invoice.
        (
            ["We will send you an invoice.", "You must pay it within 14 days."],
            "You will get an invoice within 14 days.",
        ),
        # The other side of an event with another thing in it.
        (
            ["We will send you a new card.", "You will get a letter within 14 days."],
            "We will send you a new card within 14 days.",
        ),
        # A time to arrive said as a time to send (holdout3 k7's shape): an order, so not the same event.
        (
            ["You need to make sure that the council receives your form within 28 days."],
            "You must send your form within 28 days.",
        ),
        # The same side, the sender said as the one who gets it.
        (["You must send the form within 14 days."], "You will get the form within 14 days."),
    ],
)
def test_a_time_put_on_another_event_is_still_moved(letter, output, glossary):
    assert "fact-moved" in _kinds(letter, output, glossary)


def test_the_fallback_asks_a_contracted_condition_and_keeps_its_facts(glossary):
    pieces = conservative([OVER_75], glossary)
    assert pieces[0] == "Are you 75 or over?"
    assert pieces[1].startswith("Then you can ask") and any("0800 707 60 60" in p for p in pieces[1:])


# Citizens Advice PIP text (holdout3 k7): no comma after "worse", so the cut at "you should" asked a question that
# held the letter's consequence and ended on "so".
RUN_ON = (
    "If you want to challenge the decision because your condition has got worse you'll need to follow a different "
    "procedure, so you should get advice from your local Citizens Advice."
)


def test_a_condition_that_runs_on_into_its_consequence_is_not_asked():
    pieces = conservative([RUN_ON])
    assert not any(p.endswith(("so?", "and?")) for p in pieces)
    assert not any(p.endswith("?") and "need to follow" in p for p in pieces)


def test_a_condition_that_starts_with_you_will_is_still_asked():
    letter = "If you will be away on the date of your appointment, please call us on 020 7946 0000 to change it."
    assert conservative([letter]) == [
        "Will you be away on the date of your appointment?",
        "Please call us on 020 7946 0000 to change it.",
    ]

"""Cuts of the conservative fallback added in stop 33, each beside a sibling of the same shape that is not cut;
through the real spaCy parse and the default glossary."""

from easyread.verify.cuts import _shared_subject
from easyread.verify.fallback import shorten
from easyread.verify.rules import assess

COSTS = (
    "If you have been ordered to pay costs, you will be sent an invoice for court costs and notified how to pay "
    "these in a separate letter."
)


def test_two_verbs_sharing_will_be_are_two_sentences_each_saying_it(glossary):
    # Read in the 16 real letters: the last line stayed whole at 20 words.
    assert shorten(COSTS, glossary) == [
        "Have you been ordered to pay costs?",
        "Then you will be sent an invoice for court costs.",
        "Then you will be notified how to pay these in a separate letter.",
    ]


def test_the_second_verb_of_will_be_is_still_to_come_not_done():
    # "notified" is parsed as a past tense; it shares "will be", so saying it as to come is faithful ...
    letter = "You will be sent an invoice for court costs and notified how to pay these in a separate letter."
    assert not assess([letter], "You will be notified how to pay these in a separate letter.").problems
    # ... while a letter that says it was done still is not said as to come.
    done = "You were sent an invoice for court costs and notified how to pay these in a separate letter."
    assert assess([done], "You will be notified how to pay these in a separate letter.").problems


def test_a_shared_not_or_a_time_limit_keeps_the_two_verbs_together():
    assert _shared_subject("Your payment will be taken on 1 May and shown on your statement.") == [
        "Your payment will be taken on 1 May.",
        "Your payment will be shown on your statement.",
    ]
    # "not" may govern both verbs.
    assert _shared_subject("You must not sign the enclosed form and return it to the housing office.") is None
    # The date may hold for paying too.
    assert _shared_subject("You must pay the full amount and send the form back to us by 1 May 2026.") is None


def test_an_if_inside_an_aside_or_a_reason_is_not_asked_as_the_sentences_condition(glossary):
    # Read in a full draft of a flu invitation: "Does the carer fall ill)?" "Then Carers are also eligible ..."
    pieces = shorten(
        "Carers are also eligible for the free flu vaccination (as the welfare of the person they care for may be at "
        "risk if the carer falls ill).",
        glossary,
    )
    assert "Does the carer fall ill?" not in pieces and not any("fall ill)?" in p for p in pieces)
    assert pieces[0] == "Carers are also eligible for the free flu vaccination."


def test_a_condition_with_a_curly_not_is_not_asked_as_a_question(glossary):
    # Read in a full draft: "Do you n’t receive confirmation of your new entitlement by 30 April 2018?"
    pieces = shorten(
        "If you don’t receive confirmation of your new entitlement by 30 April 2018 please call your local housing "
        "benefit department.",
        glossary,
    )
    assert not any("n’t receive" in p and p.endswith("?") for p in pieces)

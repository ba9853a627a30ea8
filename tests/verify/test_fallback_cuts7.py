"""The cuts of `easyread.verify.linked_cuts`, tried after every other cut, on sentences of the real and holdout
letters: a piece that opens with its link is cut with the link kept, conditions joined by "or" are said one at a
time, "..., so please ..." and "..., although ..." are sentences of their own, and so is a "which" clause between
commas; and the cuts that would say more than the letter are not made."""

import pytest

from easyread.verify import phrase_cuts as pc
from easyread.verify.cuts import _condition_first, question
from easyread.verify.fallback import _faithful, conservative
from easyread.verify.linked_cuts import (
    _although,
    _as_well_as,
    _aside_relative,
    _each_condition,
    _linked,
    _so_please,
    _then,
    more_steps,
)

# Letter sentence → what the fallback makes of it (glossary explanations left out).
CUT = {
    # Holdout (a penalty charge certificate): the reason's two clauses, each with "This is because".
    (
        "We are now sending you this charge certificate because you did not respond to the Enforcement Notice, "
        "and the charge has not been paid."
    ): [
        "We are now sending you this charge certificate.",
        "This is because you did not respond to the Enforcement Notice.",
        "This is because the charge has not been paid.",
    ],
    # Holdout (an outpatient letter): the second reason said with "And" (the meaning rules read "This is because
    # it may take time" as a reason the letter does not give), and "it may take time to find a space" is not a
    # purpose ("This is to find a space.").
    (
        "We recommend you use public transport to get here if possible as car parking on the site is limited and "
        "it may take time to find a space."
    ): [
        "We recommend you use public transport to get here if possible.",
        "This is because car parking on the site is limited.",
        "And it may take time to find a space.",
    ],
    # Hackney-style court order letter: the reason after the condition's consequence, cut with its link.
    (
        "If your income or circumstances have changed, you must inform the Housing Benefit Department as this may "
        "affect your entitlement to Housing Benefit and you may need to apply to the court to vary the terms of the "
        "Order."
    ): [
        "Have your income or circumstances changed?",
        "Then you must inform the Housing Benefit Department.",
        "This is because this may affect your entitlement to Housing Benefit.",
        "This is because you may need to apply to the court.",
        "This is to vary the terms of the Order.",
    ],
    # Holdout (a council tax reduction letter): three conditions joined by "or", each said with what to do.
    (
        "You should tell us if you change address, if you, your partner or a household member start work, or if "
        "you go into hospital or residential care for a temporary period."
    ): [
        "You should tell us if you change address.",
        "You should tell us if you, your partner or a household member start work.",
        "You should tell us if you go into hospital or residential care for a temporary period.",
    ],
    # Holdout (a council tax summons): three things you may have done, any one of which is enough.
    (
        "You do not need to attend the remote court hearing if you have accepted the proposed payment arrangement, "
        "agreed an alternative arrangement or have paid the balance in full including costs."
    ): [
        "Have you accepted the proposed payment arrangement?",
        "Then you do not need to attend the remote court hearing.",
        "Did you agree an alternative arrangement?",
        "Then you do not need to attend the remote court hearing.",
        "Have you paid the balance in full including costs?",
        "Then you do not need to attend the remote court hearing.",
    ],
    # Holdout (an outpatient letter): "so please" on its own.
    "The appointment letter may also contain specific instructions on what to bring, so please do read it carefully.": [
        "The appointment letter may also contain specific instructions on what to bring.",
        "So please do read it carefully.",
    ],
    # Holdout (a council tax summons): the "which" clause between commas said after the rest.
    (
        "At the Court hearing, which is conducted remotely by telephone, we will ask the Magistrates' Court for a "
        "Liability Order."
    ): [
        "At the Court hearing, we will ask the Magistrates' Court for a Liability Order.",
        "This hearing is conducted remotely by telephone.",
    ],
    # Holdout (a tenancy handbook): "although" as "But".
    (
        "Our usual practice is to give at least 24 hours written notice that we need access to your property, "
        "although in an emergency this may not always be possible."
    ): [
        "Our usual practice is to give at least 24 hours written notice that we need access to your property.",
        "But in an emergency this may not always be possible.",
    ],
}


@pytest.mark.parametrize("source", list(CUT))
def test_long_sentences_the_earlier_cuts_leave_are_cut_into_faithful_pieces(source, glossary):
    out = [line for line in conservative([source], glossary) if '" means: ' not in line]
    assert out == CUT[source]
    assert _faithful(source, out, glossary)


def test_a_then_piece_is_cut_with_then_said_again():
    parts = next(_linked("Then you can ask for a kit every two years by phoning the free helpline on 0800 707 60 60."))
    assert parts == [
        "Then you can ask for a kit every two years.",
        "Then you can do this by phoning the free helpline on 0800 707 60 60.",
    ]


def test_a_consequence_is_not_said_with_and_instead_of_its_condition():
    # "And ..." would let the second consequence stand without "If not": only the link said again is offered.
    cuts = list(_linked("If not, we will write to you and your account will be passed to our solicitors."))
    assert cuts
    assert all(all(p.startswith("If not, ") for p in parts) for parts in cuts)


def test_a_condition_inside_a_consequence_is_not_asked():
    # "Then do you ...?" would need its own "If so": the piece is left to the other cuts.
    source = "Then you can only be required to leave your dwelling if your landlord obtains an order from the Court."
    assert all(not any(p.endswith("?") for p in parts) for parts in _linked(source))


@pytest.mark.parametrize(
    "kept",
    [
        # "only": the job with one of the conditions alone would say the other is not needed.
        "You can only apply for a parking permit if you live in the zone, work in the zone or care for someone there.",
        # "if" as "whether".
        "The operators will ask questions to see if you are eligible, need an escort or have a wheelchair.",
        # "and": both must hold.
        "You may be fined if you park in the bay, and if you do not display a permit or a valid ticket on the car.",
        # A verbless second item ("you using") is not a condition of its own.
        "You can call the free helpline if you have any questions about bowel cancer screening or using the test kit.",
        # "not" over both: "if you do neither", which "if you call us" alone would reverse.
        "You will be taken to court if you do not pay the amount due or call us by 4 June 2026.",
        # The "or" joins what happens, not conditions.
        "You may be evicted from your home if you pay your rent late or we may take you to court for the arrears.",
        # "decide if" is "whether": not where a condition starts.
        "You can call us if you need help to decide if you qualify for a discount or if you want to apply.",
        # Nouns, not clauses: one condition.
        "Please contact us if you have a cough, a cold or a high temperature on the day of your appointment.",
    ],
)
def test_conditions_that_do_not_each_lead_to_the_action_are_not_said_apart(kept):
    assert _each_condition(kept) is None


def test_two_clauses_joined_by_or_after_if_are_each_a_condition():
    assert _each_condition(
        "You can apply for help with your rent if you are over 65 or you receive Pension Credit."
    ) == [
        "You can apply for help with your rent if you are over 65.",
        "You can apply for help with your rent if you receive Pension Credit.",
    ]


def test_it_takes_time_to_is_not_a_purpose():
    assert pc._infinitive_purpose("It may take some time to find a space in the hospital car park today.") is None
    assert pc._infinitive_purpose("A copy may be presented in court to form the basis of an order.") == [
        "A copy may be presented in court.",
        "This is to form the basis of an order.",
    ]


def test_so_please_is_cut_only_after_a_whole_sentence():
    assert _so_please("If you need help, so please call us on 0161 496 0199 today.") is None
    assert _so_please("It is long, so please read it.") is None  # "It is long." says too little on its own
    assert list(more_steps("We are closed on Monday, so please do not come to the office.")) == [
        ["We are closed on Monday.", "So please do not come to the office."]
    ]


def test_although_is_cut_only_before_a_clause_and_while_is_not_read_as_but():
    assert _although("Please wait in your seat in the waiting room, while the nurse checks your details.") is None
    assert _although("Please send the form back to us by Friday, although late.") is None  # no clause after it


def test_a_which_clause_that_picks_out_its_noun_or_may_be_another_nouns_is_not_said_apart():
    # No commas: "the form which is enclosed" says which form.
    assert _aside_relative("The form which is enclosed with this letter must be returned to us by Friday.") is None
    # "any": "This payment is late." would say more than the letter.
    assert (
        _aside_relative("Any payment, which is made after the due date, will be treated as late by the court.") is None
    )
    # "of": the clause may be the Notice's, not the possession's.
    assert (
        _aside_relative("A Notice of Seeking Possession, which is a legal document, will be sent to you next week.")
        is None
    )
    # After the main verb the rest goes on without a comma.
    assert _aside_relative("Please give the nurse, who will meet you on the ward, your list of medicines.") == [
        "Please give the nurse your list of medicines.",
        "This nurse will meet you on the ward.",
    ]
    assert _aside_relative("The hearing, which is held by telephone, will take place on the date on your summons.") == [
        "The hearing will take place on the date on your summons.",
        "This hearing is held by telephone.",
    ]


def test_a_condition_with_a_short_helper_is_asked_with_the_helper_in_full():
    # Holdout (a bowel screening letter): "If you're 75 or over, ..." was asked as "Do you're 75 or over?".
    assert question("you're 75 or over") == "Are you 75 or over?"
    assert question("you\u2019ve paid too much tax") == "Have you paid too much tax?"
    # Only a helper after "you", "we", "they" or "I": a name's "'s" is the letter's and stays as written.
    assert (
        question("you think the Council\u2019s decision is wrong")
        == "Do you think the Council\u2019s decision is wrong?"
    )


def test_one_thing_after_another_is_said_in_turn_with_then(glossary):
    # Real letter (a PIP invitation): the condition asked first, then the two steps in their order.
    source = (
        "Please read the information about PIP later in this letter, then call us by 12 December 2023 if you want "
        "to make a claim."
    )
    assert [p for p in conservative([source], glossary) if '" means: ' not in p] == [
        "Do you want to make a claim?",
        "Please read the information about PIP later in this letter.",
        "Then call us by 12 December 2023.",
    ]
    # A condition's "then" is not a step: the condition would be left behind.
    assert _then("If you pay the full amount of your bill, then we will not take further action.") is None
    assert _then("When the hearing is over, then you will get a letter from the court.") is None


def test_a_condition_with_no_comma_before_let_me_know_is_asked(glossary):
    # Real letter (a hospital admission): no comma after the condition, the action starting "let me know".
    source = (
        "If you plan to cancel let me know as soon as possible, so another patient may be given the chance to attend."
    )
    assert [p for p in conservative([source], glossary) if '" means: ' not in p] == [
        "Do you plan to cancel?",
        "Let me know as soon as possible.",
        "So another patient may be given the chance to attend.",
    ]
    # "If you let us know ..." is the condition's own verb, not where the action starts: no question of "you".
    assert (
        _condition_first("If you let us know your new address we will update our records and send your bill.") is None
    )


def test_two_doings_joined_by_as_well_as_are_said_apart(glossary):
    # Real letter (Hackney rent): the cost lead said as its own sentence (clause_cuts._with_cost), then its two
    # doings each with "we have the additional cost of".
    source = (
        "With the additional cost of supporting our vulnerable residents as well as maintaining existing services "
        "to manage our homes and protect our estates for future generations, we are continuing to ask residents to "
        "pay their rent wherever they can."
    )
    out = [p for p in conservative([source], glossary) if '" means: ' not in p]
    assert out[:2] == [
        "We have the additional cost of supporting our vulnerable residents.",
        "And we have the additional cost of maintaining existing services to manage our homes and protect our "
        "estates for future generations.",
    ]
    # A "not" may reach both; things, not doings, may be joined to another noun than the last; a clause after the
    # second doing is the whole sentence's.
    assert _as_well_as("We are not able to help with paying your rent as well as paying your council tax bill.") is None
    assert (
        _as_well_as("You can argue at the hearing about the new Ground, as well as the Grounds in paragraph 3.") is None
    )
    assert _as_well_as("With the cost of heating the building as well as lighting it, we must raise the rent.") is None

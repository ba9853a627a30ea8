"""Round 11 (issue 14): read in full drafts of holdout4's letters (stop 31), each generalised beside a sibling of the
same shape that keeps its old verdict; through the real spaCy parse and the default glossary."""

import pytest

from easyread.verify import assess
from easyread.verify.fallback import conservative

GRANT = (
    "A grant can be used for adaptations to give you better freedom of movement into and around your home and/or "
    "to provide essential facilities within it."
)
NEEDS = (
    "If you have any special requirements such as hearing, sight or dietary needs, please let us know as soon as "
    "possible."
)


def _kinds(source: str, line: str, glossary, context: str = "") -> list[str]:
    return [p.kind for p in assess([source], line, glossary=glossary, context=context).problems]


@pytest.mark.parametrize(
    "source, line",
    [
        (GRANT, "It can also provide essential things like lighting and heating."),
        (GRANT, "A grant can pay for things such as a new kitchen."),
    ],
)
def test_examples_the_letter_does_not_give_are_invented(source, line, glossary):
    assert "invented" in _kinds(source, line, glossary)


@pytest.mark.parametrize(
    "source, line",
    [
        (GRANT, "It can also provide essential facilities in your home."),  # no example: plain words, for the model
        (NEEDS, "If you need special help, like hearing, seeing, or eating, tell us right away."),  # the letter's own
        (GRANT, "You can use it if you would like to move around your home more easily."),  # "like" as a verb
    ],
)
def test_examples_the_letter_gives_or_no_examples_are_not_flagged_as_examples(source, line, glossary):
    result = assess([source], line, glossary=glossary)
    assert not any("examples" in p.message for p in result.problems)


# "even if" holds whatever the answer: asked as a question, it became a condition the duty does not have, and the
# cut before it ended "... and even." (a real Chichester canvass letter).
@pytest.mark.parametrize(
    "sentence, asked",
    [
        (
            "The law says that you have to respond every year so that the correct details are listed on the "
            "Register of Electors whether or not you are already registered and even if you have been registering "
            "at the same address for many years.",
            "Have you been registering at the same address for many years?",
        ),
        (
            "You must tell us about changes even if you think they do not affect your claim.",
            "Do you think they do not affect your claim?",
        ),
    ],
)
def test_an_even_if_is_not_cut_as_a_condition(sentence, asked, glossary):
    pieces = conservative([sentence], glossary)
    assert asked not in pieces
    assert not any(p.rstrip(" .").endswith(" even") for p in pieces)
    assert any("even if" in p for p in pieces)


def test_a_plain_if_at_the_end_is_still_asked_first(glossary):
    changes = "You must tell us about any changes to your household or your income at the time of the change"
    assert conservative([f"{changes} if you want to keep your discount."], glossary) == [
        "Do you want to keep your discount?",
        f"{changes}.",
    ]
    assert conservative([f"{changes} even if you want to keep your discount."], glossary) == [
        f"{changes} even if you want to keep your discount."
    ]


RENEWAL = (
    "When you resubscribe this year, your subscription will be backdated to 1 April 2022 and will run until "
    "31 March 2023."
)


TENANCY = "Your new tenancy will start on 4 May 2026 and your first rent payment is due on 11 May 2026."


@pytest.mark.parametrize(
    "source, before, line, moved",
    [
        # Read in a real draft (a garden waste renewal): the start date said to be the end.
        (
            RENEWAL,
            "When you renew your subscription, it will start on 1 April 2022.",
            "This is the date when it will stop.",
            True,
        ),
        (TENANCY, "Your tenancy starts on 4 May 2026.", "This is the day you must pay your rent.", True),
        (TENANCY, "Your tenancy starts on 4 May 2026.", "This is the date when your tenancy begins.", False),
        (
            TENANCY,
            "Your first rent payment is due on 11 May 2026.",
            "This is the date your first payment is due.",
            False,
        ),
    ],
)
def test_this_is_the_date_is_checked_with_the_date_the_line_before_gives(source, before, line, moved, glossary):
    assert ("fact-moved" in _kinds(source, line, glossary, context=before)) is moved


WAYS = "Householders can respond in 3 ways: by return of the form, online or over the phone."


@pytest.mark.parametrize(
    "line, short",
    [
        ("Householders can respond in 3 ways: by return of the form or online.", True),  # read in a real draft
        ("You can respond in three ways: online or by phone.", True),
        ("Householders can respond in 3 ways: by return of the form, online or over the phone.", False),
        ("You can respond in 3 ways: send the form back, go online, or call us.", False),
        ("You can respond in 3 ways.", False),
    ],
)
def test_a_list_that_names_fewer_than_it_counts_is_a_fragment(line, short, glossary):
    assert ("fragment" in _kinds(WAYS, line, glossary)) is short


CHECK = "We must check the accuracy of our information even if we have no reason to believe it is wrong."


@pytest.mark.parametrize(
    "line, alone",
    [
        ("Even if we have no reason to believe it is wrong.", True),  # read in a real draft, after the whole sentence
        ("Even though we think it is right.", True),
        ("Even if you think it is right, we must check our information.", False),
        ("We must check our information even if we think it is right.", False),
    ],
)
def test_an_even_if_clause_said_alone_is_a_fragment(line, alone, glossary):
    assert ("fragment" in _kinds(CHECK, line, glossary)) is alone


ATTENDANCE = (
    "Please note if your child's attendance has fallen below 90% due to illness or a medical condition you will be "
    "required to provide evidence showing that you have sought appropriate medical advice."
)


@pytest.mark.parametrize(
    "line, dropped",
    [
        ("Does your child's attendance fall below 90%?", True),  # read in a real draft of an attendance warning
        ("If your child's attendance is below 90%, you must show proof of medical advice.", True),
        ("Has your child's attendance fallen below 90% because of illness or a medical condition?", False),
        ("Is your child's attendance below 90% because they are ill?", False),
    ],
)
def test_a_condition_said_without_the_one_cause_it_holds_for_is_a_condition_error(line, dropped, glossary):
    assert ("condition" in _kinds(ATTENDANCE, line, glossary)) is dropped


OPTION = (
    "Please consider if this option is preferable to you and your child, and if so contact your case officer by "
    "telephone on 01454 865137 by Friday 7th August to let them know."
)


@pytest.mark.parametrize(
    "line, decided",
    [
        ("It's better for you and your child.", True),  # read in a real draft of a school transport letter
        ("This option is preferable to you and your child.", True),
        ("Is this option better for you and your child?", False),
        ("Think about whether this option is better for you and your child.", False),
        ("You can choose this option.", False),
        ("Contact your case officer by Friday 7 August.", False),
    ],
)
def test_what_the_letter_leaves_to_the_reader_to_weigh_said_as_so_is_a_condition_error(line, decided, glossary):
    assert ("condition" in _kinds(OPTION, line, glossary)) is decided


def test_what_the_council_checks_is_not_the_readers_to_weigh(glossary):
    source = (
        "The operators will ask a number of questions to see if you are eligible for patient transport in line with "
        "the Department of Health criteria and, if so, the journey will be booked for you."
    )
    assert "condition" not in _kinds(source, "This is based on the Department of Health's criteria.", glossary)


def test_a_glossary_explanation_alone_needs_its_term_said_just_before(glossary):
    # Read in a real draft: a repair gave back the explanation of "evidence" with no "evidence" near it.
    line = "Papers that show something is true."
    assert assess([ATTENDANCE], line, glossary=glossary).problems
    assert not assess([ATTENDANCE], line, glossary=glossary, context="You must give us evidence.").problems
    assert not assess([ATTENDANCE], f'"Evidence" means: {line}', glossary=glossary).problems


@pytest.mark.parametrize(
    "sentence, asked",
    [
        # Read in a real draft of a benefit decision: "Can we not change the decision in your favour?"
        (
            "If we cannot change the decision in your favour, your appeal will be passed directly to the "
            "independent Appeals Service.",
            [
                "Can we change the decision in your favour?",
                "If not, your appeal will be passed directly to the independent Appeals Service.",
            ],
        ),
        (
            "If you cannot pay the full amount by 1 May 2026, please call us on 01234 567890 to discuss a payment "
            "plan.",
            [
                "Can you pay the full amount by 1 May 2026?",
                "If not, please call us on 01234 567890 to discuss a payment plan.",
            ],
        ),
    ],
)
def test_a_cannot_condition_is_asked_without_its_not_and_answered_if_not(sentence, asked, glossary):
    assert conservative([sentence]) == asked

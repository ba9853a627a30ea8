"""Orders and explanations the letter sentence does not give (easyread.verify.orders): each rule beside the faithful
rewrite it must leave alone. The unfaithful lines are real model outputs from earlier reads of drafts or of the
tuning splits (dev, test, holdout of benchmarks/easyread_bench/meaning/pairs.csv)."""

from easyread.verify import verify_sentence


def kinds(source, output):
    return [p.kind for p in verify_sentence([source], output)]


HEADING = "Changing or cancelling your appointment"


def test_a_heading_made_an_order_is_flagged():
    # A real model line: the letter's heading only names what the section is about.
    assert "modal" in kinds(HEADING, "You need to change or cancel your appointment.")
    assert kinds(HEADING, "How to change or cancel your appointment.") == []


def test_a_description_made_an_order_is_flagged():
    source = "The nurse will check your blood pressure."
    assert "modal" in kinds(source, "You have to get your blood pressure checked.")
    assert "modal" not in kinds(source, "The nurse will check your blood pressure.")


def test_a_may_made_must_with_another_verb_is_flagged():
    source = (
        "Whatever Grounds for possession are set out in paragraph 3 of this Notice, the Court may allow any of the "
        "other Grounds to be added at a later stage."
    )
    assert "modal" in kinds(source, "The court must add other reasons later.")
    assert "modal" not in kinds(source, "The court may let other reasons be added later.")


def test_a_letter_that_asks_or_sets_a_deadline_allows_must():
    assert kinds("Please bring this letter with you.", "You need to bring this letter with you.") == []
    source = "If you want to claim PIP call 0800 917 2222 by 12 December 2023."
    assert "modal" not in kinds(source, "To claim, you must call by 12 December 2023.")


def test_should_about_the_past_or_in_a_comparison_is_not_an_order():
    assert "modal" not in kinds(
        "The shortfall in payment is £245.00.", "You have paid £245.00 less than you should have."
    )
    source = "The Court will have contacted you about this."
    assert "modal" not in kinds(source, "The court should already have written to you about it.")


def test_what_the_sender_must_do_is_not_an_order_to_the_reader():
    source = "In order that we can plan your admission /stay, ensuring it is efficient as possible."
    assert "modal" not in kinds(source, "We need to plan your stay.")


def test_an_explanation_in_new_words_is_flagged():
    source = "This letter tells you about the level of repayment."
    assert "invented" in kinds(source, "It is intended to explain the amount of rent you owe.")
    assert "invented" not in kinds(source, "This letter tells you how much you will pay back.")


def test_a_this_means_the_letter_does_not_say_is_flagged():
    source = "Suspended Possession Order"
    assert "invented" in kinds(source, "A Suspended Possession Order. This means your case is closed.")
    day = "A day case admission has been arranged with you under the care of your Consultant."
    # One everyday word beside the letter's own ("same") is how Easy Read explains "day case".
    assert "invented" not in kinds(day, "We have booked you in as a day case. This means you go home on the same day.")


def test_a_reason_in_an_uncommon_new_word_is_flagged_even_when_the_letter_gives_one():
    source = "Overpayments may happen because you have had a change in your circumstances."
    assert "invented" in kinds(source, "Overpayments happen because we made a mistake.")
    assert "invented" not in kinds(source, "Overpayments can happen because your life has changed.")


def test_a_purpose_the_letter_does_not_give_is_flagged():
    source = (
        "As part of the assessment of your support needs we will need to look into your finances to find out "
        "whether you should pay towards the cost of your care."
    )
    assert "invented" in kinds(source, "We will check your money to make sure you get free care.")
    assert "invented" not in kinds(source, "We will look at your money to find out if you should pay for your care.")


SUPPORT = (
    "Further to our previous letter about your rent payments, I am writing to repeat our offer to support you if you "
    "need it during this difficult time and ask to ask that you get in touch to discuss any problems you are having "
    "paying your rent"
)


def test_an_offer_of_support_made_a_request_for_it_is_flagged():
    # A real model summary: the letter offers the reader support, the line has the council ask for it.
    assert "agent" in kinds(SUPPORT, "We are asking for your support.")
    assert "agent" in kinds(SUPPORT, "We need your help.")
    assert kinds(SUPPORT, "We are offering to support you.") == []
    assert "agent" not in kinds(SUPPORT, "You can ask us for support.")


HARDSHIP = "If you can't pay the money back at the rate we set, you should contact us."


def test_a_promise_made_on_getting_in_touch_is_flagged():
    assert "invented" in kinds(HARDSHIP, "We will lower the rate if you contact us.")
    assert "invented" not in kinds(HARDSHIP, "If you cannot pay back at the rate we set, contact us.")
    # What the letter itself says we will do on contact may be said.
    offer = "If you contact us, we will talk to you about a new rate."
    assert "invented" not in kinds(offer, "We will talk to you about a new rate if you contact us.")


def glossed(source, output):
    from easyread.simplify.checking import load_default_glossary

    return [p.kind for p in verify_sentence([source], output, glossary=load_default_glossary())]


def test_a_term_explained_against_its_glossary_entry_is_flagged():
    source = "The Council will apply for a Possession Order."
    # The default glossary: "A paper from the court. It says you must leave your home."
    assert "negation" in glossed(source, "A Possession Order means you can stay in your home.")
    assert glossed(source, "A Possession Order is a paper from the court that says you must leave your home.") == []


def test_an_order_the_glossary_gives_is_not_an_added_order():
    source = "The Council will apply for a Possession Order."
    assert "modal" not in glossed(source, "A Possession Order means you must leave your home.")
    assert "modal" in glossed(source, "You must leave your home.")

"""False alarms on rewrites that keep the meaning, fixed by their general cause (easyread.verify.related and the
rules that use it), each beside the error the rule must still catch. A flagged faithful sentence is repaired or
marked for a person, so every false alarm costs staff time."""

from easyread.verify import verify_sentence


def kinds(source, output):
    return [p.kind for p in verify_sentence([source], output)]


def test_legal_action_and_orders_are_the_courts():
    source = "Should legal action be necessary, any increase to the arrears stated above will be added."
    assert "invented" not in kinds(source, "If we go to court, we will add any more money you owe by then.")
    # A party the letter's words do not imply is still brought in.
    assert "invented" in kinds(source, "If your landlord goes to court, we will add any more money you owe.")
    order = "The order must be based on one of the Grounds which are set out in the 1985 Act (see paragraphs 3 and 4)."
    assert "invented" not in kinds(order, "The court order must be for one of the reasons in the law.")


def test_an_adjective_with_its_own_not_compares_with_not_and_the_plain_word():
    source = "PIP is different to DLA and you may need an assessment to work out the level of help you will get."
    assert "negation" not in kinds(source, "PIP is not the same as DLA.")
    assert "negation" in kinds(source, "PIP is the same as DLA.")
    unsure = "If you are unsure why you are coming into hospital, please contact me."
    assert "negation" not in kinds(unsure, "Please contact me if you are not sure why you are coming in.")
    unwell = "The ward is unavailable at weekends."
    assert "negation" in kinds(unwell, "The ward is available at weekends.")
    assert "negation" not in kinds(unwell, "The ward is not available at weekends.")


def test_the_readers_own_judgement_left_out_of_an_invitation_is_not_a_condition_error():
    source = (
        "If you think that you would benefit from a referral to our Financial Inclusion Team then please contact me "
        "as soon as possible via email: income.services@hackney.gov.uk or telephone to speak to an Officer on "
        "020 8356 3100."
    )
    assert "condition" not in kinds(source, "Email income.services@hackney.gov.uk or call 020 8356 3100.")
    # A condition on facts about the reader is still needed.
    fact = "If you have been ordered to pay costs, you will be sent an invoice for court costs."
    assert "condition" in kinds(fact, "We will send you a bill for court costs.")


def test_a_rescheduled_date_is_a_changed_date():
    source = "We are sorry to inform you that we have had to reschedule your appointment."
    assert "negation" in kinds(source, "Your appointment has not changed.")
    assert "negation" in kinds(source, "We have not changed your appointment.")
    assert "negation" not in kinds(source, "We are sorry. We have had to change your appointment.")


def test_a_charge_that_increases_does_not_stay_the_same():
    source = "If you do nothing, a Charge Certificate will be sent and the charge increases by 50 percent."
    assert "negation" in kinds(source, "If you do nothing, the charge stays the same.")
    assert "negation" not in kinds(source, "If you do nothing, the charge goes up by 50 percent.")


def test_what_a_failure_will_result_in_is_as_certain_as_the_result():
    source = (
        "Failure to make payment or contact us by 4 June 2026 will result in legal action being taken in the County "
        "Court without further notice."
    )
    assert "modal" in kinds(source, "If you do not pay by 4 June 2026, we might take legal action.")
    assert "modal" not in kinds(source, "If you do not pay or contact us by 4 June 2026, we will take legal action.")


def test_a_time_clause_is_not_what_stop_stops():
    source = "If you are taking warfarin or clopidogrel DO NOT stop this before contacting the Access Specialist Nurse"
    faithful = (
        "Do you take warfarin or clopidogrel? Do not stop taking it before you talk to the Access Specialist Nurse."
    )
    assert "negation" not in kinds(source, faithful)
    assert "negation" in kinds(source, "Do you take warfarin? Stop taking it before you talk to the nurse.")


def test_solve_fix_and_sort_out_are_one_action():
    source = "If you don’t talk to us, and we can’t solve the problem we may issue a Notice of Seeking Possession."
    faithful = "If you do not talk to us and we cannot fix the problem, we may send you a Notice of Seeking Possession."
    assert "condition" not in kinds(source, faithful)
    assert "condition" in kinds(source, "If you do not talk to us, we may send you a Notice of Seeking Possession.")


def test_it_in_the_letter_can_be_the_thing_the_rewrite_names():
    source = "You should read it very carefully."
    assert "negation" in kinds(source, "You do not have to read this notice.")
    assert kinds(source, "You should read this notice carefully.") == []


def test_a_right_given_to_someone_else_is_flagged():
    source = "Please be aware that you have a right to apply for an independent appeal of this decision."
    assert "agent" in kinds(source, "We have the right to appeal against your decision.")
    assert "agent" not in kinds(source, "You have the right to appeal against this decision.")


def test_the_same_verb_is_the_payment_meant():
    source = "If you stop receiving Housing Benefit we will send you an invoice for the amount you owe."
    assert "money" in kinds(source, "If your Housing Benefit stops, we will send you the money we owe you.")
    assert "money" not in kinds(source, "If your Housing Benefit stops, we will send you a bill for what you owe.")


def test_taken_into_account_is_counted():
    source = (
        "If you are receiving permanent residential or nursing care the value of your property may be taken into "
        "account."
    )
    assert "negation" in kinds(source, "If you live in a care home, your home will not be counted.")
    assert "negation" not in kinds(source, "If you live in a care home, the value of your home may be counted.")


def test_the_last_one_made_more_to_come_is_flagged():
    source = "This will be the last reminder we send."
    assert "negation" in kinds(source, "We will keep sending you reminders.")
    assert kinds(source, "We will not send you any more reminders after this one.") == []
    assert kinds(source, "This is the last reminder we will send.") == []


def test_plain_words_alone_are_left_to_the_model_but_comfort_is_flagged():
    from easyread.verify import assess

    source = "This may affect your ability to obtain credit elsewhere in the near future."
    verdict = assess([source], "This may make it harder for you to borrow money for a while.")
    assert not verdict.problems and verdict.undecided
    care = (
        "After the assessment, we will write to you within 20 working days to tell you whether you have eligible needs."
    )
    assert "invented" in kinds(care, "We will write to you within 20 working days with good news about your care.")

"""Rules that generalise beyond the labelled pairs: each on sentences written for this test, true and false cases."""

from easyread.verify import verify_sentence


def kinds(source, output, **kw):
    return [p.kind for p in verify_sentence([source], output, **kw)]


WARNING = "If you do not pay your council tax by 1 May 2026, we may ask the magistrates court for a liability order."


def test_a_warning_without_its_denied_condition_is_caught_even_with_may():
    assert "condition" in kinds(WARNING, "We may ask the magistrates court for a liability order.")
    assert "condition" in kinds(
        "Failure to return the form will mean your benefit could be stopped.", "Your benefit could be stopped."
    )


def test_a_warning_that_keeps_its_condition_or_points_back_to_it_passes():
    assert "condition" not in kinds(
        WARNING, "If you do not pay by 1 May 2026, we may ask the magistrates court for a liability order."
    )
    assert "condition" not in kinds(
        "If you do not keep to the agreement the Council may take legal action and this could result in you losing "
        "your home.",
        "This could mean you lose your home.",
    )


def test_a_request_from_us_is_an_order_so_need_not_reverses_it():
    assert "negation" in kinds(
        "We ask that you bring your medication to the clinic.", "You do not need to bring your medication."
    )
    assert "negation" in kinds("You are asked to bring photo ID.", "You do not need to bring photo ID.")
    assert (
        kinds("We ask that you bring your medication to the clinic.", "Please bring your medication to the clinic.")
        == []
    )


def test_you_may_ask_us_is_not_an_order():
    assert "modal" not in kinds(
        "You can ask us to send you a copy of the report.", "You can ask us for a copy of the report."
    )


def test_without_inside_failure_is_denied_once():
    source = "Failure to attend the appointment without telling us first may mean you are discharged."
    assert "negation" not in kinds(source, "If you do not come and do not tell us first, you may be discharged.")


def test_a_short_line_with_no_verb_for_a_letter_sentence_with_one_is_a_fragment():
    assert "fragment" in kinds("You must pay your rent by 1 May 2026.", "Your rent by 1 May 2026.")
    assert "fragment" in kinds("The agreement says that you must keep your garden tidy.", "The tenancy agreement.")


def test_a_label_line_or_an_order_read_as_a_name_is_not_a_fragment():
    assert "fragment" not in kinds("Your appointment is on 12 May 2026 at 10am.", "Your appointment: 12 May 2026.")
    assert "fragment" not in kinds(
        "To use the text relay service dial 18001 then 020 7946 0000.", "Dial 18001 then 020 7946 0000."
    )
    assert "fragment" not in kinds("Yours sincerely", "Yours sincerely")


APPOINTMENT = "Your appointment is on 12 May 2026. Please send the form back by 1 May 2026."


def test_a_date_swapped_onto_another_clause_is_a_moved_fact():
    assert "fact-moved" in kinds(APPOINTMENT, "Your appointment is on 1 May 2026.")
    assert "fact-moved" in kinds(
        "Your rent is £95.00 a week and your arrears are £1,240.00.", "Your rent is £1,240.00 a week."
    )


def test_each_date_kept_with_its_own_clause_passes():
    assert kinds(APPOINTMENT, "Your appointment is on 12 May 2026.") == []
    assert "fact-moved" not in kinds(APPOINTMENT, "Send the form back by 1 May 2026.")


def test_an_amount_makes_give_a_payment_so_its_direction_is_checked():
    assert "money" in kinds("You owe us £300.", "We will give you £300.")
    assert "money" not in kinds("We will give you £300 towards your moving costs.", "We will pay you £300.")


def test_done_for_to_be_done_is_caught():
    assert "invented" in kinds(
        "This letter confirms the agreement you have made to clear your arrears.", "Your arrears have been cleared."
    )
    assert "invented" in kinds("We will send you a new bill in May.", "We have sent you a new bill.")


def test_done_for_done_or_to_be_done_for_to_be_done_passes():
    assert kinds("We will send you a new bill in May.", "We will send you a new bill in May.") == []
    assert kinds("You have been sent a new bill.", "We have sent you a new bill.") == []
    assert kinds("You agreed to pay £10.00 a week.", "You said you would pay £10.00 a week.") == []


def test_not_unless_and_only_if_say_the_same():
    source = "We will not be able to help you unless you give us your bank statements."
    assert kinds(source, "We can only help you if you give us your bank statements.") == []
    assert "condition" in kinds(source, "We can help you.")


def test_a_clause_that_names_an_amount_does_not_say_who_pays():
    source = "The amount you have to pay depends on your income and savings."
    assert "money" not in kinds(source, "How much you pay depends on how much money you get and your savings.")
    assert "money" in kinds(source, "We will pay you money depending on your savings.")


def test_payments_are_made_is_paying_and_into_your_account_is_to_you():
    source = "Payments are made every two weeks directly into your bank account."
    assert kinds(source, "We pay the money into your bank account every 2 weeks.") == []
    assert "money" in kinds(source, "You pay us every 2 weeks from your bank account.")


def test_arrive_and_come_are_the_same_action_for_a_time():
    source = "You should arrive 15 minutes before your appointment time."
    assert kinds(source, "Please come 15 minutes before your appointment.") == []


def test_an_order_made_advice_or_a_welcome_is_a_modal_change():
    assert "modal" in kinds(
        "You must not drive for 24 hours after your procedure.", "You should not drive for 24 hours after it."
    )
    assert "modal" in kinds("You are required to attend the interview.", "You are welcome to attend the interview.")
    assert kinds("You must not drive for 24 hours after your procedure.", "Do not drive for 24 hours after it.") == []


def test_add_for_take_is_the_opposite():
    assert kinds("We will take £20 a week from your benefit.", "We will add £20 a week to your benefit.")
    assert kinds("We will take £20 a week from your benefit.", "We will take £20 a week off your benefit.") == []


def test_a_promised_action_on_a_thing_the_letter_never_names_is_invented():
    assert "invented" in kinds("We will repair your window.", "We will repair your window and paint your kitchen.")


def test_an_action_explained_in_other_words_or_one_that_happens_to_us_is_not_invented():
    source = "Emergencies can arise which may mean that your admission has to be rebooked."
    assert "invented" not in kinds(source, "Sometimes emergencies mean we have to change your date.")
    assert "invented" not in kinds("We will repair your window.", "We will fix your window.")


def test_entitled_to_a_thing_is_can_get_it():
    assert "negation" in kinds("You are not entitled to Housing Benefit.", "You can get Housing Benefit.")
    assert "modal" in kinds("You may be entitled to a Council Tax Reduction.", "You will get a Council Tax Reduction.")
    assert kinds("You are not entitled to Housing Benefit.", "You cannot get Housing Benefit.") == []
    assert kinds("You are eligible for free school meals.", "You can get free school meals.") == []

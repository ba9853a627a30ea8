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

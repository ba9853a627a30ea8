"""The meaning verifier's rules, one kind at a time: each catches its error and passes the faithful rewrite."""

import csv
from pathlib import Path

import pytest

from easyread.verify import assess, verify_sentence

OVERPAID = "Your new weekly earnings mean that you have been paid too much Housing Benefit."
REPAY = "We have decided that this overpayment is recoverable, which means you must pay it back."
LANDLORD = (
    "If we paid your Housing Benefit to your landlord, we can ask you or your landlord to pay back the overpayment."
)
INVOICE = "We will send you an invoice for the amount of the overpayment. You must pay the invoice within 14 days."


def kinds(sources, output, **kw):
    return [p.kind for p in verify_sentence(sources if isinstance(sources, list) else [sources], output, **kw)]


def test_money_direction_reversed_is_caught_and_named():
    problems = verify_sentence([OVERPAID], "If you pay more than you're entitled to, you'll have to pay it back.")
    money = [p for p in problems if p.kind == "money"]
    assert money and money[0].harmful
    assert "we pay you" in money[0].message and "this sentence says you pay" in money[0].message
    assert "money" in kinds(REPAY, "This difference should be returned to you.")
    assert "money" in kinds(
        "The council will refund the overpaid council tax to you within 10 working days.",
        "You must pay the council tax back to us within 10 working days.",
    )


def test_money_said_the_easy_read_way_is_not_flagged():
    assert kinds(OVERPAID, "We have paid you too much Housing Benefit.") == []
    assert kinds(REPAY, "You must pay back the overpayment.") == []
    assert (
        kinds(
            "The council will refund the overpaid council tax to you within 10 working days.",
            "We will pay the overpaid council tax back to you within 10 working days.",
        )
        == []
    )


def test_agent_reversed_is_caught():
    assert "agent" in kinds(LANDLORD, "If your landlord got the money, you can ask them to pay back the overpayment.")
    assert "agent" in kinds(
        "After the inspection, the surveyor will tell you what work is needed.",
        "After the inspection, you will tell the surveyor what work is needed.",
    )


def test_passive_to_active_and_we_for_the_council_are_not_agent_changes():
    assert kinds("The overpayment will be recovered by us.", "We will take back the overpayment.") == []
    assert kinds(LANDLORD, "We can ask you or your landlord to pay back the overpayment.") == []
    assert (
        kinds(
            "Westmoor District Council will write to you within 20 working days.",
            "We will write to you within 20 working days.",
        )
        == []
    )


def test_must_and_may_swapped_is_a_modal_problem():
    assert "modal" in kinds(
        "You must pay the amount shown within seven days of the date of this notice.",
        "You can pay within 7 days of the date of this letter.",
    )
    assert "modal" in kinds(
        "If paying back the overpayment this way would cause you hardship, please contact us and we "
        "may be able to agree a lower weekly amount.",
        "We will agree a lower weekly amount.",
    )
    assert (
        kinds(
            "You must pay the amount shown within seven days of the date of this notice.",
            "Pay within 7 days of the date of this letter.",
        )
        == []
    )  # an instruction is a must


def test_lost_negation_is_caught_and_need_not_is_not_must_not():
    assert "negation" in kinds("You do not need to be at home for the repair.", "You must be at home for the repair.")
    assert "negation" in kinds(
        "You do not need to be at home for the repair.", "You need to be at home for the repair."
    )
    assert kinds("You do not need to be at home for the repair.", "You do not have to be at home for the repair.") == []
    assert "modal" in kinds("You do not need to be at home for the repair.", "You must not be at home for the repair.")


def test_a_condition_stated_as_fact_is_caught():
    source = "If you need to change your appointment, phone us on 0161 496 0120."
    assert "condition" in kinds(source, "You need to change your appointment.")
    assert kinds(source, "Phone us on 0161 496 0120 if you need to change your appointment.") == []


def test_a_consequence_without_its_deadline_condition_is_caught_unless_asked_before():
    source = "If you pay the £142.50 by 10 March 2025, you can carry on paying by instalments as shown on your bill."
    assert "condition" in kinds(source, "You can carry on paying by instalments.")
    assert "condition" in kinds(source, "If you pay £142.50 by 10 March 2025.")  # an "if" left hanging
    assert (
        kinds(source, "You can carry on paying by instalments.", context="Can you pay £142.50 by 10 March 2025?") == []
    )


def test_a_question_for_the_letters_if_is_faithful():
    assert kinds("If you rent your home, you can get help with your rent.", "Do you rent your home?") == []


def test_a_deadline_moved_to_another_action_is_caught():
    assert "fact-moved" in kinds(INVOICE, "We will send you an invoice within 14 days.")
    moved = [
        p
        for p in verify_sentence([INVOICE], "You must do this within 14 days.", context="Tell us within one month.")
        if p.kind == "fact-moved"
    ]
    assert moved and "14 days" in moved[0].message
    assert kinds(INVOICE, "You must pay the invoice within 14 days.") == []
    # "do this" right after the action it stands for is the same action
    assert kinds(INVOICE, "You must do this within 14 days.", context="Please pay the invoice.") == []


def test_invented_reasons_comfort_and_facts_are_caught():
    source = "You must pay £142.50 by 10 March 2025."
    assert "invented" in kinds(source, "You must pay £142.50 by 10 March 2025 because the law says so.")
    assert "invented" in kinds(
        "Please make sure that an adult is at home for the whole appointment.",
        "Do not worry, the appointment is quick and easy.",
    )
    assert "invented" in kinds(source, "You must pay £150.00 by 10 March 2025.")
    assert kinds(source, "You must pay £142.50 by 10 March 2025.") == []


def test_glossary_explanations_support_their_words():
    from easyread.simplify.checking import load_default_glossary

    glossary = load_default_glossary()
    source = "The overpayment is £312.40 for the period from 6 January 2025 to 16 February 2025."
    explained = "An overpayment is money you were given that you should not have had."
    assert "invented" not in kinds(source, explained, glossary=glossary)


def test_garbled_fragments_are_caught():
    assert "fragment" in kinds("You must pay £142.50 by 10 March 2025.", "Pay £142.50 by the.")
    assert "fragment" in kinds(
        "If you cannot keep this appointment, please call us.", "Because you cannot keep this appointment."
    )
    assert "fragment" in kinds(
        "A social worker will visit you at home on Thursday 15 May 2025 at 2pm.",
        "A social worker at home Thursday 15 May.",
    )
    assert kinds("Phone: 0161 496 0120", "Phone: 0161 496 0120") == []


def test_problems_are_plain_messages_with_a_harm_flag():
    problem = verify_sentence(["You do not need to be at home."], "You need to be at home.")[0]
    assert problem.kind == "negation" and problem.harmful
    assert problem.message.startswith("The letter says") and "\n" not in problem.message


def test_what_the_rules_cannot_settle_is_left_undecided_not_passed():
    verdict = assess(["If you rent your home, you can get help with your rent."], "You can get help with your rent.")
    assert not verdict.problems and verdict.undecided


DEV = Path(__file__).with_name("dev_pairs.csv")


def test_own_dev_pairs_targets():
    """Our own small dev set (bench letters): harmful recall >= 90% and false alarms <= 10%."""
    with open(DEV, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    flagged = [bool(verify_sentence([r["letter_sentence"]], r["easy_read_sentence"])) for r in rows]
    harmful = [f for f, r in zip(flagged, rows) if r["label"] == "unfaithful"]
    faithful = [f for f, r in zip(flagged, rows) if r["label"] == "faithful"]
    assert sum(harmful) / len(harmful) >= 0.9
    assert sum(faithful) / len(faithful) <= 0.1


@pytest.mark.parametrize("sentence", ["", "   "])
def test_empty_output_has_no_problems(sentence):
    assert verify_sentence(["You must pay."], sentence) == []

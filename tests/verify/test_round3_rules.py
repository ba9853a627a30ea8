"""The third round of rules, one family at a time, on sentences written for these tests (not taken from the pairs):
each rule catches its error and lets the faithful rewrite beside it pass. The real-output cases at the end are the
model's own sentences from benchmarks/easyread_bench/real_letters/02 and 03 (issue 14's real-letter read)."""

from pathlib import Path

from easyread.verify import assess, verify_sentence

LETTERS = Path(__file__).resolve().parents[2] / "benchmarks" / "easyread_bench" / "real_letters"


def kinds(source, output, **kw):
    return [p.kind for p in verify_sentence([source], output, **kw)]


# Negation: "no" on a subject or object, "not" shared by "or", aspect verbs, purposes.
def test_no_on_the_subject_or_object_denies_the_verb():
    source = "If you pay the full amount, no further letters will be sent."
    assert "negation" in kinds(source, "If you pay the full amount, we will send more letters.")
    assert kinds(source, "If you pay the full amount, we will not send any more letters.") == []


def test_not_is_shared_by_verbs_joined_with_or():
    source = "If you do not reply or call us by 3 March 2026, your claim will be closed."
    assert kinds(source, "If you do not reply or call us by 3 March 2026, we will close your claim.") == []


def test_cannot_continue_to_is_a_cannot():
    assert kinds("You cannot continue to receive Carer's Allowance.", "You can no longer get Carer's Allowance.") == []


def test_important_that_you_do_is_an_order():
    source = "It is important that you attend the review meeting."
    assert "negation" in kinds(source, "You do not need to go to the review meeting.")


# Money: a bill asks for money, a letter moves none.
def test_a_bill_sent_to_you_is_money_you_pay():
    source = "You will be sent a bill for the repair costs."
    assert kinds(source, "We will send you a bill for the repairs.") == []
    assert "money" in kinds(source, "We will send you the money for the repair costs.")


# Conditions: the consequence alone, found on words; the condition without the consequence.
def test_a_consequence_said_with_another_verb_still_needs_its_condition():
    source = "If you do not keep to the payment plan, your case will be restored back to court."
    assert "condition" in kinds(source, "Your case will go back to court.")
    assert "condition" not in kinds(source, "If you do not keep to the plan, your case will go back to court.")


def test_an_offer_without_the_readers_situation_is_left_to_the_model():
    source = "If you are struggling with your bills, please talk to our money advice team."
    verdict = assess([source], "Please talk to our money advice team.")
    assert not verdict.problems and any(k == "condition" for k, _ in verdict.undecided)


def test_a_condition_kept_without_what_happens_then_is_caught():
    source = "If your income goes down or if you lose your job, you should tell the benefits team straight away."
    assert "condition" in kinds(source, "If your income goes down or you lose your job.")
    assert "condition" not in kinds(source, "If your income goes down, tell the benefits team straight away.")


# Agent: roles swapped, whoever the parties are; the one it is done to changed.
def test_doer_and_done_to_changing_places_is_caught_for_any_party():
    source = "You should write to the Planning Inspectorate within six weeks."
    assert "agent" in kinds(source, "The Planning Inspectorate will write to you within six weeks.")
    assert "agent" not in kinds(source, "Write to the Planning Inspectorate within six weeks.")


def test_a_thing_swapped_for_what_comes_of_it_is_caught():
    source = "A copy of this notice may be shown to the tribunal as evidence for a penalty against you."
    assert "agent" in kinds(source, "The penalty can be shown to the tribunal.")
    assert "agent" not in kinds(source, "We may show this notice to the tribunal.")


# Modal: the main clauses compared when the verbs differ.
def test_a_requirement_said_as_a_possibility_with_another_verb_is_caught():
    source = "You will be required to be at the clinic by 8am."
    assert "modal" in kinds(source, "You can arrive at the clinic any time after 8am.")


# Facts: a rate moved, "instead of", the amount said of a thing the letter does not name.
def test_an_amount_given_another_amounts_rate_is_caught():
    source = "You owe £900.00 in total, to be paid at £25.00 a week on top of your rent."
    assert "fact-moved" in kinds(source, "You must pay £900.00 a week.")
    assert "fact-moved" in kinds(source, "You must pay £25.00 a week instead of your rent.")
    assert kinds(source, "You must pay £25.00 a week as well as your rent.") == []


def test_an_amount_said_of_a_thing_the_sentence_does_not_name_is_caught():
    source = "Your service charge is £42.10 a month."
    assert "fact-moved" in kinds(source, "Your council tax is £42.10 a month.")
    assert kinds(source, "Your service charge is £42.10 each month.") == []


# Fragments found against the letter.
def test_a_sentence_cut_where_the_letter_gives_its_date_or_goes_on_is_caught():
    source = "The form must be returned on or before 30 April 2026."
    assert "fragment" in kinds(source, "The form must be returned on or before.")
    assert "fragment" in kinds("Paying late will result in you being charged a fee.", "Paying late will result in.")
    assert "fragment" not in kinds(source, "Send the form back by 30 April 2026.")


def test_a_sentence_with_nothing_to_act_on_or_a_lost_object_is_caught():
    assert "fragment" in kinds("Please send us your bank statements.", "You need to do something.")
    source = "You may be able to get one of the grants the Council has set up to help carers."
    assert "fragment" in kinds(source, "The Council has set up to help carers.")


# The model's own errors on real letters 02 and 03 (issue 14's real-letter read); the letter sentences are verbatim.
def _letter_sentence(name, start):
    from easyread.documents.read import read_document

    return next(s.text for s in read_document(LETTERS / name).sentences() if s.text.startswith(start))


def test_real_output_proof_of_permission_rewritten_as_telling_someone():
    source = _letter_sentence("03_hackney_repayment_agreement.txt", "To ensure confidentiality")
    assert verify_sentence([source], "We will ask for proof that you have told someone you can trust about your money.")
    assert not verify_sentence(
        [source], "We will ask for proof that you gave them permission to discuss your account with us."
    )


def test_real_output_friend_or_carer_who_helps_you_made_our_friend():
    source = _letter_sentence("02_hackney_rent_arrears_second.txt", "Through someone who helps you")
    assert "agent" in kinds(source, "We have a friend who helps us.")


def test_real_output_letter_used_for_an_order_reversed():
    source = _letter_sentence("03_hackney_repayment_agreement.txt", "A copy of this letter may be presented")
    assert verify_sentence([source], "This order can be used to take legal action against you.")


def test_real_output_condition_without_its_consequence():
    source = _letter_sentence("03_hackney_repayment_agreement.txt", "If your financial circumstances change")
    assert "condition" in kinds(source, "If your financial situation changes or you can't pay the agreed amounts.")
    assert "condition" not in kinds(
        source, "If your money situation changes or you cannot pay, contact this office straight away."
    )

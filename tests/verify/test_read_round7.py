"""Round 7: faithful real model lines the verifier rejected (issue 14, the `drafts` split of the meaning pairs),
one test per cause, each beside an unfaithful sibling of the same shape that must still be flagged. The letter
sentences are verbatim from benchmarks/easyread_bench/real_letters; the faithful lines are the model's own.
Checked with the default glossary, as the pipeline checks them."""

from pathlib import Path

import pytest

from easyread.verify.rules import assess

LETTERS = Path(__file__).resolve().parents[2] / "benchmarks" / "easyread_bench" / "real_letters"


def kinds(source, output, glossary, context=""):
    return [p.kind for p in assess([source], output, glossary=glossary, context=context).problems]


HELP = (
    "We can help you if you are struggling financially by either telling you about benefits you might be entitled "
    "to, referring you for budgeting support or debt advice or making an affordable repayment agreement."
)
SHOW = (
    "You must however be able to show that you looked into the support available, claimed all the benefits to which "
    "you are entitled, and have taken any appropriate advice which is freely available."
)
LOOP = (
    "If you would like Braille, British Sign Language, a hearing loop, translations, large print, audio or something "
    "else please tell us using the phone number at the top of this letter."
)

HEARING = "A Court Hearing date has been set for 2 June 2026 at 10.30am."
SETTLE = (
    "We ask that you settle the outstanding debt within 30 days of this letter to avoid the matter being referred to "
    "our solicitors for debt recovery action to be taken."
)
INSTALMENTS = (
    "The Court has decided that you must pay the Council the total amount of £3,460.72 by instalments of £20.00 per "
    "week in addition to your current rent."
)
RESTORED = "If you do not keep to the terms as ordered by the Court, your case will be restored back to Court."
FAILED = "You have failed to keep to the terms of the Court Order granted on 9 October 2025."
EIGHT = "You must come in for 8am so that we can make sure you are fully prepared for your procedure on time."

WRITING = (
    "We are writing to you as your non-payment of service charges and ground rent totalling £1,876.35 is a breach of "
    "these terms."
)
NOT_PAY = "What will happen if I don’t pay the outstanding service charges?"

CHANGE = (
    "If your financial circumstances change or if you are unable to pay the agreed amounts you should contact this "
    "office immediately."
)
WHILE = (
    "While we are unable to offer you an appointment at this time, if your condition gets worse, please contact us so "
    "we can make sure you receive the care you need."
)

KIT = "We would therefore like to invite you to receive the home testing kit – called a FIT kit."
FIT = "While waiting for your appointment it is important that you keep as fit and active as you can."
ADVICE = "You should contact the Housing Needs Section for further advice on what might happen if you are evicted."
PLAN = (
    "If you are unable to settle your account in full and would like to discuss your arrears or to arrange an "
    "instalment plan, please contact our Leasehold Services team on 020 8356 2299."
)
INFORMATION = "We will ask you some information including:"
RESOURCES = (
    "We encourage you to explore the resources listed at the end of this letter to help you manage your condition."
)
THIRD = (
    "Through a third party such as a family member, friend, carer, or an advice agency such as the Citizens Advice "
    "Bureau."
)
DO_SO = "If you are unable to do so, it is essential you contact us immediately in one of the following ways."
RELIST = (
    "If you fail to make contact, I will apply for the case to be re-listed in court where the Council will be "
    "seeking a Possession Order, and this could result in you losing your home."
)
REBOOK = (
    "Whilst every effort will be made to ensure that beds are available for waiting list cases, emergencies can arise "
    "which may mean that your admission has to be rebooked."
)

SENTENCES = [
    HELP, SHOW, LOOP, HEARING, SETTLE, INSTALMENTS, RESTORED, FAILED, EIGHT, WRITING, NOT_PAY, CHANGE, WHILE, KIT, FIT, REBOOK, ADVICE, PLAN, INFORMATION, RESOURCES, THIRD, DO_SO, RELIST
]  # fmt: skip


def test_the_letter_sentences_are_verbatim():
    text = " ".join(p.read_text(encoding="utf-8") for p in LETTERS.glob("*.txt")).replace("\n", " ")
    text = " ".join(text.split())
    assert [s for s in SENTENCES if s not in text] == []


@pytest.mark.parametrize(
    "line",
    ["We can tell you about benefits you might be entitled to.", "You must claim all benefits you are entitled to."],
)
def test_a_relative_clause_may_end_on_its_preposition(line, glossary):
    # fragments: "benefits you might be entitled to" ends well; the noun before the clause is what "to" governs
    source = HELP if line.startswith("We") else SHOW
    assert kinds(source, line, glossary) == []


@pytest.mark.parametrize(
    "line",
    [
        "We can tell you about the benefits of.",
        "A hearing loop is a device that helps people who are deaf or hard of.",
        "Please tell us about the benefits you are entitled to and.",
    ],
)
def test_a_preposition_left_without_its_object_is_still_cut_off(line, glossary):
    assert "fragment" in kinds(LOOP if "loop" in line else HELP, line, glossary)


@pytest.mark.parametrize(
    "line",
    [
        "We can help you by making an affordable repayment agreement.",
        "We can also help you by making an affordable repayment agreement.",
        "We can make an affordable repayment agreement.",
        "We can refer you for debt advice.",
    ],
)
def test_how_we_help_is_not_part_of_the_condition_and_an_agreement_is_not_a_payment(line, glossary):
    # frames: the parse hangs "by telling you ..., referring you ... or making ..." on "if you are struggling", and
    # "make a repayment agreement" was read as "make a repayment"
    assert kinds(HELP, line, glossary) == []


@pytest.mark.parametrize(
    "line",
    [
        "We will pay you back.",
        "We can make a repayment to you.",
        "You can tell us about benefits you might be entitled to.",
        "You must make an affordable repayment agreement.",
    ],
)
def test_who_pays_and_who_helps_are_still_checked(line, glossary):
    assert kinds(HELP, line, glossary) != []


@pytest.mark.parametrize(
    "source, line",
    [
        (HEARING, "A hearing is scheduled for 2 June 2026 at 10:30am."),
        (SETTLE, "We need you to pay the debt within 30 days."),
        (INSTALMENTS, "Each installment is £20.00."),
        (RESTORED, "If you do not follow the Court's rules, your case will be returned to the court."),
        (FAILED, "You did not follow the rules of the court order."),
        (EIGHT, "This is important because we need to make sure you are ready for your surgery."),
    ],
)
def test_the_letters_words_said_in_other_words(source, line, glossary):
    # verbs: settle is paying, set is scheduled; related: instalment/installment, terms/rules, prepared/ready
    assert kinds(source, line, glossary) == []


@pytest.mark.parametrize(
    "source, line",
    [
        (HEARING, "You must pay by 2 June 2026."),
        (SETTLE, "We will pay you back within 30 days."),
        (INSTALMENTS, "Each bill is £20.00."),
        (RESTORED, "If you do not pay your bills, your case will be returned to the court."),
        (FAILED, "You did not pay the rent."),
        (EIGHT, "This is important because we need to check your blood."),
    ],
)
def test_other_words_the_letter_does_not_use_are_still_caught(source, line, glossary):
    assert kinds(source, line, glossary) != []


@pytest.mark.parametrize(
    "line",
    ["We are writing to you because you owe us £1,876.35.", "This is because you have not paid your service charges."],
)
def test_the_letters_as_reason_may_be_said_with_because(line, glossary):
    # reasons: "as your non-payment ... is a breach" is parsed with "as" a preposition; it gives a reason all the same
    assert kinds(WRITING, line, glossary) == []


@pytest.mark.parametrize(
    "line",
    ["We are writing because your service charges have gone up to £1,876.35.", "This is because we want to help you."],
)
def test_another_reason_than_the_letters_as_reason_is_still_invented(line, glossary):
    assert "invented" in kinds(WRITING, line, glossary)


def test_a_question_headings_i_is_the_reader(glossary):
    # arguments: "What will happen if I don't pay ...?" is the resident's question, so "I" is "you"
    assert kinds(NOT_PAY, "If you don’t pay the outstanding service charges, what will happen?", glossary) == []
    assert "money" in kinds(NOT_PAY, "If we don't pay you the service charges, what will happen?", glossary)
    assert kinds("Why have I been sent this bill?", "Why have you been sent this bill?", glossary) == []
    assert "money" in kinds("Why have I been sent this bill?", "Why have we been sent this bill?", glossary)


def test_an_order_after_the_if_part_is_what_happens_then(glossary):
    # additions.no_main_clause: the parse reads "changes" as a noun and hangs the "if" on "contact"
    assert kinds(CHANGE, "If your financial situation changes, contact us.", glossary) == []
    assert "fragment" in kinds(CHANGE, "If your financial situation changes, the office.", glossary)
    assert "fragment" in kinds(CHANGE, "If your financial situation changes.", glossary)


@pytest.mark.parametrize(
    "line", ["We can't give you an appointment right now.", "We can't schedule an appointment now."]
)
def test_a_while_part_is_not_governed_by_the_if_beside_it(line, glossary):
    # frames and conditions: "While we are unable to offer you an appointment" states a fact of its own
    assert kinds(WHILE, line, glossary) == []


def test_what_the_if_governs_still_needs_it(glossary):
    assert "condition" in kinds(WHILE, "We will make sure you receive the care you need.", glossary)


def test_a_dates_month_is_the_date_not_a_thing_it_is_for(glossary):
    # facts_moved._label_fact_moved: "June" is part of "2 June 2026"
    assert kinds("On 02/06/2026.At 10am.", "On 2 June 2026.", glossary) == []
    assert "fact-moved" in kinds("On 02/06/2026.At 10am.", "Your operation is on 2 June 2026.", glossary)


def test_the_one_invited_to_act_is_the_one_who_acts(glossary):
    # arguments.subject_of: "invite you to receive" is you receiving, as "ask you to get" is
    assert kinds(KIT, "We would like to ask you to get the home testing kit.", glossary) == []
    assert "agent" in kinds(KIT, "We would like to get the home testing kit.", glossary)


@pytest.mark.parametrize(
    "source, line",
    [
        (FIT, "You should keep yourself healthy and active while waiting."),
        (REBOOK, "However, emergencies might require rebooking."),
        (REBOOK, "However, emergencies might require us to rebook your admission."),
    ],
)
def test_an_order_may_be_said_as_the_letter_weighs_it(source, line, glossary):
    # modality.also_said: "important that you" may be "should"; "may mean that it has to be" may be "might"
    assert kinds(source, line, glossary) == []


@pytest.mark.parametrize(
    "source, line",
    [
        (FIT, "You may keep active."),
        ("It is essential that you bring your medication.", "You should bring your medication."),
        (REBOOK, "Your admission will not be rebooked."),
    ],
)
def test_an_order_made_a_choice_or_denied_is_still_caught(source, line, glossary):
    assert kinds(source, line, glossary) != []


def test_an_if_inside_a_question_governs_only_the_question(glossary):
    # conditions._condition_spans: "advice on what might happen if you are evicted" is a topic, not a condition on
    # contacting the Housing Needs Section
    assert kinds(ADVICE, "You should contact the Housing Needs Section for more information.", glossary) == []
    assert "condition" in kinds(ADVICE, "You may be evicted.", glossary)


def test_a_question_the_letter_offers_to_answer_may_say_will_for_might(glossary):
    # modality.also_said: "what might happen" and "what will happen" ask the same question
    assert kinds(ADVICE, "They can help you understand what will happen if you are evicted.", glossary) == []
    assert "negation" in kinds(ADVICE, "They can tell you what will not happen if you are evicted.", glossary)


@pytest.mark.parametrize(
    "line", ["You can also arrange an instalment plan.", "They can also help you arrange an instalment plan."]
)
def test_what_the_reader_would_like_to_do_may_be_said_as_what_they_can_do(line, glossary):
    # conditions.condition_checks: "if you ... would like to ... arrange an instalment plan" is an option
    assert kinds(PLAN, line, glossary) == []


@pytest.mark.parametrize(
    "line", ["You must arrange an instalment plan.", "They will make you arrange an instalment plan."]
)
def test_an_option_made_an_order_still_needs_its_condition(line, glossary):
    assert "condition" in kinds(PLAN, line, glossary)


@pytest.mark.parametrize(
    "source, line",
    [
        (INFORMATION, "We will ask you for additional information."),
        (RESOURCES, "You can find useful resources there."),
    ],
)
def test_additional_and_useful_do_not_narrow_the_letters_noun(source, line, glossary):
    # additions.qualifier_added
    assert kinds(source, line, glossary) == []


@pytest.mark.parametrize(
    "source, line",
    [
        (THIRD, "You can get help from a family member, friend, or a paid carer."),
        (RESOURCES, "You can find free resources there."),
    ],
)
def test_a_qualifier_that_narrows_is_still_caught(source, line, glossary):
    assert "invented" in kinds(source, line, glossary)


def test_the_letters_do_so_may_be_said_as_the_payment_it_stands_for(glossary):
    # parties._done_so: "If you are unable to do so" (pay, said in the sentence before)
    assert kinds(DO_SO, "If you can't pay, contact us right away.", glossary) == []
    assert "money" in kinds(DO_SO, "You must pay right away.", glossary)
    assert "money" in kinds(DO_SO, "If we can't pay you, contact us right away.", glossary)


def test_making_contact_is_contacting_not_making_someone_do_something(glossary):
    # frames: "fail to make contact" is the contact group, so "make you leave" is not matched with it
    assert kinds(RELIST, "If you don't contact us, we'll ask the court to make you leave your home.", glossary) == []
    assert "negation" in kinds(
        RELIST, "If you contact us, we will ask the court to make you leave your home.", glossary
    )


def test_a_dates_month_and_a_linking_however_are_not_new_words():
    # unsupported.unsupported_words: these lines went to the model (or were marked) as "does not use the word"
    from easyread.verify.findings import read
    from easyread.verify.unsupported import unsupported_words

    assert unsupported_words(read("On 2 June 2026."), ["On 02/06/2026.At 10am."]) == []
    assert unsupported_words(read("However, emergencies might require rebooking."), [REBOOK]) == []
    assert [w for w, _ in unsupported_words(read("On 2 June 2026, bring your passport."), ["On 02/06/2026."])] == [
        "passport"
    ]


def test_a_list_lead_in_may_say_the_judge_made_a_decision(glossary):
    # additions.lead_in_changed: "decision" only points at the list that follows, as "the following" does
    granted = "At the court hearing on 2 June 2026 the judge granted the following:"
    assert kinds(granted, "On 2 June 2026, the judge made a decision.", glossary) == []
    assert "invented" in kinds(granted, "On 2 June 2026, the judge made an eviction order.", glossary)

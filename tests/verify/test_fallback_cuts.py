"""The fallback's phrase cuts on sentences of the real letters (benchmarks/easyread_bench/real_letters and the
holdout letters): each piece is the letter's words, at 15 words or fewer where promised, and passes the meaning
rules; and the cuts that would lose a condition, a limit, a negation or who does what are not made."""

import pytest

from easyread.checks.facts import compare_facts
from easyread.simplify.checking import load_default_glossary
from easyread.verify import assess
from easyread.verify import clause_cuts as cc
from easyread.verify import phrase_cuts as pc
from easyread.verify import result_cuts as rc
from easyread.verify.cuts import answer, question, split_clauses, steps
from easyread.verify.fallback import _faithful, conservative, shorten

# Letter sentence → what the fallback makes of it (glossary explanations left out).
CUT = {
    # Hackney letter 04: "in the event" asked first, then the "to" purpose on its own; the letter's own "Court
    # Order Order" is not taken for a garbled cut.
    (
        "A copy of this letter may be presented in court to form the basis of a Court Order Order against you in "
        "the event the Council commences legal proceedings against you."
    ): [
        "Does the Council commence legal proceedings against you?",
        "Then a copy of this letter may be presented in court.",
        "This is to form the basis of a Court Order Order against you.",
    ],
    # Hackney letter 01: a list of what you must show, one sentence per item, the words before it repeated.
    (
        "You must however be able to show that you looked into the support available, claimed all the benefits to "
        "which you are entitled, and have taken any appropriate advice which is freely available."
    ): [
        "You must however be able to show that you looked into the support available.",
        "You must however be able to show that you claimed all the benefits to which you are entitled.",
        "You must however be able to show that you have taken any appropriate advice which is freely available.",
    ],
    # Hackney letter 06: two ways to get in touch.
    (
        "Please contact me as soon as possible via email: income.services@hackney.gov.uk or telephone to speak to "
        "an Officer on 020 8356 3100."
    ): [
        "Please contact me as soon as possible via email: income.services@hackney.gov.uk.",
        "Or telephone to speak to an Officer on 020 8356 3100.",
    ],
    # Hackney letter 06: the purpose on its own, then its two verbs ("maximise ... and access ...") one each; the
    # first piece ends where a clause of the letter ends ("entitled to and"), so it is not cut off.
    (
        "They can offer advice and support to help you maximise your income by looking at benefits you may be "
        "entitled to and access other financial support."
    ): [
        "They can offer advice and support.",
        "This is to help you maximise your income by looking at benefits you may be entitled to.",
        "This is to help you access other financial support.",
    ],
    # A fronted purpose said after what it is for.
    (
        "To ensure confidentiality, we will ask for proof that you have given them permission to discuss your "
        "account with us."
    ): [
        "We will ask for proof that you have given them permission to discuss your account with us.",
        "This is to ensure confidentiality.",
    ],
    "To pay by debit or credit card over the phone please call 020 8356 2299 between 9am and 5pm Monday to Friday.": [
        "Please call 020 8356 2299 between 9am and 5pm Monday to Friday.",
        "This is to pay by debit or credit card over the phone.",
    ],
    # NHS outpatient letter.
    "While waiting for your appointment it is important that you keep as fit and active as you can.": [
        "Please keep as fit and active as you can while waiting for your appointment."
    ],
    # DWP letter: the textphone number is said with the action, and first, so its condition stays with it.
    "You make your claim by calling 0800 917 2222 (0800 917 7777 if using a textphone).": [
        "You make your claim by calling 0800 917 7777 if using a textphone.",
        "You make your claim by calling 0800 917 2222.",
    ],
    # Hackney letter 01: "if you can demonstrate that ..." asked first ("Covid-19" is a name, not a number).
    (
        "We will not escalate any case to Court if you can demonstrate that your arrears have accrued as a result "
        "of the impact of Covid-19 on your finances."
    ): [
        "Can you demonstrate that your arrears have accrued as a result of the impact of Covid-19 on your finances?",
        "Then we will not escalate any case to Court.",
    ],
    # Holdout letter (council tax reminder): a "which" clause after a comma says its noun again.
    (
        "You must pay the amount shown on the Reminder Notice within seven days of its issue date, which appears at "
        "the top of the notice."
    ): [
        "You must pay the amount shown on the Reminder Notice within seven days of its issue date.",
        "This date appears at the top of the notice.",
    ],
    # Holdout letter (notice seeking possession): a bracketed order becomes its own sentence.
    "The order must be based on one of the Grounds which are set out in the 1985 Act (see paragraphs 3 and 4 below).": [
        "The order must be based on one of the Grounds which are set out in the 1985 Act.",
        "See paragraphs 3 and 4 below.",
    ],
    # Hackney letter 08 (stop 25): "Our records show" says nothing of its own, and a "which is a ..." naming what
    # the clause amounts to is a sentence of its own.
    (
        "Our records show you have not paid your service charges and ground rent amounting to £1,876.35 which is a "
        "breach of your lease."
    ): [
        "You have not paid your service charges and ground rent amounting to £1,876.35.",
        "This is a breach of your lease.",
    ],
    # Hackney letter 08: "writing to you as ..." gives the reason for writing.
    (
        "We are writing to you as your non-payment of service charges and ground rent totalling £1,876.35 is a "
        "breach of these terms."
    ): [
        "We are writing to you.",
        "This is because your non-payment of service charges and ground rent totalling £1,876.35 is a breach of "
        "these terms.",
    ],
    # Hackney letters 02 and 03: lead-ins one after another.
    (
        "However, we know that the coronavirus pandemic has had a direct impact on many people in Hackney, including "
        "financially."
    ): ["The coronavirus pandemic has had a direct impact on many people in Hackney, including financially."],
    "According to my records you haven’t paid your repayment agreement, which you made on 12 January 2026.": [
        "You haven’t paid your repayment agreement, which you made on 12 January 2026."
    ],
}

# The pieces of these are all at 15 words or fewer.
SHORT = [k for k, v in CUT.items() if all(len(p.split()) <= 15 for p in v)]


@pytest.mark.parametrize("source", list(CUT))
def test_real_letter_sentences_are_cut_into_faithful_pieces(source, glossary):
    out = [line for line in conservative([source], glossary) if '" means: ' not in line]
    assert out == CUT[source]
    # The fallback's gate: the meaning rules, each piece with the ones before it as context (a slip of the
    # letter's own, "Court Order Order", is not a garbled cut).
    assert _faithful(source, out, glossary)
    comparison = compare_facts(source, " ".join(out))
    assert not comparison.lost and not comparison.invented, comparison.to_dict()


def test_most_of_the_cut_sentences_come_out_at_15_words_or_fewer():
    assert len(SHORT) >= 5
    for source in SHORT:
        assert all(len(p.split()) <= 15 for p in shorten(source, load_default_glossary()))


def test_a_result_so_is_not_read_as_a_purpose():
    # Hackney letter 01: "... their current rent so we will not escalate ..." is "and because of that".
    pieces = list(steps("They were not able to pay their current rent so we will not escalate any case to the Court."))
    assert ["They were not able to pay their current rent.", "So we will not escalate any case to the Court."] in pieces
    assert not any(p.startswith("This is so we will") for cut in pieces for p in cut)


def test_a_purpose_so_that_is_still_a_purpose():
    assert list(steps("Please call us on 020 8356 3100 today so we can help you with your rent."))[0] == [
        "Please call us on 020 8356 3100 today.",
        "This is so we can help you with your rent.",
    ]


def test_a_question_is_made_from_a_regular_verb_the_word_lists_do_not_know():
    assert question("the Council commences legal proceedings against you") == (
        "Does the Council commence legal proceedings against you?"
    )
    assert question("the landlord applies for a court order") == "Does the landlord apply for a court order?"


# Cuts that must NOT be made, each with the reason.
NOT_CUT = {
    # Alternatives: "pay or send" is not "pay. send."
    "list with or": ("You must pay the full amount or send us the form by 4 June 2026.", pc._verb_list),
    # One negation over the whole list.
    "negated list": ("You must not sublet your home, keep a dog or run a business from it.", pc._verb_list),
    # The first verb's object is the last one's.
    "shared object": ("Please complete and return the enclosed forms to us in the envelope.", pc._verb_list),
    # The way after the last item may belong to both: "view ... by visiting our website" too.
    "shared way": (
        "You can view your rent account and make a payment at any time by visiting our website.",
        pc._verb_list,
    ),
    # An amount said with each item reads as paid twice.
    "amount repeated": (
        "You need to pay £60.00 immediately to bring your agreement back to the agreed amount, and to prevent any "
        "further action being taken against you.",
        pc._verb_list,
    ),
    # "so please do read it" is not a second item of the letter's list.
    "so please": (
        "The appointment letter may also contain specific instructions on what to bring, so please do read it "
        "carefully.",
        pc._verb_list,
    ),
    # A condition would not reach each item.
    "condition over a list": (
        "If you are evicted we will end your tenancy, take back the keys and keep your deposit.",
        pc._verb_list,
    ),
    # A restrictive "that" clause: cut, the first piece would say the letters went to all residents.
    "restrictive that": (
        "Rent change letters were posted to all residents that rent a residential property, garage, mobile home "
        "plot or mobility scooter store space from the Council.",
        pc._relative,
    ),
    # "anyone else who is part of your household": a limit, and under a condition.
    "limited who": (
        "If you are evicted from your home the Council may not provide you and anyone else who is part of your "
        "household with other accommodation.",
        pc._relative,
    ),
    # "In order that X, ensuring Y, and Z": no main clause after any comma.
    "purpose without a main clause": (
        "In order that we can plan your admission /stay, ensuring it is efficient as possible, and you are "
        "medically fit for day surgery.",
        pc._fronted_purpose,
    ),
    # "I am writing to ask": "So I am writing." would say nothing.
    "writing to ask": (
        "So I am writing to ask whether there is anything we can do to support you during this difficult time.",
        pc._infinitive_purpose,
    ),
    # "... or telephone to speak to an Officer": the purpose is the telephone's, not the email's.
    "purpose of one alternative": (
        "Please contact me as soon as possible via email: income.services@hackney.gov.uk or telephone to speak to "
        "an Officer on 020 8356 3100.",
        pc._infinitive_purpose,
    ),
    # "it is important that you do not ...": not a plain request; "Please do not" is left to the model.
    "important not": ("It is important that you do not stop taking your tablets before the operation.", pc._important),
    # A time in brackets belongs to the number before it.
    "time aside": (
        "Please contact us on 020 0000 0000 (Monday to Friday, 9am to 5pm) about your appointment next week.",
        pc._aside,
    ),
    # A contact route only when the sentence is about getting in touch.
    "or after a non-contact verb": (
        "You may lose your home or go to court if you do not pay the rent.",
        pc._contact_or,
    ),
}


@pytest.mark.parametrize("name", list(NOT_CUT))
def test_cuts_that_would_change_the_meaning_are_not_made(name):
    sentence, cut = NOT_CUT[name]
    assert cut(sentence) is None


def test_in_case_is_a_precaution_not_a_condition():
    # "Bring your letter in case we need it" asked as "Do we need it?" would read as "only if".
    assert pc._event("Please bring this letter with you to the ward in case we need to check your details.") == [
        "Please bring this letter with you to the ward.",
        "This is in case we need to check your details.",
    ]


def test_a_cut_the_meaning_rules_reject_is_skipped_and_the_next_one_tried(monkeypatch, glossary):
    # The aside's main sentence first loses the letter's "if using a textphone" (the rules say so); the same
    # pieces the other way round are kept.
    source = "You make your claim by calling 0800 917 2222 (0800 917 7777 if using a textphone)."
    first = pc._aside(source)
    assert first[0] == "You make your claim by calling 0800 917 2222."
    assert assess([source], first[0], glossary=glossary).problems
    assert shorten(source, glossary) == first[::-1]


# The condition said with each thing that then happens (holdout letter: a penalty charge notice; Hackney letter 03).
EACH = {
    (
        "If you do not pay the charge, it is registered as a debt in the County Court and a court fee is added and a "
        "Notice of Debt Registration is sent."
    ): [
        # The condition asked once (result_cuts._one_condition), "If not" said with each thing that then happens.
        "Do you pay the charge?",
        "If not, it is registered as a debt in the County Court.",
        "If not, a court fee is added.",
        "If not, a Notice of Debt Registration is sent.",
    ],
    (
        "If you do not keep to a repayment agreement to repay your arrears the Council may take legal action against "
        "you and this could result in you losing your home."
    ): [
        "Do you keep to a repayment agreement to repay your arrears?",
        "If not, the Council may take legal action against you.",
        "This could result in you losing your home.",
    ],
}


@pytest.mark.parametrize("source", list(EACH))
def test_a_condition_is_said_with_each_of_its_consequences(source, glossary):
    out = [line for line in conservative([source], glossary) if '" means: ' not in line]
    assert out == EACH[source]
    assert _faithful(source, out, glossary)
    assert all(len(p.split()) <= 15 for p in out)


def test_a_condition_is_not_said_with_alternatives_or_a_second_condition():
    from easyread.verify.cuts import _each_consequence

    # "or": the council does one of them, not each.
    assert _each_consequence("If you do not pay, we will take you to court or we will send the bailiffs.") is None
    # "but": two sentences with the condition would lose the contrast.
    assert _each_consequence("If you pay today, the fee is cancelled but the court costs remain on your bill.") is None
    # A second condition in the consequence: which part it governs is not clear.
    assert (
        _each_consequence("If you do not pay, we will write to you and if you still do not pay we will go to court.")
        is None
    )
    # "a debt and a fee" is a list of things, not two clauses.
    assert _each_consequence("If you do not pay, we will add a court fee and a charge for the summons.") is None


def test_a_to_purpose_after_what_the_letter_asks_is_its_own_sentence():
    source = (
        "We ask that you settle the outstanding debt within 30 days of this letter to avoid the matter being "
        "referred to our solicitors for debt recovery action to be taken."
    )
    assert pc._infinitive_purpose(source) == [
        "We ask that you settle the outstanding debt within 30 days of this letter.",
        "This is to avoid the matter being referred to our solicitors for debt recovery action to be taken.",
    ]


def test_a_request_keeps_its_purpose_when_that_is_short_enough(glossary):
    # "Please attend ... to explain" (13 words) rather than a "This is to explain" of its own.
    source = "It is important that you attend the Court Hearing to explain your circumstances to the Judge."
    assert shorten(source, glossary) == ["Please attend the Court Hearing to explain your circumstances to the Judge."]


def test_a_which_clause_goes_with_the_noun_its_verb_agrees_with():
    # "seven days of its issue date, which appears": the date, not the days.
    source = "You must pay within seven days of its issue date, which appears at the top of the notice."
    assert pc._relative(source)[1] == "This date appears at the top of the notice."
    # "a Notice of Seeking Possession, which is ...": either noun could be meant, so no cut.
    assert (
        pc._relative("We may then send you a Notice of Seeking Possession, which is the first step to eviction.")
        is None
    )


def test_a_piece_the_parser_reads_without_a_verb_is_not_excused_for_ending_as_the_letter_ends(glossary):
    # "the charge increases by 50 percent" read as a noun phrase: flagged, so the cut is not kept; the end-of-sentence
    # exemption is only for a piece that "stops at" the letter's own last word.
    source = "If you do nothing, a Charge Certificate will be sent and the charge increases by 50 percent."
    assert not _faithful(
        source,
        [
            "If you do nothing, a Charge Certificate will be sent.",
            "If you do nothing, the charge increases by 50 percent.",
        ],
        glossary,
    )


def test_a_reason_at_the_end_is_its_own_sentence():
    # Holdout letter (charge certificate).
    source = (
        "We are now sending you this charge certificate because you did not respond to the Enforcement Notice, and "
        "the charge has not been paid."
    )
    assert conservative([source]) == [
        "We are now sending you this charge certificate.",
        # The reason's two clauses cut apart, each with its link (`linked_cuts`, test_fallback_cuts7.py).
        "This is because you did not respond to the Enforcement Notice.",
        "This is because the charge has not been paid.",
    ]
    # "We did not X because Y" may deny the reason, not the action: no cut.
    assert pc._because("We did not close your account because you paid late last year.") is None


def test_the_way_to_do_something_is_its_own_sentence_with_the_same_doer(glossary):
    # Holdout letter (outpatient appointment).
    source = (
        "If you need a face-to-face interpreter please let us know at least seven days in advance by phoning the "
        "number on your appointment letter."
    )
    assert shorten(source, glossary) == [
        "Do you need a face-to-face interpreter?",
        "Please let us know at least seven days in advance.",
        "Please do this by phoning the number on your appointment letter.",
    ]
    assert pc._by_means("You can pay your rent at any time by visiting our website or the office.") == [
        "You can pay your rent at any time.",
        "You can do this by visiting our website or the office.",
    ]


def test_the_way_is_not_cut_from_a_negation_or_a_sentence_with_no_doer():
    # "You cannot pay by sending cash": "You cannot pay." would be false.
    assert pc._by_means("You cannot pay your rent at the office by sending cash in the post.") is None
    # "This is to help you ... by looking": "This do this" says nothing.
    assert pc._by_means("This is to help you maximise your income by looking at your benefits.") is None
    # A condition would not reach "do this".
    assert pc._by_means("If you want to pay, you can pay your rent by visiting our website today.") is None


def test_a_conditional_sentence_joined_on_with_a_comma_is_its_own_sentence():
    # Hackney letter 05: a comma splice.
    source = (
        "Please contact me immediately to ensure I have your current financial details, if you do not contact me, "
        "the Council will request a Court Order based on the most recent information we have."
    )
    assert pc._new_condition(source) == [
        "Please contact me immediately to ensure I have your current financial details.",
        "If you do not contact me, the Council will request a Court Order based on the most recent information we have.",
    ]
    # A condition inside the sentence ("today, if you can, or call us") is not a sentence of its own.
    assert pc._new_condition("You must pay the full amount today, if you can, or call us on 020 8356 3100.") is None


def test_if_meaning_whether_is_not_asked_as_a_condition(glossary):
    # Holdout letter (hospital transport): "to see if you are eligible" asks whether; cut as a condition it gave
    # "Are you eligible ...?" "The operators will ask a number of questions to see."
    source = (
        "The operators will ask a number of questions to see if you are eligible for patient transport in line with "
        "the Department of Health criteria and, if so, the journey will be booked for you."
    )
    out = [line for line in conservative([source], glossary) if '" means: ' not in line]
    assert out == [
        "The operators will ask a number of questions to see if you are eligible for patient transport in line with "
        "the Department of Health criteria.",
        "If so, the journey will be booked for you.",
    ]


def test_through_the_meaning_check_a_line_that_fails_twice_becomes_the_cut_pieces_unmarked():
    # The pipeline's path (easyread.simplify.meaning): a model line that reverses the letter, repaired to the same
    # wrong sentence, is replaced by the fallback of its letter sentence; the cut pieces are short and pass the
    # checks, so none is marked for a person, and each keeps the letter sentence's trace.
    from easyread.simplify.meaning import check_meaning
    from easyread.simplify.meaning_fallback import FAITHFUL_FLAG, FALLBACK_FLAG
    from easyread.simplify.plan import plan_letter
    from easyread.simplify.state import LetterInProgress, Line
    from tests.simplify.fakes import FakeEngine
    from tests.simplify.letters import letter

    source = (
        "To pay by debit or credit card over the phone please call 020 8356 2299 between 9am and 5pm Monday to Friday."
    )
    doc = letter(source, title="Paying your rent")
    in_progress = LetterInProgress(doc, plan_letter(doc))
    traced = [next(s.id for s in doc.sentences() if s.text == source)]
    wrong = "Do not call 020 8356 2299 to pay by card."
    in_progress.lines = [Line(wrong, 0, sources=list(traced))]
    check_meaning([in_progress], FakeEngine(), batch_size=4)  # the fake repair returns the same sentence
    assert [line.text for line in in_progress.lines] == [
        "Please call 020 8356 2299 between 9am and 5pm Monday to Friday.",
        "This is to pay by debit or credit card over the phone.",
    ]
    for line in in_progress.lines:
        assert FAITHFUL_FLAG in line.flags and FALLBACK_FLAG not in line.flags, line.flags
        assert line.sources == traced


def test_please_ensure_that_you_is_a_plain_request_but_not_with_a_negation(glossary):
    # King's letter 12.
    source = "Please ensure that you are available and able to come in promptly when asked to do so."
    assert shorten(source, glossary) == ["Please be available and able to come in promptly when asked to do so."]
    assert pc._important("Please ensure that you do not eat anything after midnight before your operation.") is None


def test_a_condition_put_with_should_is_asked_as_an_if_condition(glossary):
    source = "Should you require any further information about your account, please contact us on 020 8356 3100."
    assert conservative([source], glossary) == [
        "Do you require any further information about your account?",
        "Please contact us on 020 8356 3100.",
    ]
    # "Should we not hear from you" has no plain "if" form that keeps its words ("If we not hear ..."): not made.
    cuts = list(steps("Should we not hear from you by Friday, we will close your claim and write to you."))
    assert not any(parts[0].lower().startswith("if we") for parts in cuts)


# easyread.verify.clause_cuts on sentences of the real letters: each piece says its link to the one before it.
LINKED = {
    # Hackney letter 08: two parts of one condition, asked as two questions, the second with "And".
    (
        "If you are unable to settle your account in full and would like to discuss your arrears or to arrange an "
        "instalment plan, please contact our Leasehold Services team on 020 8356 2299."
    ): [
        "Are you unable to settle your account in full?",
        "And would you like to discuss your arrears or to arrange an instalment plan?",
        "Please contact our Leasehold Services team on 020 8356 2299.",
    ],
    # Hackney letter 01: the purpose of "the Council has introduced" said with its doer and its thing.
    (
        "If you are in financial difficulty, you may qualify for some of the other support packages the Council has "
        "introduced to help those who are affected by the pandemic."
    ): [
        "Are you in financial difficulty?",
        "Then you may qualify for some of the other support packages the Council has introduced.",
        "The Council has introduced these packages to help those who are affected by the pandemic.",
    ],
    # Hackney letter 01: the condition asked first, then one way of helping each, joined by "Or".
    (
        "We can help you if you are struggling financially by either telling you about benefits you might be "
        "entitled to, referring you for budgeting support or debt advice or making an affordable repayment agreement."
    ): [
        "Are you struggling financially?",
        "Then we can help you by telling you about benefits you might be entitled to.",
        "Or we can help you by referring you for budgeting support or debt advice.",
        "Or we can help you by making an affordable repayment agreement.",
    ],
    # Hackney letter 08: "proceedings that may result in ..." named again.
    "This would include issuing further and stronger legal proceedings that may result in you losing your home.": [
        "This would include issuing further and stronger legal proceedings.",
        "These proceedings may result in you losing your home.",
    ],
    # Hackney letter 01: the question the letter asks, asked.
    (
        "As you have recently missed some rent payments, I am writing to ask whether there is anything we can do to "
        "support you during this difficult time."
    ): [
        "You have recently missed some rent payments.",
        "So I am writing to ask this.",
        "Is there anything we can do to support you during this difficult time?",
    ],
    # Hackney letter 08: what happens if the reader does not do what is asked, with its link.
    (
        "Should you make payment after the 30 days have elapsed but before a claim is sent for issuing to court, you "
        "should contact the Council immediately or you may still be at risk for court costs."
    ): [
        "Should you make payment after the 30 days have elapsed but before a claim is sent for issuing to court, you "
        "should contact the Council immediately.",
        "If you do not, you may still be at risk for court costs.",
    ],
    # Hackney letter 02: the cost the lead names, its two doings apart ("as well as", `linked_cuts`), then what the
    # council does because of it.
    (
        "With the additional cost of supporting our vulnerable residents as well as maintaining existing services to "
        "manage our homes and protect our estates for future generations, we are continuing to ask residents to pay "
        "their rent wherever they can."
    ): [
        "We have the additional cost of supporting our vulnerable residents.",
        "And we have the additional cost of maintaining existing services to manage our homes and protect our estates "
        "for future generations.",
        "So we are continuing to ask residents to pay their rent wherever they can.",
    ],
}


@pytest.mark.parametrize("source", list(LINKED))
def test_clauses_are_cut_with_their_links(source, glossary):
    out = [line for line in conservative([source], glossary) if '" means: ' not in line]
    assert out == LINKED[source]
    assert _faithful(source, out, glossary)
    comparison = compare_facts(source, " ".join(out))
    assert not comparison.lost and not comparison.invented, comparison.to_dict()
    # Every piece but the "With ..." lead's list and the 'Should you ...' condition is at 15 words or fewer.
    assert sum(len(p.split()) > 15 for p in out) <= 1


def test_an_or_consequence_is_what_happens_if_you_do_not(glossary):
    assert cc._or_else(
        "Please pay the full amount of your rent arrears by 4 June 2026 or we will apply to the court for a "
        "possession order."
    ) == [
        "Please pay the full amount of your rent arrears by 4 June 2026.",
        "If you do not, we will apply to the court for a possession order.",
    ]


# Clause cuts that must NOT be made, each with the reason.
NOT_LINKED = {
    # Under a negation "If you do not" would say the reverse of the letter.
    "negated request": ("You must not park in this bay or we will issue a penalty charge notice to you.", cc._or_else),
    # Another way to do it, not a consequence.
    "or another way": ("Please call us on 020 8356 3100 or you may write to us at the address above.", cc._or_else),
    # Nothing asked of the reader: "can ... or ..." are alternatives.
    "nothing asked": ("You can pay your rent online or you can pay it at the Hackney Service Centre.", cc._or_else),
    # "all residents that may rent a garage": a limit, not more about the residents.
    "limited that": ("Rent change letters were posted to all residents that may rent a garage from us.", cc._that_may),
    # A condition would not reach the second sentence.
    "condition over that": (
        "We will write to you if there are changes to the rules that may affect you.",
        cc._that_may,
    ),
    # "this anything" says nothing.
    "anything we can do": (
        "I am writing to ask whether there is anything we can do to support you during this difficult time.",
        cc._relative_purpose,
    ),
    # Ways joined by "and" are meant together.
    "ways with and": (
        "You can keep your account up to date by paying on time and telling us about changes.",
        cc._either_by,
    ),
    # "You cannot pay by A or B": "Or you cannot pay by B" would not say it.
    "negated ways": ("You cannot pay your rent by sending cash or leaving cheques at the office.", cc._either_by),
    # "With your permission" is a condition, not a cost.
    "with permission": ("With your permission, we will talk to your landlord about your rent payments.", cc._with_cost),
    # "whether X or Y" asks which, not yes or no.
    "whether or": ("I am writing to ask whether you would like to pay by card or by cheque.", cc._ask_whether),
    # Two conditions in the middle: both must hold.
    "two mid conditions": (
        "We can help you if you are struggling and your landlord agrees by talking to them for you.",
        cc._condition_before_means,
    ),
}


@pytest.mark.parametrize("name", list(NOT_LINKED))
def test_clause_cuts_that_would_change_the_meaning_are_not_made(name):
    sentence, cut = NOT_LINKED[name]
    assert cut(sentence) is None


def test_two_clauses_joined_by_or_are_not_split_into_two_plain_sentences():
    # Cut at "or", the consequence stood alone: "You may have to pay court costs."
    sentence = "Please pay the full amount by 4 June or you may have to pay court costs."
    assert split_clauses(sentence) == [sentence]
    assert split_clauses("You must pay your rent every week and we will check your account every month.") == [
        "You must pay your rent every week.",
        "We will check your account every month.",
    ]


def test_a_two_part_condition_is_asked_as_two_questions_only_before_a_request():
    assert cc.and_questions("you are unable to pay in full and would like more time") == [
        "Are you unable to pay in full?",
        "And would you like more time?",
    ]
    # A second subject is not "and would": no second question made from the first's subject.
    assert cc.and_questions("you pay your rent and your landlord is happy") is None
    # Before a consequence (not a request), the two questions are not made: the consequence would stand alone.
    pieces = list(steps("If you are unable to pay in full and would like more time, we will write to you again."))
    assert not any("And would you like more time?" in cut for cut in pieces)


def test_cannot_is_a_negation_for_the_clause_cuts():
    assert cc._or_else("You cannot park in this bay or we will issue a penalty charge notice to you.") is None


# A negated condition: asked without its "not", the consequence kept with "If not" (holdout and Hackney letters).
IF_NOT = {
    (
        "If you do not pay the amount shown on the reminder within seven days, we will ask the magistrates' court to "
        "issue a summons."
    ): [
        "Do you pay the amount shown on the reminder within seven days?",
        "If not, we will ask the magistrates' court to issue a summons.",
    ],
    "If you can't pay the money back at the rate we set, you should contact us.": [
        "Can you pay the money back at the rate we set?",
        "If not, you should contact us.",
    ],
    "If you do not keep to the terms as ordered by the Court, your case will be restored back to Court.": [
        "Do you keep to the terms as ordered by the Court?",
        "If not, your case will be restored back to Court.",
    ],
}


@pytest.mark.parametrize("source", list(IF_NOT))
def test_a_negated_condition_is_asked_and_its_consequence_says_if_not(source, glossary):
    out = [line for line in conservative([source], glossary) if '" means: ' not in line]
    assert out == IF_NOT[source]
    assert _faithful(source, out, glossary)
    assert not compare_facts(source, " ".join(out)).lost


def test_a_negated_condition_of_two_parts_or_a_double_negation_is_not_asked():
    # Both must hold: one question would drop the other.
    assert cc._if_not("If you do not pay your rent and do not call us, we will apply to the court.") is None
    # "Do you pay nothing?" is not the letter's "not pay nothing" made plain.
    assert cc._if_not("If you do not pay nothing at all this month, we will write to you again.") is None
    # "If not, A and B": a clause split says the link with B too.
    assert split_clauses("If not, we will write to you and we will apply to the court.") == [
        "If not, we will write to you.",
        "If not, we will apply to the court.",
    ]


def test_a_consequence_after_its_asked_condition_says_then_and_a_request_does_not(glossary):
    # A bare "We will write to you ..." after the question would read as true whatever the answer.
    assert conservative(
        ["If you are unable to pay your rent in full this month, we will write to you about a repayment plan."],
        glossary,
    ) == ["Are you unable to pay your rent in full this month?", "Then we will write to you about a repayment plan."]
    assert answer("please call us on 020 8356 3100") == "Please call us on 020 8356 3100."
    assert answer("you should contact us straight away") == "You should contact us straight away."
    assert answer("a Notice to Owner will be sent") == "Then a Notice to Owner will be sent."
    assert answer("the Council will apply for an order") == "Then the Council will apply for an order."


def test_a_condition_without_a_comma_is_asked_where_the_parse_ends_it(glossary):
    # Holdout letter (care charges): no comma after the condition.
    source = (
        "If you are receiving care in your own home or local community the value of your main or only home will "
        "not be included."
    )
    assert [line for line in conservative([source], glossary) if '" means: ' not in line] == [
        "Are you receiving care in your own home or local community?",
        "Then the value of your main or only home will not be included.",
    ]
    # The parse ends the condition at "receiving" ("permanent residential or nursing care the value ..."): a
    # misparse, so no question "Are you receiving?" is made.
    misparsed = (
        "If you are receiving permanent residential or nursing care the value of your property may be taken into "
        "account."
    )
    assert not any(p.startswith("Are you receiving?") for cut in steps(misparsed) for p in cut)


def test_a_condition_of_what_will_happen_is_not_asked_as_the_condition_of_the_advice(glossary):
    # Hackney letter 07: contact the Housing Needs Section now, for advice on what happens if you are evicted.
    source = (
        "You should contact the Council's Housing Needs Section for further advice on what will happen if you are "
        "evicted."
    )
    assert not any("Are you evicted?" in cut for cut in steps(source))
    assert conservative([source], glossary)[0] == source


def test_as_giving_a_reason_is_its_own_sentence_but_as_giving_a_time_or_a_way_is_not():
    # Holdout letter (outpatient appointment) and Hackney letter 07.
    assert pc._because(
        "We recommend you use public transport to get here if possible as car parking on the site is limited and it "
        "may take time to find a space."
    ) == [
        "We recommend you use public transport to get here if possible.",
        "This is because car parking on the site is limited and it may take time to find a space.",
    ]
    assert pc._because("You must inform the Housing Benefit Department as this may affect your Housing Benefit.") == [
        "You must inform the Housing Benefit Department.",
        "This is because this may affect your Housing Benefit.",
    ]
    assert pc._because("Please pay the rent due on your account as soon as it is due each week.") is None
    assert pc._because("You must pay the full amount as you are told by the court.") is None
    assert pc._because("You must pay the full amount each week as we have agreed with you.") is None


def test_a_link_is_said_with_each_clause_of_its_consequence(glossary):
    # Holdout letter (outpatient appointment): both things that may happen keep "Then".
    source = (
        "If you fail to show up for your appointment or if you cancel your appointment more than once without giving "
        "prior notice, you may be referred back to your GP and will have to wait longer for a hospital appointment."
    )
    assert [line for line in conservative([source], glossary) if '" means: ' not in line] == [
        "Do you fail to show up for your appointment?",
        "Or do you cancel your appointment more than once without giving prior notice?",
        "Then you may be referred back to your GP.",
        "Then you will have to wait longer for a hospital appointment.",
    ]
    assert split_clauses("If not, we will write to you and the court will send you a summons.") == [
        "If not, we will write to you.",
        "If not, the court will send you a summons.",
    ]


# Trailing conditions that must not be asked first, each with the reason (holdout letters and Hackney letter 07).
NOT_ASKED_FIRST = [
    # "Do you claim them?" would come before what "them" names.
    "We can arrange for the money that you owe to be taken from your income support and other state benefits, if "
    "you claim them.",
    # Only the "longer" is the condition's, not the two to three hours.
    "You should allow at least two to three hours for your appointment; longer if you are also coming for tests.",
    # "only ... if" is not a plain condition.
    "You can only be required to leave your dwelling if your landlord obtains an order for possession from the Court.",
]


@pytest.mark.parametrize("source", NOT_ASKED_FIRST)
def test_a_trailing_condition_that_is_not_the_whole_actions_is_not_asked_first(source):
    from easyread.verify.cuts import _trailing_condition

    assert _trailing_condition(source) is None


def test_do_nothing_is_not_asked_as_do_you_do_nothing():
    source = "If you do nothing, a Charge Certificate will be sent and the charge increases by 50 percent."
    assert not any(p.startswith("Do you do nothing") for cut in steps(source) for p in cut)


def test_as_if_is_not_a_reason_and_a_split_link_keeps_the_letters_lower_case():
    assert pc._because("We advise you to pay this now as if it is passed to bailiffs they will add costs.") is None
    assert split_clauses(
        "If not, we may register the charge as a debt at the county court and ultimately we may pass the case to "
        "bailiffs."
    ) == [
        "If not, we may register the charge as a debt at the county court.",
        "If not, ultimately we may pass the case to bailiffs.",
    ]


# easyread.verify.result_cuts on sentences of the real letters: each piece says its link to the one before it.
RESULTS = {
    # Hackney leasehold letter: the cause asked, the result kept with "If not".
    (
        "Failure to make payment or contact us by 4 June 2026 will result in legal action being taken in the County "
        "Court without further notice."
    ): [
        "Do you make payment or contact us by 4 June 2026?",
        "If not, legal action will be taken in the County Court without further notice.",
    ],
    # Hackney leasehold letter: a cause the reader may do, its result with "Then".
    "Paying after a claim has been submitted for issuing to court will result in you being liable for interest and costs.": [
        "Do you pay after a claim has been submitted for issuing to court?",
        "Then you will be liable for interest and costs.",
    ],
    # Hackney rent letters: two negated conditions, each asked only when the one before is not met.
    "If you don’t talk to us, and we can’t solve the problem you may receive a Notice of Seeking Possession.": [
        "Do you talk to us?",
        "If not, can we solve the problem?",
        "If not, you may receive a Notice of Seeking Possession.",
    ],
    "If you don’t talk to us, and we can’t solve the problem we may issue a Notice of Seeking Possession.": [
        "Do you talk to us?",
        "If not, can we solve the problem?",
        "If not, we may issue a Notice of Seeking Possession.",
    ],
    # Holdout letter (outpatient appointment): a plain condition, then a negated one sharing its subject.
    "If you miss your appointment and don't tell us, you may need to go back to your GP.": [
        "Do you miss your appointment?",
        "If so, do you tell us?",
        "If not, you may need to go back to your GP.",
    ],
    # Hackney rent letters: a condition cuts._condition_first ended at "If you" ("contact us" read as a request).
    "If you contact us, it will help us to understand why your account is in arrears.": [
        "Do you contact us?",
        "Then it will help us to understand why your account is in arrears.",
    ],
    # Hackney court order letter: one doer's two verbs asked in one question (both must hold); "no" starts the
    # consequence.
    "If you keep to these terms and make payments as agreed, no further action will be taken.": [
        "Do you keep to these terms and make payments as agreed?",
        "Then no further action will be taken.",
    ],
    # Holdout letter (adult care finances): a negated condition with no comma, kept with "If not".
    "If you do not want to tell us about your finances you will have to pay the full cost of your care yourself.": [
        "Do you want to tell us about your finances?",
        "If not, you will have to pay the full cost of your care yourself.",
    ],
    # Holdout letter (council tax reduction): "whether" in a negated condition is asked as it stands.
    "If you are not sure about whether to report a change, please contact us to check.": [
        "Are you sure about whether to report a change?",
        "If not, please contact us to check.",
    ],
    # Holdout letter (council tax instalments): "X, but you then Y": asked in turn, the consequence after both,
    # each of its clauses with "Then".
    (
        "If you pay the second reminder within seven days, but you then miss another instalment later in the year, "
        "you will lose the right to pay by instalments and you will be sent a final notice."
    ): [
        "Do you pay the second reminder within seven days?",
        "If so, do you then miss another instalment later in the year?",
        "Then you will lose the right to pay by instalments.",
        "Then you will be sent a final notice.",
    ],
    # DWP PIP letter: the things offered, asked a few at a time, each question with its verb.
    (
        "If you would like Braille, British Sign Language, a hearing loop, translations, large print, audio or "
        "something else please tell us using the phone number at the top of this letter."
    ): [
        "Would you like Braille or British Sign Language?",
        "Or would you like a hearing loop or translations?",
        "Or would you like large print, audio or something else?",
        "Please tell us using the phone number at the top of this letter.",
    ],
}


@pytest.mark.parametrize("source", list(RESULTS))
def test_causes_and_conditions_are_asked_with_their_links(source, glossary):
    out = [line for line in conservative([source], glossary) if '" means: ' not in line]
    assert out == RESULTS[source]
    assert _faithful(source, out, glossary)
    comparison = compare_facts(source, " ".join(out))
    assert not comparison.lost and not comparison.invented, comparison.to_dict()
    assert all(len(p.split()) <= 15 for p in out)


# Result cuts that must NOT be made, each with the reason.
NOT_RESULTS = {
    # "Failure to attend without cancelling" is not a failure to attend: "Do you attend ... without cancelling?"
    # asks something else.
    "failure without": (
        "Failure to attend this admission without cancelling in advance will result in a wasted procedure slot and "
        "you will removed from the waiting list.",
        rc._result_in,
    ),
    # A negated cause: "Do you not ...?" reads as a reproach, "Do you ...?" says the reverse.
    "failure not": (
        "Failure to not pay on time will result in a late payment charge being added to your account.",
        rc._result_in,
    ),
    # Two results, the second "being ..." too: "a court claim will be made and costs being added" is garbled.
    "result of two": (
        "Failure to pay by 4 June will result in a court claim being made and costs being added to your account.",
        rc._result_in,
    ),
    # "still" asked without its "not" ("Have you still paid?") says something else.
    "still not": (
        "If you choose to ignore any court order judgement and you still have not paid the arrears, we will have no "
        "option but to take further action against you.",
        rc._two_conditions,
    ),
    # Two plain parts: the two-question cut before a request is clause_cuts.and_questions, not this one.
    "no negation": (
        "If you are unable to pay in full and you would like more time, we will write to you again.",
        rc._two_conditions,
    ),
    # A third condition in the consequence: which part it governs is not clear.
    "condition in consequence": (
        "If you don't pay and we can't reach you, we will write to you if the court agrees.",
        rc._two_conditions,
    ),
    # Things offered together ("and"), not one of them: asked apart, they would read as alternatives.
    "list with and": (
        "Would you like Braille, British Sign Language, a hearing loop, large print and audio?",
        rc._list_question,
    ),
    # "and you": a second doer's condition, which one question would not ask.
    "and a second doer": ("If you pay your rent and your landlord agrees, we will close the case.", rc._one_condition),
    # A "not" before "and": which verbs it reaches is not clear.
    "not and": ("If you do not pay and call us, we will write to you again.", rc._one_condition),
    # "If X, A, and this could ...": left to cuts._each_consequence, which says the condition with each.
    "comma and": (
        "If you fail to make contact, I will apply to the court, and this could result in you losing your home.",
        rc._one_condition,
    ),
    # "If X or Y": alternatives are cuts._condition_first's ("Or ...?").
    "or": ("If you are ill or you are away, please call us on the number above.", rc._one_condition),
    # A short list stays one question.
    "short list": ("Would you like Braille, large print or audio?", rc._list_question),
}


@pytest.mark.parametrize("name", list(NOT_RESULTS))
def test_result_cuts_that_would_change_the_meaning_are_not_made(name):
    sentence, cut = NOT_RESULTS[name]
    assert cut(sentence) is None

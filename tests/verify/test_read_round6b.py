"""Round 6b: the model lines the lead's sentence-by-sentence read of five real drafts found unmarked (letters 01, 05,
08, 10, 13 of benchmarks/easyread_bench/real_letters), each flagged by its cause, beside faithful rewrites of the same
letter sentence that must stay unflagged. Through the real spaCy parse and the default glossary."""

from pathlib import Path

import pytest

from easyread.verify import assess
from easyread.verify.findings import read

LETTERS = Path(__file__).resolve().parents[2] / "benchmarks" / "easyread_bench" / "real_letters"

ACTION = "Please pay this amount immediately to avoid further action being taken."
LIABLE = (
    "Similarly, paying after a claim has been submitted for issuing to court will result in you being liable for "
    "interest and costs."
)
CREDIT = (
    "Please note that we may carry out credit assessment from credit reference agencies before we agree any "
    "installment plan."
)
ASSIST = "Government assistance may be available towards making payment of your service charges if you qualify."
WHY = "Why am I being pursued for unpaid service charges?"
ADMISSION = "An admission date has been agreed with you under the care of your Consultant."
PACKAGES = (
    "You may qualify for some of the other support packages the Council has introduced to help those who are "
    "affected by the pandemic."
)
WHETHER = (
    "As you have recently missed some rent payments, I am writing to ask whether there is anything we can do to "
    "support you during this difficult time."
)
TALK = (
    "If you don’t talk to us, and we can’t solve the problem you may receive a Notice of Seeking Possession, which "
    "is the first step towards eviction."
)

# (letter sentence, the model's line, the kind it must be flagged as)
CASES = [
    (ACTION, "Pay this amount now to avoid further eviction.", "invented"),
    (LIABLE, "You must pay it.", "condition"),
    (LIABLE, "This is because you must pay it.", "condition"),
    (CREDIT, "We will meet with credit reference agencies to find out what help you need.", "invented"),
    (ASSIST, "Government assistance is available for paying service charges if you qualify.", "modal"),
    (WHY, "I am being pursued for unpaid service charges.", "invented"),
    (ADMISSION, "You have agreed to see your doctor.", "invented"),
    (PACKAGES, "To help those who are affected by the pandemic.", "fragment"),
    (PACKAGES, "This is because of the pandemic.", "invented"),
    (WHETHER, "We can support you during this difficult time.", "invented"),
    (TALK, "If you don’t talk to us, we can’t solve the problem.", "condition"),
    # The same two conditions in letter 02, the consequence said with neither (the parse hangs "issue" on "problem").
    (
        "If you don’t talk to us, and we can’t solve the problem we may issue a Notice of Seeking Possession.",
        "We may issue a Notice of Seeking Possession.",
        "condition",
    ),
]

# Faithful rewrites of the same sentences (and of the like) that must not be flagged.
FAITHFUL = [
    (ACTION, "Pay this amount now to avoid further action."),
    (ACTION, "Please pay this amount now so we do not take more action."),
    (LIABLE, "If you pay after we send a claim to court, you will have to pay interest and costs."),
    (LIABLE, "Paying after we send a claim to court means you will have to pay interest and costs."),
    ("If you do not pay, you may incur additional costs.", "This may cost you more money."),
    (CREDIT, "We may check your credit record before we agree a payment plan."),
    (ASSIST, "You may be able to get help."),
    (ASSIST, "You may get help from the government to pay service charges if you qualify."),
    (ASSIST, "You can get help to pay your service charges if you qualify."),
    (WHY, "Why are we asking you to pay service charges?"),
    (ADMISSION, "We have agreed a date with you to come into hospital."),
    (PACKAGES, "The Council has other support to help people affected by the pandemic."),
    (WHETHER, "We are writing because you have missed some rent payments."),
    (WHETHER, "We want to know if we can help you."),
    (WHETHER, "Is there anything we can do to help you?"),
    (
        "If you pay your rent late, we may ask you to pay interest.",
        "Do you pay your rent late? We may ask you to pay interest.",
    ),
    (TALK, "If you do not talk to us and we cannot solve the problem, you may get a Notice of Seeking Possession."),
    (TALK, "If you do not talk to us, we may not be able to sort out the problem."),
    (TALK, "Then you may get a Notice of Seeking Possession."),
    (
        "If your financial circumstances change or if you are unable to pay the agreed amounts you should contact "
        "this office immediately.",
        "You can contact us in these ways:",
    ),
    ("For details call 0800 707 60 60.", "To find out more, call 0800 707 60 60."),
]


def test_the_letter_sentences_are_the_letters_own():
    text = " ".join(p.read_text(encoding="utf-8") for p in LETTERS.glob("*.txt")).replace("\n", " ")
    text = " ".join(text.split())
    for source in {c[0] for c in CASES}:
        assert source in text, source


@pytest.mark.parametrize(("source", "line", "kind"), CASES, ids=[c[1][:40] for c in CASES])
def test_the_unmarked_line_is_flagged_by_its_cause(source, line, kind, glossary):
    problems = assess([source], line, glossary=glossary).problems
    assert kind in [p.kind for p in problems], problems


@pytest.mark.parametrize(("source", "line"), FAITHFUL, ids=[f[1][:40] for f in FAITHFUL])
def test_a_faithful_rewrite_is_not_flagged(source, line, glossary):
    assert assess([source], line, glossary=glossary).problems == []


def test_the_rules_on_their_own():
    """Each rule, called directly, flags its case and not its faithful sibling (so a change elsewhere in `assess`
    cannot hide a rule that stopped working)."""
    from easyread.verify.asked import question_asserted
    from easyread.verify.certainty import hedge_dropped
    from easyread.verify.chains import conditions_made_cause, order_without_its_condition
    from easyread.verify.findings import Assessment
    from easyread.verify.reasons import purpose_alone, purpose_invented, reason_without_cause
    from easyread.verify.things import thing_replaced

    def flags(rule, source, line):
        result = Assessment()
        rule(read(line), [read(source)], result)
        return bool(result.problems)

    assert flags(hedge_dropped, ASSIST, "Government assistance is available if you qualify.")
    assert not flags(hedge_dropped, ASSIST, "Government assistance might be available if you qualify.")
    assert flags(question_asserted, WHY, "I am being pursued for unpaid service charges.")
    assert not flags(question_asserted, WHY, "Why are you being pursued for unpaid service charges?")
    assert flags(reason_without_cause, PACKAGES, "This is because of the pandemic.")
    assert not flags(reason_without_cause, WHETHER, "We are writing because you have missed some rent payments.")
    assert flags(purpose_alone, PACKAGES, "To help those who are affected by the pandemic.")
    assert not flags(purpose_alone, PACKAGES, "To get help, ask the Council.")
    assert flags(conditions_made_cause, TALK, "If you don’t talk to us, we can’t solve the problem.")
    assert not flags(conditions_made_cause, TALK, "If you don’t talk to us, you may get a Notice.")

    def flags_with(rule, source, line, *extra):
        result = Assessment()
        rule(read(line), [read(source)], *extra, result)
        return bool(result.problems)

    assert flags_with(order_without_its_condition, LIABLE, "You must pay it.", [])
    assert not flags_with(order_without_its_condition, LIABLE, "Then you must pay interest and costs.", [])
    assert flags_with(purpose_invented, CREDIT, "We will check your credit to find out what help you need.", CREDIT)
    assert not flags_with(purpose_invented, CREDIT, "We may check your credit to agree a plan.", CREDIT)
    assert flags_with(thing_replaced, ACTION, "Pay now to avoid further eviction.", ACTION)
    assert not flags_with(thing_replaced, ACTION, "Pay now to avoid further action.", ACTION)


# The same causes in other words (not from the read): the rules work on the parse, not on the read's strings.
OTHER_WORDS = [
    ("We might be able to offer you a payment plan.", "We will offer you a payment plan.", True),
    ("We might be able to offer you a payment plan.", "We may offer you a payment plan.", False),
    ("Your benefit could be reduced if you do not reply.", "Your benefit will be reduced if you do not reply.", True),
    ("Do you need help paying your rent?", "You need help paying your rent.", True),
    ("Have you missed a payment?", "You have missed a payment.", True),
    ("Have you missed a payment?", "Have you missed a payment? Tell us.", False),
    ("We would like to know whether you are able to attend.", "You are able to attend.", True),
    ("We would like to know whether you are able to attend.", "Tell us if you can come.", False),
    ("Your appointment has been moved to 3 May 2026.", "This is because the doctor is away.", True),
    (
        "Your appointment has been moved to 3 May 2026 because the clinic is closed.",
        "This is because the clinic is closed.",
        False,
    ),
    ("Please bring your medication to the appointment.", "To help the doctor check your medicines.", True),
    ("Please bring your medication to the appointment.", "Bring your medicines to the appointment.", False),
    (
        "Failing to pay the fine will result in you having to pay a higher amount.",
        "You must pay a higher amount.",
        True,
    ),
    (
        "Failing to pay the fine will result in you having to pay a higher amount.",
        "If you do not pay the fine, you must pay a higher amount.",
        False,
    ),
    (
        "We may contact your landlord to check your tenancy.",
        "We will visit your landlord to see if you need help.",
        True,
    ),
    ("Please pay now to avoid court action.", "Pay now to avoid eviction.", True),
    ("Please pay now to avoid court action.", "Pay now so we do not take you to court.", False),
    ("A payment plan has been agreed with you.", "You have agreed to leave your home.", True),
    ("A payment plan has been agreed with you.", "We have agreed a payment plan with you.", False),
]


@pytest.mark.parametrize(("source", "line", "flagged"), OTHER_WORDS, ids=[o[1][:40] for o in OTHER_WORDS])
def test_the_same_cause_in_other_words(source, line, flagged, glossary):
    assert bool(assess([source], line, glossary=glossary).problems) is flagged

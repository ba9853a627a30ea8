"""A payment said as a debt (easyread.verify.debts). Letter sentences are verbatim from
benchmarks/easyread_bench/real_letters (03, 04, 06); the unfaithful lines are real model outputs or pairs of the
tuning splits."""

from easyread.verify import verify_sentence


def kinds(source, output):
    return [p.kind for p in verify_sentence([source], output)]


LEGAL = (
    "This letter does not alter the legal status of the Council or the tenants and is only intended to set out "
    "the level of repayment of arrears of rent."
)


def test_the_level_of_repayment_made_the_amount_owed_is_flagged():
    # The real model line of an earlier read.
    assert "fact-moved" in kinds(LEGAL, "It is intended to explain the amount of rent you owe.")
    assert kinds(LEGAL, "This letter sets out how much you will pay back each time.") == []


def test_a_weekly_amount_made_the_debt_is_flagged():
    source = "Total amount payable £143.75 weekly"
    assert "fact-moved" in kinds(source, "You owe £143.75 in total.")
    assert "fact-moved" not in kinds(source, "You will pay £143.75 each week.")


def test_an_amount_the_letter_calls_a_debt_may_be_said_as_owed():
    source = "Our records show that your rent account is in arrears of £1,388.20."
    assert "fact-moved" not in kinds(source, "You owe £1,388.20 in rent.")

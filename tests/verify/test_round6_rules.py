"""Round 6 rules by cause, each beside a faithful rewrite it must leave alone. Letter sentences are verbatim from
benchmarks/easyread_bench/meaning/holdout_letters (the old holdout, now a tuning split) and real_letters."""

from pathlib import Path

from easyread.verify.rules import assess

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "easyread_bench"


def kinds(source, output, glossary):
    return [p.kind for p in assess([source], output, glossary=glossary).problems]


def in_letters(sentence):
    texts = [p.read_text(encoding="utf-8") for p in BENCH.glob("*/*.txt")]
    texts += [p.read_text(encoding="utf-8") for p in BENCH.glob("meaning/holdout_letters/*.txt")]
    return sentence in " ".join(" ".join(t.split()) for t in texts)


REMINDER = (
    "If you do not pay the amount shown on the reminder within seven days, we will ask the magistrates' court to "
    "issue a summons."
)
MONTH = "It must be within one calendar month of the date of the letter."
NOTICE = (
    "You must pay the amount shown on the Reminder Notice within seven days of its issue date, which appears at the "
    "top of the notice."
)
SUPPORT = "You will have to pay your financial contribution from the time your support begins."
WRITING = "Your reconsideration request must be made in writing."
WAITING = (
    "Failure to attend this admission without cancelling in advance will result in a wasted procedure slot and you "
    "will removed from the waiting list."
)
CARE = (
    "If you are receiving permanent residential or nursing care the value of your property may be taken into account."
)
AFFORD = "The amount we may ask you to pay is based on what we assess you can reasonably afford to pay."
APPEAL = (
    "If you wish to appeal, please write to the Clerk to the Appeals Panel, Sample Academy, within 20 school days of "
    "the date of this letter."
)
HELP = "If you contact us, it will help us to understand why your account is in arrears."


def test_the_letter_sentences_are_verbatim():
    for sentence in (REMINDER, MONTH, NOTICE, SUPPORT, WRITING, WAITING, CARE, AFFORD, APPEAL, HELP):
        assert in_letters(sentence), sentence


def test_a_time_limit_moved_out_of_the_if_is_flagged(glossary):
    bad = "If you do not pay, we will ask the court to issue a summons within seven days."
    assert "fact-moved" in kinds(REMINDER, bad, glossary)
    assert (
        kinds(REMINDER, "If you do not pay within 7 days, we will ask the court to send you a summons.", glossary) == []
    )


def test_the_readers_time_limit_said_as_ours_is_flagged(glossary):
    assert "fact-moved" in kinds(MONTH, "We will reply within one calendar month.", glossary)
    assert kinds(MONTH, "You must ask within one calendar month of the date of the letter.", glossary) == []


def test_a_time_counted_from_another_moment_is_flagged(glossary):
    assert "fact-moved" in kinds(NOTICE, "You must pay the amount within seven days of your next bill.", glossary)
    assert kinds(NOTICE, "You must pay within 7 days of the date on the notice.", glossary) == []
    assert "fact-moved" in kinds(
        SUPPORT, "You will have to pay your contribution from the time of your assessment.", glossary
    )
    assert kinds(SUPPORT, "You will pay your part of the cost from the day your support starts.", glossary) == []


def test_must_said_as_can_and_will_said_as_may_are_flagged(glossary):
    assert "modal" in kinds(WRITING, "You can ask us by phone or in writing.", glossary)
    assert kinds(WRITING, "You must ask us in writing.", glossary) == []
    assert "modal" in kinds(
        WAITING, "If you miss it without cancelling, you may be taken off the waiting list.", glossary
    )
    assert kinds(WAITING, "If you miss it without telling us, we will take you off the waiting list.", glossary) == []


def test_a_threat_or_a_rule_for_everyone_the_letter_does_not_give_is_flagged(glossary):
    assert "invented" in kinds(CARE, "If you live in a care home, we will take your home.", glossary)
    assert kinds(CARE, "If you live in a care home, we may count what your home is worth.", glossary) == []
    assert "invented" in kinds(AFFORD, "The amount you pay is the same for everyone.", glossary)


def test_a_sentence_that_is_only_its_if_is_flagged(glossary):
    assert "fragment" in kinds(
        APPEAL, "If you wish to appeal, the Clerk to the Appeals Panel within 20 school days.", glossary
    )
    assert (
        kinds(APPEAL, "If you want to appeal, write to the Clerk to the Appeals Panel within 20 school days.", glossary)
        == []
    )


def test_false_alarms_removed_by_cause(glossary):
    # "it will help us to understand" says "we can understand"
    assert kinds(HELP, "If you contact us, we can find out why you owe rent.", glossary) == []
    # "only" makes the verb a limit: its will / can is not the letter's may
    assert kinds(AFFORD, "We will only ask you to pay what we think you can afford.", glossary) == []
    # ... but "will" for "may" without the limit is still flagged
    assert "modal" in kinds(AFFORD, "We will ask you to pay.", glossary)


COVID = (
    "We are aware that the coronavirus pandemic has had a direct impact on many of our tenants’ ability to pay their "
    "current rent so we will not escalate any case to Court if you can demonstrate that your arrears have accrued as "
    "a result of the impact of Covid-19 on your finances."
)


def test_what_happens_then_said_in_other_verbs_keeps_the_condition(glossary):
    assert in_letters(COVID)
    faithful = "If you can show that coronavirus caused your arrears, we will not take you to court."
    assert kinds(COVID, faithful, glossary) == []
    assert "condition" in kinds(COVID, "If you can show that coronavirus caused your arrears.", glossary)


INTENDS = (
    "The Sample Borough Council intends to apply to the Court for an order requiring you to give up possession of: "
    "0 Example Road, London E0 9ZZ."
)
ADVICE = (
    "If you need advice about this Notice, and what you should do about it, take it as quickly as possible to a "
    "Citizens' Advice Bureau, a Housing Aid Centre, or a Law Centre, or to a Solicitor."
)


def test_apply_is_ask_and_bring_is_take_so_who_does_them_is_compared(glossary):
    assert in_letters(INTENDS) and in_letters(ADVICE)
    assert "agent" in kinds(INTENDS, "You can ask the court to make the Council leave 0 Example Road.", glossary)
    assert "agent" not in kinds(
        INTENDS, "The Council wants to ask the court for an order to make you leave 0 Example Road.", glossary
    )
    assert "agent" in kinds(ADVICE, "A solicitor will bring you this notice.", glossary)
    assert kinds(ADVICE, "Take this notice to Citizens Advice, a Law Centre or a solicitor quickly.", glossary) == []


CLAIM = "You make your claim by calling 0800 917 2222 (0800 917 7777 if using a textphone)."
PLACE = (
    "We have added your child's name to our waiting list and as soon as a place does become available, we will "
    "contact you again."
)
OFFICER = (
    "A council officer may also telephone you using the details that you have provided to discuss payment options on "
    "overdue amounts."
)


def test_a_way_a_time_or_a_waiver_the_letter_does_not_give_is_flagged(glossary):
    assert in_letters(CLAIM) and in_letters(PLACE) and in_letters(OFFICER)
    assert "invented" in kinds(CLAIM, "You can apply online or in person.", glossary)
    assert kinds(CLAIM, "To claim, call 0800 917 2222. If you use a textphone, call 0800 917 7777.", glossary) == []
    assert "invented" in kinds(PLACE, "Your child will get a place soon.", glossary)
    assert kinds(PLACE, "When a place is free, we will contact you again.", glossary) == []
    assert "invented" in kinds(OFFICER, "A council officer may phone you to cancel what you owe.", glossary)
    assert kinds(OFFICER, "A council officer may phone you to talk about ways to pay what you owe.", glossary) == []


AMOUNT = "Amount towards the arrears: £15.00"
SHORTFALL = "The shortfall in payment is £245.00."
PIP = (
    "A new benefit called Personal Independence Payment (PIP) has been introduced to help with extra costs if you have "
    "a long-term health condition or disability."
)
DISCOUNT = (
    "A 50 percent discount will be given if the charge is paid within 14 days or 21 days for PCNs issued via CCTV "
    "(Approved Device)."
)
CHEQUE = "Alternatively, cheques should be made payable to ‘London Borough of Hackney’."


def test_which_money_and_which_way_it_goes_are_compared_in_other_words(glossary):
    for sentence in (AMOUNT, SHORTFALL, PIP, DISCOUNT, CHEQUE):
        assert in_letters(sentence), sentence
    assert "fact-moved" in kinds(AMOUNT, "You will pay £15.00 each week for your rent.", glossary)
    assert kinds(AMOUNT, "You will also pay £15.00 each week towards the rent you owe.", glossary) == []
    assert "fact-moved" in kinds(SHORTFALL, "Your rent arrears are £245.00.", glossary)
    assert kinds(SHORTFALL, "The shortfall is £245.00. This is the amount you did not pay.", glossary) == []
    assert "money" in kinds(PIP, "PIP is money you pay for your extra health costs.", glossary)
    assert "money" not in kinds(PIP, "PIP is money to help with extra costs if you have a disability.", glossary)
    assert "money" in kinds(DISCOUNT, "We will give you 50 percent of the charge if you pay within 14 days.", glossary)
    assert "money" not in kinds(DISCOUNT, "If you pay within 14 days, you pay half.", glossary)
    assert "money" in kinds(CHEQUE, "We will send you a cheque made out to you.", glossary)
    assert kinds(CHEQUE, "You can also pay by cheque made payable to London Borough of Hackney.", glossary) == []


CHANGED = (
    "If your income or circumstances have changed, you must inform the Housing Benefit Department as this may affect "
    "your entitlement to Housing Benefit and you may need to apply to the court to vary the terms of the Order."
)


def test_what_someone_else_may_do_is_a_consequence_not_an_offer(glossary):
    assert in_letters(CHANGED)
    assert kinds(CHANGED, "The court may change the terms of the Order for you.", glossary) != []
    assert kinds(CHANGED, "If your income changes, you may need to ask the court to change the Order.", glossary) == []


REGARDING = "We are writing to you regarding your appointment on 14 May 2026 at 9.40am in the Dermatology department."
NOW = "Your appointment will now take place on 23 June 2026 at 2.15pm."
ABLE = (
    "You must however be able to show that you looked into the support available, claimed all the benefits to which "
    "you are entitled, and have taken any appropriate advice which is freely available."
)


def test_new_for_the_letters_old_appointment_and_might_for_must_be_able_are_flagged(glossary):
    for sentence in (REGARDING, NOW, ABLE):
        assert in_letters(sentence), sentence
    assert "invented" in kinds(REGARDING, "Your new appointment is on 14 May 2026 at 9.40am.", glossary)
    assert kinds(NOW, "Your new appointment is on 23 June 2026 at 2.15pm.", glossary) == []
    assert "modal" in kinds(ABLE, "You might want to claim benefits and get advice.", glossary)
    assert kinds(ABLE, "You must show that you claimed all the benefits you can get.", glossary) == []


def test_help_and_consequences_the_letter_does_not_give_are_flagged(glossary):
    assert "invented" in kinds(NOW, "We are here to help you.", glossary)
    assert "invented" in kinds(NOW, "If you miss it, you will be fined.", glossary)
    assert "invented" in kinds(NOW, "If you miss it, we will stop your benefit.", glossary)
    assert kinds(NOW, "Your appointment is now on 23 June 2026 at 2.15pm.", glossary) == []
    # the letter names a way to get in touch: help said plainly is not comfort of the line's own
    assert "invented" not in kinds(HELP, "If you contact us, we can help.", glossary)


def test_money_of_the_same_family_said_in_other_words_passes(glossary):
    source = "A 50 percent discount will be given if the charge is paid within 14 days."
    assert "fact-moved" not in kinds(
        "The penalty charge of £195 must be paid.", "You must pay the £195 fine.", glossary
    )
    assert "fact-moved" in kinds("The penalty charge of £195 must be paid.", "You must pay £195 rent.", glossary)
    assert "money" not in kinds(source, "Pay within 14 days and you only pay half.", glossary)

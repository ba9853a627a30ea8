"""Round 6: real model lines from drafts of real letters that reached residents unmarked, each beside faithful
siblings that must not be flagged. The letter sentences are verbatim from benchmarks/easyread_bench/real_letters;
the flagged lines are the model's own. Checked with the default glossary, as the pipeline checks them."""

from pathlib import Path

from easyread.verify.rules import assess

LETTERS = Path(__file__).resolve().parents[2] / "benchmarks" / "easyread_bench" / "real_letters"


def kinds(source, output, glossary):
    return [p.kind for p in assess([source], output, glossary=glossary).problems]


AGREEMENT = (
    "Thank you for contacting me about your rent arrears, and this letter confirms the agreement you have made to "
    "clear your arrears."
)
HEARING = "At the Court hearing, the Council will be asking for:"
COVID = (
    "We are aware that the coronavirus pandemic has had a direct impact on many of our tenants’ ability to pay their "
    "current rent so we will not escalate any case to Court if you can demonstrate that your arrears have accrued as "
    "a result of the impact of Covid-19 on your finances."
)
DETAILS = (
    "Please contact me immediately to ensure I have your current financial details, if you do not contact me, the "
    "Council will request a Court Order based on the most recent information we have."
)
PIP = "If you want to claim PIP call 0800 917 2222 by 12 December 2023."
INFORMATION = "We will ask you some information including:"
UNIT = "The Day Surgery Unit,"
WAIT = "Support for you while you wait for your appointment."
THIRD = (
    "Through a third party such as a family member, friend, carer, or an advice agency such as the Citizens Advice "
    "Bureau."
)


def test_the_letter_sentences_are_verbatim():
    text = " ".join(p.read_text(encoding="utf-8") for p in LETTERS.glob("*.txt")).replace("\n", " ")
    text = " ".join(text.split())
    for sentence in (AGREEMENT, HEARING, DETAILS, PIP, INFORMATION, UNIT, WAIT, THIRD):
        assert sentence in text, sentence


def test_a_reason_borrowed_from_the_glossary_is_flagged(glossary):
    assert "invented" in kinds(
        AGREEMENT, "This agreement means you owe money because you did not pay on time.", glossary
    )
    assert kinds(AGREEMENT, "This letter confirms the agreement you made to pay off your rent arrears.", glossary) == []
    # The glossary's reason is fine where the line explains the glossary's own word.
    assert kinds(AGREEMENT, "Arrears means money you owe because you did not pay on time.", glossary) == []


def test_a_lead_in_filled_with_an_object_or_cut_before_it_is_flagged(glossary):
    assert "invented" in kinds(HEARING, "At the Court hearing, the Council will be asking for information.", glossary)
    assert kinds(HEARING, "At the court hearing, the Council will ask for these things:", glossary) == []
    assert kinds(HEARING, "At the Court hearing, we will ask the court for the following things.", glossary) == []
    assert "invented" in kinds(INFORMATION, "We will ask you for information about your medical condition.", glossary)
    assert "fragment" in kinds(INFORMATION, "We will ask you.", glossary)
    assert kinds(INFORMATION, "We will ask you for some information, such as:", glossary) == []
    assert kinds(INFORMATION, "We will ask you for some information.", glossary) == []


def test_a_condition_to_prove_made_a_plain_condition_is_flagged(glossary):
    found = kinds(COVID, "We will not escalate any case to Court if their arrears are due to the pandemic.", glossary)
    assert "condition" in found and "agent" in found
    assert (
        kinds(COVID, "We will not take your case to court if you can show that Covid-19 caused your arrears.", glossary)
        == []
    )
    # "their" for the letter's "your" on its own
    assert "agent" in kinds(
        COVID, "We will not take a case to court if they can show that Covid-19 caused their arrears.", glossary
    )


def test_who_gets_the_details_reversed_is_flagged(glossary):
    assert "agent" in kinds(DETAILS, "Contact me right away to get your financial details.", glossary)
    assert kinds(DETAILS, "Please contact me now so I have your up-to-date money details.", glossary) == []


def test_a_deadline_made_an_appointment_or_an_order_is_flagged(glossary):
    assert "fact-moved" in kinds(PIP, "This call will be made on 12 December 2023.", glossary)
    assert "condition" in kinds(PIP, "This call must be made by 12 December 2023.", glossary)
    assert kinds(PIP, "If you want to claim PIP, call 0800 917 2222 by 12 December 2023.", glossary) == []
    assert kinds(PIP, "Do you want to claim PIP? Call 0800 917 2222 by 12 December 2023.", glossary) == []


def test_a_changed_name_is_flagged(glossary):
    assert "invented" in kinds(UNIT, "The Department of Surgery.", glossary)
    assert kinds(UNIT, "The Day Surgery Unit.", glossary) == []


def test_a_heading_made_a_promise_is_flagged(glossary):
    assert "invented" in kinds(WAIT, "We'll be here to help you wait.", glossary)
    assert kinds(WAIT, "Help for you while you wait for your appointment.", glossary) == []


def test_a_qualifier_that_narrows_the_letters_noun_is_flagged(glossary):
    assert "invented" in kinds(THIRD, "You can get help from a family member, friend, or a paid carer.", glossary)
    assert (
        kinds(THIRD, "Someone else can help, such as a family member, friend, carer or Citizens Advice.", glossary)
        == []
    )

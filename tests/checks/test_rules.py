"""Each rule fires on a sentence that breaks it and stays quiet on one that does not."""

from dataclasses import replace

import pytest

from easyread.checks.findings import FAIL, WARN
from easyread.checks.registry import REGISTRY, Options
from easyread.checks.rules import check_document_text, check_paragraph, check_sentence, split_sentences
from easyread.documents.model import Mark
from easyread.glossary import Glossary, GlossaryEntry

CASES = [
    # rule id, breaks the rule, keeps the rule
    (
        "sentence-length",
        "You must pay the amount shown on your bill within the next few days or we will write to you again.",
        "You must pay the bill.",
    ),
    ("one-idea", "You must pay the bill and you must phone us.", "You must pay the bill."),
    ("one-idea", "We will visit you because your boiler is broken.", "We will visit you on 4 June 2025."),
    (
        "one-idea",
        "We may apply for a liability order, which will add costs to your account.",
        "If you pay today, you can keep paying each month.",
    ),
    ("passive-voice", "A letter will be sent to you.", "We will send you a letter."),
    ("negative", "Do not forget to pay.", "Remember to pay."),
    ("double-negative", "You cannot not pay this bill.", "You must pay this bill."),
    ("double-negative", "It is not unlikely that we will visit.", "We will probably visit."),
    ("question", "Why not pay by phone?", "Do you need help?"),
    ("question", "What should be done about the remaining balance on the account this year?", "What happens next?"),
    ("uncommon-word", "We will recalculate the amount.", "We will work out the amount again."),
    ("long-word", "Tell us if your circumstances change.", "Tell us if your life changes."),
    ("jargon", "You are in arrears.", "You owe us money."),
    ("jargon", "We will pay in accordance with the rules.", "We will follow the rules."),
    ("acronym", "Send the form to the DWP.", "Send the form to the Department for Work and Pensions (DWP)."),
    ("abbreviation", "Bring a paper, e.g. a bank statement.", "Bring a paper, for example a bank statement."),
    ("abbreviation", "Bring bills, letters etc.", "Bring bills and letters."),
    ("number-words", "Pay within seven days.", "Pay within 7 days."),
    ("percent-fraction", "You get 50% off.", "You pay £35."),
    ("percent-fraction", "Half of the bill is due now.", "You must pay £35 now."),
    ("big-number", "You have savings of £14250.", "You have savings of £14,250."),
    ("date-format", "Pay by 4th June 2025.", "Pay by 4 June 2025."),
    ("date-format", "Pay by 04/06/2025.", "Pay by 4 June 2025."),
    ("date-format", "Pay by June 4, 2025.", "Pay by 4 June 2025."),
    ("weekday-only", "We will visit on Monday.", "We will visit on Monday 2 June 2025."),
    ("time-format", "We will come at 17:30.", "We will come at 5:30pm."),
    ("time-format", "We will come at 12pm.", "We will come at midday."),
    ("time-format", "We will come at 9:00am.", "We will come at 9am."),
    ("range", "We are open 9am-5pm.", "We are open 9am to 5pm."),
    ("range", "We are open Monday–Friday.", "We are open Monday to Friday."),
    ("brackets", "Bring your bank card (if you have one).", "Bring your bank card if you have one."),
    ("semicolon", "Pay the bill; then keep the receipt.", "Pay the bill. Then keep the receipt."),
    ("slash", "You and/or your partner must sign.", "You or your partner must sign."),
    ("idiom", "Please bear in mind that we are closed.", "We are closed."),
    ("idiom", "We will look into it in due course.", "We will check it soon."),
    ("block-capitals", "PLEASE PAY NOW.", "Please pay now."),
]


@pytest.mark.parametrize("rule_id, bad, good", CASES, ids=[f"{c[0]}: {c[1][:30]}" for c in CASES])
def test_rule_fires_and_does_not_fire(rule_id, bad, good):
    assert rule_id in {f.rule_id for f in check_sentence(bad)}, check_sentence(bad)
    assert rule_id not in {f.rule_id for f in check_sentence(good)}, check_sentence(good)


def test_every_registered_rule_is_tested():
    tested = {c[0] for c in CASES} | {"formatting", "paragraph-length", "document-length"}
    assert set(REGISTRY) <= tested


def test_findings_point_at_the_offending_words():
    sentence = "Pay within seven days, e.g. online."
    for finding in check_sentence(sentence):
        assert sentence[finding.start : finding.end] == finding.text
        assert finding.severity in (FAIL, WARN)
        assert finding.message and finding.suggestion
    words = {f.rule_id: f.text for f in check_sentence(sentence)}
    assert words["number-words"] == "seven"
    assert words["abbreviation"] == "e.g."


def test_sentence_length_warns_over_15_and_fails_over_20():
    def severity(n):
        return [f.severity for f in check_sentence(" ".join(["word"] * n) + ".") if f.rule_id == "sentence-length"]

    assert severity(15) == []
    assert severity(16) == [WARN]
    assert severity(20) == [WARN]
    assert severity(21) == [FAIL]
    assert [
        f.severity
        for f in check_sentence("a b c d e f.", options=replace(Options.defaults(), sentence_warn_words=5))
        if f.rule_id == "sentence-length"
    ] == [WARN]


def test_glossary_term_is_not_also_an_uncommon_word():
    glossary = Glossary([GlossaryEntry("recalculate", "Work out again.")])
    ids = [f.rule_id for f in check_sentence("We will recalculate the amount.", glossary=glossary)]
    assert "jargon" in ids and "uncommon-word" not in ids


def test_jargon_is_flagged_the_first_time_only():
    check = check_paragraph("You are in arrears. The arrears are £50.")
    assert [f.rule_id for f in check.all_findings()].count("jargon") == 1


def test_acronym_explained_in_the_glossary_or_earlier_is_fine():
    assert "acronym" not in {f.rule_id for f in check_sentence("Ask your GP.")}
    check = check_paragraph("You got a Penalty Charge Notice (PCN). Pay the PCN.")
    assert "acronym" not in {f.rule_id for f in check.all_findings()}


def test_web_addresses_phone_numbers_and_references_are_left_alone():
    ids = {f.rule_id for f in check_sentence("Go to www.northbridge.gov.uk/pay or quote CT/REM1/88213.")}
    assert not ids & {"slash", "acronym", "big-number", "block-capitals", "uncommon-word"}


def test_formatting_marks_fail_for_italics_and_underline_not_bold():
    sentence = "You must pay now."
    assert [f.text for f in check_sentence(sentence, marks=[Mark(9, 12, "italic")]) if f.rule_id == "formatting"] == [
        "pay"
    ]
    assert [f.rule_id for f in check_sentence(sentence, marks=[Mark(0, 3, "underline")])].count("formatting") == 1
    assert "formatting" not in {f.rule_id for f in check_sentence(sentence, marks=[Mark(9, 12, "bold")])}


def test_paragraph_of_more_than_three_sentences_fails():
    long = check_paragraph("We will visit. We will look. We will fix it. We will go.")
    assert [f.severity for f in long.findings if f.rule_id == "paragraph-length"] == [FAIL]
    assert long.findings[0].text.startswith("We will go")
    assert check_paragraph("We will visit. We will look. We will fix it.").findings == []


def test_document_length_words_and_pages():
    assert check_document_text("word " * 1000) == []
    assert [f.rule_id for f in check_document_text("word " * 1001)] == ["document-length"]
    assert "25 pages" in check_document_text("word", pages=25)[0].message


def test_split_sentences_breaks_at_full_stops_and_lines():
    assert split_sentences("You must pay. We will help.\nPhone us") == ["You must pay.", "We will help.", "Phone us"]

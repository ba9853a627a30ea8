"""The fact lock: extraction, normalisation, and planted mistakes on letters with known facts."""

import pytest

from easyread.checks.facts import compare_facts, extract_facts

from .letters import LETTERS, PLANTED


def values(text, kind, language="en"):
    return [f.value for f in extract_facts(text, language) if f.kind == kind]


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("Pay £142.50 now.", "money", "£142.50"),
        ("The bill is £1,710.00 a year.", "money", "£1,710"),
        ("The bill is £1710 a year.", "money", "£1,710"),
        ("It costs 85 pounds.", "money", "£85"),
        ("Due on 1st March 2025.", "date", "2025-03-01"),
        ("Due on 1 March 2025.", "date", "2025-03-01"),
        ("Due on March 1, 2025.", "date", "2025-03-01"),
        ("Due on 01/03/2025.", "date", "2025-03-01"),
        ("Come on Tuesday 22 April 2025.", "date", "2025-04-22"),
        ("Come at 5:30pm.", "time", "17:30"),
        ("Come at 5.30 p.m.", "time", "17:30"),
        ("Come at 17:30.", "time", "17:30"),
        ("Come at 12 noon.", "time", "12:00"),
        ("Come at midday.", "time", "12:00"),
        ("Pay within seven days.", "duration", "7 days"),
        ("Pay within 7 days.", "duration", "7 days"),
        ("Pay within two weeks.", "duration", "14 days"),
        ("We will decide in 20 working days.", "duration", "20 working days"),
        ("It lasts 90 minutes.", "duration", "90 minutes"),
        ("It lasts one and a half hours.", "duration", "90 minutes"),
        ("Appeal within one calendar month.", "duration", "1 month"),
        ("Call 0161 496 0120 today.", "phone", "01614960120"),
        ("Call +44 161 496 0120 today.", "phone", "01614960120"),
        ("Call 01793 445500 today.", "phone", "01793445500"),
        ("In an emergency call 999.", "phone", "999"),
        ("Email Counciltax@Northbridge.gov.uk today.", "email", "counciltax@northbridge.gov.uk"),
        ("Go to https://www.northbridge.gov.uk/pay.", "url", "northbridge.gov.uk/pay"),
        ("Go to www.northbridge.gov.uk/pay today.", "url", "northbridge.gov.uk/pay"),
        ("Send it to NB4 2JP.", "postcode", "NB4 2JP"),
        ("Our ref: CT/REM1/88213.", "reference", "CT/REM1/88213"),
        ("Account 40018837.", "reference", "40018837"),
        ("Reference RR-2025-31177.", "reference", "RR-2025-31177"),
        ("You can appeal this decision.", "right", "appeal"),
        ("You can ask us to review the decision.", "right", "review"),
        ("You must pay by 10 March 2025.", "deadline", "by 2025-03-10"),
        ("You must pay no later than 10 March 2025.", "deadline", "by 2025-03-10"),
        ("You can appeal within 1 month.", "deadline", "within 1 month"),
        ("Choose up to 4 schools.", "number", "4"),
        ("Choose up to four schools.", "number", "4"),
    ],
)
def test_extracts_and_normalises(text, kind, value):
    assert value in values(text, kind), extract_facts(text)


def test_offsets_point_at_the_words_as_written():
    text = "Pay £1,710.00 by 1st March 2025."
    for fact in extract_facts(text):
        assert text[fact.start : fact.end] == fact.text
    assert {f.text for f in extract_facts(text)} >= {"£1,710.00", "1st March 2025"}


def test_a_rate_is_not_a_duration():
    assert values("The line is open 24 hours a day.", "duration") == ["24 hours"]


def test_a_hyphenated_duration_is_the_same_fact_as_the_spaced_one():
    # Read on a real model line: "a 3-year recall" for the letter's "a 3 year recall" was "3", a number the letter
    # does not have, and so an invented fact.
    assert values("You are on a 3-year recall.", "duration") == values("You are on a 3 year recall.", "duration")
    assert values("The 12-month subscription fee is £82.", "duration") == values("It lasts 12 months.", "duration")
    compared = compare_facts("You are on a 3 year recall.", "You are on a 3-year recall.")
    assert not compared.invented and not compared.lost


def test_year_ranges_and_times_are_not_references():
    assert values("The bill for 2025-26 is ready. Open 9am to 5pm.", "reference") == []


@pytest.mark.parametrize("name", LETTERS)
def test_faithful_rewrite_raises_no_alarm(name):
    source, easy = LETTERS[name]
    result = compare_facts(source, easy)
    assert result.ok, result.to_dict()
    assert len(result.kept) >= 6


@pytest.mark.parametrize("letter, what, old, new, outcome, kind", PLANTED, ids=[p[1] + " in " + p[0] for p in PLANTED])
def test_planted_mistake_is_found(letter, what, old, new, outcome, kind):
    source, easy = LETTERS[letter]
    assert old in easy
    result = compare_facts(source, easy.replace(old, new, 1))
    found = {
        "lost": [f.kind for f in result.lost],
        "changed": [s.kind for s, _ in result.changed],
        "invented": [f.kind for f in result.invented],
    }
    assert kind in found[outcome], result.to_dict()
    assert not result.ok


def test_all_planted_mistakes_found():
    """The figure for the report: every planted mistake is caught (100%)."""
    caught = 0
    for letter, _, old, new, _outcome, _kind in PLANTED:
        source, easy = LETTERS[letter]
        result = compare_facts(source, easy.replace(old, new, 1))
        caught += not result.ok
    assert caught == len(PLANTED) >= 20


def test_changed_pairs_source_and_draft_values():
    result = compare_facts("Pay £142.50 by 10 March 2025.", "Pay £142.50 by 11 March 2025.")
    (src, dft), *_ = [c for c in result.changed if c[0].kind == "date"]
    assert (src.value, dft.value) == ("2025-03-10", "2025-03-11")
    assert result.to_dict()["changed"][0]["source"]["kind"]


def test_date_without_year_matches_date_with_year():
    assert compare_facts("Pay by 10 March 2025.", "Pay by 10 March.").ok


def test_translation_polish_dates_and_money_match_by_value():
    source = "Pay £142.50 by 10 March 2025. Call 0161 496 0199 within 7 days."
    polish = "Zapłać 142,50 £ do 10 marca 2025. Zadzwoń pod numer 0161 496 0199 w ciągu 7 dni."
    result = compare_facts(source, polish, draft_language="pl")
    assert result.ok, result.to_dict()
    wrong = compare_facts(source, polish.replace("10 marca", "11 marca"), draft_language="pl")
    assert [s.kind for s, _ in wrong.changed] == ["date"]


def test_translation_urdu_with_eastern_digits():
    source = "Your appointment is on 9 June 2025. Call 0161 496 0355."
    urdu = "آپ کی ملاقات ۹ جون ۲۰۲۵ کو ہے۔ 0161 496 0355 پر کال کریں۔"
    result = compare_facts(source, urdu, draft_language="ur")
    assert result.ok, result.to_dict()


def test_translation_number_change_is_caught():
    source = "Call 0161 496 0199 within 7 days."
    result = compare_facts(source, "Zadzwoń pod numer 0161 496 0199 w ciągu 8 dni.", draft_language="pl")
    assert [(s.value, d.value) for s, d in result.changed] == [("7", "8")]

"""The fact lock across languages: facts identical, dates by value and in the language's own form."""

from __future__ import annotations

import pytest

from easyread.translate.factcheck import check_translation, date_forms, preferred_date, protect_spans
from easyread.translate.placeholders import protect, restore

SOURCE = "Pay £125.00 by 1 March 2025. Call 01632 960 123 or email tax@council.gov.uk. You have 28 days."


@pytest.mark.parametrize(
    "language,text",
    [
        ("pl", "Zapłać 125,00 £ do 1 marca 2025. Zadzwoń pod 01632 960 123 lub tax@council.gov.uk. Masz 28 dni."),
        (
            "ur",
            "1 مارچ، 2025 تک £125.00 ادا کریں۔ 01632 960 123 پر کال کریں یا tax@council.gov.uk ۔ آپ کے پاس ۲۸ دن ہیں۔",
        ),
        ("zh-Hant", "請在2025年3月1日前支付£125.00。請致電01632 960 123或電郵tax@council.gov.uk。您有28天。"),
        (
            "cy",
            "Talwch £125.00 erbyn 1 Mawrth 2025. Ffoniwch 01632 960 123 neu tax@council.gov.uk. Mae gennych 28 diwrnod.",
        ),
    ],
)
def test_faithful_translations_keep_every_fact(language, text):
    check = check_translation(SOURCE, text, language)
    assert check.ok, check.finding()
    assert not check.date_format


def test_changed_money_and_date_are_caught():
    check = check_translation(
        SOURCE, "Zapłać £12.00 do 2 marca 2025. Zadzwoń pod 01632 960 123 lub tax@council.gov.uk. Masz 28 dni.", "pl"
    )
    assert not check.ok
    assert {(s.kind, d.text) for s, d in check.changed} == {("money", "£12.00"), ("date", "2 marca 2025")}
    assert check.finding()["level"] == "fail"


def test_lost_phone_and_url_are_caught():
    check = check_translation("Call 01632 960 123 or visit www.council.gov.uk/pay.", "Zadzwoń do nas.", "pl")
    assert {f.kind for f in check.lost} == {"phone", "url"}


def test_an_english_month_in_polish_is_not_the_polish_form():
    check = check_translation("Pay by 1 March 2025.", "Zapłać do 1 March 2025.", "pl")
    assert not check.ok  # Polish text with an English month: the date is not found as Polish


def test_right_date_in_another_form_is_kept_but_reported():
    check = check_translation("Pay by 1 March 2025.", "Zapłać do 01.03.2025.", "pl")
    assert check.ok and check.date_format == ["01.03.2025"]


def test_dates_are_written_the_babel_way():
    assert preferred_date("2025-03-01", "pl") == "1 marca 2025"
    assert preferred_date("2025-03-01", "zh-Hant") == "2025年3月1日"
    assert preferred_date("--03-01", "pl") == "1 marca"
    assert "1 مارچ، 2025" in date_forms("2025-03-01", "ur")


def test_protect_spans_renders_dates_for_the_language_and_copies_other_facts():
    lost = check_translation(SOURCE, "Zapłać.", "pl").lost
    spans = protect_spans(SOURCE, lost, "pl")
    values = [value for _, _, value in spans]
    assert "£125.00" in values and "1 marca 2025" in values and "01632 960 123" in values and "28" in values
    protected = protect(SOURCE, spans)
    assert "£125.00" not in protected.text and "⟦1⟧" in protected.text
    text, lost_markers = restore(protected.text, protected.values)
    assert lost_markers == [] and "1 marca 2025" in text


def test_restore_accepts_small_marker_changes_and_reports_lost_ones():
    text, lost = restore("Płać [[1]] teraz ⟦ 2 ⟧ ⟦9⟧", {1: "podatek", 2: "£5", 3: "x"})
    assert text == "Płać podatek teraz £5" and lost == [3]


def _decimal_comma_languages() -> list[str]:
    """Every catalogue language that babel (CLDR) says writes decimals with a comma."""
    from easyread.checks.factpatterns import decimal_symbol
    from easyread.translate.catalogue import all_languages

    return [lang.code for lang in all_languages() if not lang.signed and decimal_symbol(lang.base) == ","]


def test_the_catalogue_has_the_decimal_comma_languages_the_issue_names():
    assert {"es", "de", "pt", "ro", "pl", "fr"} <= set(_decimal_comma_languages())


@pytest.mark.parametrize("language", _decimal_comma_languages())
def test_decimal_comma_languages_read_pounds_and_pence_by_value(language):
    from babel import Locale
    from babel.numbers import format_decimal

    from easyread.checks.facts import extract_facts

    locale = Locale.parse(language.split("-")[0])
    local_amount = format_decimal(1250.5, "#,##0.00", locale=locale)  # "1.250,50", "1 250,50"…
    local_rate = format_decimal(2.5, locale=locale)  # "2,5"
    assert "," in local_rate
    # An English amount left in the translation is pounds and pence, never £12,500.
    assert [f.value for f in extract_facts("£125.00", language)] == ["£125"]
    assert [f.value for f in extract_facts(f"{local_amount} £", language) if f.kind == "money"] == ["£1,250.50"]
    source = "You must pay £125.00 and £1,250.50. It goes up by 2.5%."
    faithful = f"Pagar 125.00 £ y {local_amount} £. Sube {local_rate} %."
    assert check_translation(source, faithful, language).ok, check_translation(source, faithful, language).finding()
    wrong = f"Pagar 12.500 £ y {local_amount} £. Sube {local_rate} %."
    check = check_translation(source, wrong, language)
    assert [(s.value, d.value) for s, d in check.changed] == [("£125", "£12,500")]

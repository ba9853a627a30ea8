"""translate_draft with scripted engines: structure, glossary, fact lock, back-translation, bad input."""

from __future__ import annotations

import re

import pytest

from easyread.documents.model import EasyReadDocument, Point, Section
from easyread.translate import (
    EmptyDraft,
    UnknownLanguage,
    flagged_points,
    translate_draft,
)
from easyread.translate.pipeline import FLAG_DRIFT, FLAG_FACTS, FLAG_TERM, FLAG_TRUST
from tests.translate.fakes import FakeTranslator, from_polish, to_polish


def run(draft, languages, engine, settings, embedder, **kwargs):
    return translate_draft(draft, languages, engine=engine, settings=settings, embedder=embedder, **kwargs)


def test_keeps_sections_headings_pictures_and_order(draft, fake, settings, glossary, embedder):
    result = run(draft, "pl", fake, settings, embedder, glossary=glossary).results["pl"]
    assert result.ok and result.tier == "draft"
    doc = result.draft
    assert doc.language == "pl" and doc.direction == "ltr"
    assert doc.title == "PL Twój rachunek"
    assert [s.heading for s in doc.sections] == ["PL Pieniądze", ""]
    assert [p.text for p in doc.points()] == [
        "PL Zapłać £125.00 do 1 marca 2025.",
        "PL Zadzwoń 01632 960 123.",
        "PL Ty masz 28 dni.",
    ]
    first = doc.points()[0]
    assert first.picture.path == draft.points()[0].picture.path and first.picture.alt == "PL Pieniądze"
    assert first.picture.credit == draft.points()[0].picture.credit
    assert [p.source_index for p in doc.points()] == [0, 1, 2]
    assert doc.points()[1].flags == ["fact-readded"]  # the English point's own flag stays
    assert doc.credits == draft.credits
    assert result.facts_kept == 3 and result.flagged == 0 and result.chrf > 90
    assert draft.language == "en" and draft.points()[0].text.startswith("Pay")  # the English draft is untouched


def test_one_batch_per_pass(draft, fake, settings, glossary, embedder):
    run(draft, "pl", fake, settings, embedder, glossary=glossary)
    assert [(s, t, len(texts)) for s, t, texts in fake.calls] == [
        ("en", "pl", 6),
        ("pl", "en", 3),
    ]  # title, heading, 3 points, 1 alt; the empty heading is not sent


def test_direction_follows_the_language(draft, fake, settings, glossary, embedder):
    doc = run(draft, "ur", fake, settings, embedder, glossary=glossary, back_translate=False).results["ur"].draft
    assert (doc.language, doc.direction) == ("ur", "rtl")


def test_glossary_terms_use_the_agreed_translation(fake, settings, glossary, embedder):
    draft = EasyReadDocument("Tax", [Section("", [Point("Your council tax bill is here.")])])
    doc = run(draft, "pl", fake, settings, embedder, glossary=glossary).results["pl"].draft
    assert "⟦1⟧" in fake.calls[0][2][1]  # the engine never saw the English term
    assert doc.points()[0].text == "PL Twój podatek lokalny rachunek jest tutaj."
    assert FLAG_TERM not in doc.points()[0].flags


def test_a_lost_glossary_marker_is_retried_and_flagged(settings, glossary, embedder):
    engine = FakeTranslator(script=lambda text, target: re.sub(r"⟦\d+⟧", "", to_polish(text)))
    draft = EasyReadDocument("Tax", [Section("", [Point("Your council tax bill is here.")])])
    point = run(draft, "pl", engine, settings, embedder, glossary=glossary).results["pl"].draft.points()[0]
    assert "council tax" in point.text  # translated plainly the second time, not left with a hole
    assert FLAG_TERM in point.flags
    assert any("podatek lokalny" in f["message"] for f in point.findings)


def test_a_lost_fact_is_repaired_with_the_fact_protected(draft, settings, glossary, embedder):
    def drops_money(text, target):
        return to_polish(text).replace("£125.00", "sto dwadzieścia pięć funtów")

    engine = FakeTranslator(script=drops_money)
    result = run(draft, "pl", engine, settings, embedder, glossary=glossary).results["pl"]
    point = result.draft.points()[0]
    assert point.text == "PL Zapłać £125.00 do 1 marca 2025."
    assert FLAG_FACTS not in point.flags and result.facts_kept == 3
    assert engine.calls[1][2] == ["Pay ⟦1⟧ by 1 March 2025."]  # only the failing point, its lost fact protected


def test_a_fact_that_stays_wrong_is_flagged_not_hidden(draft, settings, glossary, embedder):
    # Wrong every time, even with the fact protected by a marker on the retry.
    engine = FakeTranslator(
        script=lambda text, target: re.sub(r"⟦\d+⟧", "£152.00", to_polish(text)).replace("125", "152")
    )
    result = run(draft, "pl", engine, settings, embedder, glossary=glossary).results["pl"]
    point = result.draft.points()[0]
    assert "£152.00" in point.text and FLAG_FACTS in point.flags
    assert any(f["check"] == "translation-facts" and f["level"] == "fail" for f in point.findings)
    assert result.facts_kept == 2 and [p.text for _, p in flagged_points(result.draft)] == [point.text]


def test_drifted_meaning_is_flagged_by_back_translation(draft, settings, glossary, embedder):
    engine = FakeTranslator(
        back=lambda text: "The weather is nice today and the park is open." if "Zadzwoń" in text else from_polish(text)
    )
    result = run(draft, "pl", engine, settings, embedder, glossary=glossary).results["pl"]
    points = result.draft.points()
    assert FLAG_DRIFT in points[1].flags and FLAG_DRIFT not in points[0].flags
    finding = [f for f in points[1].findings if f["check"] == "back-translation"][0]
    assert finding["chrf"] < 25 and "weather" in finding["back_translation"]
    assert result.flagged == 1


def test_weak_engine_flags_every_point_for_a_fluent_speaker(draft, settings, glossary, embedder):
    engine = FakeTranslator(supports={"cy": "weak"})
    result = run(draft, "cy", engine, settings, embedder, glossary=glossary, back_translate=False).results["cy"]
    assert result.ok and all(FLAG_TRUST in p.flags for p in result.draft.points())
    assert "not good enough" in result.notes[0]


def test_unknown_code_stops_before_any_work(draft, fake, settings):
    with pytest.raises(UnknownLanguage, match="Did you mean"):
        translate_draft(draft, "pl,xq", engine=fake, settings=settings)
    assert fake.calls == []


def test_unsupported_language_and_bsl_are_errors_for_that_language_only(draft, settings, glossary, embedder):
    engine = FakeTranslator(supports={"pl": "draft"})
    run_ = run(draft, "pl,ps,bfi", engine, settings, embedder, glossary=glossary)
    assert run_.results["pl"].ok and not run_.ok
    assert "cannot translate into Pashto" in run_.results["ps"].error and "NLLB-200" in run_.results["ps"].error
    assert "needs a person" in run_.results["bfi"].error


def test_engine_down_keeps_finished_languages(draft, settings, glossary, embedder):
    engine = FakeTranslator(fail_on="ro")
    result = run(draft, "pl,ro,ur", engine, settings, embedder, glossary=glossary)
    assert result.results["pl"].ok
    assert "not answering" in result.results["ro"].error
    assert result.results["ur"].error.startswith("Not translated: the engine failed while translating Romanian")
    assert set(result.drafts()) == {"pl"} and set(result.errors()) == {"ro", "ur"}
    assert all(target != "ur" for _, target, _ in engine.calls)


def test_empty_draft_is_refused(fake, settings):
    with pytest.raises(EmptyDraft):
        translate_draft(
            EasyReadDocument("Nothing", [Section("Empty", [Point("  ")])]), "pl", engine=fake, settings=settings
        )


def test_text_already_in_the_target_language(fake, settings, glossary, embedder):
    polish = EasyReadDocument(
        "Rachunek",
        [
            Section(
                "",
                [
                    Point(
                        "Prosimy zapłacić rachunek za podatek lokalny do końca miesiąca. Możesz do nas zadzwonić, jeśli potrzebujesz pomocy."
                    )
                ],
            )
        ],
    )
    result = run(polish, "pl", fake, settings, embedder, glossary=glossary)
    assert "already in Polish" in result.results["pl"].error
    marked = EasyReadDocument("Rachunek", [Section("", [Point("Zapłać.")])], language="pl")
    assert "already in Polish" in run(marked, "pl", fake, settings, embedder, glossary=glossary).results["pl"].error


def test_accepts_a_draft_dict_and_reports_plain_data(draft, fake, settings, glossary, embedder):
    result = run(draft.to_dict(), ["pl"], fake, settings, embedder, glossary=glossary)
    data = result.to_dict()
    assert data["ok"] and data["languages"][0]["language"] == "pl" and data["languages"][0]["facts_kept"] == 3
    assert EasyReadDocument.from_dict(result.results["pl"].draft.to_dict()).points()[0].text.startswith("PL ")


def test_english_handed_back_is_flagged(draft, settings, glossary, embedder):
    engine = FakeTranslator(script=lambda text, target: text if "Call" in text or "days" in text else to_polish(text))
    result = run(draft, "pl", engine, settings, embedder, glossary=glossary).results["pl"]
    flags = [p.flags for p in result.draft.points()]
    assert (
        "translation-still-english" not in flags[0]
        and "translation-still-english" in flags[1]
        and "translation-still-english" in flags[2]
    )
    assert result.flagged == 2


def test_a_translation_keeps_each_points_sources(draft, fake, settings, glossary, embedder):
    for n, point in enumerate(draft.points()):
        point.sources = [f"{n + 6}.0"] if n else None  # the first as an old draft: not recorded
    doc = run(draft, "pl", fake, settings, embedder, glossary=glossary).results["pl"].draft
    assert [p.sources for p in doc.points()] == [None, ["7.0"], ["8.0"]]

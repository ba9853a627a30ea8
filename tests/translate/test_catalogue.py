"""The language catalogue: codes, names, scripts and directions from CLDR; lookups and errors."""

from __future__ import annotations

import pytest

from easyread.translate import catalogue
from easyread.translate.engines import declared_tiers, engines_that_can
from easyread.translate.errors import UnknownLanguage


def test_at_least_75_languages_with_names_scripts_and_directions():
    languages = catalogue.all_languages()
    assert len(languages) >= 75
    assert len({lang.code for lang in languages}) == len(languages)
    for lang in languages:
        assert lang.name and lang.endonym and lang.direction in ("ltr", "rtl")
        assert lang.script or lang.signed


def test_uk_community_languages_are_all_there():
    codes = {lang.code for lang in catalogue.all_languages() if lang.community}
    assert {
        "pl",
        "ro",
        "pa-Guru",
        "pa-Arab",
        "ur",
        "bn",
        "gu",
        "ar",
        "pt",
        "es",
        "lt",
        "so",
        "ta",
        "tr",
        "uk",
        "fa",
        "ps",
        "ckb",
        "ti",
        "zh-Hans",
        "zh-Hant",
        "cy",
        "bfi",
    } <= codes


@pytest.mark.parametrize(
    "code,script,direction,endonym",
    [
        ("pa-Guru", "Guru", "ltr", "ਪੰਜਾਬੀ"),
        ("pa-Arab", "Arab", "rtl", None),
        ("ur", "Arab", "rtl", "اردو"),
        ("ckb", "Arab", "rtl", None),
        ("ps", "Arab", "rtl", None),
        ("fa", "Arab", "rtl", None),
        ("ar", "Arab", "rtl", None),
        ("he", "Hebr", "rtl", None),
        ("ti", "Ethi", "ltr", None),
        ("zh-Hant", "Hant", "ltr", None),
        ("cy", "Latn", "ltr", "Cymraeg"),
        ("pl", "Latn", "ltr", "polski"),
    ],
)
def test_scripts_and_directions(code, script, direction, endonym):
    lang = catalogue.lookup(code)
    assert (lang.script, lang.direction) == (script, direction)
    if endonym:
        assert lang.endonym == endonym


def test_bsl_needs_a_person_and_no_engine_claims_it():
    bsl = catalogue.lookup("bfi")
    assert bsl.signed and bsl.name == "British Sign Language"
    for kind in ("embedded", "nllb", "madlad", "m2m100"):
        assert "bfi" not in declared_tiers(kind)


@pytest.mark.parametrize(
    "given,code",
    [
        ("PL", "pl"),
        ("pl_PL", "pl"),
        ("Polish", "pl"),
        ("zh-TW", "zh-Hant"),
        ("zh-CN", "zh-Hans"),
        ("zh", "zh-Hans"),
        ("pt-BR", "pt"),
        ("pa", "pa-Guru"),
        ("pa-PK", "pa-Arab"),
        ("Farsi", "fa"),
        ("Sorani", "ckb"),
        ("BSL", "bfi"),
        ("pol", "pl"),
    ],
)
def test_lookup_accepts_variants_and_names(given, code):
    assert catalogue.lookup(given).code == code


def test_unknown_code_names_near_ones():
    with pytest.raises(UnknownLanguage) as caught:
        catalogue.lookup("Polsh")
    assert "pl" in caught.value.suggestions
    assert "Polsh" in str(caught.value) and "easyread languages" in str(caught.value)
    with pytest.raises(UnknownLanguage, match="English"):
        catalogue.lookup("en")


def test_parse_languages_keeps_order_and_drops_duplicates():
    assert [l.code for l in catalogue.parse_languages("pl, ro,PL,ur")] == ["pl", "ro", "ur"]


def test_tiers_follow_published_quality():
    nllb, m2m, embedded = declared_tiers("nllb"), declared_tiers("m2m100"), declared_tiers("embedded")
    assert nllb["pl"] == "good" and nllb["ti"] == "draft" and "pa-Arab" not in nllb
    assert m2m["pl"] == "draft" and "ti" not in m2m and "zh-Hant" not in m2m
    assert embedded["es"] == "draft" and embedded["ur"] == "weak" and embedded["cy"] == "weak"
    assert any("NLLB" in e for e in engines_that_can("ti"))

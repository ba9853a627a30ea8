"""Glossaries: loading, council files, finding terms, and errors that name the file and line."""

import pytest

from easyread.glossary import DEFAULT_GLOSSARY, GlossaryError, default_glossary, load_glossary, read_glossary_file

REQUIRED_TERMS = [
    "council tax",
    "arrears",
    "liability order",
    "summons",
    "enforcement agent",
    "bailiff",
    "tenancy",
    "housing benefit",
    "council tax reduction",
    "direct debit",
    "assessment",
    "eligible",
    "appeal",
    "GP",
    "referral",
    "care plan",
    "social worker",
    "discretionary housing payment",
    "universal credit",
    "landlord",
    "eviction",
    "section 21 notice",
    "repairs",
    "damp and mould",
    "safeguarding",
    "carer",
    "personal budget",
    "direct payments",
    "reablement",
    "blue badge",
    "council tax band",
    "single person discount",
    "instalment",
    "reminder notice",
    "final notice",
    "court costs",
    "magistrates' court",
    "in accordance with",
]


def test_default_glossary_has_the_common_council_terms():
    glossary = default_glossary()
    assert len(glossary) >= 60
    missing = [t for t in REQUIRED_TERMS if t not in glossary]
    assert missing == []


def test_default_explanations_are_short_and_plain():
    for entry in default_glossary():
        for sentence in entry.explanation.split(". "):
            assert len(sentence.split()) <= 20, entry.term
        assert ";" not in entry.explanation and "(" not in entry.explanation, entry.term


def test_terms_in_is_case_insensitive_whole_words_longest_first():
    glossary = default_glossary()
    found = [
        e.term for e in glossary.terms_in("Apply for COUNCIL TAX REDUCTION. Your Council Tax is due. A carer helps.")
    ]
    assert found == ["council tax reduction", "council tax", "carer"]
    assert glossary.terms_in("The careers fair") == []  # "carer" is not inside "careers"
    assert [e.term for e in glossary.terms_in("Talk to your GPs")] == ["GP"]  # plurals


@pytest.mark.parametrize(
    "text",
    [
        # An HMRC text: explained as the glossary's "assessment" (a meeting about the help you need), its rewrite
        # told the resident something false.
        "If you're registered for Self Assessment, your bill will be adjusted automatically.",
        "You might get a Simple Assessment letter if you owe tax.",
    ],
)
def test_a_term_inside_a_longer_name_is_not_that_term(text):
    assert default_glossary().terms_in(text) == []


@pytest.mark.parametrize(
    "text, term",
    [
        ("We will do an assessment of your needs.", "assessment"),
        ("Assessment is free.", "assessment"),
        ("You can ask for a Financial Assessment.", "financial assessment"),
        ("Pay your Council Tax. Council Tax is due on 1 May.", "council tax"),
    ],
)
def test_a_term_on_its_own_or_starting_a_sentence_is_still_found(text, term):
    assert [e.term.casefold() for e in default_glossary().terms_in(text)] == [term]


def test_council_file_adds_translations_and_overrides(tmp_path):
    (tmp_path / "northbridge.csv").write_text(
        'term,explanation,pl,ur\narrears,"Money you owe, because a bill was not paid.",zaległości,بقایا\nbin day,The day we empty your bin.,,\n',
        encoding="utf-8",
    )
    glossary = load_glossary(glossary_dir=tmp_path)
    arrears = glossary.get("Arrears")
    assert arrears.explanation.startswith("Money you owe, because")
    assert arrears.translations == {"pl": "zaległości", "ur": "بقایا"}
    assert glossary.get("bin day").translations == {}
    assert "council tax" in glossary  # the default file is still there
    assert load_glossary([DEFAULT_GLOSSARY]).get("arrears").translations == {}


@pytest.mark.parametrize(
    "content, line, words",
    [
        ("term,explanation\narrears,\n", 2, "needs a term and an explanation"),
        ("term,explanation\n,Money you owe.\n", 2, "needs a term and an explanation"),
        ("term,explanation\narrears,Money you owe.,extra\n", 2, "has 3 columns"),
        ("term,explanation\narrears,Money you owe.\nArrears,Again.\n", 3, "already on line 2"),
        ("word,meaning\narrears,Money you owe.\n", 1, "term,explanation"),
        ("term,explanation,notalanguage\narrears,Money you owe.,x\n", 1, "not a language code"),
    ],
)
def test_bad_rows_name_the_file_and_line(tmp_path, content, line, words):
    path = tmp_path / "council.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError) as error:
        read_glossary_file(path)
    assert f"council.csv, line {line}" in str(error.value)
    assert words in str(error.value)


def test_blank_and_comment_rows_are_skipped(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("term,explanation\n\n# our own words\nbin day,The day we empty your bin.\n", encoding="utf-8")
    assert [e.term for e in read_glossary_file(path)] == ["bin day"]

"""The conservative fallback says nothing its source does not, and keeps every fact."""

from easyread.checks.facts import compare_facts
from easyread.simplify.checking import load_default_glossary
from easyread.verify import verify_sentence
from easyread.verify.fallback import conservative, split_clauses
from easyread.verify.words import content_stems

SOURCES = [
    "The change was not reported to us until 10 February 2025, and you have been paid too much Housing Benefit.",
    "The overpayment will be recovered by the council.",
    (
        "If you do not pay within seven days, you will lose the right to pay by instalments and the full balance "
        "for the year of £1,425.00 will become due."
    ),
    "We will recover the overpayment by taking £11.55 each week from your ongoing Housing Benefit, starting on 3 March 2025.",
]


def test_fallback_keeps_every_fact_and_adds_none():
    for source in SOURCES:
        out = " ".join(conservative([source]))
        comparison = compare_facts(source, out)
        assert comparison.ok, (source, out, comparison.to_dict())


def test_fallback_says_only_the_letters_words_and_the_glossary():
    glossary = load_default_glossary()
    for source in SOURCES:
        lines = conservative([source], glossary)
        said = [l for l in lines if " means: " not in l]
        assert content_stems(" ".join(said)) <= content_stems(source) | {"we"}, (source, said)
        for line in said:
            assert verify_sentence([source], line, glossary=glossary) == [], (source, line)


def test_two_main_clauses_become_two_sentences():
    assert split_clauses(SOURCES[0]) == [
        "The change was not reported to us until 10 February 2025.",
        "You have been paid too much Housing Benefit.",
    ]


def test_a_condition_is_never_split_from_its_consequence():
    assert split_clauses(SOURCES[2]) == [SOURCES[2]]


def test_passive_with_a_known_agent_turns_active():
    assert conservative([SOURCES[1]]) == ["The council will recover the overpayment."]


def test_glossary_terms_are_explained_in_the_next_sentence():
    lines = conservative([SOURCES[1]], load_default_glossary())
    assert lines[0] == "The council will recover the overpayment."
    assert lines[1].startswith('"Overpayment" means: ')


def test_a_sentence_the_parse_cannot_split_comes_back_whole():
    odd = "Ref: HB/CTR/7730451 — 20/02/2025; amount £312.40"
    assert conservative([odd]) == [odd]

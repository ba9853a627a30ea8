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


# Long sentences of the real letters in benchmarks/easyread_bench/real_letters (public Hackney and NHS letters), each with the
# short sentences the fallback makes of them: the condition asked first, a purpose, a "which" clause and a
# concession on their own, a lead-in taken off.
LONG = {
    "If you are unable to make this appointment, please contact us on 020 0000 0000 or email outpatients@example.nhs.uk.": [
        "Are you unable to make this appointment?",
        "Please contact us on 020 0000 0000 or email outpatients@example.nhs.uk.",
    ],
    (
        "If your financial circumstances change or if you are unable to pay the agreed amounts you should contact "
        "this office immediately."
    ): [
        "Do your financial circumstances change?",
        "Or are you unable to pay the agreed amounts?",
        "You should contact this office immediately.",
    ],
    "You must come in for 8am so that we can make sure you are fully prepared for your procedure.": [
        "You must come in for 8am.",
        "This is so that we can make sure you are fully prepared for your procedure.",
    ],
    (
        "Whilst every effort will be made to ensure that beds are available for waiting list cases, emergencies can "
        "arise which may mean that your admission has to be rebooked."
    ): [
        "Every effort will be made to ensure that beds are available for waiting list cases.",
        "But emergencies can arise which may mean that your admission has to be rebooked.",
    ],
    (
        "Please note that as your stay may only be for one night or less, you will not be dispensed your regular "
        "medication on discharge."
    ): [
        "Your stay may only be for one night or less.",
        "So you will not be dispensed your regular medication on discharge.",
    ],
}


def test_long_sentences_are_cut_into_short_sentences_that_each_pass_the_meaning_rules():
    from easyread.verify import assess

    glossary = load_default_glossary()
    for source, expected in LONG.items():
        out = conservative([source])
        assert out == expected, (source, out)
        for n, line in enumerate(out):
            assert len(line.split()) <= 15, line
            verdict = assess([source], line, glossary=glossary, context=" ".join(out[:n]))
            assert verdict.problems == [], (source, line, verdict.problems)
        assert compare_facts(source, " ".join(out)).ok


def test_a_cut_the_meaning_rules_reject_is_not_made_and_the_consequence_keeps_its_link():
    # "Should you pay after ... but before ...": the clause split leaves a piece ending at "but", a fragment the
    # meaning rules reject, so the condition stays whole; the "or" consequence is cut off with its link.
    source = (
        "Should you make payment after the 30 days have elapsed but before a claim is sent for issuing to court, "
        "you should contact the Council immediately or you may still be at risk for court costs."
    )
    assert conservative([source]) == [
        "Should you make payment after the 30 days have elapsed but before a claim is sent for issuing to court, "
        "you should contact the Council immediately.",
        "If you do not, you may still be at risk for court costs.",
    ]


def test_a_short_sentence_is_not_cut_further():
    short = "If you do not want to claim, call 0800 121 4433."
    assert conservative([short]) == [short]


def test_a_trailing_condition_with_a_second_clause_is_not_asked_as_a_question():
    # Real letter 02: the question took in "and ask to ask that you get in touch", which is the letter's request.
    source = (
        "Further to our previous letter about your rent payments, I am writing to repeat our offer to support you "
        "if you need it during this difficult time and ask to ask that you get in touch to discuss any problems."
    )
    assert not any(line.startswith("Do you need it") for line in conservative([source]))


def test_a_piece_that_ends_where_the_letters_sentence_ends_is_not_a_fragment():
    source = (
        "If you are in financial difficulty, please talk to us so that we can take your circumstances into account "
        "and ensure you get any help that you are entitled to."
    )
    out = conservative([source])
    assert out[:2] == ["Are you in financial difficulty?", "Please talk to us."], out
    assert out[2].startswith("This is so that we can take your circumstances into account"), out


def test_a_condition_ending_in_then_is_asked_without_it():
    # Letter 06 of the real letters (Hackney): the question came out as "... Financial Inclusion Team then?"
    source = (
        "If you think that you would benefit from a referral to our Financial Inclusion Team then please contact me "
        "as soon as possible on 020 8356 3100."
    )
    pieces = conservative([source])
    assert pieces[0] == "Do you think that you would benefit from a referral to our Financial Inclusion Team?"
    assert not any(p.rstrip("?.").endswith(" then") for p in pieces)

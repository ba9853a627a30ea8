"""Every Easy Read point traces to the letter sentence(s) it says; coverage finds what no point says."""

from easyread.documents.model import Block, BlockKind, EasyReadDocument, Point, Section
from easyread.simplify.pipeline import simplify_document
from easyread.simplify.plan import plan_letter
from easyread.simplify.prompts import REWRITE_MARK
from easyread.simplify.trace import coverage

from .fakes import FakeEngine, sentence_of
from .letters import REMINDER, letter


def _every_point_traces(doc, draft):
    ids = doc.sentence_map()
    for point in draft.points():
        assert point.sources, f"no source: {point.text}"
        assert all(s in ids for s in point.sources), (point.text, point.sources)


def test_every_point_traces_to_a_real_sentence_and_every_sentence_is_covered(settings):
    doc = letter(*REMINDER)
    result = simplify_document(doc, FakeEngine(), settings=settings)
    _every_point_traces(doc, result.draft)
    ids = doc.sentence_map()
    # A line says what its source says: the echoing engine's lines are the sentences themselves.
    pay = next(p for p in result.draft.points() if p.text.startswith("You can pay online"))
    assert [ids[s] for s in pay.sources] == ["You can pay online at www.northbridge.gov.uk/pay."]
    about = result.draft.sections[0]
    assert about.heading == "What this letter is about" and about.points[0].sources[0] == "6.0"
    details = next(s for s in result.draft.sections if s.heading == "Your details")
    assert {p.text: p.sources for p in details.points}["Our ref: CT/REM1/88213"] == ["3.0"]
    cov = coverage(doc, result.draft)
    assert cov.uncovered == [] and cov.unsourced == [] and cov.unknown == []
    assert all(not s.text.startswith(("Dear", "Yours")) for s in cov.informative)


def test_one_prompt_per_sentence_with_its_paragraph_and_the_plan_before_it(settings):
    engine = FakeEngine()
    two = (
        "Our records indicate that the instalment of £142.50 remains outstanding on your account. "
        "Failure to remit payment promptly may result in the withdrawal of your entitlement to instalments."
    )
    simplify_document(letter(REMINDER[0], two), engine, settings=settings)
    rewrites = [user for kind, user in engine.calls if kind == "rewrite"]
    assert len(rewrites) == 3  # one per letter sentence
    assert all(u.startswith("Letter: Council Tax reminder\nParagraph:\n") for u in rewrites)
    # The two sentences of one paragraph share everything up to the sentence (the engine reads it once).
    one, other = [u for u in rewrites if "remains outstanding" in u]
    assert one.split(REWRITE_MARK)[0] == other.split(REWRITE_MARK)[0]
    first, rest = two.split(" Failure")
    assert {sentence_of(one), sentence_of(other)} == {first, "Failure" + rest}


def test_a_short_sentence_already_in_easy_read_is_kept_without_a_model_call(settings):
    engine = FakeEngine()
    doc = letter(
        "We will visit your home on 3 March 2025. "
        "Our records indicate that your tenancy agreement requires you to provide access for an inspection."
    )
    result = simplify_document(doc, engine, settings=settings)
    asked = [sentence_of(u) for kind, u in engine.calls if kind == "rewrite"]
    assert asked == [
        "Our records indicate that your tenancy agreement requires you to provide access for an inspection."
    ]
    kept = next(p for p in result.draft.points() if p.text == "We will visit your home on 3 March 2025.")
    assert kept.sources == ["6.0"]


def test_lines_of_a_rewrite_repair_and_split_keep_their_sentence(settings):
    long = (
        "If you are having difficulty paying, please phone us on 0161 496 0199 as soon as you can so that we "
        "can discuss whether you are entitled to a reduction."
    )

    def script(kind, user, chat):
        if kind == "rewrite" and "difficulty" in sentence_of(user):
            return "- " + long
        if kind == "repair" and "difficulty" in user:
            return "- Phone us on 0161 496 0199 if paying is hard.\n- We can check if you can pay less."
        return None

    doc = letter(REMINDER[0], long)
    result = simplify_document(doc, FakeEngine(script), settings=settings)
    by_text = {p.text: p.sources for p in result.draft.points()}
    assert by_text["Phone us on 0161 496 0199 if paying is hard."] == ["7.0"]
    assert by_text["We can check if you can pay less."] == ["7.0"]
    _every_point_traces(doc, result.draft)


def test_the_same_line_from_two_sentences_is_kept_once_with_both_sources(settings):
    def script(kind, user, chat):
        if kind == "rewrite":
            return "- You must pay your Council Tax."
        return None

    doc = letter("You must pay your Council Tax to us.", "Your Council Tax must be paid by you.")
    result = simplify_document(doc, FakeEngine(script), settings=settings)
    point = next(p for p in result.draft.points() if p.text == "You must pay your Council Tax.")
    assert point.sources == ["6.0", "7.0"]


def test_a_re_added_fact_traces_to_the_sentence_that_holds_it(settings):
    def script(kind, user, chat):
        if kind == "rewrite" and "carry on paying" in sentence_of(user):
            return "- You must pay £142.50."  # loses only the date: the fact lock, not the meaning check, puts it back
        if kind == "repair":
            return "- You must pay soon."
        return None

    doc = letter(*REMINDER)
    result = simplify_document(doc, FakeEngine(script), settings=settings)
    readded = [p for p in result.draft.points() if "fact-readded" in p.flags]
    assert readded and all(p.sources == ["7.0"] for p in readded)


def test_list_items_are_rewritten_one_by_one_with_the_sentence_that_leads_into_them(settings):
    doc = letter("We will tell you:", title="Assessment")
    doc.blocks[7:7] = [
        Block(BlockKind.LIST_ITEM, "how much you must pay"),
        Block(BlockKind.LIST_ITEM, "when you must pay it"),
    ]
    plan = plan_letter(doc)
    items = [u for u in plan.units if u.sid in ("7.0", "8.0")]
    assert [u.text for u in items] == ["how much you must pay", "when you must pay it"]
    assert items[0].context == "We will tell you:\n- how much you must pay\n- when you must pay it"


def test_coverage_lists_sentences_no_point_says_and_points_with_no_source():
    doc = letter(*REMINDER)
    draft = EasyReadDocument(
        "Council Tax reminder",
        [
            Section(
                "About",
                [
                    Point("You owe £142.50.", sources=["6.0"]),
                    Point("We are here to help.", sources=[]),
                    Point("An old point.", sources=None),
                    Point("A wrong id.", sources=["99.0"]),
                ],
            )
        ],
    )
    cov = coverage(doc, draft.to_dict())
    uncovered = [s.id for s in cov.uncovered]
    assert "7.0" in uncovered and "8.0" in uncovered and "6.0" not in uncovered
    assert "4.0" not in uncovered  # "Dear Mr Okafor," carries no information
    assert "5.0" not in uncovered  # the heading is the draft's title
    assert [t for _, _, t in cov.unsourced] == ["We are here to help.", "An old point."]
    assert cov.not_recorded == 1 and cov.unknown == ["99.0"]
    assert cov.traced == 2 and 0 < cov.covered_share < 1


def test_no_model_layout_points_get_their_blocks_sentences(tmp_path):
    from easyread.documents.identity import identity_draft
    from easyread.translate.original import letter_as_draft

    doc = letter(*REMINDER)
    _every_point_traces(doc, letter_as_draft(doc))
    draft = identity_draft(doc)
    _every_point_traces(doc, draft)


CARE = (
    "You may be eligible for help from the council with the cost of your care. "
    "We will look at your income, your savings and investments, and any other assets you own. "
    "We take off your essential expenditure before we work out what you pay. "
    "Your contributions will be collected, or will become payable, from the date your care starts. "
    "If your capital is above the upper limit, you will pay the full cost."
)
EASY = (
    "We will visit you at home. We want to talk about the help you get. A worker will come on 3 March 2025. "
    "They will ask you some questions. You can have a friend with you. Phone us if you cannot be there."
)


def test_a_letter_of_hard_words_is_rewritten_even_when_its_sentences_pass(settings):
    engine = FakeEngine()
    result = simplify_document(
        letter(*[s + "." for s in CARE.split(". ")], title="Paying for care"), engine, settings=settings
    )
    assert not result.already_easy
    assert any(kind == "rewrite" for kind, _ in engine.calls)


def test_a_letter_in_easy_read_is_kept(settings):
    engine = FakeEngine()
    result = simplify_document(letter(*EASY.split(". "), title="Our visit"), engine, settings=settings)
    assert result.already_easy
    assert not any(kind == "rewrite" for kind, _ in engine.calls)
    _every_point_traces(letter(*EASY.split(". "), title="Our visit"), result.draft)


def test_hard_words_count_warnings_not_just_failures():
    from easyread.simplify import checking
    from easyread.simplify.inputs import hard_words

    findings = [f for s in checking.split_sentences(CARE) for f in checking.sentence_findings(s)]
    assert hard_words(findings) / len(CARE.split()) > 0.02
    easy = [f for s in checking.split_sentences(EASY) for f in checking.sentence_findings(s)]
    assert hard_words(easy) == 0


def test_write_again_rewrites_only_the_sentences_the_point_says():
    from easyread.documents.read import read_document
    from easyread.jobs.work import source_block

    data = (
        "Dear Ms Smith,\n\nYou must pay £120 by 1 May 2025. If you do not pay, we may take you to court.\n\n"
        "Yours sincerely,\nRevenue Team\n"
    ).encode()
    letter_doc = read_document(data, filename="letter.txt", settings={})
    sid = next(s.id for s in letter_doc.sentences() if s.text.startswith("If you do not pay"))
    one = source_block(data, filename="letter.txt", settings={}, source_index=None, fallback="x", sources=[sid])
    assert one.text() == "If you do not pay, we may take you to court."
    whole = source_block(
        data, filename="letter.txt", settings={}, source_index=int(sid.split(".")[0]), fallback="x", sources=None
    )
    assert whole.text().startswith("You must pay £120")


def test_lines_of_one_sentence_that_fall_back_to_its_words_say_them_once(settings):
    from easyread.simplify.left_out import drop_repeats
    from easyread.simplify.plan import plan_letter
    from easyread.simplify.state import LetterInProgress, Line

    doc = letter("You can ask someone you trust to speak to us for you.")
    in_progress = LetterInProgress(doc, plan_letter(doc))
    words = "You can ask someone you trust to speak to us for you."
    in_progress.lines = [
        Line(words, 0, flags=["meaning-fallback"], sources=["6.0"]),
        Line("We will need your permission.", 0, sources=["6.0"]),
        Line(words, 0, flags=["meaning-fallback", "fact-readded"], sources=["6.0", "7.0"]),
    ]
    drop_repeats([in_progress])
    assert [line.text for line in in_progress.lines] == [words, "We will need your permission."]
    assert in_progress.lines[0].sources == ["6.0", "7.0"]
    assert in_progress.lines[0].flags == ["meaning-fallback", "fact-readded"]

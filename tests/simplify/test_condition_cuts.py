"""A letter sentence with "if" or "unless" keeps the shape of the fallback's faithful cuts (condition asked, then
what it governs); the model only puts the cuts in plainer words, and each plainer line is checked against its cut.

The harm these guard against was read in real drafts of the embedded model: "You might get a lower rate than you
expected." for "If you get a lower rate than you expected, you can ask ..." (a condition said as a possibility)."""

import re

import pytest

from easyread.simplify.checking import load_default_glossary
from easyread.simplify.condition_cuts import condition_cuts, take_plain_words
from easyread.simplify.meaning_fallback import FAITHFUL_FLAG
from easyread.simplify.pipeline import simplify_document

from .fakes import FakeEngine, echo_rewrite, plain_cuts, sentence_of
from .letters import REMINDER, letter

GLOSSARY = load_default_glossary()
EASY = "If you have not paid your rent by 1 May 2026, we may take you to court."
HARD = (
    "If your income or circumstances have changed since you applied, you must inform the Housing Benefit "
    "Department immediately."
)


@pytest.fixture
def settings(settings):
    return {**settings, "REWRITE_CONDITION_CUTS": True}  # the default; the other scripted tests turn it off


def _draft(paragraph, settings, script=None, title="Rent arrears"):
    engine = FakeEngine(script)
    result = simplify_document(letter(paragraph, title=title), engine, settings=settings, glossary=GLOSSARY)
    return result, engine


def _split_off(kind, user, chat):
    """A model that splits the condition off, as the embedded model did on fresh letters."""
    if kind == "rewrite" and "paid your rent" in sentence_of(user):
        return "- You have not paid your rent by 1 May 2026.\n- We may take you to court."
    return None


def test_a_condition_is_said_in_its_cuts_and_the_model_is_not_asked_to_rewrite_it(settings):
    result, engine = _draft(EASY, settings, _split_off)
    points = result.draft.points()
    texts = [p.text for p in points]
    cuts = ["Have you paid your rent by 1 May 2026?", "If not, we may take you to court."]
    assert texts.index(cuts[1]) == texts.index(cuts[0]) + 1
    assert "You have not paid your rent by 1 May 2026." not in texts
    assert not any(k == "rewrite" and "paid your rent" in u for k, u in engine.calls)
    assert any(k == "plain" and "- Have you paid your rent by 1 May 2026?" in u for k, u in engine.calls)
    said = [p for p in points if p.text in cuts]
    assert all(FAITHFUL_FLAG in p.flags and not any(f.startswith("meaning-") for f in p.flags) for p in said)
    assert all(p.sources for p in said)  # traced to the letter sentence


def test_with_the_setting_off_the_model_rewrites_the_condition(settings):
    on, _ = _draft(EASY, settings, _split_off)
    assert on.meaning_flags == []
    result, engine = _draft(EASY, {**settings, "REWRITE_CONDITION_CUTS": False}, _split_off)
    assert any(k == "rewrite" and "paid your rent" in u for k, u in engine.calls)
    # Here the meaning check catches the split-off condition and falls back; on fresh letters it often does not.
    assert [f["sentence"] for f in result.meaning_flags] == ["You have not paid your rent by 1 May 2026."]


def test_the_model_is_asked_only_for_plainer_words_and_a_plainer_line_that_keeps_the_cut_is_used(settings):
    cuts = condition_cuts(HARD, GLOSSARY)
    assert cuts is not None
    assert cuts.pieces == [
        "Have your income or circumstances changed since you applied?",
        "Then you must inform the Housing Benefit Department immediately.",
    ]

    def plainer(kind, user, chat):
        if kind == "plain":
            return plain_cuts(user).replace("inform", "tell")
        if kind == "verify":  # the model's second opinion says no to anything the rules leave to it
            count = len(re.findall(r"^\d+\. ", user.split("Sentences:", 1)[1], re.M))
            return "\n".join(f"{i}: NO" for i in range(1, count + 1))
        return None

    result, engine = _draft(HARD, settings, plainer, title="Housing Benefit")
    texts = [p.text for p in result.draft.points()]
    assert any(k == "plain" for k, _ in engine.calls)
    assert not any(k == "rewrite" and "inform" in u for k, u in engine.calls)
    assert cuts.pieces[0] in texts
    assert "Then you must tell the Housing Benefit Department immediately." in texts
    # The meaning check reads the plainer line after the question it answers (the letter's words, not checked
    # again), so its "Then" goes on from that condition and nothing is marked.
    assert not any(f.startswith("meaning-") for p in result.draft.points() for f in p.flags)
    assert '"Housing benefit" means: Money to help you pay your rent.' in texts


def test_a_plainer_line_that_drops_the_condition_or_a_fact_is_not_used():
    cuts = condition_cuts("If you want to appeal, you must send your appeal form to us by 19 May 2025.", GLOSSARY)
    assert cuts is not None
    question, then = cuts.pieces
    assert (question, then) == ("Do you want to appeal?", "Then you must send your appeal form to us by 19 May 2025.")
    sentence = "If you want to appeal, you must send your appeal form to us by 19 May 2025."
    plainer = "Then you must send your form to us by 19 May 2025."

    def taken(first, second):
        return take_plain_words([first, second], cuts, sentence, GLOSSARY)

    # Plainer words that keep all of it are used; a line given back as it was is the letter's own cut.
    assert taken(question, plainer) == [None, plainer]
    # Said as a fact, not asked: the condition is gone.
    assert taken("You want to appeal.", plainer) == [None, plainer]
    # "Then" dropped: the order reads as one for everybody.
    assert taken(question, "You must send your form to us by 19 May 2025.") == [None, None]
    # A want or a need added to what the condition asks.
    assert taken("Do you need to appeal?", plainer) == [None, plainer]
    # "unable" said "can't" adds no "can".
    waiting = (
        "While we are unable to offer you an appointment at this time, if your condition gets worse, please contact "
        "us so we can make sure you receive the care you need."
    )
    waits = condition_cuts(waiting, GLOSSARY)
    assert waits.pieces[0] == "We are unable to offer you an appointment at this time."
    said = take_plain_words(
        ["We can't give you an appointment right now.", *waits.pieces[1:]], waits, waiting, GLOSSARY
    )
    assert said[0] == "We can't give you an appointment right now."
    # The date changed.
    assert taken(question, "Then you must send your form to us by 29 May 2025.") == [None, None]
    # One line too few: nothing of the reply is used.
    assert take_plain_words([plainer], cuts, sentence, GLOSSARY) == [None, None]


def test_only_sentences_with_a_condition_and_short_cuts_keep_the_cuts():
    assert condition_cuts("Please pay £120 by 1 May 2026.", GLOSSARY) is None
    # A sentence left whole, or cut, over 15 words: the model rewrites the sentence.
    long = (
        "If you are evicted from your home the Council may not provide you and anyone else who is part of your "
        "household with other accommodation."
    )
    assert condition_cuts(long, GLOSSARY) is None
    # The letter's number words are made digits first, as every line's safe fixes do, so they fail no check.
    assert condition_cuts(
        "If you do not pay the bill within twenty-one days, we will send you a reminder.", GLOSSARY
    ).pieces == ["Do you pay the bill within 21 days?", "If not, we will send you a reminder."]
    # A glossary term in the cut is explained after it, in the glossary's words.
    cuts = condition_cuts("If you go to court, you may have to pay court costs of £355.00 as well.", GLOSSARY)
    assert cuts is not None and cuts.explanations and cuts.explanations[0].startswith('"Court costs" means: ')


def test_a_letter_without_conditions_is_rewritten_by_the_model_as_before(settings):
    def script(kind, user, chat):
        return echo_rewrite(sentence_of(user)) if kind == "rewrite" else None

    result, engine = _draft("Please pay your rent of £120 by 1 May 2026 at the council office.", settings, script)
    assert any(k == "rewrite" for k, _ in engine.calls)
    assert not any(k == "plain" for k, _ in engine.calls)


def test_a_long_cut_repaired_by_the_model_is_checked_as_the_model_s_words(settings):
    # The first cut is 18 words: kept as the letter's words, then split by the repair rounds like any long line.
    sentence = (
        "You can challenge the Department for Work and Pensions (DWP) decision about PIP if you didn't get it, "
        "you got a lower rate than you expected, or you think your award isn't long enough."
    )
    cuts = condition_cuts(sentence, GLOSSARY)
    assert cuts is not None and len(cuts.pieces[0].split()) > 15

    def repair(kind, user, chat):
        if kind == "repair" and "if you didn't get it" in user:
            return "- You can challenge the DWP decision.\n- You did not get PIP."  # the condition said as a fact
        return None

    result, _ = _draft(sentence, settings, repair, title="Challenging a PIP decision")
    said = {p.text: p for p in result.draft.points()}
    assert "Did you get a lower rate than you expected?" in said
    repaired = said.get("You did not get PIP.")
    # Without the letter's-words flag the meaning check verified the repair and took it out or marked it.
    assert repaired is None or any(f.startswith("meaning-") for f in repaired.flags)
    assert all(FAITHFUL_FLAG not in p.flags for p in said.values() if p.text.startswith("You can challenge the DWP"))


def test_a_condition_after_so_is_answered_with_then():
    # Read in a real letter's cuts: "So we will not escalate any case to Court." after the question read as a
    # promise to everybody.
    sentence = (
        "We know the pandemic has hit many tenants, so we will not take you to court if you can show your arrears "
        "are due to Covid-19."
    )
    assert condition_cuts(sentence, GLOSSARY).pieces == [
        "We know the pandemic has hit many tenants.",
        "Can you show your arrears are due to Covid-19?",
        "Then we will not take you to court.",
    ]


def test_both_pipeline_paths_say_conditions_as_the_same_cuts(settings):
    from easyread.simplify.pipeline import simplify_documents

    def run(in_flight):
        docs = [letter(*REMINDER), letter(EASY, HARD, title="Housing Benefit")]
        results = simplify_documents(
            docs, FakeEngine(), settings={**settings, "REWRITE_LETTERS_IN_FLIGHT": in_flight}, glossary=GLOSSARY
        )
        return [r.draft.to_dict() for r in results]

    stages, overlapped = run(0), run(2)
    assert overlapped == stages
    texts = [p["text"] for section in stages[1]["sections"] for p in section["points"]]
    assert "Have you paid your rent by 1 May 2026?" in texts


@pytest.mark.model
@pytest.mark.timeout(1500)
def test_the_real_model_says_a_condition_in_the_shape_of_its_cuts():
    from easyread.engines.registry import get_engine

    class Counting:
        """The embedded engine, with the prompts it was asked kept."""

        def __init__(self, engine):
            self.engine, self.asked = engine, []
            self.name, self.stats = engine.name, engine.stats

        def generate(self, prompts, sampling=None):
            self.asked += [chat[-1]["content"] for chat in prompts]
            return self.engine.generate(prompts, sampling)

    engine = Counting(get_engine("embedded", {"MODEL_CACHE": "", "MODEL_BATCH_SIZE": 8}))
    settings = {"REWRITE_REPAIR_ROUNDS": 1, "REWRITE_BEST_OF": 1, "REWRITE_BATCH_SIZE": 8}  # cuts on by default
    doc = letter("We have looked at your Housing Benefit claim.", HARD, title="Housing Benefit")
    result = simplify_document(doc, engine, settings=settings, glossary=GLOSSARY)

    assert not any("Rewrite this sentence:" in asked and "circumstances" in asked for asked in engine.asked)
    assert any("everyday words:" in asked and "- Then you must inform" in asked for asked in engine.asked)
    (sid,) = [s.id for s in doc.sentences() if "circumstances" in s.text]
    said = [p for p in result.draft.points() if p.sources == [sid] and '" means: ' not in p.text]
    assert len(said) == 2, [p.text for p in said]
    question, then = said
    # Whatever words the model chose, the condition is asked and its consequence follows it.
    assert question.text.endswith("?") and then.text.startswith("Then ")
    assert "Housing Benefit" in then.text
    assert not any(f.startswith("meaning-") for p in said for f in p.flags)


def test_each_question_of_the_cuts_keeps_its_answer_even_when_the_answers_are_the_same(settings):
    sentence = (
        "You can challenge the Department for Work and Pensions (DWP) decision about PIP if you didn't get it, "
        "you got a lower rate than you expected, or you think your award isn't long enough."
    )
    result, _ = _draft(sentence, settings, title="Challenging a PIP decision")
    texts = [p.text for p in result.draft.points()]
    answer = "Then you can challenge the Department for Work and Pensions (DWP) decision about PIP."
    for question in ("Did you get a lower rate than you expected?", "Do you think your award isn't long enough?"):
        assert texts[texts.index(question) + 1] == answer  # read in a real draft: the last question hung
    assert texts.count(answer) == 2


def test_a_question_said_again_by_a_fallback_is_said_once_and_keeps_its_answer():
    # Read in a real draft: the plainer "Then ..." line failed the meaning check, its fallback said the whole
    # sentence's cuts again, and the question stayed twice in a row (a question after a question is no answer).
    from easyread.documents.model import Document
    from easyread.simplify.left_out import drop_repeats
    from easyread.simplify.state import LetterInProgress, Line

    asked = "Do you stop receiving Housing Benefit?"
    then = "Then we will send you an invoice for the amount you owe."
    letter = LetterInProgress(doc=Document(title="Housing Benefit"))
    letter.lines = [
        Line(asked, 0, flags=[FAITHFUL_FLAG], sources=["4.0"]),
        Line(asked, 0, flags=[FAITHFUL_FLAG], sources=["4.0"]),
        Line(then, 0, flags=[FAITHFUL_FLAG], sources=["4.0"]),
        Line("Are you unable to pay this in full?", 1, sources=["4.1"]),
        Line(then, 1, sources=["4.1"]),  # said before, but it answers the question before it
    ]
    drop_repeats([letter])
    assert [line.text for line in letter.lines] == [asked, then, "Are you unable to pay this in full?", then]

    # Another question goes on from the one before it, even said before: "Or ...?" keeps its place.
    either = "Or are you unwell on the day?"
    letter.lines = [
        Line("Is the date a problem?", 0, sources=["5.0"]),
        Line(either, 0, sources=["5.0"]),
        Line("Then please call us.", 0, sources=["5.0"]),
        Line("Do you have a cough?", 1, sources=["6.0"]),
        Line(either, 1, sources=["6.0"]),
        Line("Then please stay at home.", 1, sources=["6.0"]),
    ]
    drop_repeats([letter])
    assert [line.text for line in letter.lines].count(either) == 2

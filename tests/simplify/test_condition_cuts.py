"""A letter sentence with "if" or "unless" keeps the shape of the fallback's faithful cuts (condition asked, then
what it governs); the model only puts the cuts in plainer words, and each plainer line is checked against its cut.

The harm these guard against was read in real drafts of the embedded model: "You might get a lower rate than you
expected." for "If you get a lower rate than you expected, you can ask ..." (a condition said as a possibility)."""

from easyread.simplify.checking import load_default_glossary
from easyread.simplify.condition_cuts import condition_cuts, take_plain_words
from easyread.simplify.meaning_fallback import FAITHFUL_FLAG
from easyread.simplify.pipeline import simplify_document

from .fakes import FakeEngine, echo_rewrite, plain_cuts, sentence_of
from .letters import letter

GLOSSARY = load_default_glossary()
EASY = "If you have not paid your rent by 1 May 2026, we may take you to court."
HARD = (
    "If your income or circumstances have changed since you applied, you must inform the Housing Benefit "
    "Department immediately."
)


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
        return None

    result, engine = _draft(HARD, settings, plainer, title="Housing Benefit")
    texts = [p.text for p in result.draft.points()]
    assert any(k == "plain" for k, _ in engine.calls)
    assert not any(k == "rewrite" and "inform" in u for k, u in engine.calls)
    assert cuts.pieces[0] in texts
    assert "Then you must tell the Housing Benefit Department immediately." in texts
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

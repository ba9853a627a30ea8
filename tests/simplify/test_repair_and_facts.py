import pytest

from easyread.simplify.pipeline import simplify_document

from .fakes import FakeEngine, echo_rewrite, sentence_of
from .letters import REMINDER, letter

LONG = (
    "If you are having difficulty paying, please phone us on 0161 496 0199 as soon as you can so that we "
    "can discuss whether you are entitled to a reduction."
)


def _texts(result):
    return [p.text for p in result.draft.points()]


def test_repair_round_splits_a_long_sentence(settings):
    def script(kind, user, chat):
        if kind == "rewrite" and "difficulty" in user:
            return "- " + LONG
        if kind == "repair" and "difficulty" in user:
            assert "Split it into 2 short sentences." in user
            assert "0161 496 0199" in user.split("Keep exactly:")[1]  # the fact to keep is named
            return "- Phone us on 0161 496 0199 if paying is hard.\n- We can check if you can pay less."
        return None

    engine = FakeEngine(script)
    result = simplify_document(letter(*REMINDER), engine, settings=settings)
    texts = _texts(result)
    assert "Phone us on 0161 496 0199 if paying is hard." in texts
    assert "We can check if you can pay less." in texts
    assert LONG not in texts
    assert result.tokens["repaired"] >= 1


def test_a_repair_that_loses_a_fact_is_refused(settings):
    def script(kind, user, chat):
        if kind == "rewrite" and "difficulty" in user:
            return "- " + LONG
        if kind == "repair":
            return "- Phone us if paying is hard."  # drops the phone number
        return None

    result = simplify_document(letter(*REMINDER), FakeEngine(script), settings=settings)
    texts = _texts(result)
    assert "Phone us if paying is hard." not in texts
    assert any("0161 496 0199" in t for t in texts)


def test_best_of_n_samples_and_keeps_the_best(settings):
    replies = iter(
        [
            "- Phone 0161 496 0199 if paying is hard for you and your family and your friends today.",
            "- Phone 0161 496 0199 if paying is hard.",
        ]
        * 10
    )

    def script(kind, user, chat):
        if kind == "rewrite" and "difficulty" in user:
            return "- " + LONG
        if kind == "repair":
            return next(replies)
        return None

    engine = FakeEngine(script)
    result = simplify_document(
        letter(*REMINDER), engine, settings={**settings, "REWRITE_REPAIR_ROUNDS": 0, "REWRITE_BEST_OF": 2}
    )
    assert "Phone 0161 496 0199 if paying is hard." in _texts(result)
    assert result.tokens["best_of_prompts"] >= 2


def test_lost_fact_is_re_added_from_a_template_and_flagged(settings):
    def script(kind, user, chat):
        if kind == "rewrite" and "carry on paying" in user:
            return "- You must pay £142.50.\n- You can pay online at www.northbridge.gov.uk/pay."
        if kind == "repair":
            return "- You must pay soon."
        return None  # the 'lost fact' prompt gets no usable reply

    result = simplify_document(letter(*REMINDER), FakeEngine(script), settings=settings)
    readded = [p for p in result.draft.points() if "fact-readded" in p.flags]
    texts = [p.text for p in readded]
    assert "The last date is 10 March 2025." in texts
    finding = next(f for p in readded for f in p.findings if f["rule_id"] == "fact-readded")
    assert "10 March 2025" in finding["message"] and finding["severity"] == "warn"
    assert not result.facts.lost and not result.facts.changed


def test_lost_fact_brought_back_by_the_model_is_not_flagged(settings):
    def script(kind, user, chat):
        if kind == "rewrite" and "carry on paying" in user:
            return "- You must pay £142.50 soon.\n- You can pay online at www.northbridge.gov.uk/pay."
        if kind == "lost" and "10 March 2025" in user:
            return "- You must pay by 10 March 2025."
        return None

    result = simplify_document(letter(*REMINDER), FakeEngine(script), settings=settings)
    point = next(p for p in result.draft.points() if p.text == "You must pay by 10 March 2025.")
    assert "fact-readded" not in point.flags
    assert result.facts.ok


def test_invented_fact_from_the_worked_example_is_caught_and_removed(settings):
    def script(kind, user, chat):
        if kind == "rewrite" and "difficulty" in user:
            return "- Phone us on 0161 496 0199 if paying is hard.\n- You owe us £12.34."
        if kind == "repair" and "£12.34" in user:
            assert "Remove £12.34" in user
            return "- You owe us £12.34 today."  # the repair keeps the leak, so it must go
        return None

    result = simplify_document(letter(*REMINDER), FakeEngine(script), settings=settings)
    assert not any("£12.34" in t for t in _texts(result))
    assert any("£12.34" in n for n in result.notes)
    assert not result.facts.invented


def test_deterministic_fixes_apply_to_model_output(settings):
    def script(kind, user, chat):
        if kind == "rewrite" and "carry on paying" in user:
            return "- You must pay £142.50 by 10th March 2025.\n- Pay online at www.northbridge.gov.uk/pay."
        if kind == "rewrite" and "Our records show" in user:  # each sentence said with its own paragraph's facts
            return "- You have not paid £142.50.\n- It was due on the 1st of March 2025."
        return None

    texts = _texts(simplify_document(letter(*REMINDER), FakeEngine(script), settings=settings))
    assert "You must pay £142.50 by 10 March 2025." in texts
    assert "It was due on 1 March 2025." in texts


def test_fixes_unit():
    from easyread.simplify.fixes import fix_sentence, split_long

    assert fix_sentence("Pay within seven days of 1st March 2025.") == "Pay within 7 days of 1 March 2025."
    assert fix_sentence("Come on 18th June at 10.30am.") == "Come on 18 June at 10:30am."
    assert fix_sentence("It was issued at 14:35 on March 3rd, 2025.") == "It was issued at 2:35pm on 3 March 2025."
    assert fix_sentence("Between 8am and 12pm.") == "From 8am to midday."
    assert fix_sentence("Open 9 a.m. to 4.30 p.m.") == "Open 9am to 4:30pm."
    assert fix_sentence("You have twenty-one days and one chance.") == "You have 21 days and one chance."
    assert split_long(
        "You must pay your rent of £98.95 every week, and you must also pay £15.00 each week towards the arrears."
    ) == ["You must pay your rent of £98.95 every week.", "You must also pay £15.00 each week towards the arrears."]
    assert split_long("A short one, and you know it.") == ["A short one, and you know it."]


def test_a_sentence_the_model_repeats_across_paragraphs_appears_once(settings):
    loop = "You can pay online."

    def script(kind, user, chat):
        if kind == "rewrite":
            return echo_rewrite(sentence_of(user)) + f"\n- {loop}\n-  - {loop}"
        return None

    result = simplify_document(letter(*REMINDER), FakeEngine(script), settings=settings)
    texts = _texts(result)
    # once at most: each copy is a line of its own sentence's prompt, and where that sentence does not say it
    # the meaning check replaces it with the letter's words
    assert texts.count(loop) <= 1
    assert not any(t.startswith(("-", "*")) for t in texts)
    assert "You can pay online at www.northbridge.gov.uk/pay." in texts  # the rest is still there


@pytest.mark.parametrize(
    "long, expected",
    [
        (
            "If you think the penalty charge should not have been issued, you can challenge it online.",
            ["Do you think the penalty charge should not have been issued?", "You can challenge it online."],
        ),
        (
            "If you are having difficulty paying, please contact us as soon as possible on 0161 496 0120.",
            ["Are you having difficulty paying?", "Please contact us as soon as possible on 0161 496 0120."],
        ),
        (
            "If you still disagree after we have looked at it again, you can appeal to an independent tribunal.",
            ["Do you still disagree after we have looked at it again?", "You can appeal to an independent tribunal."],
        ),
        (
            "If you have any questions about this letter or your bill, you can phone us on 0161 496 0120.",
            ["Do you have any questions about this letter or your bill?", "You can phone us on 0161 496 0120."],
        ),
    ],
)
def test_a_long_if_you_sentence_becomes_a_question_and_the_action(long, expected):
    from easyread.simplify.fixes import question_first

    assert question_first(long) == expected
    assert " ".join(expected).count("0161") == long.count("0161")  # facts stay, once


@pytest.mark.parametrize(
    "kept",
    [
        "If you do not pay within 7 days, you will lose the right to pay by instalments.",  # 'do' is not on the list
        "If you are not happy with our decision about your claim, you can ask us to look at it again.",  # negated
        "If you have already paid the full amount of £142.50, please ignore this reminder notice.",  # not 'do you have'
        "If we don't agree with your challenge, you can ask an independent tribunal to decide.",  # not a 'you' condition
        "If you think the charge is wrong, the tribunal may decide that the council must refund you.",  # main clause not ours
        "If you think it is wrong, you can challenge it.",  # short already
    ],
)
def test_if_sentences_that_are_not_safe_to_turn_stay_as_they_are(kept):
    from easyread.simplify.fixes import question_first

    assert question_first(kept) == [kept]


def test_the_final_fixes_turn_a_long_condition_into_a_question(settings):
    long = "If you think the penalty charge should not have been issued, you can challenge it online."

    def script(kind, user, chat):
        if kind == "rewrite" and "Paragraph:" in user:
            return f"- {long}"
        return None

    doc = letter(long, title="Penalty charge notice")
    texts = _texts(simplify_document(doc, FakeEngine(script), settings=settings))
    assert "Do you think the penalty charge should not have been issued?" in texts
    assert "You can challenge it online." in texts
    assert long not in texts


def test_a_quote_mark_without_its_partner_is_taken_away():
    from easyread.simplify.fixes import fix_sentence

    # Read in a real draft: a model line that quoted the decision letter, cut at its sentence ends.
    assert fix_sentence('" You can call the DWP to ask for a reconsideration.') == (
        "You can call the DWP to ask for a reconsideration."
    )
    assert fix_sentence('You can call the DWP to ask for a reconsideration.".') == (
        "You can call the DWP to ask for a reconsideration."
    )
    # Quotes with their partners stay.
    assert fix_sentence('"Arrears" means: Money you owe.') == '"Arrears" means: Money you owe.'
    assert fix_sentence('Your letter says: "Call us."') == 'Your letter says: "Call us."'


def test_an_invented_number_removes_only_the_lines_that_state_it():
    # Read in a full draft: an invented "7" removed the letter's own sentence with "£1.67" in it.
    from easyread.simplify.factlock import finish
    from easyread.simplify.plan import plan_letter
    from easyread.simplify.state import LetterInProgress, Line

    doc = letter("The charge works out at around £1.67 for each collection.")
    in_progress = LetterInProgress(doc, plan_letter(doc))
    kept = Line("The charge works out at around £1.67 for each collection.", 0)
    invented = Line("Call us from 7 in the morning.", 0)
    in_progress.lines = [kept, invented]
    finish(in_progress)
    assert kept in in_progress.lines and invented not in in_progress.lines
    assert any("Call us from 7" in n for n in in_progress.notes)

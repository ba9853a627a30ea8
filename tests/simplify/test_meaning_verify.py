"""check_meaning with traced lines (Line.sources): verify, repair once, else fall back and mark."""

from easyread.simplify.meaning import UNVERIFIED_FLAG, check_meaning
from easyread.simplify.meaning_fallback import FAITHFUL_FLAG, FALLBACK_FLAG
from easyread.simplify.plan import plan_letter
from easyread.simplify.state import LetterInProgress, Line

from .fakes import FakeEngine
from .letters import letter

PARAGRAPH = (
    "We will fix the leak within 3 working days. You do not need to be at home for the repair. "
    "If you rent your home, you can get help with your rent."
)


def _in_progress(*lines: tuple[str, str]) -> LetterInProgress:
    doc = letter(PARAGRAPH, title="Repairs")
    in_progress = LetterInProgress(doc, plan_letter(doc))
    ids = {s.text: s.id for s in doc.sentences()}
    in_progress.lines = [Line(text, 0, sources=[ids[source]]) for text, source in lines]
    return in_progress


def _repair_with(text):
    return lambda kind, user, chat: f"- {text}" if kind == "meaning-repair" else None


def test_a_traced_line_is_checked_against_its_own_sentence_and_repaired():
    in_progress = _in_progress(
        ("You need to be at home for the repair.", "You do not need to be at home for the repair.")
    )
    traced = list(in_progress.lines[0].sources)
    engine = FakeEngine(_repair_with("You do not have to be at home for the repair."))
    records = check_meaning([in_progress], engine, batch_size=4)
    assert records == []
    assert [l.text for l in in_progress.lines] == ["You do not have to be at home for the repair."]
    assert in_progress.lines[0].sources == traced and traced
    assert not in_progress.lines[0].flags
    repair_prompt = next(user for kind, user in engine.calls if kind == "meaning-repair")
    assert "The letter says you do not need" in repair_prompt  # the problem is named


def test_a_line_that_fails_twice_falls_back_to_its_source_sentence_only():
    in_progress = _in_progress(
        ("We will fix the leak within 3 working days.", "We will fix the leak within 3 working days."),
        ("You need to be at home for the repair.", "You do not need to be at home for the repair."),
    )
    source_id = in_progress.lines[1].sources
    records = check_meaning([in_progress], FakeEngine(), batch_size=4)  # the fake repair returns the same sentence
    assert [l.text for l in in_progress.lines] == [
        "We will fix the leak within 3 working days.",
        "You do not need to be at home for the repair.",
    ]
    fallback = in_progress.lines[1]
    # The letter's own sentence is Easy Read and says itself: not marked, but it says what it replaced.
    assert FAITHFUL_FLAG in fallback.flags and fallback.sources == source_id
    assert not any(f.startswith("meaning-") for f in fallback.flags)
    assert "You need to be at home for the repair." in fallback.extra[0]["message"]
    assert records[0]["flag"] == FALLBACK_FLAG and records[0]["kind"] == "negation"
    assert not in_progress.lines[0].flags


def _questions(letter_reply, draft_reply):
    """A script answering the model's four questions: one reply for the letter sentence, one for the draft."""

    def script(kind, user, chat):
        if not chat[0]["content"].startswith("You read one short text"):
            return None
        return letter_reply if "If you rent your home" in user.rsplit("Text:", 1)[1] else draft_reply

    return script


def test_an_undecided_line_goes_to_the_model_as_questions_and_different_answers_count():
    source = "If you rent your home, you can get help with your rent."
    in_progress = _in_progress(("You can get help with your rent.", source))
    engine = FakeEngine(
        _questions("1: you\n2: we pay you\n3: may\n4: only if", "1: you\n2: we pay you\n3: may\n4: always")
    )
    check_meaning([in_progress], engine, batch_size=4)
    asked = [user for _, user in engine.calls if "Questions:" in user]
    assert len(asked) == 2  # the same questions, once about the letter sentence, once about the draft
    assert sum("If you rent your home" in user for user in asked) == 1
    assert FAITHFUL_FLAG in in_progress.lines[0].flags and in_progress.lines[0].text == source


def test_the_same_answers_about_letter_and_draft_let_the_line_pass():
    source = "If you rent your home, you can get help with your rent."
    in_progress = _in_progress(("You can get help with your rent.", source))
    same = "1: you\n2: we pay you\n3: may\n4: only if"
    check_meaning([in_progress], FakeEngine(_questions(same, same)), batch_size=4)
    assert in_progress.lines[0].text == "You can get help with your rent." and not in_progress.lines[0].flags


def test_no_usable_answer_leaves_the_line_unverified():
    in_progress = _in_progress(
        ("You can get help with your rent.", "If you rent your home, you can get help with your rent.")
    )
    check_meaning([in_progress], FakeEngine(_questions("I am not sure.", "Maybe.")), batch_size=4)
    assert in_progress.lines[0].flags == [UNVERIFIED_FLAG]


def test_without_the_model_an_undecided_line_is_marked_unverified():
    in_progress = _in_progress(
        ("You can get help with your rent.", "If you rent your home, you can get help with your rent.")
    )
    engine = FakeEngine()
    check_meaning([in_progress], engine, batch_size=4, use_model=False)
    assert not any(kind == "verify" for kind, _ in engine.calls)
    assert in_progress.lines[0].flags == [UNVERIFIED_FLAG]


def test_the_question_before_carries_the_condition():
    source = "If you rent your home, you can get help with your rent."
    in_progress = _in_progress(("Do you rent your home?", source), ("You can get help with your rent.", source))
    engine = FakeEngine()
    check_meaning([in_progress], engine, batch_size=4, use_model=False)
    assert [l.flags for l in in_progress.lines] == [[], []]


def test_a_line_from_a_label_with_no_verb_is_never_passed_on_the_models_word_alone():
    doc = letter("Amount towards the arrears: £15.00", title="Repayment agreement")
    in_progress = LetterInProgress(doc, plan_letter(doc))
    label = next(s.id for s in doc.sentences() if s.text.startswith("Amount towards"))
    in_progress.lines = [Line("You owe £15.00 because you did not pay on time.", 0, sources=[label])]
    engine = FakeEngine()  # the model would answer YES to every question
    check_meaning([in_progress], engine, batch_size=4)
    assert not any(kind == "verify" for kind, _ in engine.calls)
    # The rules now find the invented reason ("because you did not pay on time"), so the letter's own label takes
    # its place; either way the model's sentence never passes on the model's word.
    line = in_progress.lines[0]
    assert UNVERIFIED_FLAG in line.flags or (line.text == "Amount towards the arrears: £15.00" and line.extra)


def _with_summary(summary: str) -> LetterInProgress:
    in_progress = _in_progress(
        ("We will fix the leak within 3 working days.", "We will fix the leak within 3 working days.")
    )
    in_progress.lines.insert(0, Line(summary, None, section="about", sources=list(in_progress.lines[0].sources)))
    return in_progress


def test_a_summary_the_rules_cannot_confirm_is_never_passed_on_the_models_word():
    # A council tax summons was summed up "This letter is about reminding Elmbridge Borough Council to collect council
    # tax."; the rules left "reminding" undecided and the model said yes. The summary is repaired once, else left out.
    in_progress = _with_summary("This letter is about reminding the council about a repair to your home.")
    engine = FakeEngine()  # the model would answer YES to every question and repeat the line when asked to repair
    records = check_meaning([in_progress], engine, batch_size=4)
    assert not any("Questions:" in user for _, user in engine.calls)
    summary = in_progress.lines[0]
    assert summary.text != "This letter is about reminding the council about a repair to your home." or any(
        f.startswith("meaning-") for f in summary.flags
    )
    assert (
        records and records[0]["sentence"] == "This letter is about reminding the council about a repair to your home."
    )


def test_a_summary_the_rules_confirm_passes():
    in_progress = _with_summary("This letter is about a repair to your home.")
    assert check_meaning([in_progress], FakeEngine(), batch_size=4) == []
    assert in_progress.lines[0].text == "This letter is about a repair to your home." and not in_progress.lines[0].flags


def test_a_place_left_out_of_one_line_and_said_by_another_of_its_sentence_passes():
    source = "Please collect your new bin from the Housing Office at Hackney Service Centre."
    doc = letter(source, title="Your bin")
    in_progress = LetterInProgress(doc, plan_letter(doc))
    sid = next(s.id for s in doc.sentences() if s.text == source)
    in_progress.lines = [
        Line("Please collect your new bin.", 0, sources=[sid]),
        Line("Your new bin is at the Housing Office at Hackney Service Centre.", 0, sources=[sid]),
    ]
    found = check_meaning([in_progress], FakeEngine(), batch_size=4, use_model=False, repair=False)
    assert found == [], found
    assert len(in_progress.lines) == 2 and not any(line.flags for line in in_progress.lines)
    # Alone, the line leaves out where the bin is: marked for a person.
    in_progress.lines = [Line("Please collect your new bin.", 0, sources=[sid])]
    records = check_meaning([in_progress], FakeEngine(), batch_size=4, use_model=False, repair=False)
    assert [r["kind"] for r in records] == ["fact-moved"], records
    assert "from the Housing Office at Hackney Service Centre" in records[0]["reason"]

"""The lines that say one letter sentence are laid out together, under one heading."""

from easyread.documents.model import Document
from easyread.simplify.plan import LetterPlan, Unit
from easyread.simplify.sections import build_draft
from easyread.simplify.state import LetterInProgress, Line


def _sections(units, lines):
    plan = LetterPlan(title="Letter", units=units, details=[], actions=[], key_facts=[])
    letter = LetterInProgress(doc=Document(), plan=plan)
    letter.lines = lines
    return {s.heading: [p.text for p in s.points] for s in build_draft(letter).sections}


def test_a_condition_asked_as_a_question_stays_right_before_its_action():
    # Hackney letter 08, drafted by the embedded model: routed line by line, "Please ignore this letter." went to
    # "What you need to do" and its condition stayed under "More information", far below.
    units = [
        Unit(12, "We have sent you two reminders.", None, sid="12.0"),
        Unit(
            13, "If you have made arrangements to pay in the last 7 days, please ignore this letter.", None, sid="13.0"
        ),
    ]
    sections = _sections(
        units,
        [
            Line("We have sent you two reminders.", 0, sources=["12.0"]),
            Line("Have you made arrangements to pay in the last 7 days?", 1, sources=["13.0"]),
            Line("Please ignore this letter.", 1, sources=["13.0"]),
        ],
    )
    do = sections["What you need to do"]
    assert do.index("Have you made arrangements to pay in the last 7 days?") + 1 == do.index(
        "Please ignore this letter."
    )
    assert "We have sent you two reminders." not in do  # another sentence is routed on its own


def test_a_run_without_an_action_goes_where_its_first_statement_goes():
    units = [Unit(4, "Your appointment was on 14 May 2026 and it has been cancelled.", None, sid="4.0")]
    sections = _sections(
        units,
        [
            Line("Your appointment has been cancelled.", 0, sources=["4.0"]),
            Line("It was on 14 May 2026.", 0, sources=["4.0"]),
            Line("Your new appointment is on 23 June 2026.", 0, sources=["5.0"]),
        ],
    )
    assert sections["More information"] == ["Your appointment has been cancelled.", "It was on 14 May 2026."]
    assert sections["Important dates"] == ["Your new appointment is on 23 June 2026."]


def test_a_line_that_says_it_of_an_earlier_line_of_the_run_before_follows_that_run():
    # Citizens Advice PIP text, drafted by the embedded model: "It's not the date you received it." said "it" of a
    # line one before the last of the run before, and was routed alone under another heading.
    units = [
        Unit(
            8, "You need to make sure that the DWP receives the letter within 1 month of the decision.", None, sid="8.1"
        ),
        Unit(8, "The decision date is on your letter - it isn't the date you received it.", None, sid="8.2"),
        Unit(6, "It won't cost you anything to appeal.", None, sid="6.0"),
    ]
    sections = _sections(
        units,
        [
            Line("It won't cost you anything to appeal.", 2, sources=["6.0"]),
            Line("The decision date is on your letter.", 1, sources=["8.1", "8.2"]),
            Line("You need to make sure that the DWP receives the letter within 1 month.", 0, sources=["8.1"]),
            Line("It's not the date you received it.", 1, sources=["8.2"]),
        ],
    )
    do = sections["What you need to do"]
    assert do[-2:] == [
        "You need to make sure that the DWP receives the letter within 1 month.",
        "It's not the date you received it.",
    ]
    assert "It's not the date you received it." not in sections.get("More information", [])

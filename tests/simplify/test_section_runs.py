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


def test_what_a_lead_in_line_leads_into_stays_under_it_with_the_sentence_that_goes_on_from_it():
    # Read in a real school letter: "Our current Lunch Money Policy states:" was laid out under one heading and the
    # policy it leads into (the one being replaced) under another, as if it were the rule; "They do not have the
    # choice of a hot meal." went on from that policy but was a sentence of its own, routed alone.
    from easyread.documents.model import Block, BlockKind

    doc = Document(
        blocks=[
            Block(BlockKind.PARAGRAPH, "Our current Lunch Money Policy states:"),
            Block(
                BlockKind.PARAGRAPH,
                "Any student with arrears of more than £10 is supplied with a sandwich. "
                "They do not have the choice of a hot meal.",
            ),
            Block(BlockKind.PARAGRAPH, "From 3 June you must pay for lunches by ParentPay."),
        ]
    )
    units = [
        Unit(0, "Our current Lunch Money Policy states:", None, sid="0.0", first=True),
        Unit(1, "Any student with arrears of more than £10 is supplied with a sandwich.", None, sid="1.0"),
        Unit(1, "They do not have the choice of a hot meal.", None, sid="1.1"),
        Unit(2, "From 3 June you must pay for lunches by ParentPay.", None, sid="2.0"),
    ]
    plan = LetterPlan(title="Letter", units=units, details=[], actions=[], key_facts=[])
    letter = LetterInProgress(doc=doc, plan=plan)
    letter.lines = [
        Line("Our current Lunch Money Policy states:", 0, sources=["0.0"]),
        Line("Any student with arrears of more than £10 gets a sandwich.", 1, sources=["1.0"]),
        Line("They do not have the choice of a hot meal.", 2, sources=["1.1"]),
        Line("From 3 June you must pay for lunches by ParentPay.", 3, sources=["2.0"]),
    ]
    sections = {s.heading: [p.text for p in s.points] for s in build_draft(letter).sections}
    together = next(points for points in sections.values() if "Our current Lunch Money Policy states:" in points)
    assert together[-3:] == [
        "Our current Lunch Money Policy states:",
        "Any student with arrears of more than £10 gets a sandwich.",
        "They do not have the choice of a hot meal.",
    ]
    # The next sentence, which neither follows a lead-in nor opens on a pronoun, is routed on its own.
    assert sections["What you need to do"] == ["From 3 June you must pay for lunches by ParentPay."]

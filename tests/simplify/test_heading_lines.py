"""A heading set as a plain paragraph names the part after it; it is not rewritten as a sentence."""

from easyread.documents.read import read_document
from easyread.simplify.plan import names_a_part, plan_letter
from easyread.simplify.trace import carries_information

# From benchmarks/easyread_bench/real_letters/15_nhs_outpatient_rescheduled.txt: rewritten as a sentence, the
# heading came back as "If your condition gets worse, you should see a doctor as soon as possible." (the letter
# says to contact the clinic).
LETTER = (
    "Dear Ms Example\n\nWe are writing to you about your appointment on 14 May 2026.\n\n"
    "What to do if your condition gets worse\n\n"
    "If your condition gets worse, please contact us so we can make sure you receive the care you need.\n\n"
    "If you cannot pay by 1 May 2026\n\nPlease phone us on 020 0000 0000.\n\nYours sincerely,\nClinic\n"
)


def test_a_heading_paragraph_names_the_part_after_it_and_is_not_a_sentence_to_rewrite(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    doc = read_document(path)
    plan = plan_letter(doc)
    texts = [u.text for u in plan.units]
    assert "What to do if your condition gets worse" not in texts
    assert any(u.heading == "What to do if your condition gets worse" for u in plan.units if "care" in u.text)
    heading = next(s for s in doc.sentences() if s.text == "What to do if your condition gets worse")
    assert not carries_information(doc, heading)  # not listed as "Not in the Easy Read yet"
    # A short line with a date is the letter's own point: it is still rewritten and kept.
    assert "If you cannot pay by 1 May 2026" in texts


def test_only_short_fact_free_lines_that_ask_or_announce_are_headings():
    assert names_a_part("What to do if you no longer need an appointment")
    assert names_a_part("If you want to claim PIP")
    assert not names_a_part("If you cannot pay by 1 May 2026")  # a date: the letter's own point
    # A right is the part's subject, not a fact the heading holds: rewritten as a sentence, it came back with a
    # consequence the letter never gives ("..., we will ask the council to look at the decision again.").
    assert names_a_part("If you do not respond to the review")
    assert names_a_part("If you want to appeal")
    assert not names_a_part("Please pay now")
    assert not names_a_part("What to do if your condition gets worse.")  # a sentence
    # A reader's question asked after a comma, with no question mark (a rent-change letter's heading).
    assert names_a_part("I accept the rent changes, what do I need to do")
    assert not names_a_part("Please call us, when you can")


def test_a_sentence_about_it_stays_under_the_sentence_it_follows():
    from easyread.documents.model import Document
    from easyread.simplify.plan import LetterPlan, Unit
    from easyread.simplify.sections import build_draft
    from easyread.simplify.state import LetterInProgress, Line

    units = [Unit(2, "We are writing about your appointment on 14 May 2026 at 9.40am.", None, sid="2.0")]
    plan = LetterPlan(title="Appointment", units=units, details=[], actions=[], key_facts=[])
    letter = LetterInProgress(doc=Document(), plan=plan)
    letter.lines = [
        Line("We are writing to you about your appointment.", 0, sources=["2.0"]),
        Line("It is on 14 May 2026.", 0, sources=["2.0"]),
        Line("Your new appointment is on 23 June 2026.", 0, sources=["5.0"]),
    ]
    sections = {s.heading: [p.text for p in s.points] for s in build_draft(letter).sections}
    dates = sections.get("Important dates", [])
    assert "It is on 14 May 2026." not in dates and "Your new appointment is on 23 June 2026." in dates
    here = next(texts for texts in sections.values() if "We are writing to you about your appointment." in texts)
    assert "It is on 14 May 2026." in here


def test_a_date_said_on_its_own_stays_with_what_it_is_for():
    from easyread.documents.model import Document
    from easyread.simplify.plan import LetterPlan, Unit
    from easyread.simplify.sections import build_draft
    from easyread.simplify.state import LetterInProgress, Line

    # King's letter 11: the admission and the pre-operative assessment each gave their date on a line of its own.
    units = [Unit(3, "A day case admission has been arranged.", None, sid="3.0")]
    plan = LetterPlan(title="Admission", units=units, details=[], actions=[], key_facts=[])
    letter = LetterInProgress(doc=Document(), plan=plan)
    letter.lines = [
        Line("I need you to go to a Pre-operative Assessment.", 0, sources=["6.1"]),
        Line("On 12 May, 2026.", 0, sources=["7.0"]),
        Line("Time 10am", 0, sources=["7.1"]),
    ]
    for section in build_draft(letter).sections:
        texts = [p.text for p in section.points]
        if "On 12 May, 2026." in texts:
            assert texts == ["I need you to go to a Pre-operative Assessment.", "On 12 May, 2026.", "Time 10am"]
            break
    else:
        raise AssertionError("the date is missing")


def test_a_short_noun_phrase_with_a_full_stop_names_the_part_after_it(tmp_path):
    # NHS letter 15: rewritten as a sentence, this line came back as "We'll be here to help you wait." and
    # "We'll be there to support you.", promises the letter never makes.
    assert names_a_part("Support for you while you wait for your appointment.")
    assert names_a_part("Changes to your rent.")
    assert not names_a_part("The Day Surgery Unit.")  # a name, not a topic
    assert not names_a_part("Arrears of rent are a serious matter.")  # says something
    assert not names_a_part("Please read this letter.")
    assert not names_a_part("Your payment of £60.00.")  # a fact: the letter's own point
    path = tmp_path / "letter.txt"
    path.write_text(
        "Dear Ms Example\n\nYour appointment has been moved to 14 May 2026.\n\n"
        "Support for you while you wait for your appointment.\n\n"
        "While waiting for your appointment it is important that you keep as fit and active as you can.\n\n"
        "Yours sincerely,\nClinic\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    plan = plan_letter(doc)
    assert "Support for you while you wait for your appointment." not in [u.text for u in plan.units]
    active = next(u for u in plan.units if "fit and active" in u.text)
    assert active.heading == "Support for you while you wait for your appointment"
    line = next(s for s in doc.sentences() if s.text.startswith("Support for you"))
    assert not carries_information(doc, line)


def test_a_letters_own_question_names_the_answer_after_it(tmp_path):
    # Hackney letter 08 asks and answers: rewritten, "Why am I being pursued for unpaid service charges?" came back
    # as the statement "I am being pursued for unpaid service charges."
    assert names_a_part("What will happen if I don’t pay the outstanding service charges?")
    assert not names_a_part("Do you need help?")  # a question to the reader, not a heading
    assert not names_a_part("What if I cannot pay £50?")  # an amount: the letter's own point
    path = tmp_path / "letter.txt"
    path.write_text(
        "Dear Mr Example\n\nYou owe £1,876.35 in service charges.\n\n"
        "Why am I being pursued for unpaid service charges?\n\n"
        "Under the terms of your lease, you are required to pay ground rent and service charges.\n\n"
        "Yours sincerely,\nLeasehold Services\n",
        encoding="utf-8",
    )
    plan = plan_letter(read_document(path))
    assert "Why am I being pursued for unpaid service charges?" not in [u.text for u in plan.units]
    lease = next(u for u in plan.units if "lease" in u.text)
    assert lease.heading == "Why am I being pursued for unpaid service charges?"

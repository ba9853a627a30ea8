"""Label lines ("Weekly rent: £128.75") are laid out without the model; the summary is verified; empty lines go."""

from easyread.documents.model import Block, BlockKind, Document
from easyread.simplify.labels import is_label_line, label_line
from easyread.simplify.left_out import empty_line
from easyread.simplify.pipeline import simplify_document
from easyread.simplify.plan import plan_letter
from easyread.verify import assess

from .fakes import FakeEngine, sentence_of
from .letters import REMINDER, letter

# From letter 03 of benchmarks/easyread_bench/real_letters (a Hackney repayment agreement), which the model got wrong.
TABLE = (
    "Weekly rent: £128.75\nAmount towards the arrears: £15.00\nTotal amount payable £143.75 weekly\n"
    "Date of first weekly payment: 6 April 2026"
)


def _agreement() -> Document:
    blocks = [
        Block(BlockKind.SENDER_ADDRESS, "London Borough of Hackney\nIncome Services\n1 Hillman Street\nLondon E8 1DY"),
        Block(BlockKind.RECIPIENT_ADDRESS, "Mr C Testcase\nFlat 0, Placeholder Road\nLondon N16 9ZZ"),
        Block(BlockKind.PARAGRAPH, "Rent Account Balance: £1,204.50"),
        Block(BlockKind.REFERENCE, "0000000/02", label="Account Number"),
        Block(
            BlockKind.PARAGRAPH,
            "Thank you for contacting me about your rent arrears, and this letter confirms the agreement you have "
            "made to clear your arrears.",
        ),
        Block(BlockKind.PARAGRAPH, TABLE),
        Block(BlockKind.PARAGRAPH, "You can make payments higher than this amount and also ahead of time."),
        Block(BlockKind.SIGN_OFF, "Yours sincerely,\nIncome Officer"),
    ]
    return Document(blocks=blocks, source_name="agreement")


def test_a_label_line_keeps_the_letters_label_with_its_value():
    assert label_line("Amount towards the arrears: £15.00").text == "Amount towards the arrears: £15.00."
    assert label_line("Rent Account Balance: £1,204.50").text == "Rent account balance: £1,204.50."
    assert label_line("Date of first weekly payment: 6 April 2026").text == (
        "Date of first weekly payment: 6 April 2026."
    )
    assert label_line("Total amount payable £143.75 weekly").text == "Total amount payable £143.75 weekly."
    assert label_line("Reference: HB/CTR/7730451").text == "Reference: HB/CTR/7730451."


def test_a_label_with_a_name_for_its_value_is_a_label_line():
    # Read in a full draft: the model made "A child was enrolled at Westgate Primary School." of the first.
    assert label_line("Pupil registered at: Westgate Primary School").text == (
        "Pupil registered at: Westgate Primary School."
    )
    assert label_line("Name of child or young person: Jamie Carter").text == (
        "Name of child or young person: Jamie Carter."
    )
    # Not a name: words in lower case, or a value with a verb of its own.
    assert label_line("Pupil registered at: the school near you") is None
    assert label_line("Note: Please Call Us Today") is None


def test_sentences_list_items_and_lines_without_a_fact_are_not_label_lines():
    assert label_line("You must pay £15.00 by 6 April 2026.") is None
    assert label_line("Note: we will write to you again.") is None
    assert label_line("By telephone on 020 8356 3100") is None
    assert label_line("Important information") is None


def test_a_laid_out_label_line_passes_the_meaning_rules_against_its_source():
    for source in TABLE.splitlines():
        line = label_line(source).text
        verdict = assess([source], line)
        assert not verdict.problems and not verdict.undecided, (source, line, verdict)


def test_the_plan_keeps_a_letter_head_balance_as_a_detail_not_the_title():
    plan = plan_letter(_agreement())
    assert ("Rent Account Balance: £1,204.50", ["2.0"]) in [(d.text, d.sources) for d in plan.details]
    assert plan.title != "Rent Account Balance: £1,204.50"
    labels = {u.sid: u.label for u in plan.units if u.label}
    assert labels == {
        "5.0": "Weekly rent: £128.75.",
        "5.1": "Amount towards the arrears: £15.00.",
        "5.2": "Total amount payable £143.75 weekly.",
        "5.3": "Date of first weekly payment: 6 April 2026.",
    }


def test_label_lines_never_reach_the_model_and_come_out_traced_and_unmarked(settings):
    asked: list[str] = []

    def script(kind, user, chat):
        if kind == "rewrite":
            asked.append(sentence_of(user))
        return None

    doc = _agreement()
    result = simplify_document(doc, FakeEngine(script), settings=settings)
    points = {p.text: p for p in result.draft.points()}
    for sid, text in {
        "2.0": "Rent Account Balance: £1,204.50",
        "5.1": "Amount towards the arrears: £15.00.",
        "5.2": "Total amount payable £143.75 weekly.",
        "5.3": "Date of first weekly payment: 6 April 2026.",
    }.items():
        assert text in points, (text, list(points))
        assert points[text].sources == [sid]
        assert not any(f.startswith("meaning-") for f in points[text].flags)
    # The table stays together, in one section.
    table = {"Weekly rent: £128.75.", "Amount towards the arrears: £15.00.", "Total amount payable £143.75 weekly."}
    table.add("Date of first weekly payment: 6 April 2026.")
    sections = [s.heading for s in result.draft.sections if table & {p.text for p in s.points}]
    assert len(sections) == 1, sections
    assert not any(":" in sentence or "£143.75" in sentence for sentence in asked), asked


def test_an_empty_line_is_one_with_no_word_of_its_source():
    source = ["If you are having difficulty paying, please phone us on 0161 496 0199."]
    assert empty_line("You need to do something.", source)
    assert not empty_line("Please phone us.", source)
    assert not empty_line("Phone 0161 496 0199.", source)


def test_an_empty_line_is_dropped_when_another_line_says_its_sentence(settings):
    def script(kind, user, chat):
        if kind == "rewrite" and sentence_of(user).startswith("You must pay £142.50"):
            return "- You must pay £142.50 by 10 March 2025.\n- You need to do something."
        return None

    result = simplify_document(letter(*REMINDER), FakeEngine(script), settings=settings)
    texts = [p.text for p in result.draft.points()]
    assert "You must pay £142.50 by 10 March 2025." in texts
    assert "You need to do something." not in texts


def test_the_summary_is_traced_to_the_sentences_it_says_and_checked(settings):
    result = simplify_document(letter(*REMINDER), FakeEngine(), settings=settings)
    about = result.draft.sections[0]
    assert about.heading == "What this letter is about"
    summary = about.points[0]
    assert summary.text == "This letter is about your Council Tax."
    assert summary.sources == ["6.0"]  # the opening sentence that says Council Tax, not the whole opening


def test_a_summary_the_meaning_check_cannot_confirm_is_marked(settings):
    def script(kind, user, chat):
        if kind == "summary":
            return "- You must leave your home by Friday because of your Council Tax."
        return None

    result = simplify_document(letter(*REMINDER), FakeEngine(script), settings=settings)
    texts = {p.text: p for p in result.draft.points()}
    said = [t for t in texts if "leave your home" in t]
    # Either the summary is gone, or it is visibly marked for a person.
    assert all(any(f.startswith("meaning-") for f in texts[t].flags) for t in said), said


def test_a_summary_with_no_word_of_the_letter_is_dropped(settings):
    def script(kind, user, chat):
        return "- This letter is about your letter." if kind == "summary" else None

    result = simplify_document(letter(*REMINDER), FakeEngine(script), settings=settings)
    assert "This letter is about your letter." not in [p.text for p in result.draft.points()]


def test_a_label_set_as_a_heading_is_kept_not_dropped():
    doc = letter("You must pay the amount below by 10 March 2025.", "Please pay online.")
    doc.blocks.insert(7, Block(BlockKind.HEADING, "Amount due: £142.50", level=2))
    plan = plan_letter(doc)
    assert [(u.sid, u.label) for u in plan.units if u.label] == [("7.0", "Amount due: £142.50.")]


def test_the_colon_of_a_time_is_not_a_labels():
    # Read in a full draft: "... between 7:30am and 8pm, Tel. ..." was laid out as the label "... between 7" and the
    # value "30am and 8pm ...", said "7: 30am", and the fact lock removed it for an invented "7".
    line = "or by phone, Monday to Friday between 7:30am and 8pm, Tel. 0345 2000 103."
    assert label_line(line) is None and not is_label_line(line)
    assert label_line("Appointment time: 10:30am").value == "10:30am"

"""A model line over 15 words is cut like the fallback cuts, when each piece says what the line says."""

from easyread.simplify.pipeline import simplify_document

from .fakes import FakeEngine, sentence_of
from .letters import letter

SOURCE = (
    "If you are unable to make this appointment, please contact us on 020 0000 0000 or email "
    "outpatients@example.nhs.uk as soon as you can."
)


def test_a_long_model_line_is_cut_into_a_question_and_the_action(settings):
    long_line = (
        "If you are unable to come to this appointment, please contact us on 020 0000 0000 or email "
        "outpatients@example.nhs.uk."
    )

    def script(kind, user, chat):
        if kind == "rewrite" and sentence_of(user).startswith("If you are unable"):
            return f"- {long_line}"
        return None

    result = simplify_document(letter(SOURCE, title="Your appointment"), FakeEngine(script), settings=settings)
    texts = [p.text for p in result.draft.points()]
    assert "Are you unable to come to this appointment?" in texts, texts
    assert "Please contact us on 020 0000 0000 or email outpatients@example.nhs.uk." in texts, texts
    assert long_line not in texts


def test_a_letter_sentence_that_falls_back_is_said_once_in_the_letters_words(settings):
    source = "Less urgent repairs take longer. We will visit you within 28 days, and you must let us in when we visit."

    def script(kind, user, chat):
        if kind == "rewrite" and sentence_of(user).startswith("We will visit"):
            return "- We visit you within 28 days.\n- You do not have to let us in."
        if kind == "meaning-repair":  # the repair says the same again, so the line falls back
            return "- " + user.split("sentence:\n", 1)[1].split("\n")[0]
        return None

    result = simplify_document(letter(source, title="Repairs"), FakeEngine(script), settings=settings)
    points = [p for p in result.draft.points() if p.sources == ["6.1"]]
    # The letter's own words replace both lines of the sentence, so the visit is not said twice.
    assert [p.text for p in points] == ["We will visit you within 28 days.", "You must let us in when we visit."]
    # Easy Read already: not marked for a person, but the first piece says what it replaced.
    assert all("letter-words" in p.flags and not any(f.startswith("meaning-") for f in p.flags) for p in points)
    note = " ".join(f["message"] for f in points[0].findings if f["rule_id"] == "letter-words")
    assert "do not have to" in note and "We visit you within 28 days." in note


def test_a_court_warning_cut_short_is_said_once_not_beside_the_lines_that_passed(settings):
    # Letter 03 of the real letters (Hackney): the model's three lines for this sentence were laid out, one cut
    # short, and then the letter's whole sentence after them, so a resident read the court warning three times.
    source = (
        "Please keep to the payments. A copy of this letter may be presented in court to form the basis of a Court "
        "Order against you in the event the Council commences legal proceedings against you."
    )

    def script(kind, user, chat):
        if kind == "rewrite" and sentence_of(user).startswith("A copy"):
            return "- A copy of this letter can be used in court.\n- To make a court order against you."
        if kind == "meaning-repair":
            return "- " + user.split("sentence:\n", 1)[1].split("\n")[0]
        return None

    result = simplify_document(letter(source, title="Rent"), FakeEngine(script), settings=settings)
    texts = [p.text for p in result.draft.points() if p.sources == ["6.1"]]
    assert "To make a court order against you." not in texts
    assert "A copy of this letter can be used in court." not in texts  # said by the letter's words instead
    said = " ".join(texts)
    assert said.count("court") + said.count("Court") <= 2 and "Court Order" in said, texts

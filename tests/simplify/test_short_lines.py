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

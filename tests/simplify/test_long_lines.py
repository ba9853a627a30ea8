"""A model line that passed the checks but is over 15 words: cut by the fallback's cuts in the final fixes only
when every piece still passes the meaning rules and the checks; otherwise left as the model wrote it."""

from easyread.simplify import long_lines
from easyread.simplify.checking import load_default_glossary
from easyread.simplify.pipeline import simplify_document

from .fakes import FakeEngine, echo_rewrite, sentence_of
from .letters import letter

CONDITIONS = "You should tell us if you change address, if you start work, or if you go into hospital for a while."


def _texts(doc, settings):
    def script(kind, user, chat):
        return echo_rewrite(sentence_of(user)) if kind == "rewrite" else None  # the model gives it back whole

    return [p.text for p in simplify_document(doc, FakeEngine(script), settings=settings).draft.points()]


def test_a_long_line_of_conditions_joined_by_or_is_said_one_condition_at_a_time(settings):
    texts = _texts(letter(CONDITIONS, title="Council Tax Reduction"), settings)
    assert "You should tell us if you change address." in texts
    assert "You should tell us if you start work." in texts
    assert "You should tell us if you go into hospital for a while." in texts
    assert CONDITIONS not in texts


def test_a_long_line_whose_cut_would_say_more_than_it_is_left_whole(settings):
    # "only": "You can only get a permit if you live in the zone." would say working there is not enough.
    only = "You can only get a parking permit if you live in the zone, work in the zone or care for someone there."
    assert only in _texts(letter(only, title="Parking permits"), settings)


def test_a_cut_whose_piece_fails_a_check_the_line_passed_is_not_made(monkeypatch):
    glossary = load_default_glossary()
    line = "You must pay the full amount of £120 within 7 days of the date of this letter or call us."
    # A cut that writes a number as a word (a check the line passes) is refused, whatever the meaning rules say.
    monkeypatch.setattr(
        long_lines, "shorten", lambda text, g: ["You must pay the full amount of £120.", "Do it within seven days."]
    )
    assert long_lines.cut_long_line(line, glossary) == [line]
    monkeypatch.setattr(
        long_lines, "shorten", lambda text, g: ["You must pay the full amount of £120.", "Do it within 7 days."]
    )
    assert long_lines.cut_long_line(line, glossary) == ["You must pay the full amount of £120.", "Do it within 7 days."]

"""The model's second opinion as questions: answers parsed from a reply and compared, letter against draft."""

from easyread.simplify.meaning_questions import Answers, compare, parse_answers, question_prompt


def test_answers_are_read_from_the_listed_choices_only():
    got = parse_answers("1: We\n2: you pay us.\n3: must not\n4: only if the form is late")
    assert got == Answers(who="we", pay="you pay us", stance="must not", when="only if")
    assert parse_answers("1: the council\n3: perhaps") == Answers()


def test_different_answers_name_the_kind_of_error():
    letter = Answers(who="you", pay="you pay us", stance="must", when="only if")
    assert compare(letter, Answers(who="you", pay="we pay you", stance="must", when="only if"))[0] == "money"
    assert compare(letter, Answers(who="we", pay="you pay us", stance="must", when="only if"))[0] == "agent"
    assert compare(letter, Answers(who="you", pay="you pay us", stance="may", when="only if"))[0] == "modal"
    assert compare(letter, Answers(who="you", pay="you pay us", stance="must not", when="only if"))[0] == "negation"
    assert compare(letter, Answers(who="you", pay="you pay us", stance="must", when="always"))[0] == "condition"


def test_the_same_or_missing_answers_raise_nothing():
    letter = Answers(who="you", pay="you pay us", stance="must", when="only if")
    assert compare(letter, letter) is None
    assert compare(letter, Answers()) is None
    assert compare(Answers(when="always"), Answers(when="only if")) is None  # the draft may add its own "if"


def test_the_prompt_shows_the_easy_read_context_with_the_sentence():
    user = question_prompt("Then you can get help.", context="Do you rent your home?")[-1]["content"]
    assert "Do you rent your home?\nThen you can get help." in user and "Questions:" in user

"""Turning a model reply into points: one sentence each, nothing lost."""

from __future__ import annotations

from easyread.simplify.prompts import parse_lines

REPLY = """Here is the rewrite:
- If you do not pay within 7 days, you will lose the right to pay by instalments. Instalments means paying in parts.
- You must pay £142.50 by 10 March 2025.
- Mr. Reed will visit you on 3 March.
- Call us on 0161 496 0120. Today.
- You must pay £142.50 by 10 March 2025.
"""


def test_a_line_with_two_sentences_becomes_two_points():
    assert parse_lines(REPLY, one_sentence_each=True) == [
        "If you do not pay within 7 days, you will lose the right to pay by instalments.",
        "Instalments means paying in parts.",
        "You must pay £142.50 by 10 March 2025.",
        "Mr. Reed will visit you on 3 March.",  # an abbreviation does not end a sentence
        "Call us on 0161 496 0120. Today.",  # a piece too short to stand alone stays with its sentence
    ]


def test_lines_stay_whole_unless_asked():
    lines = parse_lines(REPLY)
    assert lines[0].endswith("Instalments means paying in parts.")
    assert len(lines) == 4  # the repeated line is dropped


def test_the_line_limit_counts_the_model_lines_not_the_sentences():
    assert len(parse_lines(REPLY, max_lines=1, one_sentence_each=True)) == 2

"""Every regular expression that reads a letter's text takes time linear in its length.

Each pattern is timed on pathological text (one very long word, runs of digits, dots, @,
capitals, spaces...) at 5,000 and at 20,000 characters. A linear pattern takes about 4 times
as long on the longer text; a quadratic one about 16 times; more than 8 fails (the email pattern took 3.1 s on a
40,000-character word). Ratios, not absolute times, so a busy machine does not fail it; a
pattern that is too fast to time well (under 20 ms of CPU at 20,000 characters) passes as it is.
"""

from __future__ import annotations

import importlib
import re
import time

import pytest

# Modules whose patterns read untrusted text (the letter, its draft, a model's reply).
# easyread.review.redact is not listed here: its own tests cover it.
MODULES = [
    "easyread.checks.factpatterns",
    "easyread.checks.rules_numbers",
    "easyread.checks.rules_sentence",
    "easyread.checks.rules",
    "easyread.checks.rules_style",
    "easyread.checks.numwords",
    "easyread.checks.rules_words",
    "easyread.checks.readability",
    "easyread.checks.facts",
    "easyread.documents.read_pdf",
    "easyread.documents.read_docx",
    "easyread.documents.letter",
    "easyread.documents.sentences",
    "easyread.documents.read_text",
    "easyread.documents.paragraphs",
    "easyread.simplify.plan",
    "easyread.simplify.meaning_rules",
    "easyread.simplify.factlock",
    "easyread.simplify.fixes",
    "easyread.translate.placeholders",
]

UNITS = ["a", "1", ".", "@", "a.", "1,", "1 ", "a@", "A", "A/", " ", "a-", "(", "1.", "you "]
# 20,000 is twice the longest paragraph the door lets in (MAX_LINE_CHARS), and small enough to keep this test quick.
SMALL, LARGE = 5_000, 20_000
TOO_FAST = 0.02


def _patterns() -> dict[str, re.Pattern]:
    found: dict[str, re.Pattern] = {}
    for name in MODULES:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found[f"{name}.{attr}"] = value
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], re.Pattern):
                        found[f"{name}.{attr}[{item[0]}]"] = item[1]
    from easyread.checks import factpatterns as fp

    found["factpatterns.money_pattern(en)"] = fp.money_pattern("en")
    found["factpatterns.money_pattern(pl)"] = fp.money_pattern("pl")
    for kind, pattern in fp.date_patterns("en"):
        found[f"factpatterns.date_patterns(en)[{kind}]"] = pattern
    return found


def _text(unit: str, length: int) -> str:
    return unit * (length // len(unit))


def _seconds(fn, repeat: int = 3) -> float:
    """Least CPU time of this process over `repeat` runs: CPU time, because the machine is shared."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def _scan(pattern: re.Pattern, text: str) -> None:
    for _ in pattern.finditer(text):
        pass


def test_the_audit_finds_the_patterns():
    patterns = _patterns()
    assert len(patterns) > 50
    assert "easyread.checks.factpatterns.EMAIL" in patterns


def test_every_pattern_is_linear_on_pathological_text():
    slow = []
    for name, pattern in _patterns().items():
        for unit in UNITS:
            large = _seconds(lambda pattern=pattern, unit=unit: _scan(pattern, _text(unit, LARGE)), repeat=1)
            if large < TOO_FAST:
                continue
            large = _seconds(lambda pattern=pattern, unit=unit: _scan(pattern, _text(unit, LARGE)))
            small = _seconds(lambda pattern=pattern, unit=unit: _scan(pattern, _text(unit, SMALL)))
            if large / max(small, 1e-6) > 8:
                slow.append(f"{name} on {unit!r}: {small:.3f}s at {SMALL:,}, {large:.3f}s at {LARGE:,}")
    assert not slow, "quadratic patterns:\n" + "\n".join(slow)


def test_a_quadratic_pattern_would_be_caught():
    """The measure can fail: the old email pattern grows with the square of a word's length."""
    old_email = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
    small = _seconds(lambda: _scan(old_email, _text("a", SMALL)))
    large = _seconds(lambda: _scan(old_email, _text("a", LARGE)))
    assert large / small > 8


@pytest.mark.parametrize("unit", ["a", "1", "a.", "@", "A", "you "])
def test_checking_a_letter_is_linear_in_a_long_word(unit):
    """The whole check (rules, facts, readability) on a letter with one huge word or run."""
    from easyread.checks.nlp import get_nlp
    from easyread.checks.report import check_document
    from easyread.documents.model import Block, BlockKind, Document

    get_nlp()

    def check(length):
        doc = Document(
            blocks=[Block(BlockKind.PARAGRAPH, "Please read this."), Block(BlockKind.PARAGRAPH, _text(unit, length))]
        )
        return lambda: check_document(doc)

    check(1000)()  # warm the word lists and dictionaries
    small = _seconds(check(5_000), repeat=2)
    large = _seconds(check(20_000), repeat=2)
    assert large / small < 8, f"{small:.3f}s at 5,000 characters, {large:.3f}s at 20,000"

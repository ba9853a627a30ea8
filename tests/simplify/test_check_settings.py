"""The CHECK_* settings reach the rewriter and the report it writes (they used to stop at the web job's re-check)."""

from easyread.simplify.pipeline import simplify_document

from .fakes import FakeEngine
from .letters import letter

SENTENCE = "You must pay the money you owe us for your Council Tax by 10 March 2025."  # 15 words


def _long_sentence_fails(result) -> bool:
    point = next(p for p in result.draft.points() if p.text == SENTENCE)
    return any(f["rule_id"].startswith("sentence") and f["severity"] == "fail" for f in point.findings)


def _rewrite_as_is(kind, user, chat):
    if kind in ("rewrite", "repair", "meaning-repair"):
        return f"- {SENTENCE}"
    return None


def test_a_stricter_sentence_limit_reaches_the_rewriter_and_its_report(settings):
    default = simplify_document(letter(SENTENCE), FakeEngine(_rewrite_as_is), settings=settings)
    assert not _long_sentence_fails(default)  # 15 words pass the default limit of 20

    strict_engine = FakeEngine(_rewrite_as_is)
    strict = simplify_document(
        letter(SENTENCE),
        strict_engine,
        settings={**settings, "CHECK_SENTENCE_FAIL_WORDS": 10, "CHECK_SENTENCE_WARN_WORDS": 8},
    )
    assert _long_sentence_fails(strict)  # the report the command line writes holds the council's limit
    assert not strict.report.passed
    # and the rewriter judged the sentence by that limit too: it asked the model to repair it
    assert any(kind == "repair" for kind, _ in strict_engine.calls)

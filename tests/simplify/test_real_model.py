"""The rewriter with the real embedded model on a short letter (slow: about 2-5 minutes on 2 cores)."""

from __future__ import annotations

import pytest

from .letters import letter

PARAGRAPHS = [
    "Our records show that you have not paid the Council Tax instalment of £142.50 which was due on 1 March 2025.",
    "You must pay the amount shown by 10 March 2025. If you are having difficulty paying, please telephone us "
    "on 0161 496 0199 as soon as possible so that we can discuss an arrangement.",
]


@pytest.mark.model
@pytest.mark.timeout(1500)
def test_real_model_rewrites_a_short_letter_faithfully():
    from easyread.checks.facts import compare_facts
    from easyread.engines.registry import get_engine
    from easyread.simplify.pipeline import simplify_document

    engine = get_engine("embedded", {"MODEL_CACHE": "", "MODEL_BATCH_SIZE": 8})
    settings = {"REWRITE_REPAIR_ROUNDS": 1, "REWRITE_BEST_OF": 1, "REWRITE_BATCH_SIZE": 8}
    doc = letter(*PARAGRAPHS)
    result = simplify_document(doc, engine, settings=settings)

    points = [p for s in result.draft.sections if s.heading != "Your details" for p in s.points]
    assert len(points) >= 3
    draft_text = result.draft.text()
    # The fact lock on the real output: every fact of the body is in the draft, and nothing is in the draft that
    # the letter did not say (the whole letter, since "Your details" carries the sender's phone, the date and refs).
    body = compare_facts("\n".join(PARAGRAPHS), draft_text)
    assert not body.lost and not body.changed, body.to_dict()
    whole = compare_facts(doc.text(), draft_text)
    assert not whole.invented, whole.to_dict()
    readded = " ".join(p.text for p in points if "fact-readded" in p.flags)
    # Each fact of the body is in a rewritten point, or re-added by the lock and flagged.
    for fact in body.kept:
        in_rewrite = any(
            fact.value in {f.value for f in compare_facts(p.text, p.text).source}
            for p in points
            if "fact-readded" not in p.flags
        )
        assert in_rewrite or fact.text in readded or fact.kind in ("deadline", "right"), fact
    # The gate's findings are on the draft: a long point carries a finding a person will see.
    for point in points:
        assert len(point.text.split()) <= 20 or point.findings, point.text
    assert result.report is not None
    assert result.report.passed or any(p.findings for p in points)
    assert result.tokens["generated"] > 0
    # The trace: every point of the real draft comes from sentences that exist in the letter, and every
    # information-carrying sentence of the letter is said by some point.
    from easyread.simplify.trace import coverage

    sentences = doc.sentence_map()
    for point in result.draft.points():
        assert point.sources and all(s in sentences for s in point.sources), (point.text, point.sources)
    assert coverage(doc, result.draft).uncovered == []

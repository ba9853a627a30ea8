"""The rewriter with the real embedded model on an excerpt of a real letter with a table of amounts (slow).

The excerpt is from letter 03 of benchmarks/easyread_bench/real_letters (a Hackney rent repayment agreement, see its
SOURCES.md), where the model wrote "You owe £15.00 because you did not pay on time." for "Amount towards the
arrears: £15.00" and the plan dropped the balance.
"""

from __future__ import annotations

import pytest

from easyread.documents.model import Block, BlockKind, Document

TABLE = (
    "Weekly rent: £128.75\nAmount towards the arrears: £15.00\nTotal amount payable £143.75 weekly\n"
    "Date of first weekly payment: 6 April 2026"
)


def _excerpt() -> Document:
    blocks = [
        Block(BlockKind.SENDER_ADDRESS, "London Borough of Hackney\nIncome Services\n1 Hillman Street\nLondon E8 1DY"),
        Block(BlockKind.RECIPIENT_ADDRESS, "Mr C Testcase\nFlat 0, Placeholder Road\nLondon N16 9ZZ"),
        Block(BlockKind.PARAGRAPH, "Rent Account Balance: £1,204.50"),
        Block(
            BlockKind.PARAGRAPH,
            "Thank you for contacting me about your rent arrears, and this letter confirms the agreement you have "
            "made to clear your arrears.",
        ),
        Block(BlockKind.PARAGRAPH, TABLE),
        Block(
            BlockKind.PARAGRAPH,
            "If your financial circumstances change or if you are unable to pay the agreed amounts you should "
            "contact this office immediately.",
        ),
        Block(BlockKind.SIGN_OFF, "Yours sincerely,\nIncome Officer"),
    ]
    return Document(blocks=blocks, source_name="hackney-agreement-excerpt")


@pytest.mark.model
@pytest.mark.timeout(1500)
def test_real_model_keeps_the_balance_and_the_table_and_leaves_nothing_unsupported_unmarked():
    from easyread.engines.registry import get_engine
    from easyread.simplify.pipeline import simplify_document
    from easyread.verify import assess

    engine = get_engine("embedded", {"MODEL_CACHE": "", "MODEL_BATCH_SIZE": 8})
    settings = {"REWRITE_REPAIR_ROUNDS": 1, "REWRITE_BEST_OF": 1, "REWRITE_BATCH_SIZE": 8}
    doc = _excerpt()
    result = simplify_document(doc, engine, settings=settings)
    points = result.draft.points()
    texts = [p.text for p in points]

    balance = [p for p in points if "£1,204.50" in p.text]
    assert balance and "balance" in balance[0].text.lower(), texts
    assert balance[0].sources == ["2.0"]
    for line in ("Amount towards the arrears: £15.00.", "Date of first weekly payment: 6 April 2026."):
        assert line in texts, texts
    assert not any("because you did not pay" in t for t in texts), texts

    sentences = doc.sentence_map()
    before: dict[tuple, list[str]] = {}  # the points said before of the same sentences, as the meaning check reads
    for point in points:
        assert point.sources and all(s in sentences for s in point.sources), (point.text, point.sources)
        said = before.setdefault(tuple(point.sources), [])
        context = " ".join(said[-2:])  # "Are you unable to pay?" before "You should contact this office."
        said.append(point.text)
        if point.flags:
            continue  # marked for a person (meaning, re-added fact) or a letter part kept word for word
        verdict = assess([sentences[s] for s in point.sources], point.text, context=context)
        assert verdict.problems == [], (point.text, verdict.problems)

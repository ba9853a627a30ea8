"""Issue 14's edges: a table, a list the letter promises, a sentence the parse cannot split, a label line.
Whatever the model writes, each comes out whole and faithful or marked: every point says where it came from,
every amount and date of the letter is in the draft, and a point the verifier does not pass carries a mark."""

from __future__ import annotations

import re

from easyread.documents.model import Block, BlockKind
from easyread.simplify.pipeline import simplify_document
from easyread.verify import verify_sentence

from .fakes import FakeEngine, echo_rewrite, sentence_of
from .letters import letter

FACT = re.compile(
    r"£[\d,]+(?:\.\d\d)?|\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December) \d{4}\b"
)


def _check_whole_and_faithful_or_marked(doc, result):
    by_id = {s.id: s.text for s in doc.sentences()}
    points = result.draft.points()
    assert points
    text = " ".join(p.text for p in points)
    for fact in FACT.findall(doc.text()):
        assert fact in text, f"{fact} was lost"
    for point in points:
        assert point.sources is not None, point.text
        marked = any(f.startswith("meaning-") for f in point.flags) or any(
            f.get("severity") == "fail" for f in point.findings
        )
        if point.sources and not marked:
            assert not verify_sentence([by_id[i] for i in point.sources if i in by_id], point.text), point.text


def test_a_table_of_amounts_and_dates_keeps_every_row_with_its_label(settings):
    table = Block(
        BlockKind.TABLE,
        "",
        rows=[
            ["Amount towards the arrears", "£15.00"],
            ["Total payable weekly", "£143.75"],
            ["Date of first payment", "6 April 2026"],
        ],
    )
    doc = letter("We have agreed a repayment plan with you. The details are below.")
    doc.blocks.insert(-1, table)
    # A model that turns each row into a wrong sentence, as the embedded one did on a real letter.
    wrong = {
        "£15.00": "You owe £15.00 because you did not pay on time.",
        "£143.75": "The total amount you owe is £143.75 per week.",
        "6 April 2026": "The first payment was made on 6 April 2026.",
    }

    def script(kind, user, chat):
        if kind == "rewrite":
            said = sentence_of(user)
            for value, sentence in wrong.items():
                if value in said:
                    return "- " + sentence
        return None

    result = simplify_document(doc, FakeEngine(script), settings=settings)
    _check_whole_and_faithful_or_marked(doc, result)
    # Each row is said with the letter's own label: the wrong sentences never reach a resident.
    for label, value in (("arrears", "£15.00"), ("weekly", "£143.75"), ("first payment", "6 April 2026")):
        point = next(p for p in result.draft.points() if value in p.text)
        assert label in point.text.lower() and point.text not in wrong.values(), point


def test_a_promised_list_keeps_each_item(settings):
    doc = letter("We will write to you again to tell you:")
    doc.blocks.insert(-1, Block(BlockKind.LIST_ITEM, "how much you need to pay each month"))
    doc.blocks.insert(-1, Block(BlockKind.LIST_ITEM, "the date of your first payment, which will be 1 May 2026"))
    doc.blocks.insert(-1, Block(BlockKind.LIST_ITEM, "who to phone if you cannot pay"))
    result = simplify_document(doc, FakeEngine(), settings=settings)
    _check_whole_and_faithful_or_marked(doc, result)
    points = result.draft.points()
    assert not any(p.text.rstrip().endswith(":.") for p in points)
    lead_in = next(i for i, p in enumerate(points) if "tell you" in p.text)
    for words in ("each month", "1 May 2026", "who to phone"):
        i, point = next((i, p) for i, p in enumerate(points) if words.lower() in p.text.lower())
        # Each item is said with its lead-in ("We will tell you ..."), listed under a lead-in that ends in a
        # colon, or marked for a person.
        listed = points[lead_in].text.endswith(":") and lead_in < i <= lead_in + 3
        assert "tell you" in point.text or listed or any(f.startswith("meaning-") for f in point.flags), point


def test_a_long_sentence_the_model_cannot_shorten_is_kept_faithful_or_marked(settings):
    long = (
        "Payment of the full outstanding balance of £1,204.50 on your rent account must be received by the "
        "Income Recovery Team no later than 20 April 2026 in order to prevent the Council from applying to the "
        "County Court for a possession order in respect of the tenancy of your home."
    )

    def script(kind, user, chat):
        if kind == "rewrite":
            return echo_rewrite(sentence_of(user))  # the model gives the sentence back whole
        return None

    doc = letter(long, title="Rent arrears")
    result = simplify_document(doc, FakeEngine(script), settings=settings)
    _check_whole_and_faithful_or_marked(doc, result)

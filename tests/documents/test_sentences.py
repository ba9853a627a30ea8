"""Letter sentences and their ids: what every Easy Read point's trace points at."""

from easyread.documents.model import Block, BlockKind, Document, EasyReadDocument, Point, Section
from easyread.documents.sentences import block_of, split_block_text


def test_split_keeps_titles_and_abbreviations_inside_a_sentence():
    text = "Mr. Reed will visit on 3 March. Bring e.g. a bill or No. 12 form! Is that all? Yes."
    assert split_block_text(text) == [
        "Mr. Reed will visit on 3 March.",
        "Bring e.g. a bill or No. 12 form!",
        "Is that all?",
        "Yes.",
    ]


def test_a_line_break_ends_a_sentence_and_nothing_is_lost():
    text = "First item\nSecond item. It has two sentences."
    parts = split_block_text(text)
    assert parts == ["First item", "Second item.", "It has two sentences."]
    assert " ".join(parts).split() == text.split()


def test_ids_are_block_and_position_and_skip_empty_blocks():
    doc = Document(
        blocks=[
            Block(BlockKind.HEADING, "Council tax"),
            Block(BlockKind.PARAGRAPH, ""),
            Block(BlockKind.PARAGRAPH, "You owe £10. Pay by 1 May."),
        ]
    )
    assert [(s.id, s.text) for s in doc.sentences()] == [
        ("0.0", "Council tax"),
        ("2.0", "You owe £10."),
        ("2.1", "Pay by 1 May."),
    ]
    assert doc.sentence_map()["2.1"] == "Pay by 1 May."
    assert block_of("2.1") == 2 and block_of("x") is None


def test_point_sources_round_trip_and_old_drafts_have_none():
    draft = EasyReadDocument("T", [Section("S", [Point("You owe £10.", sources=["2.0"]), Point("Hello.", sources=[])])])
    again = EasyReadDocument.from_dict(draft.to_dict())
    assert [p.sources for p in again.points()] == [["2.0"], []]
    old = {"title": "T", "sections": [{"heading": "S", "points": [{"text": "Old point."}]}]}
    assert EasyReadDocument.from_dict(old).points()[0].sources is None

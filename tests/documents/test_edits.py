"""Changes to a draft are pure functions on its dict: the input is never changed."""

from __future__ import annotations

import copy

import pytest

from easyread.documents import edits
from easyread.documents.model import EasyReadDocument


def _draft() -> dict:
    return {
        "title": "Council tax",
        "language": "en",
        "credits": ["OpenMoji"],
        "sections": [
            {
                "heading": "Paying",
                "points": [
                    {
                        "text": "You must pay £120.",
                        "picture": {"path": "/p/money.png", "alt": "Money", "credit": "OpenMoji"},
                        "findings": [{"rule_id": "x"}],
                        "flags": [],
                        "source_index": 1,
                    },
                    {"text": "Pay by 1 May.", "picture": None, "findings": [], "flags": [], "source_index": 2},
                ],
            },
            {
                "heading": "Help",
                "points": [
                    {"text": "Call us.", "picture": None, "findings": [], "flags": [], "source_index": 3},
                ],
            },
        ],
    }


def texts(d: dict) -> list[list[str]]:
    return [[p["text"] for p in s["points"]] for s in d["sections"]]


def test_edit_point_makes_a_new_dict_and_clears_findings():
    before = _draft()
    frozen = copy.deepcopy(before)
    after = edits.edit_point(before, 0, 0, "  You must pay   £120 now. ")
    assert before == frozen
    assert after["sections"][0]["points"][0]["text"] == "You must pay £120 now."
    assert after["sections"][0]["points"][0]["findings"] == []
    assert "edited" in after["sections"][0]["points"][0]["flags"]
    EasyReadDocument.from_dict(after)  # still a valid draft


@pytest.mark.parametrize("bad", ["", "   "])
def test_edit_point_needs_words(bad):
    with pytest.raises(edits.DraftError, match="Enter the words"):
        edits.edit_point(_draft(), 0, 0, bad)


def test_out_of_range_points_say_so():
    with pytest.raises(edits.DraftError, match="not in this draft"):
        edits.edit_point(_draft(), 0, 9, "x")
    with pytest.raises(edits.DraftError, match="section"):
        edits.remove_point(_draft(), 5, 0)


def test_add_remove_move():
    d = edits.add_point(_draft(), 0, 1, "Pay online.")
    assert texts(d)[0] == ["You must pay £120.", "Pay online.", "Pay by 1 May."]
    d = edits.remove_point(d, 0, 0)
    assert texts(d)[0] == ["Pay online.", "Pay by 1 May."]
    d = edits.move_point(d, 0, 0, "down")
    assert texts(d)[0] == ["Pay by 1 May.", "Pay online."]
    d = edits.move_point(d, 0, 1, "down")  # off the end of a section: first point of the next
    assert texts(d) == [["Pay by 1 May."], ["Pay online.", "Call us."]]
    d = edits.move_point(d, 1, 0, "up")
    assert texts(d) == [["Pay by 1 May.", "Pay online."], ["Call us."]]
    with pytest.raises(edits.DraftError, match="top"):
        edits.move_point(d, 0, 0, "up")
    with pytest.raises(edits.DraftError, match="bottom"):
        edits.move_point(d, 1, 0, "down")


def test_pictures_swap_and_remove_keep_credits_right():
    d = edits.set_picture(_draft(), 0, 1, {"path": "/p/calendar.png", "alt": "Calendar", "credit": "Council pictures"})
    assert d["sections"][0]["points"][1]["picture"]["alt"] == "Calendar"
    assert d["credits"] == ["OpenMoji", "Council pictures"]
    d = edits.remove_picture(d, 0, 0)
    assert d["sections"][0]["points"][0]["picture"] is None
    assert d["credits"] == ["Council pictures"]
    with pytest.raises(edits.DraftError, match="no picture"):
        edits.remove_picture(d, 0, 0)


def test_replace_point_keeps_picture_on_first_new_point():
    d = edits.replace_point(_draft(), 0, 0, ["You must pay.", "It is £120."])
    points = d["sections"][0]["points"]
    assert [p["text"] for p in points] == ["You must pay.", "It is £120.", "Pay by 1 May."]
    assert points[0]["picture"]["alt"] == "Money" and points[1]["picture"] is None
    assert points[1]["source_index"] == 1
    with pytest.raises(edits.DraftError):
        edits.replace_point(_draft(), 0, 0, ["  "])


def test_restore_is_a_copy():
    old = _draft()
    again = edits.restore(old)
    assert again == old and again is not old
    again["sections"][0]["points"].clear()
    assert old["sections"][0]["points"]

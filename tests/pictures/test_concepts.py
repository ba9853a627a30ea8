from easyread.pictures.concepts import find, load_concepts, tokens
from easyread.pictures.library import load_openmoji


def names(text):
    return [h.concept.name for h in find(text)]


def test_patterns_become_pseudo_words():
    assert tokens("Pay £1,710.00 by 15 March 2026 at 10:30am") == ["pay", "<money>", "by", "<date>", "at", "<time>"]
    assert "<phone>" in tokens("Call 01793 445500") and "<email>" in tokens("help@westmoor.gov.uk")


def test_may_the_verb_is_not_a_date():
    assert "date" not in names("We may take you to court.")
    assert names("Tell us by 1 May.") == ["date"]


def test_longer_phrase_wins():
    assert names("We paid you too much housing benefit.") == ["money"]  # not "home" from "housing"
    assert names("Put food waste in the caddy.")[0] == "bin"


def test_every_concept_picture_is_in_openmoji():
    wanted = {p for c in load_concepts() for p in c.pictures}
    assert wanted <= {s.id for s in load_openmoji(wanted)}

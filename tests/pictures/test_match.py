"""Matching: the concept map first, council pictures first, a threshold, one picture per idea."""

from __future__ import annotations

from easyread.pictures.match import Matcher


def ids(matcher, texts):
    return [c.symbol.id if c.symbol else None for c in matcher.match(texts)]


def test_concept_map_comes_first(openmoji_library):
    matcher = Matcher(openmoji_library, 0.45)
    choice = matcher.match(["If you do not pay, we may take you to court."])[0]
    assert choice.stage == "concept"
    # Court is the key idea, though money is named first.
    assert choice.symbol.id == "1F9D1-200D-2696-FE0F"
    assert ids(matcher, ["Call us on 01793 445500."]) == ["260E"]
    assert ids(matcher, ["Put your bin out by 7am."]) == ["1F5D1"]
    # Embeddings alone miss the court, which shows the map decided it.
    assert ids(
        Matcher(openmoji_library, 0.45, use_concepts=False), ["If you do not pay, we may take you to court."]
    ) != ["1F9D1-200D-2696-FE0F"]


def test_council_pictures_are_preferred(council_library):
    matcher = Matcher(council_library, 0.45)
    # Through the concept map: the council's money picture, not OpenMoji's pound notes.
    assert ids(matcher, ["You need to pay your council tax."]) == ["council:money.png"]
    # Through embeddings: the council's library picture is close enough, so it wins
    # over OpenMoji's books, though those are closer still.
    choice = matcher.match(["A paperback to borrow"])[0]
    assert (choice.stage, choice.symbol.id) == ("embedding", "council:library.jpg")
    scores = matcher.similarities(["A paperback to borrow"])[0]
    by_id = {s.id: float(x) for s, x in zip(council_library.symbols, scores)}
    assert by_id["1F4DA"] > by_id["council:library.jpg"] >= 0.45
    # Ideas the council has no picture for still get OpenMoji's.
    assert ids(matcher, ["Call us on 01793 445500."]) == ["260E"]


def test_threshold_leaves_an_abstract_sentence_without_a_picture(openmoji_library):
    text = "We hope this helps."
    assert ids(Matcher(openmoji_library, 0.45), [text]) == [None]
    # The threshold is what keeps it empty: with none, some picture is forced on it.
    assert ids(Matcher(openmoji_library, 0.0), [text]) != [None]


def test_the_same_idea_keeps_the_same_picture_in_a_document(openmoji_library):
    matcher = Matcher(openmoji_library, 0.45)
    alone = ids(matcher, ["A sack of gold."])
    assert alone == ["1F4B0"]  # a money bag, when it stands alone
    together = ids(matcher, ["You need to pay £100.", "A sack of gold.", "We will take £10 a week from your benefit."])
    # Money keeps its pound notes, but no picture stands beside more than two points: the third
    # point takes the picture of the next idea it names ("a week": the calendar).
    assert together == ["1F4B7", "1F4B7", "1F4C5"]


def test_search_lists_the_idea_council_first(council_library):
    found = Matcher(council_library, 0.45).search("money", limit=5)
    assert [s.id for s in found[:2]] == ["council:money.png", "1F4B7"]
    assert len(found) == 5


def test_an_empty_library_gives_no_pictures_and_no_error(symbol_cache):
    from easyread.documents.model import EasyReadDocument, Point, Section
    from easyread.pictures import add_pictures
    from easyread.pictures.library import Library

    doc = EasyReadDocument(
        title="Bins", sections=[Section("About", [Point("We collect your bins on Monday."), Point("Thank you.")])]
    )
    out = add_pictures(doc, library=Library([], cache_dir=str(symbol_cache)))
    assert [p.picture for s in out.sections for p in s.points] == [None, None]


def test_one_picture_is_not_put_beside_many_points(openmoji_library):
    matcher = Matcher(openmoji_library, 0.45)
    texts = [
        "You need to pay £100.",
        "Pay by 1 May.",
        "You owe us £50.",
        "If you do not pay, call us on 01793 445500.",
        "Paying is easy.",
        "We will take the money from your benefit.",
    ]
    chosen = ids(matcher, texts)
    counts = {i: chosen.count(i) for i in set(chosen) if i}
    assert max(counts.values()) <= 2, chosen
    assert chosen[3] == "260E"  # the next idea the point names, the phone
    assert {"1FA99", "1F4B0"} & set(chosen), chosen  # then another picture of money


def test_search_for_a_reference_number_offers_no_unrelated_picture(openmoji_library):
    from easyread.pictures.library import Library, load_openmoji

    library = Library(
        load_openmoji({s.id for s in openmoji_library.symbols} | {"26B1", "00AE"}), cache_dir=openmoji_library.cache_dir
    )
    found = [s.id for s in Matcher(library, 0.45).search("reference number", 24)]
    assert "26B1" not in found and "00AE" not in found, found  # no funeral urn, no registered sign

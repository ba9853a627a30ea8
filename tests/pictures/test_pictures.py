"""add_pictures: PNG files, alt text, credits, and a person's choice kept."""
from __future__ import annotations

from pathlib import Path

from PIL import Image

from easyread.documents.model import EasyReadDocument, Picture, Point, Section
from easyread.pictures import OPENMOJI_CREDIT, add_pictures, search_pictures
from easyread.pictures.alt import alt_from_name


def letter(*texts, language="en"):
    return EasyReadDocument("Your council tax", [Section("What you need to do", [Point(t) for t in texts])], language=language)


def test_pictures_are_pngs_of_the_set_size_with_alt_text(openmoji_library, council_library, settings):
    for library in (openmoji_library, council_library):
        doc = add_pictures(letter("Call us on 01793 445500.", "A paperback to borrow", "You need to pay £100."), settings=settings, library=library)
        for point in doc.points():
            assert point.picture is not None
            assert point.picture.alt.strip()
            assert Path(point.picture.path).suffix == ".png"
            with Image.open(point.picture.path) as image:
                assert image.size == (120, 120)
    # The wide council JPEG is fitted into the square, not stretched.
    with Image.open(doc.points()[1].picture.path) as image:
        assert image.getpixel((60, 2))[3] == 0 and image.getpixel((60, 60))[3] == 255


def test_openmoji_credit_only_when_openmoji_is_used(openmoji_library, council_library, settings):
    used = add_pictures(letter("Call us on 01793 445500.", "Call us again."), settings=settings, library=openmoji_library)
    assert used.credits == [OPENMOJI_CREDIT]
    none = add_pictures(letter("We hope this helps."), settings=settings, library=openmoji_library)
    assert none.credits == []
    council_only = add_pictures(letter("You need to pay your council tax."), settings=settings, library=council_library)
    assert OPENMOJI_CREDIT not in council_only.credits
    assert council_only.credits == ["Pictures: Example Picture Bank. Licensed to Westmoor Council"]


def test_a_chosen_picture_is_kept(openmoji_library, settings, tmp_path):
    chosen = Picture(path=str(tmp_path / "mine.png"), alt="Our town hall", credit=None)
    doc = letter("Call us on 01793 445500.", "Call us on 01793 445500.")
    doc.sections[0].points[0].picture = chosen
    out = add_pictures(doc, settings=settings, library=openmoji_library)
    assert out.points()[0].picture == chosen
    assert out.points()[1].picture.alt == "Telephone"
    assert doc.points()[1].picture is None  # the input is not changed


def test_other_languages_are_left_alone(openmoji_library, settings):
    out = add_pictures(letter("Llámenos al 01793 445500.", language="es"), settings=settings, library=openmoji_library)
    assert out.points()[0].picture is None and out.credits == []


def test_alt_text_is_plain():
    assert alt_from_name(":telephone_receiver:") == "Telephone receiver"
    assert alt_from_name(":wastebasket:") == "Bin"


def test_search_pictures_public_api(council_library, settings):
    found = search_pictures("phone", limit=3, settings=settings, library=council_library)
    assert found[0].id == "260E" and found[0].alt == "Telephone" and found[0].source == "openmoji"
    assert found[0].credit == OPENMOJI_CREDIT and "telephone" in found[0].keywords

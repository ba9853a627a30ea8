"""add_pictures: PNG files, alt text, credits, and a person's choice kept."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from easyread.documents.model import EasyReadDocument, Picture, Point, Section
from easyread.pictures import OPENMOJI_CREDIT, add_pictures, search_pictures
from easyread.pictures.alt import alt_from_name


def letter(*texts, language="en"):
    return EasyReadDocument(
        "Your council tax", [Section("What you need to do", [Point(t) for t in texts])], language=language
    )


def test_pictures_are_pngs_of_the_set_size_with_alt_text(openmoji_library, council_library, settings):
    for library in (openmoji_library, council_library):
        doc = add_pictures(
            letter("Call us on 01793 445500.", "A paperback to borrow", "You need to pay £100."),
            settings=settings,
            library=library,
        )
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
    used = add_pictures(
        letter("Call us on 01793 445500.", "Call us again."), settings=settings, library=openmoji_library
    )
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
    assert out.points()[1].picture.alt == "Phone us"  # what the picture means beside this point
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


def test_letter_parts_get_a_fitting_picture_or_none(openmoji_library, settings):
    from easyread.documents.identity import letter_part_flags
    from easyread.documents.model import BlockKind

    doc = EasyReadDocument(
        "Council tax",
        [
            Section(
                "Your details",
                [
                    Point(
                        "Westmoor Council\nRevenues and Benefits\nPO Box 12\nWestmoor WM1 1AA",
                        flags=letter_part_flags(BlockKind.SENDER_ADDRESS),
                    ),
                    Point(
                        "Ms A Smith\n1 High Street\nWestmoor WM2 2BB",
                        flags=letter_part_flags(BlockKind.RECIPIENT_ADDRESS),
                    ),
                    Point(
                        "Account reference: 4001 8837"
                    ),  # no flag: known by its words, as the model's drafts have them
                    Point("Date: 3 March 2025", flags=letter_part_flags(BlockKind.DATE_LINE)),
                ],
            ),
            Section(
                "What to do", [Point("You need to pay £100 by 1 May."), Point("We will send you a refund of £20.")]
            ),
            Section(
                "Who this letter is from",
                [Point("Yours sincerely,\nRevenues Team", flags=letter_part_flags(BlockKind.SIGN_OFF))],
            ),
        ],
    )
    sender, recipient, reference, date, pay, refund, sign_off = add_pictures(
        doc, settings=settings, library=openmoji_library
    ).points()
    money = {"1F4B7", "1FA99", "1F4B0"}
    assert sender.picture is None or (
        Path(sender.picture.path).name.split("-")[0] not in money and sender.picture.alt == "Who sent this letter"
    )
    assert recipient.picture.alt == "Your address"
    assert reference.picture is None and sign_off.picture is None
    assert date.picture.alt == "The date of this letter"
    # Alt text says what the picture means beside the point, not the symbol's name ("Pound notes").
    assert pay.picture.alt == "Money you need to pay"
    assert refund.picture.alt == "Money you can get"

"""Sample Easy Read documents and pictures shared by the writer tests (not a test module)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from easyread.documents.model import EasyReadDocument, Picture, Point, Section

OPENMOJI = "Symbols: OpenMoji, CC BY-SA 4.0"
ARABIC_TITLE = "ضريبة المجلس"
ARABIC_POINTS = ["عليك أن تدفع 120.50 جنيه.", "ادفع قبل 4 يونيو 2025."]


def make_png(path: Path, size: tuple[int, int] = (64, 64), colour=(30, 90, 200)) -> Path:
    """A small PNG with a filled circle, made on the spot."""
    image = Image.new("RGB", size, "white")
    ImageDraw.Draw(image).ellipse((4, 4, size[0] - 4, size[1] - 4), fill=colour)
    image.save(path)
    return path


def english_doc(folder: Path) -> EasyReadDocument:
    """Two sections; pictures with alt text, one decorative picture, one point without."""
    coin = str(make_png(folder / "coin.png"))
    phone = str(make_png(folder / "phone.png", colour=(200, 30, 30)))
    return EasyReadDocument(
        title="Your council tax",
        language="en",
        credits=["Easy Read by Example Council"],
        sections=[
            Section(
                "What you owe",
                [
                    Point("You owe £120.50.", Picture(coin, "A pound coin", OPENMOJI)),
                    Point("Pay by 4 June 2025."),
                    Point("We can help you pay.", Picture(phone, "")),
                ],
            ),
            Section(
                "Get help",
                [
                    Point("Call 01234 567890.", Picture(phone, "A phone", OPENMOJI)),
                ],
            ),
        ],
    )


def arabic_doc(folder: Path) -> EasyReadDocument:
    """One Arabic section with a picture and a point without."""
    coin = str(make_png(folder / "coin.png"))
    return EasyReadDocument(
        title=ARABIC_TITLE,
        language="ar",
        credits=[OPENMOJI],
        sections=[
            Section(
                "ما عليك دفعه",
                [
                    Point(ARABIC_POINTS[0], Picture(coin, "عملة")),
                    Point(ARABIC_POINTS[1]),
                ],
            ),
        ],
    )

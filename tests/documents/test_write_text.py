from easyread.documents.model import EasyReadDocument, Point, Section
from easyread.documents.write import WriteOptions
from easyread.documents.write_text import render_text, write_text
from tests.writer_samples import ARABIC_POINTS, ARABIC_TITLE, OPENMOJI, arabic_doc, english_doc


def test_layout(tmp_path):
    text = render_text(english_doc(tmp_path), WriteOptions.defaults(council_name="Example Council"))
    assert text == (
        "Example Council\n"
        "\n"
        "Your council tax\n"
        "\n"
        "What you owe\n"
        "- You owe £120.50.\n"
        "- Pay by 4 June 2025.\n"
        "- We can help you pay.\n"
        "\n"
        "Get help\n"
        "- Call 01234 567890.\n"
        "\n"
        "Easy Read by Example Council\n"
        f"{OPENMOJI}\n"
    )


def test_multi_line_point_stays_one_point_and_headings_are_one_line():
    doc = EasyReadDocument(title="T", sections=[Section("Two\nlines", [Point("First line.\n\nSecond line.")])])
    assert render_text(doc) == "T\n\nTwo lines\n- First line.\n  Second line.\n"


def test_arabic_text_is_kept_exactly(tmp_path):
    path = write_text(arabic_doc(tmp_path), tmp_path / "ar.txt")
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == ARABIC_TITLE
    for point in ARABIC_POINTS:
        assert f"- {point}\n" in text
    assert "عملة" not in text  # alt text of pictures is not part of the text version

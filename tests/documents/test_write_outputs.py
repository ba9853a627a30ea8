import pytest

from easyread.config import default, load_settings
from easyread.documents.write import WriteOptions, credit_lines, normalise_formats, write_outputs
from tests.writer_samples import OPENMOJI, english_doc


def test_writes_every_format(tmp_path):
    doc = english_doc(tmp_path)
    out = tmp_path / "out"
    written = write_outputs(doc, out, "letter", ["docx", "html", "pdf", "txt"], WriteOptions.defaults())
    assert list(written) == ["docx", "html", "pdf", "txt"]
    assert {p.name for p in written.values()} == {"letter.docx", "letter.html", "letter.pdf", "letter.txt"}
    assert written["docx"].read_bytes()[:2] == b"PK"
    assert written["pdf"].read_bytes()[:5] == b"%PDF-"
    assert written["html"].read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert written["txt"].read_text(encoding="utf-8").startswith("Your council tax\n")
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written.values())


def test_unknown_format_is_refused_before_anything_is_written(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(ValueError) as err:
        write_outputs(english_doc(tmp_path), out, "letter", ["txt", "odt"], WriteOptions.defaults())
    assert str(err.value) == "We cannot write 'odt' files. Choose from: docx, html, pdf, txt."
    assert not out.exists()


def test_format_names_are_forgiving():
    assert normalise_formats(["PDF", ".docx", " txt ", "pdf"]) == ["pdf", "docx", "txt"]
    assert normalise_formats("html,text") == ["html", "txt"]
    with pytest.raises(ValueError, match="at least one"):
        normalise_formats([])


@pytest.mark.parametrize("stem", ["../escape", "a/b", ""])
def test_stem_must_be_a_plain_name(tmp_path, stem):
    with pytest.raises(ValueError):
        write_outputs(english_doc(tmp_path), tmp_path, stem, ["txt"])


def test_options_from_settings(tmp_path):
    settings = load_settings(
        instance_path=tmp_path,
        environ={},
        overrides={
            "FONT": "Verdana",
            "FONT_SIZE_PT": "18",
            "HEADING_SIZE_PT": 24,
            "PICTURE_SIZE_CM": "3",
            "COUNCIL_NAME": "Example Council",
        },
    )
    options = WriteOptions.from_settings(settings)
    assert options == WriteOptions(
        font="Verdana", font_size_pt=18, heading_size_pt=24, picture_size_cm=3.0, council_name="Example Council"
    )
    # A partial dict takes the declared defaults, the council's name among them.
    assert WriteOptions.from_settings({}) == WriteOptions.defaults(council_name=default("COUNCIL_NAME"))


def test_credits_include_picture_credits_once(tmp_path):
    doc = english_doc(tmp_path)
    assert credit_lines(doc) == ["Easy Read by Example Council", OPENMOJI]

"""Every kind of bad input is refused with one plain sentence, and the file is left as it was."""

from __future__ import annotations

import pytest

from easyread.documents.errors import InputError
from easyread.documents.read import read_document, sniff
from easyread.documents.read_docx import read_docx
from easyread.documents.read_pdf import read_pdf
from tests import samples


def refuse(path, settings=None, **kwargs) -> InputError:
    """Read `path`, expecting an InputError; check the file did not change and the message is plain."""
    before = samples.file_state(path)
    with pytest.raises(InputError) as caught:
        read_document(path, settings={} if settings is None else settings, **kwargs)
    assert samples.file_state(path) == before
    message = str(caught.value)
    assert message == caught.value.message
    assert message.endswith(".") and "Traceback" not in message and "Error" not in message
    return caught.value


def test_empty_file(tmp_path):
    error = refuse(samples.make_empty_file(tmp_path / "empty.docx"))
    assert (error.code, error.message) == ("empty", "The file is empty. Choose a file that has the letter in it.")


def test_file_over_the_upload_limit(tmp_path):
    error = refuse(samples.make_oversize_file(tmp_path / "big.txt", mb=21))
    assert (error.code, error.message) == ("too_large", "The file must be smaller than 20 MB.")


def test_upload_limit_comes_from_settings(tmp_path):
    error = refuse(samples.make_oversize_file(tmp_path / "big.txt", mb=1.5), settings={"MAX_UPLOAD_MB": 1})
    assert error.message == "The file must be smaller than 1 MB."


def test_oversize_bytes_are_refused_too():
    with pytest.raises(InputError, match="smaller than 1 MB"):
        read_document(b"x" * (1024 * 1024 + 1), settings={"MAX_UPLOAD_MB": 1})


@pytest.mark.parametrize(
    "builder, name",
    [
        (samples.make_png, "picture.png"),
        (samples.make_random_binary, "data.bin"),
        (samples.make_old_doc_lookalike, "letter.doc"),
        (samples.make_zip_not_docx, "archive.zip"),
    ],
)
def test_unknown_types(tmp_path, builder, name):
    path = builder(tmp_path / name)
    assert sniff(path.read_bytes()) == "unknown"
    error = refuse(path)
    assert error.code == "unknown_type"
    if name.endswith(".png"):
        assert error.message.startswith("This file is a picture, not a letter.")
    else:
        assert (
            error.message
            == "This file is not a Word document (.docx), PDF or text file. Save it as one of those and try again."
        )


def test_random_bytes_named_docx_are_called_a_damaged_word_document(tmp_path):
    error = refuse(samples.make_random_binary(tmp_path / "letter.docx"))
    assert error.message == "This Word document is damaged. Open it in Word, save it again and try again."


def test_non_zip_bytes_given_to_the_word_reader():
    with pytest.raises(InputError, match="This Word document is damaged"):
        read_docx(b"This is not a zip file at all")


@pytest.mark.parametrize("builder", [samples.make_docx_broken_xml, samples.make_truncated_docx])
def test_damaged_docx(tmp_path, builder):
    path = builder(tmp_path / "letter.docx")
    assert sniff(path.read_bytes()) == "docx"
    error = refuse(path, filename="upload.bin")  # the name plays no part
    assert (error.code, error.message) == (
        "damaged",
        "This Word document is damaged. Open it in Word, save it again and try again.",
    )


def test_password_protected_docx(tmp_path):
    pytest.importorskip("msoffcrypto")
    path = samples.make_encrypted_docx(tmp_path / "secret.docx")
    assert sniff(path.read_bytes()) == "docx"
    error = refuse(path)
    assert (error.code, error.message) == (
        "password",
        "This Word document is protected by a password. Remove the password and try again.",
    )


def test_zip_bomb_by_compression_ratio(tmp_path):
    # 50 MB of zeros in a file of a few hundred kilobytes: under the 200 MB limit, but no letter shrinks like that.
    path = samples.make_zip_bomb_docx(tmp_path / "bomb.docx", member_mb=50)
    assert path.stat().st_size < 1024 * 1024
    error = refuse(path)
    assert (error.code, error.message) == (
        "zip_bomb",
        "This Word document cannot be opened safely. Save it again in Word and try again.",
    )


def test_zip_bomb_by_total_unpacked_size(tmp_path):
    path = samples.make_zip_bomb_docx(tmp_path / "bomb.docx", member_mb=4, members=2)
    error = refuse(path, settings={"MAX_UNCOMPRESSED_MB": 5})
    assert error.code == "too_big_unpacked"
    assert (
        error.message
        == "This Word document is too big once unpacked (more than 5 MB). Make pictures smaller or split the document, then try again."
    )


def test_password_protected_pdf(tmp_path):
    path = samples.make_encrypted_pdf(tmp_path / "secret.pdf")
    error = refuse(path)
    assert (error.code, error.message) == (
        "password",
        "This PDF is protected by a password. Remove the password and try again.",
    )


def test_pdf_with_no_text_layer(tmp_path):
    error = refuse(samples.make_image_only_pdf(tmp_path / "scan.pdf"))
    assert (error.code, error.message) == (
        "no_text",
        "This PDF has no text in it. Scan it with text recognition first.",
    )


def test_pdf_with_too_many_pages(tmp_path):
    error = refuse(samples.make_blank_pages_pdf(tmp_path / "long.pdf", pages=300))
    assert (error.code, error.message) == (
        "too_many_pages",
        "The PDF must have 100 pages or fewer. Split it into smaller files and try again.",
    )


def test_page_limit_comes_from_settings(tmp_path):
    path = samples.make_blank_pages_pdf(tmp_path / "three.pdf", pages=3)
    with pytest.raises(InputError, match="2 pages or fewer"):
        read_pdf(path.read_bytes(), max_pages=2)


def test_damaged_pdf(tmp_path):
    error = refuse(samples.make_damaged_pdf(tmp_path / "broken.pdf"))
    assert (error.code, error.message) == (
        "damaged",
        "This PDF is damaged. Save or export it again as a PDF and try again.",
    )


def test_latin1_text(tmp_path):
    path = samples.make_latin1_text(tmp_path / "letter.txt")
    assert sniff(path.read_bytes()) == "text"
    error = refuse(path)
    assert (error.code, error.message) == (
        "not_utf8",
        "This text file is not saved as UTF-8. Save it as UTF-8 and try again.",
    )


def test_too_many_words(tmp_path):
    error = refuse(samples.make_long_text(tmp_path / "long.txt", words=20_010))
    assert (error.code, error.message) == (
        "too_many_words",
        "The letter must have 20,000 words or fewer. Split it into shorter documents and try again.",
    )


def test_word_limit_applies_to_every_reader(tmp_path):
    path = samples.make_letter_docx(tmp_path / "letter.docx")
    error = refuse(path, settings={"MAX_WORDS": 50})
    assert error.code == "too_many_words"


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="could not be found"):
        read_document(tmp_path / "nope.pdf", settings={})
    with pytest.raises(InputError, match="is a folder"):
        read_document(tmp_path, settings={})


def test_read_only_input_is_read(tmp_path):
    path = samples.make_letter_text(tmp_path / "letter.txt")
    path.chmod(0o444)
    assert read_document(path, settings={}).blocks[0].text.startswith("Northshire County Council")


def test_files_with_no_words(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("   ")
    document.save(tmp_path / "blank.docx")
    (tmp_path / "blank.txt").write_text("\n \n\t\n", encoding="utf-8")
    for name in ("blank.docx", "blank.txt"):
        error = refuse(tmp_path / name)
        assert (error.code, error.message) == (
            "no_text",
            "This file has no text in it. Choose a file that has the letter's text in it.",
        )


def test_pdf_with_only_page_numbers(tmp_path):
    import weasyprint

    css = '@page { @bottom-center { content: "Page " counter(page) " of " counter(pages) } } div { page-break-after: always; height: 2cm; background: #444 }'
    path = tmp_path / "numbers.pdf"
    weasyprint.HTML(string=f"<style>{css}</style><div></div><div></div>").write_pdf(path)
    assert refuse(path).code == "no_text"

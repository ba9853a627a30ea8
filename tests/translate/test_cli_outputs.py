"""`easyread languages` and `easyread translate`, and what the translated files look like."""

from __future__ import annotations

import json
import zipfile

import pytest

from easyread.cli import main
from easyread.documents.model import EasyReadDocument, Point, Section
from easyread.documents.write import write_outputs
from easyread.translate.bilingual import build_bilingual_docx
from tests.translate.servers import TestServer


def test_languages_lists_the_catalogue_with_tiers(cli_runner):
    result = cli_runner.invoke(main, ["languages"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len([l for l in lines if l[:1].islower() and "  " in l]) >= 75
    assert any(l.startswith("pa-Arab") and "rtl" in l for l in lines)
    assert any(l.startswith("bfi") and l.rstrip().endswith("person") for l in lines)
    assert "needs a person" in result.output


def test_languages_for_a_model_folder(cli_runner, tiny_models):
    result = cli_runner.invoke(
        main, ["languages", "--community", "--engine", f"nllb://{tiny_models['nllb']}", "--engine", "embedded"]
    )
    assert result.exit_code == 0, result.output
    polish = next(l for l in result.output.splitlines() if l.startswith("pl "))
    assert polish.split()[-2:] == ["good", "weak"]
    tigrinya = next(l for l in result.output.splitlines() if l.startswith("ti "))
    assert tigrinya.split()[-2:] == ["draft", "weak"]


def test_translate_writes_every_format_and_a_report(cli_runner, draft, tmp_path):
    draft_file = tmp_path / "letter.draft.json"
    draft_file.write_text(json.dumps(draft.to_dict()))
    out = tmp_path / "out"
    with TestServer() as server:
        # The default back-translation check, with the packaged MiniLM model.
        result = cli_runner.invoke(
            main,
            [
                "translate",
                str(draft_file),
                "--to",
                "pl,ur,ti",
                "-o",
                str(out),
                "--engine",
                f"libretranslate+{server.url}",
                "--format",
                "docx,html,txt",
                "--bilingual",
            ],
        )
    assert result.exit_code == 1, result.output  # Tigrinya: this server cannot
    assert "ti       Tigrinya: not done. The engine" in result.output and "NLLB-200" in result.output
    assert "pl       Polish: 3 points, 0 flagged" in result.output
    for name in (
        "letter.pl.docx",
        "letter.pl.html",
        "letter.pl.txt",
        "letter.pl.json",
        "letter.pl.bilingual.docx",
        "letter.ur.html",
    ):
        assert (out / name).is_file(), name
    html = (out / "letter.ur.html").read_text()
    assert 'lang="ur"' in html and 'dir="rtl"' in html
    saved = EasyReadDocument.from_dict(json.loads((out / "letter.pl.json").read_text()))
    assert saved.language == "pl" and saved.points()[0].text == "PL Zapłać £125.00 do 1 marca 2025."
    report = json.loads((out / "letter.translation.json").read_text())
    assert [l["language"] for l in report["languages"]] == ["pl", "ur", "ti"] and report["languages"][0][
        "similarity"
    ] > 0.5


@pytest.mark.parametrize(
    "args,message",
    [
        (["--to", "pl,qq"], "does not know the language 'qq'"),
        (["--to", "pl", "--format", "odt"], "cannot write 'odt'"),
    ],
)
def test_translate_bad_input_exits_2(cli_runner, draft, tmp_path, args, message):
    draft_file = tmp_path / "d.json"
    draft_file.write_text(json.dumps(draft.to_dict()))
    result = cli_runner.invoke(main, ["translate", str(draft_file), *args])
    assert result.exit_code == 2 and message in result.output


def test_translate_refuses_a_file_that_is_not_a_draft(cli_runner, tmp_path):
    bad = tmp_path / "letter.json"
    bad.write_text('{"title": "x"}')
    result = cli_runner.invoke(main, ["translate", str(bad), "--to", "pl"])
    assert result.exit_code == 2 and "not an Easy Read draft" in result.output


def _pdf_fonts(path) -> set[str]:
    from pypdf import PdfReader

    fonts = set()
    for page in PdfReader(str(path)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    return fonts


@pytest.mark.parametrize(
    "code,text,font",
    [
        ("ur", "اپنا بل 1 مارچ 2025 تک ادا کریں۔", "Arabic"),  # Noto Sans Arabic / Naskh / Nastaliq
        ("bn", "১ মার্চ ২০২৫ এর মধ্যে আপনার বিল পরিশোধ করুন।", "Bengali"),
        ("pa-Guru", "1 ਮਾਰਚ 2025 ਤੱਕ ਆਪਣਾ ਬਿੱਲ ਭਰੋ।", "Gurmukhi"),
    ],
)
def test_pdf_has_glyphs_for_the_script(tmp_path, code, text, font):
    doc = EasyReadDocument("", [Section("", [Point(text)])], language=code)
    written = write_outputs(doc, tmp_path, "t", ["pdf"])
    fonts = _pdf_fonts(written["pdf"])
    assert any(font in f for f in fonts), fonts


@pytest.mark.parametrize(
    "code,text",
    [
        ("zh-Hans", "请在2025年3月1日前支付您的账单。"),
        ("zh-Hant", "請在2025年3月1日前支付您的帳單。"),
    ],
)
def test_chinese_pdfs_are_written_with_their_glyphs(tmp_path, code, text):
    """scripts/setup.sh installs fonts-noto-cjk, so Chinese PDFs are written, not skipped."""
    from pypdf import PdfReader

    from easyread.translate.catalogue import lookup
    from easyread.translate.fonts import missing_font

    assert missing_font(lookup(code)) is None
    doc = EasyReadDocument("", [Section("", [Point(text)])], language=code)
    written = write_outputs(doc, tmp_path, "t", ["pdf"])
    assert any("CJK" in f for f in _pdf_fonts(written["pdf"])), _pdf_fonts(written["pdf"])
    assert text in PdfReader(str(written["pdf"])).pages[0].extract_text().replace("\n", "")


def test_translate_writes_chinese_pdfs(cli_runner, draft, tmp_path):
    draft_file = tmp_path / "letter.json"
    draft_file.write_text(json.dumps(draft.to_dict()))
    with TestServer() as server:
        result = cli_runner.invoke(
            main,
            [
                "translate",
                str(draft_file),
                "--to",
                "zh-Hans,zh-Hant",
                "--no-back-check",
                "--engine",
                f"libretranslate+{server.url}",
                "--format",
                "pdf",
            ],
        )
    assert "Install fonts-noto-cjk" not in result.output, result.output
    assert (tmp_path / "letter.zh-Hans.pdf").is_file() and (tmp_path / "letter.zh-Hant.pdf").is_file(), result.output


def test_bilingual_docx_has_both_languages_side_by_side(draft, tmp_path):
    translated = EasyReadDocument.from_dict(draft.to_dict())
    translated.language = "ur"
    for point in translated.points():
        point.text = "اردو " + point.text
    word = build_bilingual_docx(draft, translated)
    path = tmp_path / "b.docx"
    word.save(path)
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert 'w:val="ur"' in xml and "<w:bidi/>" in xml and "<w:rtl/>" in xml
    table = word.tables[0]
    assert (
        len(table.columns) == 3
        and table.rows[0].cells[1].text.startswith("Pay")
        and table.rows[0].cells[2].text.startswith("اردو")
    )


def test_pdf_is_skipped_with_a_plain_note_when_no_font_has_the_script(cli_runner, draft, tmp_path, monkeypatch):
    from easyread.translate import fonts

    monkeypatch.setattr(fonts, "_fontconfig_has", lambda probe: probe != "zh-cn")
    draft_file = tmp_path / "letter.json"
    draft_file.write_text(json.dumps(draft.to_dict()))
    with TestServer() as server:
        result = cli_runner.invoke(
            main,
            [
                "translate",
                str(draft_file),
                "--to",
                "zh-Hans",
                "--no-back-check",
                "--engine",
                f"libretranslate+{server.url}",
                "--format",
                "pdf,txt",
            ],
        )
    assert result.exit_code == 0, result.output
    assert "Install fonts-noto-cjk" in result.output
    assert (tmp_path / "letter.zh-Hans.txt").is_file() and not (tmp_path / "letter.zh-Hans.pdf").exists()


def test_languages_with_a_server_that_is_down(cli_runner):
    from tests.translate.servers import free_port_url

    result = cli_runner.invoke(
        main, ["languages", "--engine", f"libretranslate+{free_port_url()}"], env={"EASYREAD_MODEL_RETRIES": "0"}
    )
    assert result.exit_code == 2 and "is not answering" in result.output


def test_translate_the_original_letter_keeps_its_order_and_facts(cli_runner, tmp_path):
    from easyread.documents.read import read_document
    from easyread.translate.original import letter_as_draft

    letter = tmp_path / "reminder.txt"
    letter.write_text(
        "Council Tax reminder\n\nDear Mr Okafor,\n\nPay £125.00 by 1 March 2025.\n\n"
        "Call 0161 496 0199 if you need help.\n\nYours sincerely,\n\nRevenue Team\n",
        encoding="utf-8",
    )
    before = letter.read_bytes()
    laid_out = letter_as_draft(read_document(letter))
    texts = [p.text for p in laid_out.points()]
    assert laid_out.title == "Council Tax reminder" or texts[0] == "Council Tax reminder"
    assert texts.index("Pay £125.00 by 1 March 2025.") < texts.index("Call 0161 496 0199 if you need help.")
    assert any("Okafor" in t for t in texts)  # the whole letter, salutation included: it is the official letter
    out = tmp_path / "out"
    with TestServer() as server:
        result = cli_runner.invoke(
            main,
            [
                "translate",
                str(letter),
                "--original",
                "--to",
                "pl",
                "-o",
                str(out),
                "--no-back-check",
                "--engine",
                f"libretranslate+{server.url}",
                "--format",
                "txt",
            ],
        )
    assert result.exit_code == 0, result.output
    text = (out / "reminder.pl.txt").read_text(encoding="utf-8")
    assert "PL " in text and "£125.00" in text and "0161 496 0199" in text
    assert letter.read_bytes() == before  # the input is never changed
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    refused = cli_runner.invoke(main, ["translate", str(broken), "--original", "--to", "pl"])
    assert refused.exit_code == 2 and "broken.docx:" in refused.output and "Traceback" not in refused.output


def test_convert_then_translate_its_draft_as_the_readme_says(cli_runner, tmp_path):
    letter = tmp_path / "reminder.txt"
    letter.write_text("Council tax reminder\n\nYou owe £142.50. Please pay by 4 June 2025.\n", encoding="utf-8")
    out = tmp_path / "out"
    converted = cli_runner.invoke(
        main, ["convert", str(letter), "-o", str(out), "--model", "none", "--format", "txt", "--no-pictures"]
    )
    assert converted.exit_code == 0, converted.output
    assert sorted(p.name for p in out.iterdir()) == ["reminder.draft.json", "reminder.report.json", "reminder.txt"]
    with TestServer() as server:
        result = cli_runner.invoke(
            main,
            [
                "translate",
                str(out / "reminder.draft.json"),
                "--to",
                "pl",
                "--format",
                "txt",
                "--engine",
                f"libretranslate+{server.url}",
                "--no-back-check",
            ],
        )
    assert result.exit_code == 0, result.output
    polish = (out / "reminder.pl.txt").read_text(encoding="utf-8")
    assert "£142.50" in polish and "2025" in polish

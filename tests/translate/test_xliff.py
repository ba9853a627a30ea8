"""The translator's round trip: XLIFF 1.2 out, edited with translate-toolkit as a CAT tool would, and back in."""

from __future__ import annotations

import json

import pytest
from translate.storage import xliff as tt_xliff

from easyread.cli import main
from easyread.config import default
from easyread.documents.model import EasyReadDocument
from easyread.translate.origin import is_approved, origin_of
from easyread.translate.xliff import XliffRefused, export_xliff, import_xliff
from tests.translate.servers import TestServer

# The back-check's thresholds at the declared TRANSLATE_CHRF_MIN and TRANSLATE_SIMILARITY_MIN.
LIMITS = {"chrf_min": default("TRANSLATE_CHRF_MIN"), "similarity_min": default("TRANSLATE_SIMILARITY_MIN")}


def _units(data: bytes) -> dict:
    store = tt_xliff.xlifffile.parsestring(data)
    return {u.getid().rpartition(tt_xliff.ID_SEPARATOR)[2]: u for u in store.units}, store


def _polish(draft) -> EasyReadDocument:
    from tests.translate.fakes import to_polish

    translated = EasyReadDocument.from_dict(draft.to_dict())
    translated.language = "pl"
    translated.title = to_polish(draft.title)
    for section in translated.sections:
        section.heading = to_polish(section.heading) if section.heading else ""
    for point in translated.points():
        point.text = to_polish(point.text)
        if point.picture:
            point.picture.alt = to_polish(point.picture.alt)
    return translated


def test_export_is_xliff_1_2_with_structure_states_and_notes(draft, glossary):
    draft.sections[0].points[0].text = "Pay your council tax of £125.00 by 1 March 2025."
    data = export_xliff(draft, _polish(draft), "pl", glossary=glossary)
    assert b'version="1.2"' in data and b"urn:oasis:names:tc:xliff:document:1.2" in data
    units, store = _units(data)
    assert store.gettargetlanguage() == "pl"
    assert list(units) == ["title", "s1/heading", "s1/p1", "s1/p1/picture", "s1/p2", "s2/p1"]
    first = units["s1/p1"]
    assert first.source == "Pay your council tax of £125.00 by 1 March 2025."
    assert first.target.startswith("PL Zapłać")
    assert 'state="needs-review-translation"' in str(first) and "mt-suggestion" in str(first) and not first.isapproved()
    notes = first.getnotes()
    assert "£125.00" in notes and "1 marca 2025" in notes and "council tax = podatek lokalny" in notes


def _translate(cli_runner, english_file, engine: str):
    """`easyread translate` the English draft into Polish with `engine`; the translated draft's file."""
    command = ["translate", str(english_file), "--to", "pl", "--format", "txt", "--engine", engine, "--no-back-check"]
    made = cli_runner.invoke(main, command)
    assert made.exit_code == 0, made.output
    return english_file.with_name("letter.pl.json")


def test_round_trip_through_the_cli_makes_a_checked_new_version(cli_runner, draft, tmp_path):
    english_file = tmp_path / "letter.json"
    english_file.write_text(json.dumps(draft.to_dict()))
    with TestServer() as server:
        engine = f"libretranslate+{server.url}"
        translated_file = _translate(cli_runner, english_file, engine)
        out = cli_runner.invoke(
            main, ["xliff", "export", str(english_file), str(translated_file), "-o", str(tmp_path / "letter.pl.xlf")]
        )
        assert out.exit_code == 0, out.output

        # The translator's tool: open the file, change two targets, approve them, save.
        units, store = _units((tmp_path / "letter.pl.xlf").read_bytes())
        units["s1/p2"].settarget("Zadzwoń: 01632 960 123.")
        units["s1/p2"].markapproved(True)
        units["s2/p1"].settarget("Masz 82 dni.")  # a fact changed: the lock must catch it
        units["s2/p1"].markapproved(True)
        units["s1/p1/picture"].settarget("Pieniądze na rachunek")
        (tmp_path / "returned.xlf").write_bytes(bytes(store))

        back = cli_runner.invoke(
            main,
            [
                "xliff",
                "import",
                str(english_file),
                str(translated_file),
                str(tmp_path / "returned.xlf"),
                "--engine",
                engine,
                "-o",
                str(tmp_path / "letter.pl.v2.json"),
            ],
        )
    assert back.exit_code == 0, back.output
    assert "3 changed, 1 approved, 1 flagged" in back.output
    new = EasyReadDocument.from_dict(json.loads((tmp_path / "letter.pl.v2.json").read_text()))
    old = EasyReadDocument.from_dict(json.loads(translated_file.read_text()))
    points = new.points()
    assert points[0].text == old.points()[0].text and points[0].picture.alt == "Pieniądze na rachunek"
    assert points[1].text == "Zadzwoń: 01632 960 123."
    assert origin_of(points[1])["origin"] == "person" and is_approved(points[1])
    assert "translation-facts" not in points[1].flags
    assert any(f["check"] == "back-translation" for f in points[1].findings)  # the back-check ran on it
    assert "translation-facts" in points[2].flags and not is_approved(points[2])
    assert [s.heading for s in new.sections] == [s.heading for s in old.sections] and new.language == "pl"


def test_a_stricter_back_check_setting_reaches_the_import(cli_runner, draft, tmp_path, monkeypatch):
    """TRANSLATE_CHRF_MIN applies to a translator's returned file too (the import used the declared default before):
    no back-translation scores above 100, so at 101 every changed point has drifted."""
    english_file = tmp_path / "letter.json"
    english_file.write_text(json.dumps(draft.to_dict()))
    with TestServer() as server:
        engine = f"libretranslate+{server.url}"
        translated_file = _translate(cli_runner, english_file, engine)
        units, store = _units(
            export_xliff(draft, EasyReadDocument.from_dict(json.loads(translated_file.read_text())), "pl")
        )
        units["s1/p2"].settarget("Zadzwoń: 01632 960 123.")
        (tmp_path / "returned.xlf").write_bytes(bytes(store))
        monkeypatch.setenv("EASYREAD_TRANSLATE_CHRF_MIN", "101")
        back = cli_runner.invoke(
            main,
            ["xliff", "import", str(english_file), str(translated_file), str(tmp_path / "returned.xlf")]
            + ["--engine", engine, "-o", str(tmp_path / "letter.pl.v2.json")],
        )
    assert back.exit_code == 0, back.output
    new = EasyReadDocument.from_dict(json.loads((tmp_path / "letter.pl.v2.json").read_text()))
    assert "translation-drift" in new.points()[1].flags, new.points()[1].findings


@pytest.mark.parametrize(
    "edit,message",
    [
        (lambda units: setattr(units["s1/p1"], "source", "Pay £999 now."), "The English was changed in s1/p1"),
        (lambda units: units["s2/p1"].setid("s3/p1"), "parts this letter does not have (s3/p1)"),
    ],
)
def test_changes_outside_the_points_are_refused(draft, edit, message):
    translated = _polish(draft)
    units, store = _units(export_xliff(draft, translated, "pl"))
    edit(units)
    with pytest.raises(XliffRefused, match=message.replace("(", r"\(").replace(")", r"\)")):
        import_xliff(bytes(store), draft, translated, "pl", **LIMITS)


def test_a_file_for_another_language_or_not_xliff_is_refused(draft):
    translated = _polish(draft)
    data = export_xliff(draft, translated, "pl").replace(b'target-language="pl"', b'target-language="ro"')
    with pytest.raises(XliffRefused, match="for ro, not Polish"):
        import_xliff(data, draft, translated, "pl", **LIMITS)
    with pytest.raises(XliffRefused, match="not an XLIFF file"):
        import_xliff(b"hello", draft, translated, "pl", **LIMITS)


def test_cli_import_refusal_is_one_plain_sentence(cli_runner, draft, tmp_path):
    english_file, translated_file = tmp_path / "letter.json", tmp_path / "letter.pl.json"
    english_file.write_text(json.dumps(draft.to_dict()))
    translated_file.write_text(json.dumps(_polish(draft).to_dict()))
    (tmp_path / "bad.xlf").write_bytes(b"<xliff")
    result = cli_runner.invoke(
        main, ["xliff", "import", str(english_file), str(translated_file), str(tmp_path / "bad.xlf"), "--no-back-check"]
    )
    assert result.exit_code == 2 and "not an XLIFF file" in result.output and "Traceback" not in result.output


def test_xliff_2_0_export_and_return(draft):
    from translate.storage import xliff2 as tt_xliff2

    translated = _polish(draft)
    data = export_xliff(draft, translated, "pl", version="2.0")
    assert b'version="2.0"' in data and b'trgLang="pl"' in data
    store = tt_xliff2.Xliff2File.parsestring(data)
    units = {u.getid(): u for u in store.units}
    assert list(units) == ["title", "s1/heading", "s1/p1", "s1/p1/picture", "s1/p2", "s2/p1"]
    assert "£125.00" in units["s1/p1"].getnotes() and units["s1/p1"].xmlelement.get("state") == "initial"
    units["s1/p2"].settarget("Zadzwoń: 01632 960 123.")
    units["s1/p2"].xmlelement.set("state", "final")
    result = import_xliff(bytes(store), draft, translated, "pl", **LIMITS)
    assert result.changed == ["s1/p2"] and result.approved == ["s1/p2"]
    assert is_approved(result.draft.points()[1]) and result.draft.points()[1].text == "Zadzwoń: 01632 960 123."

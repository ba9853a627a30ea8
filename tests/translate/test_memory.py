"""Translation memory: approved points reused with each letter's facts, fuzzy matches offered with their
percentage and differences, the pipeline asking memory before any engine, and TMX made by translate-toolkit."""

from __future__ import annotations

import json

import pytest
from translate.storage import tmx as tt_tmx

from easyread.cli import main
from easyread.documents.model import EasyReadDocument, Point, Section
from easyread.translate import translate_draft
from easyread.translate.factcheck import check_translation
from easyread.translate.memory import EXACT, FUZZY, Memory, make_segment
from easyread.translate.origin import origin_of
from easyread.translate.tmx import TmxRefused, export_tmx, read_tmx
from tests.translate.servers import TestServer

PAIRS = {
    "pl": (
        "You must pay £125.00 by 1 March 2025. You have 28 days.",
        "Musisz zapłacić 125,00 £ do 1 marca 2025. Masz 28 dni.",
    ),
    "de": (
        "You must pay £125.00 by 1 March 2025. You have 28 days.",
        "Sie müssen 125,00 £ bis zum 1. März 2025 zahlen. Sie haben 28 Tage.",
    ),
    "es": (
        "You must pay £125.00 by 1 March 2025. You have 28 days.",
        "Debe pagar £125.00 antes del 1 de marzo de 2025. Tiene 28 días.",
    ),
    "ur": (
        "You must pay £125.00 by 1 March 2025. You have 28 days.",
        "آپ کو 1 مارچ، 2025 تک £125.00 ادا کرنا ہوگا۔ آپ کے پاس 28 دن ہیں۔",
    ),
}
NEW = "You must pay £1,342.50 by 10 April 2026. You have 14 days."


@pytest.mark.parametrize("code", list(PAIRS))
def test_exact_match_is_filled_with_this_letters_facts_the_languages_way(code):
    english, translated = PAIRS[code]
    segment = make_segment(english, translated, code)
    assert segment is not None and segment.kinds == ["money", "date", "number"]
    assert "125" not in segment.target and "⟦1⟧" in segment.target
    match = Memory(code, [segment]).lookup(NEW)
    assert match.kind == EXACT and match.score == 100 and match.unfilled == 0
    check = check_translation(NEW, match.text, code)
    assert check.ok and not check.date_format, (match.text, check.finding())
    assert "125" not in match.text and "2025" not in match.text


def test_money_and_dates_follow_the_form_the_translator_used():
    segment = make_segment(*PAIRS["pl"], "pl")
    text = Memory("pl", [segment]).lookup(NEW).text
    assert "1\u00a0342,50 £" in text and "10 kwietnia 2026" in text  # babel's Polish grouping and month
    copied = Memory("es", [make_segment(*PAIRS["es"], "es")]).lookup(NEW).text
    assert "£1,342.50" in copied  # the translator copied the English amount, so the new one is copied too


def test_fuzzy_match_shows_its_percentage_and_marks_the_different_words():
    memory = Memory("pl", [make_segment(*PAIRS["pl"], "pl")])
    match = memory.lookup("You must pay £99.00 before 2 May 2026. You have 14 days.")
    assert match.kind == FUZZY and 75 <= match.score < 100
    assert "«before»" in match.diff and "«must»" not in match.diff
    assert memory.lookup("Please call the housing office about your repair.") is None


def test_a_pair_whose_facts_disagree_is_not_remembered():
    assert make_segment("Pay £125.00 by 1 March 2025.", "Zapłać 12,00 £ do 1 marca 2025.", "pl") is None


def test_pipeline_fills_memory_points_before_the_engine(fake, settings, embedder):
    draft = EasyReadDocument("Your bill", [Section("Money", [Point(NEW), Point("Call 01632 960 123.")])])
    memory = {"pl": Memory("pl", [make_segment(*PAIRS["pl"], "pl")])}
    run = translate_draft(draft, "pl", engine=fake, settings=settings, memory=memory, embedder=embedder)
    result = run.results["pl"]
    assert result.ok and result.from_memory == 1 and result.fuzzy == 0
    sent = [t for source, target, texts in fake.calls if target == "pl" for t in texts]
    assert NEW not in sent and "Call 01632 960 123." in sent
    first, second = result.draft.points()
    assert first.text.startswith("Musisz zapłacić 1\u00a0342,50 £")
    assert origin_of(first)["origin"] == "memory" and origin_of(second)["origin"] == "engine"
    assert "translation-facts" not in first.flags


def _tmx(pairs: list[tuple[str, str]], code: str, lang_tag: str) -> bytes:
    """A TMX file as a CAT tool would export it, made with translate-toolkit."""
    store = tt_tmx.tmxfile(sourcelanguage="en-GB", targetlanguage=lang_tag)
    for english, translated in pairs:
        store.addtranslation(english, "en-GB", translated, lang_tag)
    return bytes(store)


def test_tmx_made_by_translate_toolkit_is_read_and_written_back():
    data = _tmx(
        [PAIRS["pl"], ("Pay £5 by 1 May 2025.", "Zapłać 50 £ do 1 maja 2025."), ("Thank you.", "Dziękuję.")],
        "pl",
        "pl-PL",
    )
    read = read_tmx(data, "pl")
    assert read.pairs == 3 and read.skipped == 1 and len(read.segments) == 2
    again = tt_tmx.tmxfile.parsestring(export_tmx(read.segments, "pl"))
    assert [(u.source, u.target) for u in again.units] == [PAIRS["pl"], ("Thank you.", "Dziękuję.")]
    with pytest.raises(TmxRefused, match="no English and Romanian pairs"):
        read_tmx(data, "ro")


def test_cli_translate_with_a_tmx_memory(cli_runner, tmp_path):
    draft = EasyReadDocument("Your bill", [Section("Money", [Point(NEW), Point("Call 01632 960 123.")])])
    (tmp_path / "letter.json").write_text(json.dumps(draft.to_dict()))
    (tmp_path / "supplier.tmx").write_bytes(_tmx([PAIRS["pl"]], "pl", "pl"))
    with TestServer() as server:
        result = cli_runner.invoke(
            main,
            [
                "translate",
                str(tmp_path / "letter.json"),
                "--to",
                "pl",
                "--format",
                "txt",
                "--no-back-check",
                "--engine",
                f"libretranslate+{server.url}",
                "--memory",
                str(tmp_path / "supplier.tmx"),
            ],
        )
    assert result.exit_code == 0, result.output
    assert "1 from memory and 0 fuzzy" in result.output
    saved = EasyReadDocument.from_dict(json.loads((tmp_path / "letter.pl.json").read_text()))
    assert saved.points()[0].text.startswith("Musisz zapłacić 1\u00a0342,50 £ do 10 kwietnia 2026")


def test_cli_memory_import_and_export_tmx_through_the_database(cli_runner, tmp_path, instance):
    (tmp_path / "in.tmx").write_bytes(_tmx([PAIRS["pl"], ("Thank you.", "Dziękuję.")], "pl", "pl"))
    loaded = cli_runner.invoke(
        main, ["memory", "import-tmx", str(tmp_path / "in.tmx"), "--language", "pl", "--council", "Testshire"]
    )
    assert loaded.exit_code == 0, loaded.output
    assert "2 pairs read: 2 added, 0 replaced, 0 skipped" in loaded.output
    again = cli_runner.invoke(
        main, ["memory", "import-tmx", str(tmp_path / "in.tmx"), "--language", "pl", "--council", "Testshire"]
    )
    assert "0 added, 2 replaced" in again.output
    out = cli_runner.invoke(
        main, ["memory", "export-tmx", str(tmp_path / "out.tmx"), "--language", "pl", "--council", "Testshire"]
    )
    assert out.exit_code == 0 and "Wrote 2 entries" in out.output
    units = tt_tmx.tmxfile.parsestring((tmp_path / "out.tmx").read_bytes()).units
    assert sorted(u.target for u in units) == sorted([PAIRS["pl"][1], "Dziękuję."])
    bad = cli_runner.invoke(main, ["memory", "import-tmx", str(tmp_path / "in.tmx"), "--language", "klingon"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_a_fuzzy_memory_point_is_flagged_for_a_person(fake, settings, embedder):
    draft = EasyReadDocument(
        "Your bill", [Section("Money", [Point("You must pay £99.00 before 2 May 2026. You have 14 days.")])]
    )
    memory = {"pl": Memory("pl", [make_segment(*PAIRS["pl"], "pl")])}
    result = translate_draft(draft, "pl", engine=fake, settings=settings, memory=memory, embedder=embedder).results[
        "pl"
    ]
    point = result.draft.points()[0]
    assert result.fuzzy == 1 and "translation-memory-fuzzy" in point.flags and result.flagged == 1
    origin = origin_of(point)
    assert origin["origin"] == "fuzzy" and 75 <= origin["match"] < 100 and "«before»" in origin["diff"]
    assert "% match" in origin["message"]

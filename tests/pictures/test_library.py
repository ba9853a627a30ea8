import logging

import pytest

from easyread.pictures.library import Library, load_council_folder, load_openmoji
from easyread_bench.pictures import load_set


def test_council_folder_reads_csv_and_skips_missing_files(council_folder, caplog):
    with caplog.at_level(logging.WARNING):
        symbols = load_council_folder(council_folder)
    assert [s.id for s in symbols] == ["council:money.png", "council:library.jpg"]
    assert symbols[0].keywords == ("money", "cash", "pound") and symbols[0].alt == "Money in a purse"
    assert symbols[1].keywords == ("library", "books", "novels", "stories")
    assert "missing.png" in caplog.text


def test_council_folder_without_csv_says_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="pictures.csv"):
        load_council_folder(tmp_path)


def test_council_symbols_come_first(council_folder):
    lib = Library(load_openmoji({"1F4B7"}) + load_council_folder(council_folder))
    assert [s.source for s in lib.symbols] == ["council", "council", "openmoji"]


def test_openmoji_set_has_names_and_no_skin_tones_or_flags():
    symbols = load_openmoji()
    ids = {s.id for s in symbols}
    assert len(symbols) > 1500
    assert "1F4DE" in ids and "1F44D-1F3FB" not in ids and "1F1EC-1F1E7" not in ids
    assert all(s.alt.strip() and s.keywords and s.path.endswith(".svg") for s in symbols)


def test_labelled_set_is_sound():
    items = load_set()
    assert len(items) >= 80
    assert {i.split for i in items} == {"dev", "test"}
    known = {s.id for s in load_openmoji()}
    for item in items:
        assert item.accept or item.none_ok, item.id
        assert item.accept <= known, (item.id, item.accept - known)

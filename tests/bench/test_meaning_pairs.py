"""The labelled meaning pairs (benchmarks/easyread_bench/meaning/pairs.csv) keep their schema and stay honest:
every letter sentence is a real sentence of a real letter on disk, every kind has enough rows in each split,
and no letter (nor any letter sentence) is in both the dev and the test split."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "easyread_bench"
PAIRS = BENCH / "meaning" / "pairs.csv"
LETTERS = BENCH / "real_letters"
HOLDOUT_LETTERS = BENCH / "meaning" / "holdout_letters"
SPLITS = ("dev", "test", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "drafts")
# "drafts" re-uses dev and test letters on purpose (flagged lines of real drafts of them), so it is left out of the
# rules that keep letters and sentences to one split, and of the every-kind minimums.
OWN_LETTERS = ("dev", "test", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6")
MODEL_ONLY = ("holdout5", "holdout6")
HELD_OUT = (
    "holdout",
    "holdout2",
    "holdout3",
    "holdout4",
    "holdout5",
    "holdout6",
)  # their letters are in meaning/holdout_letters

COLUMNS = ["id", "letter", "letter_sentence", "easy_read_sentence", "label", "kind", "harmful", "split", "note"]
UNFAITHFUL_KINDS = {"agent", "money", "modal", "negation", "condition", "fact-moved", "invented", "fragment"}
KINDS = UNFAITHFUL_KINDS | {"faithful"}


def load_rows(path: Path = PAIRS) -> tuple[list[str], list[dict[str, str]]]:
    """The CSV's header and its rows, read the way a consumer reads them (csv module, UTF-8)."""
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def problems(
    header: list[str], rows: list[dict[str, str]], letters_dir: Path = LETTERS, holdout_dir: Path = HOLDOUT_LETTERS
) -> list[str]:
    """Every way the pairs break the schema or the rules, one line each; empty when the set is sound."""
    out: list[str] = []
    if header != COLUMNS:
        out.append(f"columns are {header}, expected {COLUMNS}")
        return out
    ids = Counter(r["id"] for r in rows)
    out += [f"id {i} appears {n} times" for i, n in ids.items() if n > 1]
    texts: dict[str, str] = {}
    splits_of: dict[str, set[str]] = {}
    for r in rows:
        rid = r["id"]
        if r["kind"] not in KINDS:
            out.append(f"{rid}: unknown kind {r['kind']!r}")
        expected_label = "faithful" if r["kind"] == "faithful" else "unfaithful"
        if r["label"] != expected_label:
            out.append(f"{rid}: label {r['label']!r} does not match kind {r['kind']!r}")
        if r["harmful"] not in ("yes", "no"):
            out.append(f"{rid}: harmful must be yes or no, not {r['harmful']!r}")
        if r["kind"] == "faithful" and r["harmful"] != "no":
            out.append(f"{rid}: a faithful pair cannot be harmful")
        if r["split"] not in SPLITS:
            out.append(f"{rid}: split must be one of {SPLITS}, not {r['split']!r}")
        if not r["easy_read_sentence"].strip() or not r["letter_sentence"].strip():
            out.append(f"{rid}: empty sentence")
        if r["split"] in OWN_LETTERS:
            splits_of.setdefault(r["letter"], set()).add(r["split"])
        if r["letter"] not in texts:
            path = (holdout_dir if r["split"] in HELD_OUT else letters_dir) / f"{r['letter']}.txt"
            texts[r["letter"]] = path.read_text(encoding="utf-8") if path.is_file() else ""
            if not texts[r["letter"]]:
                out.append(f"{rid}: no letter file {path.name}")
                continue
        if texts[r["letter"]] and r["letter_sentence"] not in texts[r["letter"]]:
            out.append(f"{rid}: letter_sentence is not verbatim in {r['letter']}.txt: {r['letter_sentence'][:60]!r}")
    out += [f"letter {name} is in both splits" for name, s in splits_of.items() if len(s) > 1]
    # Template letters reuse paragraphs; a reused sentence in both splits would leak dev into test.
    sentence_splits: dict[str, set[str]] = {}
    for r in rows:
        if r["split"] in OWN_LETTERS:
            sentence_splits.setdefault(r["letter_sentence"], set()).add(r["split"])
    out += [f"sentence in both splits: {t[:60]!r}" for t, s in sentence_splits.items() if len(s) > 1]
    return out


def minimum_problems(rows: list[dict[str, str]]) -> list[str]:
    """Size rules: 300 rows, 120 faithful, 20 of each unfaithful kind, and every kind present in both splits."""
    out: list[str] = []
    kinds = Counter(r["kind"] for r in rows)
    if len(rows) < 300:
        out.append(f"only {len(rows)} rows, need 300")
    if kinds["faithful"] < 120:
        out.append(f"only {kinds['faithful']} faithful rows, need 120")
    out += [f"only {kinds[k]} {k} rows, need 20" for k in sorted(UNFAITHFUL_KINDS) if kinds[k] < 20]
    per_split = Counter((r["kind"], r["split"]) for r in rows)
    # holdout5 and holdout6 hold only the model's own lines: the kinds they have are the errors the model made.
    every_kind = [s for s in OWN_LETTERS if s not in MODEL_ONLY]
    out += [f"no {k} rows in the {s} split" for k in sorted(KINDS) for s in every_kind if not per_split[(k, s)]]
    return out


def test_pairs_file_is_sound():
    header, rows = load_rows()
    assert problems(header, rows) == []


def test_pairs_meet_the_minimums():
    _, rows = load_rows()
    assert minimum_problems(rows) == []


def test_every_letter_is_real_and_cited():
    _, rows = load_rows()
    sources = (LETTERS / "SOURCES.md").read_text(encoding="utf-8")
    used = {r["letter"] for r in rows}
    on_disk = {p.stem for p in LETTERS.glob("*.txt")}
    assert len(on_disk) >= 15
    held_out = {p.stem for p in HOLDOUT_LETTERS.glob("*.txt")}
    assert used <= on_disk | held_out
    assert [name for name in sorted(on_disk) if f"{name}.txt" not in sources] == []
    # The held-out letters are cited in the pairs' README, each with its address.
    readme = (BENCH / "meaning" / "README.md").read_text(encoding="utf-8")
    assert [name for name in sorted(held_out) if f"{name}.txt" not in readme] == []


def test_holdout_is_large_new_and_labelled_for_every_kind():
    _, rows = load_rows()
    holdout = [r for r in rows if r["split"] == "holdout"]
    assert len(holdout) >= 120
    assert len({r["letter"] for r in holdout}) >= 4
    assert not {r["letter"] for r in holdout} & {p.stem for p in LETTERS.glob("*.txt")}


def test_holdout2_is_new_real_model_output_and_covers_every_kind():
    """holdout2: at least 150 pairs from at least 6 letters used nowhere else, its faithful rows the real model's
    rewrites, and at least 8 harmful rows of every kind."""
    _, rows = load_rows()
    fresh = [r for r in rows if r["split"] == "holdout2"]
    assert len(fresh) >= 150
    letters = {r["letter"] for r in fresh}
    assert len(letters) >= 6
    assert not letters & {r["letter"] for r in rows if r["split"] != "holdout2"}
    faithful = [r for r in fresh if r["kind"] == "faithful"]
    assert faithful and all(r["note"].startswith("model output") for r in faithful)
    harmful = Counter(r["kind"] for r in fresh if r["harmful"] == "yes")
    assert {k: harmful[k] for k in UNFAITHFUL_KINDS if harmful[k] < 8} == {}


@pytest.mark.parametrize("split, prefix", [("holdout3", "k"), ("holdout4", "n")])
def test_a_fresh_holdout_is_new_real_model_output_and_covers_every_kind(split, prefix):
    """holdout3 and holdout4 (each made like the one before once that one became a tuning split): at least 150 pairs
    from at least 6 letters used nowhere else, most of them the real model's lines, and at least 8 harmful rows of
    every kind."""
    _, rows = load_rows()
    fresh = [r for r in rows if r["split"] == split]
    assert len(fresh) >= 150
    letters = {r["letter"] for r in fresh}
    assert len(letters) >= 6
    assert all(name.startswith(prefix) for name in letters)
    assert not letters & {r["letter"] for r in rows if r["split"] != split}
    faithful = [r for r in fresh if r["kind"] == "faithful"]
    assert faithful and all(r["note"].startswith("model output") for r in faithful)
    assert all(r["note"].startswith(("model output", "hand-made")) for r in fresh)
    assert sum(r["note"].startswith("model output") for r in fresh) > len(fresh) / 2
    harmful = Counter(r["kind"] for r in fresh if r["harmful"] == "yes")
    assert {k: harmful[k] for k in UNFAITHFUL_KINDS if harmful[k] < 8} == {}


@pytest.mark.parametrize(("split", "prefix"), [("holdout5", "p"), ("holdout6", "q")])
def test_the_model_only_splits_are_only_the_real_models_lines_of_new_letters(split, prefix):
    """holdout5 and holdout6: the real model's raw lines of at least 6 letters used nowhere else (files p1_ to p8_,
    q1_ to q8_), labelled before the verifier ran on them; no hand-made rows, so recall per kind is only over the
    errors the model made (few harmful ones), and false alarms are over the model's own faithful lines."""
    _, rows = load_rows()
    fresh = [r for r in rows if r["split"] == split]
    assert len(fresh) >= 150
    letters = {r["letter"] for r in fresh}
    assert len(letters) >= 6 and all(name.startswith(prefix) for name in letters)
    assert not letters & {r["letter"] for r in rows if r["split"] != split}
    assert all(r["note"].startswith("model output") for r in fresh)
    assert sum(r["kind"] == "faithful" for r in fresh) >= 100


@pytest.fixture()
def tiny(tmp_path):
    """A one-letter set to show the checks catch what they claim to catch."""
    (tmp_path / "01_x.txt").write_text("We will pay you £10. You must reply by 1 May.\n", encoding="utf-8")
    row = {
        "id": "p1",
        "letter": "01_x",
        "letter_sentence": "We will pay you £10.",
        "easy_read_sentence": "We will pay you £10.",
        "label": "faithful",
        "kind": "faithful",
        "harmful": "no",
        "split": "dev",
        "note": "",
    }
    return tmp_path, row


def test_checks_catch_a_sentence_not_in_the_letter(tiny):
    letters, row = tiny
    assert problems(COLUMNS, [row], letters) == []
    bad = dict(row, letter_sentence="You will pay us £10.")
    assert any("not verbatim" in p for p in problems(COLUMNS, [bad], letters))


def test_checks_catch_a_letter_in_both_splits_and_a_wrong_label(tiny):
    letters, row = tiny
    other = dict(row, id="p2", split="test", kind="money", label="faithful", harmful="yes")
    found = problems(COLUMNS, [row, other], letters)
    assert any("letter 01_x is in both splits" in p for p in found)
    assert any("sentence in both splits" in p for p in found)
    assert any("does not match kind" in p for p in found)


def test_checks_catch_missing_columns_and_small_sets(tiny):
    _, row = tiny
    assert problems(COLUMNS[:-1], [row]) != []
    assert "only 1 rows, need 300" in minimum_problems([row])


def test_drafts_are_labelled_real_model_lines_of_our_own_letters():
    """drafts: real model lines the verifier flagged in drafts of dev and test letters, labelled both ways, so the
    bench shows false alarms on real output beside the errors still caught."""
    _, rows = load_rows()
    drafts = [r for r in rows if r["split"] == "drafts"]
    assert len(drafts) >= 100
    assert all(r["note"].startswith("model output") for r in drafts)
    assert {r["letter"] for r in drafts} <= {p.stem for p in LETTERS.glob("*.txt")}
    kinds = Counter(r["kind"] for r in drafts)
    assert kinds["faithful"] >= 30 and sum(kinds.values()) - kinds["faithful"] >= 30


def test_drafts_may_share_letters_with_dev_but_dev_and_test_may_not(tiny):
    letters, row = tiny
    assert problems(COLUMNS, [row, dict(row, id="p2", split="drafts")], letters) == []
    assert problems(COLUMNS, [row, dict(row, id="p2", split="test")], letters) != []

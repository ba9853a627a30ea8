"""The text caches change no output: real letters through the whole pipeline (real spaCy, real checks, the meaning
rules) with the instant fake model, caches off and on; and the `bench pipeline-cpu` figures."""

from __future__ import annotations

import pytest

from easyread.checks import nlp, textcache
from easyread.config import load_settings
from easyread.documents.read import read_document
from easyread.simplify.checking import load_default_glossary
from easyread.simplify.pipeline import simplify_documents
from easyread_bench.fake_engine import InstantEngine
from easyread_bench.pipeline_cpu import REAL_LETTERS, clear_text_caches, outputs_of, run, run_letter

LETTERS = ("01_hackney_rent_arrears_first", "12_kings_pre_assessment")


@pytest.fixture(scope="module")
def glossary():
    return load_default_glossary()


@pytest.mark.parametrize("name", LETTERS)
def test_a_letter_gets_the_same_draft_with_and_without_the_caches(name, glossary):
    doc = read_document(REAL_LETTERS / f"{name}.txt")
    settings = load_settings()
    before = run_letter(doc, glossary, settings, cached=False)
    after = run_letter(doc, glossary, settings, cached=True)
    # The fake model's replies sent the letter through every stage that checks: repair, best-of-N, the meaning repair.
    counts = before["counts"]
    assert counts["repair_prompts"] and counts["best_of_prompts"] and before["prompts"] > counts["rewrite_prompts"]
    assert any(f.startswith("meaning-") for p in before["outputs"]["draft"]["sections"] for f in _flags(p))
    assert after["outputs"]["draft"] == before["outputs"]["draft"]  # text, flags, findings, sources of every point
    assert after["outputs"] == before["outputs"]  # and the notes, the meaning flags and the report
    assert after["parses"] * 2 < before["parses"]
    assert after["fact_scans"] * 3 < before["fact_scans"]


def test_a_letter_gets_the_same_draft_with_each_greedy_prompt_asked_once(glossary):
    from easyread_bench.prompt_counts import TokenCount, prompt_stages

    doc = read_document(REAL_LETTERS / f"{LETTERS[0]}.txt")
    settings = load_settings()
    every = run_letter(doc, glossary, settings, cached=True, merged=False)
    once = run_letter(doc, glossary, settings, cached=True)
    assert once["outputs"] == every["outputs"]
    # Repair round 2 asks again, word for word, for the lines round 1 could not mend: greedy, so the same reply.
    stages = prompt_stages(every["asked"], once["asked"], TokenCount(None))
    again = stages["repair round 2"]
    assert again["copies_across_calls"] > 0 and again["sent"] == again["prompts"] - again["copies_across_calls"]
    assert once["prompts"] == every["prompts"] - sum(
        r["copies_in_call"] + r["copies_across_calls"] for r in stages.values()
    )
    # Sampled prompts (best-of-N) are never merged.
    assert stages["best-of-N"]["sent"] == stages["best-of-N"]["prompts"] == stages["best-of-N"]["sampled"] > 0


def _flags(section: dict) -> list[str]:
    return [f for point in section["points"] for f in point.get("flags", [])]


def test_letters_in_flight_together_share_the_caches_and_get_the_same_drafts(glossary):
    """Two letters at once, each on its own thread, as a worker runs them (REWRITE_LETTERS_IN_FLIGHT)."""
    docs = [read_document(REAL_LETTERS / f"{name}.txt") for name in LETTERS]
    settings = load_settings().replace(REWRITE_LETTERS_IN_FLIGHT=2)
    clear_text_caches()
    with textcache.uncached():
        plain = simplify_documents(docs, InstantEngine(), glossary=glossary, settings=settings)
    clear_text_caches()
    parsed = nlp.parse_counts().parsed
    cached = simplify_documents(docs, InstantEngine(), glossary=glossary, settings=settings)
    assert nlp.parse_counts().parsed > parsed and nlp.cache_size() > 0
    assert [outputs_of(r) for r in cached] == [outputs_of(r) for r in plain]


def test_the_bench_prints_cpu_parses_and_memory_both_ways(capsys):
    figures = run(["--first", "1"])
    out = capsys.readouterr().out
    assert "whole pipeline:" in out and "spaCy parses:" in out and "per stage" in out and "cache memory:" in out
    assert figures["same_outputs"] == 1 and figures["letters_measured"] == 1
    assert "Prompts per stage" in out and figures["same_drafts_merged"] == 1
    prompts = figures["prompt_stages"]
    assert {"rewrite", "summary", "repair round 1"} <= set(prompts)
    assert prompts["rewrite"]["tokens"] > prompts["rewrite"]["prompts"] * 100  # rules and worked example in each
    assert sum(r["sent"] for r in prompts.values()) < sum(r["prompts"] for r in prompts.values())
    a, b = figures["uncached"], figures["cached"]
    assert a["parses"] > b["parses"] > 0 and a["fact_scans"] > b["fact_scans"] > 0
    assert a["median_cpu_seconds"] > 0 and b["median_cpu_seconds"] > 0
    assert set(a["median_stage_seconds"]) >= {"plan", "rewrite", "repair", "meaning", "finish"}
    assert figures["memory"]["docs_held"] > 0 and figures["peak_rss_mb"] > 0

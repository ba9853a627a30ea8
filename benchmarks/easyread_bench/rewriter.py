"""Faithfulness, readability and throughput of the rewriter, beside a naive baseline.

    python -m easyread_bench.rewriter [--letters DIR] [--first N] [--model embedded|embedded-fast|embedded-openvino]
        [--baseline-paragraphs K] [--json FILE] [--samples N]

The pipeline rewrites every letter of a folder of .txt letters (our set,
benchmarks/easyread_bench/letters/, by default) together, batched. The baseline, in the same
run and on the same model, rewrites the first K letter sentences one at a time
with a plain `generate` at batch 1 and the same prompt: tokens per second is a
rate, so a few sentences measure it. Figures: sentence length, hard facts kept
(from each letter's JSON, matched independently of the fact lock), invented
facts, the trace (points with a source, information-carrying letter sentences
covered), sentences marked by the meaning check, the gate, letters per hour,
tokens per second, and peak memory (resource.getrusage).
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import dataclasses
import json
import re
import resource
import time

from easyread.engines.base import Sampling
from easyread_bench import machine_line
from easyread_bench.letterset import fact_found, load_letters
from easyread_bench.llama import llama_single_stream

_DETAILS = "Your details"


def _words(sentence: str) -> int:
    return len([w for w in sentence.split() if re.search(r"\w", w)])


def sentence_figures(drafts) -> dict:
    """Share of sentences of 15 words or fewer, and mean words, over every point but 'Your details'."""
    from easyread.checks.rules import split_sentences

    counts = [
        _words(s)
        for d in drafts
        for sec in d.sections
        if sec.heading != _DETAILS
        for p in sec.points
        for s in split_sentences(p.text)
    ]
    if not counts:
        return {"sentences": 0, "share_le_15": 0.0, "mean_words": 0.0, "share_le_20": 0.0}
    return {
        "sentences": len(counts),
        "share_le_15": sum(c <= 15 for c in counts) / len(counts),
        "share_le_20": sum(c <= 20 for c in counts) / len(counts),
        "mean_words": sum(counts) / len(counts),
    }


def _baseline(engine, docs, paragraphs: int) -> dict:
    """One paragraph at a time, batch 1, same prompt and model: the naive way."""
    from easyread.simplify import checking
    from easyread.simplify.pipeline import rewrite_budget
    from easyread.simplify.plan import plan_letter
    from easyread.simplify.prompts import rewrite_prompt

    units = [u for d in docs for u in plan_letter(d).units][:paragraphs]
    # Naive means plain generate, every prompt read whole: no start kept from the pipeline's run.
    plain = engine.plain() if hasattr(engine, "plain") else contextlib.nullcontext()
    with plain:
        tokens0, started = engine.stats.generated_tokens, time.monotonic()
        for unit in units:
            facts = [checking.fact_text(f) for f in unit.facts if checking.fact_kind(f) != "right"]
            sampling = Sampling(max_new_tokens=rewrite_budget(unit.text))
            prompt = rewrite_prompt(unit.text, unit.context, facts, unit.terms, heading=unit.heading)
            engine.generate([prompt], sampling)
        seconds = time.monotonic() - started
    tokens = engine.stats.generated_tokens - tokens0
    return {
        "paragraphs": len(units),
        "seconds": seconds,
        "tokens": tokens,
        "tokens_per_second": tokens / seconds if seconds else 0.0,
        "seconds_per_paragraph": seconds / max(1, len(units)),
    }


def trace_figures(docs, results) -> dict:
    """Points traced to a letter sentence, letter sentences covered, and points the meaning check marked."""
    from easyread.simplify.trace import coverage

    points = traced = unknown = informative = uncovered = marked = 0
    left_out: list[str] = []
    for doc, result in zip(docs, results):
        cov = coverage(doc, result.draft)
        points += cov.points
        traced += cov.traced
        unknown += len(cov.unknown)
        informative += len(cov.informative)
        uncovered += len(cov.uncovered)
        left_out += [f"{doc.source_name or doc.title}: {s.id} {s.text}" for s in cov.uncovered]
        marked += sum(1 for p in result.draft.points() if any(f.startswith("meaning-") for f in p.flags))
    return {
        "points": points,
        "traced": traced,
        "traced_share": traced / points if points else 1.0,
        "unknown_ids": unknown,
        "informative_sentences": informative,
        "uncovered": uncovered,
        "covered_share": 1 - uncovered / informative if informative else 1.0,
        "uncovered_sentences": left_out,
        "marked": marked,
        "verified": points - marked,
    }


def _facts(letters, results) -> dict:
    total = kept = readded = 0
    missing = []
    for letter, result in zip(letters, results):
        text = result.draft.text()
        readd_text = " ".join(p.text for p in result.draft.points() if "fact-readded" in p.flags)
        for fact in letter.facts:
            total += 1
            if fact_found(fact, text):
                kept += 1
                readded += fact_found(fact, readd_text) and not fact_found(fact, text.replace(readd_text, ""))
            else:
                missing.append(f"{letter.name}: {fact['text']}")
    return {
        "hard_facts": total,
        "kept": kept,
        "kept_share": kept / total if total else 1.0,
        "kept_by_template": int(readded),
        "missing": missing,
    }


def run(args: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(
        prog="easyread bench rewriter", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--letters",
        default=None,
        metavar="DIR",
        help="A folder of .txt letters (default: our set). A number N is taken as --first N.",
    )
    parser.add_argument("--first", type=int, default=None, help="Use the first N letters only.")
    parser.add_argument(
        "--model",
        default="embedded",
        help="Model spec (embedded, embedded-fast, embedded-openvino, transformers:///path, openvino:///path).",
    )
    parser.add_argument(
        "--baseline-paragraphs", type=int, default=4, help="Paragraphs the batch-1 baseline rewrites (0: skip)."
    )
    parser.add_argument("--json", default=None, help="Also write every figure and output to this JSON file.")
    parser.add_argument("--samples", type=int, default=2, help="Print this many drafts in full.")
    parser.add_argument(
        "--paths",
        default="stages,overlap",
        help="Pipeline paths to run, side by side on the same letters: stages (each stage across all letters in "
        "turn, the old way), overlap (letters at their own pace, one engine queue). Quality figures are the last's.",
    )
    parser.add_argument(
        "--no-llama-cpp",
        action="store_true",
        help="Skip llama.cpp on one stream (timed on the baseline's sentences when llama_cpp is installed).",
    )
    opts = parser.parse_args(args)

    from easyread.config import load_settings
    from easyread.documents.read import read_document
    from easyread.engines.registry import get_engine
    from easyread.simplify.checking import load_default_glossary

    settings = load_settings()
    folder, first = opts.letters, opts.first
    if folder and folder.isdigit():
        folder, first = None, int(folder)
    letters = load_letters(first, folder)
    docs = [read_document(l.path) for l in letters]
    engine = get_engine(opts.model, settings)
    engine.generate([[{"role": "user", "content": "Say hello."}]], Sampling(max_new_tokens=2))  # load weights now
    glossary = load_default_glossary()
    runtime = ("openvino-genai",) if "openvino" in opts.model else ()
    print(machine_line(("torch", "transformers", "spacy", "wordfreq", *runtime)), flush=True)
    print(
        f"model: {opts.model} ({getattr(engine, 'name', '?')}), letters: {len(letters)}, "
        f"batch {settings['REWRITE_BATCH_SIZE']}, repair rounds {settings['REWRITE_REPAIR_ROUNDS']}, "
        f"best of {settings['REWRITE_BEST_OF']}, meaning check {settings['REWRITE_MEANING_CHECK']}, "
        f"condition cuts {settings['REWRITE_CONDITION_CUTS']}, short cuts {settings['REWRITE_SHORT_CUTS']}",
        flush=True,
    )

    last = {"stage": None}

    def progress(stage, done, total):
        if stage != last["stage"] or done == total:
            print(f"  [{time.strftime('%H:%M:%S')}] {stage} {done}/{total}", flush=True)
            last["stage"] = stage

    paths = {}
    for path in [p.strip() for p in opts.paths.split(",") if p.strip()]:
        print(f"path: {path}", flush=True)
        results, paths[path] = _pipeline(path, engine, docs, glossary, settings, progress)
    failed = [(l.name, str(r)) for l, r in zip(letters, results) if isinstance(r, Exception)]
    pairs = [(l, r) for l, r in zip(letters, results) if not isinstance(r, Exception)]
    letters_ok, results_ok = [p[0] for p in pairs], [p[1] for p in pairs]
    docs_ok = [d for d, r in zip(docs, results) if not isinstance(r, Exception)]
    pipeline = paths[path]
    baseline = _baseline(engine, docs, opts.baseline_paragraphs) if opts.baseline_paragraphs else None
    points = [p for r in results_ok for p in r.draft.points()]
    figures = {
        "sentences": sentence_figures([r.draft for r in results_ok]),
        "facts": _facts(letters_ok, results_ok),
        "invented_after_lock": sum(len(r.facts.invented) + len(r.facts.changed) for r in results_ok),
        "invented_removed": sum(1 for r in results_ok for n in r.notes if n.startswith("Removed")),
        "meaning_counts": {
            what: sum(r.meaning_counts.get(what, 0) for r in results_ok)
            for what in ("found", "left_out", "repaired", "fell_back")
        },
        "meaning_flags": [
            {k: f[k] for k in ("letter", "flag", "rule_id", "sentence", "reason")}
            for r in results_ok
            for f in r.meaning_flags
        ],
        "gate_passed": sum(1 for r in results_ok if r.report is not None and r.report.passed) / max(1, len(results_ok)),
        "points_without_fail": sum(1 for p in points if not any(f.get("severity") == "fail" for f in p.findings))
        / max(1, len(points)),
        # The letter's own words that read as Easy Read ("letter-words") need nobody, as on the pages.
        "flagged_points": sum(1 for p in points if set(p.flags) - {"letter-part", "letter-words"}),
        "trace": trace_figures(docs_ok, results_ok),
        "pipeline": pipeline,
        "paths": {name: {k: v for k, v in fig.items() if k != "drafts"} for name, fig in paths.items()},
        "same_drafts": _same(paths),
        "baseline": baseline,
        "llama_cpp": llama_single_stream(engine, docs, opts.baseline_paragraphs) if not opts.no_llama_cpp else None,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "refused": failed,
    }
    if baseline and baseline["tokens_per_second"]:
        figures["speedup_tokens_per_second"] = pipeline["tokens_per_second"] / baseline["tokens_per_second"]
        # The rewrite stage does what the baseline does (every paragraph once, same prompt): like for like.
        rewrite_seconds = pipeline["timings"].get("rewrite", 0.0)
        if rewrite_seconds:
            pipeline["rewrite_tokens_per_second"] = pipeline["stage_tokens"].get("rewrite", 0) / rewrite_seconds
            figures["speedup_rewrite_stage"] = pipeline["rewrite_tokens_per_second"] / baseline["tokens_per_second"]
        # The baseline rewrites letter sentences one at a time, as the pipeline's rewrite stage does.
        paragraphs = pipeline["counts"].get("rewrite_prompts", 0) / max(1, len(results_ok)) or sum(
            1 for d in docs for b in d.body_blocks()
        ) / max(1, len(docs))
        figures["baseline"]["letters_per_hour_rewrite_only"] = 3600 / (baseline["seconds_per_paragraph"] * paragraphs)
    _print(figures, results_ok, letters_ok, opts.samples)
    if opts.json:
        out = dict(
            figures, drafts={l.name: r.draft.to_dict() for l, r in pairs}, notes={l.name: r.notes for l, r in pairs}
        )
        with open(opts.json, "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=2, ensure_ascii=False, default=str)
    return figures


def _pipeline(path: str, engine, docs, glossary, settings, progress) -> tuple[list, dict]:
    """Run the whole pipeline on `docs` by one path; its results and its throughput figures."""
    from easyread.simplify.pipeline import simplify_documents

    stats = engine.stats
    in_flight = 0 if path == "stages" else max(1, int(settings["REWRITE_LETTERS_IN_FLIGHT"]))
    occupancy = copy.copy(stats.occupancy)
    tokens0, engine_s0, started = stats.generated_tokens, stats.seconds, time.monotonic()
    read0, shared0 = stats.prompt_tokens, getattr(stats, "shared_prompt_tokens", 0)
    results = simplify_documents(
        docs,
        engine,
        glossary=glossary,
        settings=settings.replace(REWRITE_LETTERS_IN_FLIGHT=in_flight),
        progress=progress,
    )
    seconds = time.monotonic() - started
    tokens = stats.generated_tokens - tokens0
    ok = [r for r in results if not isinstance(r, Exception)]
    now = stats.occupancy
    steps = now.steps - occupancy.steps
    return results, {
        "seconds": seconds,
        "tokens": tokens,
        "tokens_per_second": tokens / seconds if seconds else 0.0,
        "engine_seconds": stats.seconds - engine_s0,
        "prompt_tokens_read": stats.prompt_tokens - read0,
        "prompt_tokens_shared": getattr(stats, "shared_prompt_tokens", 0) - shared0,
        "letters_per_hour": len(ok) / seconds * 3600 if seconds else 0.0,
        "decode_steps": steps,
        "occupancy_full": (now.full_steps - occupancy.full_steps) / steps if steps else None,
        "occupancy_mean": (now.row_steps - occupancy.row_steps) / (steps * now.slots) if steps and now.slots else None,
        "engine_time": dataclasses.asdict(now.since(occupancy)),
        "engine_time_line": now.since(occupancy).time_line(),
        "timings": ok[0].timings if ok else {},
        "counts": ok[0].tokens if ok else {},
        "stage_tokens": ok[0].stage_tokens if ok else {},
        "drafts": [r.draft.to_dict() if not isinstance(r, Exception) else None for r in results],
    }


def _same(paths: dict) -> str | None:
    """How many letters got the same draft by every path ("3/4"), or None with one path."""
    if len(paths) < 2:
        return None
    runs = [fig["drafts"] for fig in paths.values()]
    same = sum(1 for drafts in zip(*runs) if all(d == drafts[0] for d in drafts))
    return f"{same}/{len(runs[0])}"


def _print_paths(fig: dict) -> None:
    print("\n== Pipeline paths, same letters, one run ==")
    for name, p in fig["paths"].items():
        full = "n/a" if p["occupancy_full"] is None else f"{p['occupancy_full']:.0%}"
        mean = "n/a" if p["occupancy_mean"] is None else f"{p['occupancy_mean']:.0%}"
        print(
            f"  {name:8} {p['seconds']:6.0f} s, {p['tokens']} tokens = {p['tokens_per_second']:5.1f} tokens/s, "
            f"{p['letters_per_hour']:.1f} letters/hour; engine occupancy: {full} of {p['decode_steps']} decode steps "
            f"with every row taken, rows {mean} full on average"
        )
        print(f"           {p['engine_time_line']}")
    if fig["same_drafts"]:
        print(f"  letters with the same draft by every path: {fig['same_drafts']}")
    if "stages" in fig["paths"] and "overlap" in fig["paths"] and fig["paths"]["stages"]["seconds"]:
        a, b = fig["paths"]["stages"], fig["paths"]["overlap"]
        print(f"  overlap / stages: {b['tokens_per_second'] / max(a['tokens_per_second'], 1e-9):.2f}x tokens/s")
    llama = fig.get("llama_cpp")
    if llama is not None:
        if llama.get("tokens_per_second"):
            print(
                f"  llama.cpp, one stream ({llama['model']}): {llama['tokens']} tokens in {llama['seconds']:.0f} s = "
                f"{llama['tokens_per_second']:.1f} tokens/s"
            )
        else:
            print(f"  llama.cpp, one stream: {llama['note']}")


def _print(fig: dict, results, letters, samples: int) -> None:
    s, f, p, b = fig["sentences"], fig["facts"], fig["pipeline"], fig["baseline"]
    print("\n== Quality ==")
    print(
        f"sentences: {s['sentences']}, ≤15 words: {s['share_le_15']:.1%} (target ≥95%), ≤20: {s['share_le_20']:.1%}, "
        f"mean words: {s['mean_words']:.1f} (target ≤11)"
    )
    print(
        f"hard facts kept: {f['kept']}/{f['hard_facts']} = {f['kept_share']:.1%} (target 100%), "
        f"{f['kept_by_template']} of them by template re-add"
    )
    for m in f["missing"]:
        print(f"  missing: {m}")
    print(
        f"invented facts left after the lock: {fig['invented_after_lock']} (target 0); "
        f"sentences removed for an invented fact: {fig['invented_removed']}"
    )
    print(f"meaning check flagged {len(fig['meaning_flags'])} sentences:")
    for m in fig["meaning_flags"]:
        print(f"  [{m['letter']}] {m['flag']} ({m['rule_id']}): {m['sentence']}")
    t = fig["trace"]
    print(
        f"points with a traced source: {t['traced']}/{t['points']} = {t['traced_share']:.1%} (target 100%); "
        f"ids not in the letter: {t['unknown_ids']}"
    )
    print(
        f"information-carrying letter sentences covered: {t['informative_sentences'] - t['uncovered']}/"
        f"{t['informative_sentences']} = {t['covered_share']:.1%} (target ≥95%)"
    )
    for line in t["uncovered_sentences"]:
        print(f"  not in the Easy Read: {line}")
    c = fig["meaning_counts"]
    print(
        f"meaning errors found by the verifier: {c['found']} model sentences; repaired by the model and verified: "
        f"{c['repaired']}; replaced by the letter's own words: {c['fell_back']}; left out before any repair, as the "
        f"other lines of their sentence say all of it the letter does: {c.get('left_out', 0)}"
    )
    print(f"sentences verified (no meaning mark): {t['verified']}; marked by the meaning check: {t['marked']}")
    print(
        f"gate passed: {fig['gate_passed']:.1%} of letters; points without a failing finding: {fig['points_without_fail']:.1%}; "
        f"points flagged for a person: {fig['flagged_points']}"
    )
    print("\n== Throughput ==")
    print(
        f"pipeline: {len(results)} letters in {p['seconds']:.0f} s = {p['letters_per_hour']:.1f} letters/hour; "
        f"{p['tokens']} tokens generated = {p['tokens_per_second']:.1f} tokens/s (wall, incl. checks)"
    )
    print(
        f"  prompt tokens read: {p['prompt_tokens_read']}, taken from a shared start instead: {p['prompt_tokens_shared']}"
    )
    print(
        "  stage seconds (tokens generated): "
        + ", ".join(f"{k} {v:.0f} ({p['stage_tokens'].get(k, 0)})" for k, v in p["timings"].items())
    )
    if b:
        print(
            f"baseline (batch 1, one sentence at a time): {b['paragraphs']} sentences in {b['seconds']:.0f} s, "
            f"{b['tokens_per_second']:.2f} tokens/s; rewrite-only letters/hour ≈ {b.get('letters_per_hour_rewrite_only', 0):.1f}"
        )
        if "speedup_tokens_per_second" in fig:
            print(
                f"speed-up in tokens/s, whole pipeline incl. checks and repairs: {fig['speedup_tokens_per_second']:.1f}× (target ≥5×)"
            )
        if "speedup_rewrite_stage" in fig:
            print(
                f"speed-up in tokens/s, rewrite stage (the baseline's work, batched): "
                f"{p['rewrite_tokens_per_second']:.1f} tokens/s = {fig['speedup_rewrite_stage']:.1f}×"
            )
    print(f"peak memory (ru_maxrss): {fig['peak_rss_mb']:.0f} MB")
    _print_paths(fig)
    for name, reason in fig["refused"]:
        print(f"refused {name}: {reason}")
    for letter, result in list(zip(letters, results))[:samples]:
        print(f"\n== Sample: {letter.name} (each point with the ids of the letter sentences it says) ==")
        for section in result.draft.sections:
            print(section.heading)
            for point in section.points:
                print(f"  {point.text}  <- {', '.join(point.sources or []) or 'no source'}")


if __name__ == "__main__":  # pragma: no cover
    run()

